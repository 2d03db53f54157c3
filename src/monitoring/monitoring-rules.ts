/*
 * Kubernetes values and durations of the monitoring constructs: namespaces,
 * labels and annotations of the PodMonitors, PrometheusRule, dashboard
 * ConfigMaps and the standalone Prometheus, and durations Prometheus is given
 * in whole seconds. KAF-MON rules. Library-internal.
 */
import { Duration, Size } from 'cdk8s';
import { checkAnnotations, checkLabels, checkNamespace } from '../common/k8s-values';
import { checkWholeDuration, checkWholeSize } from '../common/safe-units';
import { ViolationCollector } from '../common/validation';

/** Where a monitoring object goes and what it is labelled with. */
export interface MonitoringObjectValues {
  readonly namespace?: string;
  readonly labels?: { [key: string]: any };
  readonly annotations?: { [key: string]: any };
}

/** Checks the namespace, labels and annotations of a monitoring object. */
export function checkMonitoringObject(c: ViolationCollector, subject: string, where: string, v: MonitoringObjectValues): void {
  checkNamespace(c, subject, `the namespace of ${where}`, v.namespace);
  checkLabels(c, subject, where, v.labels);
  checkAnnotations(c, subject, where, v.annotations);
}

/** A duration Prometheus (or the Prometheus Operator) is given in whole seconds, at least 1 second. */
export function checkPromDuration(c: ViolationCollector, subject: string, what: string, d: Duration | undefined): void {
  checkWholeDuration(c, subject, what, d, 'seconds', 'KAF-MON-001', 1);
}

/** A storage size given as a quantity. */
export function checkStorageSize(c: ViolationCollector, subject: string, what: string, s: Size | undefined): void {
  checkWholeSize(c, subject, what, s, 'KAF-MON-002');
}

/** A Prometheus duration (`90s`, `5m`, `2h`) that never throws. Fractions are reported by checkPromDuration. */
export function promDurationOf(d: Duration): string {
  const s = d.toSeconds({ integral: false });
  if (s > 0 && s % 3600 === 0) return `${s / 3600}h`;
  if (s > 0 && s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}
