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
    return new Rack('topology-label', topologyKey, undefined);
  }

  /**
   * From an environment variable of the Kafka container (set it through the container template).
   * @param envVarName the variable's name
   */
  public static environmentVariable(envVarName: string): Rack {
    return new Rack('environment-variable', undefined, envVarName);
  }

  private constructor(
    /** `topology-label` or `environment-variable`. */
    public readonly type: string,
    /** The node label, for `topology-label`. */
    public readonly topologyKey: string | undefined,
    /** The variable name, for `environment-variable`. */
    public readonly envVarName: string | undefined,
  ) {}

  /** @internal */
  public _render(): any {
    return this.type === 'topology-label'
      ? { type: this.type, topologyKey: this.topologyKey }
      : { type: this.type, envVarName: this.envVarName };
  }
}
