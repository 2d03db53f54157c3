/*
 * The ACLs each side of one MirrorMaker 2 mirror needs (library-internal), from
 * Strimzi's MirrorMaker 2 security documentation.
 */
import { need, NeededAcl } from './access';
import { AclOperation, AclPatternType, AclResource, AclResourceType } from '../../strimzi/acl';

/** What decides a mirror's ACLs. */
export interface MirrorAclFacts {
  readonly alias: string;
  readonly targetAlias: string;
  readonly topicsPattern?: string;
  readonly groupsPattern?: string;
  /** The source connector runs. */
  readonly copies: boolean;
  /** The checkpoint connector runs. */
  readonly checkpoints: boolean;
  /** `offset-syncs.topic.location: source`. */
  readonly offsetSyncsOnSource: boolean;
  /** Remote topics are named `<alias>.<topic>`. */
  readonly prefixesAlias: boolean;
}

/**
 * The resources a pattern list covers, for ACLs: a plain name is a literal, `<name>.*`
 * a prefix, anything else (or no pattern) every resource.
 */
export function patternResources(pattern: string | undefined, type: AclResourceType): AclResource[] {
  const all = type === AclResourceType.TOPIC ? AclResource.allTopics() : AclResource.allGroups();
  if (pattern === undefined) {
    return [all];
  }
  const out: AclResource[] = [];
  for (const raw of pattern.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const e = raw.replace(/\\\./g, '.');
    const prefix = /^([A-Za-z0-9._\u0000-]*)\.\*$/.exec(raw.replace(/\\\./g, '\u0000'));
    if (prefix && prefix[1] !== '') {
      const name = prefix[1].replace(/\u0000/g, '.');
      out.push(type === AclResourceType.TOPIC ? AclResource.topicPrefix(name) : AclResource.groupPrefix(name));
    } else if (/^[A-Za-z0-9._-]+$/.test(e) && !/^\.\*$/.test(raw)) {
      out.push(type === AclResourceType.TOPIC ? AclResource.topic(e) : AclResource.group(e));
    } else {
      return [all];
    }
  }
  return out.length > 0 ? out : [all];
}

function offsetSyncs(f: MirrorAclFacts, where: string): NeededAcl {
  return need(AclResource.topic(`mm2-offset-syncs.${f.targetAlias}.internal`),
    [AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS, AclOperation.READ, AclOperation.WRITE], `mirror from "${f.alias}": offset-syncs topic on the ${where}`);
}

/** What the source cluster's user needs. */
export function sourceSideAcls(f: MirrorAclFacts): NeededAcl[] {
  const out: NeededAcl[] = [];
  const from = `mirror from "${f.alias}"`;
  if (f.copies) {
    for (const r of patternResources(f.topicsPattern, AclResourceType.TOPIC)) {
      out.push(need(r, [AclOperation.DESCRIBE_CONFIGS, AclOperation.READ], `${from}: topics it copies`));
    }
  }
  out.push(need(AclResource.cluster(), [AclOperation.DESCRIBE], `${from}: MirrorMaker 2 describes the source cluster`));
  if (f.checkpoints) {
    for (const r of patternResources(f.groupsPattern, AclResourceType.GROUP)) {
      out.push(need(r, [AclOperation.DESCRIBE], `${from}: groups whose offsets it checkpoints`));
    }
  }
  if (f.offsetSyncsOnSource) {
    out.push(offsetSyncs(f, 'source'));
  }
  return out;
}

/** What the target cluster's user needs for this mirror (besides the workers' own ACLs). */
export function targetSideAcls(f: MirrorAclFacts): NeededAcl[] {
  const out: NeededAcl[] = [];
  const from = `mirror from "${f.alias}"`;
  if (f.copies) {
    for (const r of patternResources(f.topicsPattern, AclResourceType.TOPIC)) {
      const remote = !f.prefixesAlias ? r
        : r.patternType === AclPatternType.PREFIX ? AclResource.topicPrefix(`${f.alias}.${r.name}`)
          : r.name === '*' ? AclResource.topicPrefix(`${f.alias}.`) : AclResource.topic(`${f.alias}.${r.name}`);
      out.push(need(remote, [AclOperation.CREATE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS, AclOperation.WRITE], `${from}: remote topics it writes`));
    }
  }
  if (f.checkpoints) {
    out.push(need(AclResource.topic(`${f.alias}.checkpoints.internal`), [AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE],
      `${from}: checkpoints topic`));
    for (const r of patternResources(f.groupsPattern, AclResourceType.GROUP)) {
      out.push(need(r, [AclOperation.READ, AclOperation.DESCRIBE], `${from}: groups whose offsets it syncs`));
    }
  }
  if (!f.offsetSyncsOnSource) {
    out.push(offsetSyncs(f, 'target'));
  }
  return out;
}
