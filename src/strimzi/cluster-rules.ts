/*
 * Cluster-level rules that belong to no single construct file: the Entity
 * Operator's values and the Cruise Control goal keys. Library-internal.
 */
import { CruiseControlOptions } from './cruise-control';
import { EntityOperatorOptions } from './entity-operator';
import { isDns1123Subdomain } from '../common/names';
import { checkWholeDuration } from '../common/safe-units';
import { ViolationCollector } from '../common/validation';

/** The Entity Operator's durations (rendered as whole milliseconds) and the user Secret prefix. */
export function checkEntityOperator(c: ViolationCollector, subject: string, eo: EntityOperatorOptions | undefined): void {
  if (!eo) return;
  checkWholeDuration(c, subject, 'the Topic Operator\'s reconciliationInterval', eo.topicOperatorOptions?.reconciliationInterval, 'milliseconds', 'KAF-APP-007', 1);
  checkWholeDuration(c, subject, 'the User Operator\'s reconciliationInterval', eo.userOperatorOptions?.reconciliationInterval, 'milliseconds', 'KAF-APP-007', 1);
  const prefix = eo.userOperatorOptions?.secretPrefix;
  // The User Operator names each user's Secret <prefix><user name>; the user names are checked on their own.
  c.check(prefix !== undefined && prefix !== '' && !isDns1123Subdomain(`${prefix}a`), subject,
    `the User Operator's secretPrefix "${prefix}" makes user Secret names that are not valid Kubernetes names (DNS-1123 subdomain: lower-case letters, digits, "-" and ".")`,
    'use a prefix like "kafka-"', 'KAF-K8S-005');
}

/** The typed goal props and the same keys in `config`: both set is ambiguous, since only one of them is rendered. */
export function checkCruiseControlGoalsConfig(c: ViolationCollector, subject: string, cc: CruiseControlOptions | undefined): void {
  if (!cc?.config) return;
  for (const [key, typed, prop] of [['goals', cc.goals, 'goals'], ['default.goals', cc.defaultGoals, 'defaultGoals'], ['hard.goals', cc.hardGoals, 'hardGoals']] as Array<[string, string[] | undefined, string]>) {
    c.check(typed !== undefined && cc.config[key] !== undefined, `${subject} cruiseControl`,
      `sets "${key}" both in config and as ${prop}`, `keep one of them (${prop} is checked against the other goal lists)`, 'KAF-APP-004');
  }
}
