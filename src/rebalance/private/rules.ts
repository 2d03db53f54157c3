/*
 * Rebalance rules that compare a rebalance or template with a cluster's Cruise
 * Control settings (library-internal).
 */
import { ViolationCollector } from '../../common/validation';
import type { IKafkaCluster } from '../../strimzi/cluster';
import type { CruiseControlOptions } from '../../strimzi/cruise-control';
import { CruiseControlGoal } from '../goals';
import type { RebalanceOptions } from '../rebalance';

/**
 * The rules of a cluster's auto-rebalance entries that name templates: the template
 * must be in the cluster's namespace, and its goals must suit the cluster.
 * Called from the cluster's Cruise Control rules.
 */
export function checkAutoRebalanceTemplates(c: ViolationCollector, cluster: IKafkaCluster, cc: CruiseControlOptions): void {
  const subject = `Kafka cluster "${cluster.clusterName}" cruiseControl`;
  for (const entry of cc.autoRebalance ?? []) {
    const t = entry.template;
    c.check(t !== undefined && entry.templateName !== undefined, subject,
      `autoRebalance ${entry.mode} sets both template and templateName ("${entry.templateName}")`, 'set one of them', 'KAF-RBL-015');
    if (!t) {
      continue;
    }
    c.check(t.namespace !== cluster.namespace, subject,
      `autoRebalance ${entry.mode} uses template "${t.resourceName}" in namespace "${t.namespace}", but the operator looks for templates in the Kafka's namespace "${cluster.namespace}" only (templates bind by namespace, not by label), so the auto-rebalance would be skipped`,
      `create the template with namespace: "${cluster.namespace}"`, 'KAF-RBL-008');
    checkGoalsAgainstCluster(c, `${subject} autoRebalance ${entry.mode} template "${t.resourceName}"`, t.options, cluster);
  }
}

/** Rules comparing goals with the cluster's Cruise Control settings (owned clusters only). */
export function checkGoalsAgainstCluster(c: ViolationCollector, subject: string, o: RebalanceOptions, cluster: IKafkaCluster): void {
  const cc = cruiseControlOf(cluster);
  const goals = o.goals ?? [];
  if (!cc || goals.length === 0) {
    return;
  }
  if (cc.goals) {
    const missing = goals.filter((g) => !cc.goals!.some((x) => g.matches(x)));
    c.check(missing.length > 0, subject,
      `goal${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the Cruise Control goals of cluster "${cluster.clusterName}" (${cc.goals.join(', ')}), so Cruise Control rejects the request`,
      `add ${missing.join(', ')} to cruiseControl.goals, or remove ${missing.length === 1 ? 'it' : 'them'} from the rebalance`, 'KAF-RBL-007');
  }
  if (o.skipHardGoalCheck || o.rebalanceDisk) {
    return;
  }
  const hard = (cc.hardGoals ?? CruiseControlGoal.defaultHardGoals.map((g) => g.name))
    .filter((h) => cc.hardGoals || !cc.goals || cc.goals.some((x) => CruiseControlGoal.of(x).matches(h)));
  const missingHard = hard.filter((h) => !goals.some((g) => g.matches(h)));
  c.check(missingHard.length > 0, subject,
    `goals leave out the hard goal${missingHard.length === 1 ? '' : 's'} ${missingHard.join(', ')} of cluster "${cluster.clusterName}", so Cruise Control refuses the proposal`,
    `add ${missingHard.join(', ')} to goals, or set skipHardGoalCheck: true`, 'KAF-RBL-010');
}

/** The Cruise Control settings of a cluster this app defines (undefined for imported clusters). */
function cruiseControlOf(cluster: IKafkaCluster): CruiseControlOptions | undefined {
  return (cluster as { cruiseControl?: CruiseControlOptions }).cruiseControl;
}
