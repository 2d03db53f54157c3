import { ApiObject, ApiObjectProps, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { StrimziTarget } from './target';

/**
 * What every Strimzi custom resource construct passes to its base.
 */
export interface StrimziResourceProps {
  /** `metadata.name` of the custom resource. */
  readonly name: string;
  /** `metadata.namespace` of the custom resource. */
  readonly namespace: string;
  /** The Strimzi release the resource is written for (inherited from the cluster it names). */
  readonly target: StrimziTarget;
  /** The resource's kind, e.g. `KafkaBridge`. */
  readonly kind: string;
  /**
   * The `apiVersion` of the resource.
   * @default - the target's `kafka.strimzi.io` API version
   */
  readonly apiVersion?: string;
  /**
   * The value of the `strimzi.io/cluster` label, for the kinds the operator binds
   * by label (KafkaNodePool, KafkaTopic, KafkaUser, KafkaRebalance: the Kafka name;
   * KafkaConnector: the KafkaConnect name). Kinds the operator finds by name
   * (Kafka, KafkaConnect, KafkaBridge, KafkaMirrorMaker2, KafkaAccess, rebalance
   * templates) carry no such label.
   * @default - no binding label
   */
  readonly bindingLabel?: string;
  /**
   * Further labels of the resource.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations of the resource.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * The base of the library's Strimzi custom resource constructs: the `Resource`
 * child (the escape hatch, found by `ApiObject.of()`), its name and namespace, the
 * target, and the binding label for kinds that bind by label.
 *
 * The spec is produced at synth time by `renderSpec()`, so everything added to
 * the construct after it was created still reaches the output. Subclasses build
 * a version-neutral model and hand it to the renderer of their target.
 */
export abstract class StrimziResource extends Construct {
  /** The label Strimzi binds node pools, topics, users, rebalances and connectors by. */
  public static readonly CLUSTER_LABEL = 'strimzi.io/cluster';

  /** The custom resource (escape hatch: JSON patches, extra labels or annotations). */
  public readonly resource: ApiObject;
  /** `metadata.name` of the custom resource. */
  public readonly resourceName: string;
  /** The namespace of the custom resource. */
  public readonly namespace: string;
  /** The Strimzi release the resource is written for. */
  public readonly target: StrimziTarget;

  protected constructor(scope: Construct, id: string, props: StrimziResourceProps) {
    super(scope, id);
    this.resourceName = props.name;
    this.namespace = props.namespace;
    this.target = props.target;
    const labels = { ...props.labels, ...(props.bindingLabel !== undefined ? { [StrimziResource.CLUSTER_LABEL]: props.bindingLabel } : {}) };
    this.resource = new StrimziApiObject(this, 'Resource', (spec) => this.orderSpec(spec), {
      apiVersion: props.apiVersion ?? props.target.apiVersion,
      kind: props.kind,
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: Object.keys(labels).length > 0 ? labels : undefined,
        annotations: props.annotations && Object.keys(props.annotations).length > 0 ? { ...props.annotations } : undefined,
      },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
  }

  /**
   * The resource's spec for the target: the renderer's output for the model, as JSON.
   * Called once per synth, after the whole app is built.
   */
  protected abstract renderSpec(): any;

  /**
   * Brings the resolved spec (keys sorted by cdk8s) into the field order of the
   * target's schema, e.g. with a generated `toJson_<Kind>Spec` in a renderer.
   * The default keeps the resolved spec as it is.
   */
  protected orderSpec(resolved: any): any {
    return resolved;
  }
}

/** The `Resource` child: an ApiObject whose resolved spec its owner may reorder. */
class StrimziApiObject extends ApiObject {
  constructor(scope: Construct, id: string, private readonly order: (spec: any) => any, props: ApiObjectProps) {
    super(scope, id, props);
  }

  public toJson(): any {
    const json = super.toJson();
    if (json.spec !== undefined) {
      json.spec = this.order(json.spec);
    }
    return json;
  }
}
