import { ViolationCollector } from '../../common/validation';

/** Labels with the `strimzi.io/` prefix other than `strimzi.io/cluster` are rejected by Strimzi. */
export function checkStrimziLabels(c: ViolationCollector, subject: string, labels: { [key: string]: string } | undefined, where: string): void {
  const bad = Object.keys(labels ?? {}).filter((k) => k.startsWith('strimzi.io/') && k !== 'strimzi.io/cluster');
  c.check(bad.length > 0, subject, `label(s) ${bad.join(', ')} on ${where} use the strimzi.io/ prefix, which Strimzi rejects on custom resources (only strimzi.io/cluster is allowed)`,
    'use your own label prefix, e.g. example.com/team', 'KAF-CLU-068');
}
