import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { _strimziRelabelings } from './scrape-targets';
import * as prom from '../../imports/monitoring.coreos.com';
import type { IKafkaBridge } from '../bridge/common';
import { toDns1123Label } from '../common/names';
import { addRules } from '../common/validation';

/**
 * The label every bridge series gets from the library's PodMonitors: the bridge's
 * name (`bridge.id`), for operator-managed bridges and sidecars alike.
 */
export const BRIDGE_SCRAPE_LABEL = 'kafka_bridge';

/** The management port name the bridges serve `/metrics` on. */
export const BRIDGE_METRICS_PORT = 'rest-api-mgmt';

/**
 * Properties of `KafkaBridgePodMonitors`.
 */
export interface KafkaBridgePodMonitorsProps {
  /** The bridges to scrape (operator-managed `KafkaBridge`s and sidecars). Each needs metrics on. */
  readonly bridges: IKafkaBridge[];
  /**
   * Namespace of the PodMonitors.
   * @default - each bridge's namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the PodMonitors, for the Prometheus resource's `podMonitorSelector`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Scrape interval.
   * @default - the Prometheus default
   */
  readonly interval?: Duration;
}

/**
 * One Prometheus Operator PodMonitor per HTTP bridge, scraping `/metrics` on port
 * `rest-api-mgmt`. Series carry `kafka_bridge=<bridge name>` plus the labels of
 * `ScrapeLabels`. A sidecar bound to loopback cannot be scraped (synth-time error).
 */
export class KafkaBridgePodMonitors extends Construct {
  /** The PodMonitors, by bridge name. */
  public readonly podMonitors: { [bridge: string]: ApiObject } = {};

  constructor(scope: Construct, id: string, props: KafkaBridgePodMonitorsProps) {
    super(scope, id);
    props.bridges.forEach((b, i) => {
      const childId = this.node.tryFindChild(b.bridgeName) ? `${b.bridgeName}-${i}` : b.bridgeName;
      this.podMonitors[b.bridgeName] = new prom.PodMonitor(this, childId, {
        metadata: { name: toDns1123Label(`${b.bridgeName}-kafka-bridge`), namespace: props.namespace ?? b.namespace, labels: props.labels },
        spec: {
          selector: { matchLabels: b.podSelectorLabels },
          namespaceSelector: { matchNames: [b.namespace] },
          podMetricsEndpoints: [{
            port: BRIDGE_METRICS_PORT,
            path: '/metrics',
            interval: props.interval ? `${props.interval.toSeconds()}s` : undefined,
            relabelings: [
              ..._strimziRelabelings(),
              { action: 'replace', targetLabel: BRIDGE_SCRAPE_LABEL, replacement: b.bridgeName },
            ] as any,
          }],
        },
      });
    });
    addRules(this, (c) => {
      const names = props.bridges.map((b) => `${b.namespace}/${b.bridgeName}`);
      for (const n of names.filter((x, i) => names.indexOf(x) !== i)) {
        c.add(`PodMonitors of bridge "${n}"`, 'two bridges share the name (their series would mix)', 'give each bridge its own name (bridgeName of a sidecar)', 'KAF-BRG-024');
      }
      for (const b of props.bridges) {
        const subject = `PodMonitor of bridge "${b.bridgeName}"`;
        c.check(b.metrics === undefined, subject, 'the bridge has no metrics, so /metrics answers 404', 'set metrics on the bridge, e.g. MetricsConfig.strimziMetricsReporter()', 'KAF-BRG-025');
        c.check(!b.managementReachable, subject, 'the sidecar binds the management port to loopback, so Prometheus cannot reach /metrics',
          'use binding BridgeSidecarBinding.ALL_INTERFACES for this sidecar, or leave it out of the PodMonitors', 'KAF-BRG-026');
      }
    });
  }
}
