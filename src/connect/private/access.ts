/*
 * The ACLs Connect workers, connectors and MirrorMaker 2 need, and the check
 * that a user has them (library-internal).
 */
import { ViolationCollector } from '../../common/validation';
import { AclOperation, AclPatternType, AclResource, AclResourceType, AclRule } from '../../strimzi/acl';
import { AclGrantOptions } from '../../strimzi/grants';
import type { IKafkaUser } from '../../strimzi/user';

/** One ACL rule a component needs, with the reason (for messages). */
export interface NeededAcl {
  readonly rule: AclRule;
  readonly reason: string;
}

/** `{ rule, reason }` shorthand. */
export function need(resource: AclResource, operations: AclOperation[], reason: string): NeededAcl {
  return { rule: { resource, operations }, reason };
}

/** Grants every needed rule to `user`; returns the rules. */
export function grantNeeded(user: IKafkaUser, needed: NeededAcl[], options: AclGrantOptions): AclRule[] {
  return needed.map((n) => user.grantAcl(n.rule, options));
}

/** The name `isAllowed` is asked about for a needed resource (a prefix stands for names starting with it). */
function probeName(r: AclResource): string {
  if (r.type === AclResourceType.CLUSTER) {
    return 'kafka-cluster';
  }
  return r.name ?? '';
}

/** The operations of `needed` that `user` is not allowed, per rule. */
export function missing(user: IKafkaUser, needed: NeededAcl[]): Array<{ need: NeededAcl; operations: AclOperation[] }> {
  const out: Array<{ need: NeededAcl; operations: AclOperation[] }> = [];
  for (const n of needed) {
    const r = n.rule.resource;
    // a prefix is covered when a name that starts with it, and that no literal rule names, is allowed
    const name = r.patternType === AclPatternType.PREFIX ? `${r.name ?? ''}\u0001` : probeName(r);
    const ops = n.rule.operations.filter((op) => !user.isAllowed(r.type, name, op));
    if (ops.length > 0) {
      out.push({ need: n, operations: ops });
    }
  }
  return out;
}

/** Reports every operation `user` lacks, one message per resource. */
export function checkAccess(c: ViolationCollector, subject: string, user: IKafkaUser | undefined, needed: NeededAcl[],
  fix: string, ruleId: string): void {
  if (!user) {
    return;
  }
  for (const m of missing(user, needed)) {
    c.add(subject, `user "${user.userName}" lacks ${m.operations.join(', ')} on ${m.need.rule.resource} (${m.need.reason})`, fix, ruleId);
  }
}
