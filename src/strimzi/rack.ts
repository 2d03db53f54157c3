import { ViolationCollector } from '../common/validation';
import { renderRack } from './render/v1/common';

/**
 * Where a broker's rack comes from (`spec.kafka.rack.type`).
 */
export enum RackType {
  /** A label of the Kubernetes node the broker runs on. */
  TOPOLOGY_LABEL = 'topology-label',
  /** An environment variable of the Kafka container. */
  ENVIRONMENT_VARIABLE = 'environment-variable',
}

/**
 * Rack awareness: where a broker's `broker.rack` comes from (`spec.kafka.rack`).
 * Kafka then spreads each partition's replicas across racks.
 */
export class Rack {
  /**
   * From a label of the Kubernetes node the broker runs on.
   * @param topologyKey the node label @default 'topology.kubernetes.io/zone'
   */
  public static topologyLabel(topologyKey: string = 'topology.kubernetes.io/zone'): Rack {
    return new Rack(RackType.TOPOLOGY_LABEL, topologyKey, undefined);
  }

  /**
   * From an environment variable of the Kafka container (set it through the container template).
   * @param envVarName the variable's name
   */
  public static environmentVariable(envVarName: string): Rack {
    return new Rack(RackType.ENVIRONMENT_VARIABLE, undefined, envVarName);
  }

  private constructor(
    /** Where the rack comes from. */
    public readonly type: RackType,
    /** The node label, for `RackType.TOPOLOGY_LABEL`. */
    public readonly topologyKey: string | undefined,
    /** The variable name, for `RackType.ENVIRONMENT_VARIABLE`. */
    public readonly envVarName: string | undefined,
  ) {}

  /**
   * The rack settings' own rules.
   * @internal
   */
  public _check(c: ViolationCollector, subject: string): void {
    c.check(this.type === RackType.TOPOLOGY_LABEL && !this.topologyKey, subject, 'rack awareness from a node label has an empty topology key', 'use Rack.topologyLabel("topology.kubernetes.io/zone")', 'KAF-POOL-018');
    c.check(this.type === RackType.ENVIRONMENT_VARIABLE && !this.envVarName, subject, 'rack awareness from an environment variable has an empty variable name', 'use Rack.environmentVariable("MY_RACK")', 'KAF-POOL-018');
  }

  /**
   * The rack as the v1 `spec.kafka.rack` (for the constructs that do not render from a model yet).
   * @internal
   */
  public _render(): any {
    return renderRack(this);
  }
}
