import { ApiObject } from 'cdk8s';

/**
 * The metadata of a scalable workload the scaler reads.
 */
export interface WorkloadMetadata {
  /**
   * The workload's namespace.
   * @default - the namespace of the scaler's chart, or `default`
   */
  readonly namespace?: string;
}

/**
 * A workload KEDA can scale: anything with a `/scale` subresource, e.g. a
 * Deployment or StatefulSet.
 *
 * When the object has a `markHasAutoscaler()` method (cdk8s-plus Deployments
 * and StatefulSets), the scaler calls it, so the workload's manifest carries
 * no `spec.replicas` that every apply would reset.
 *
 * The interface is structural on purpose: a cdk8s-plus `Deployment` or
 * `StatefulSet` (of any cdk8s-plus version) or a cdk8s `ApiObject` fits it as
 * is, and `ScaleTarget.of()` names a workload defined elsewhere.
 */
export interface IScalableWorkload {
  /** The workload's API version, e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** The workload's kind, e.g. `Deployment`. */
  readonly kind: string;
  /** The workload's name. */
  readonly name: string;
  /** The workload's metadata (only the namespace is read). */
  readonly metadata: WorkloadMetadata;
}

/**
 * Options of a workload reference.
 */
export interface ScaleTargetOptions {
  /**
   * The workload's API version.
   * @default 'apps/v1'
   */
  readonly apiVersion?: string;
  /**
   * The workload's namespace.
   * @default - the namespace of the scaler's chart, or `default`
   */
  readonly namespace?: string;
}

/**
 * A reference to a workload KEDA scales.
 */
export class ScaleTarget implements IScalableWorkload {
  /**
   * A workload defined elsewhere, by kind and name.
   * @param kind e.g. `Deployment`, `StatefulSet`, or any kind with a `/scale` subresource
   * @param name the workload's name
   */
  public static of(kind: string, name: string, options: ScaleTargetOptions = {}): ScaleTarget {
    return new ScaleTarget(options.apiVersion ?? 'apps/v1', kind, name, options.namespace);
  }

  /** A Deployment defined elsewhere. */
  public static deployment(name: string, namespace?: string): ScaleTarget {
    return ScaleTarget.of('Deployment', name, { namespace });
  }

  /** A StatefulSet defined elsewhere. */
  public static statefulSet(name: string, namespace?: string): ScaleTarget {
    return ScaleTarget.of('StatefulSet', name, { namespace });
  }

  /**
   * A workload object of this app: a cdk8s-plus Deployment or StatefulSet, a
   * cdk8s `ApiObject`, or anything else with apiVersion, kind, name and
   * metadata.namespace.
   */
  public static fromResource(resource: IScalableWorkload): ScaleTarget {
    return new ScaleTarget(resource.apiVersion, resource.kind, resource.name, resource.metadata.namespace);
  }

  /**
   * A workload object of this app by its `ApiObject`, e.g.
   * `ScaleTarget.fromApiObject(ApiObject.of(deployment))`: the form that works
   * from every jsii language and with any cdk8s-plus version, since `ApiObject`
   * comes from cdk8s itself. The scaler cannot reach the cdk8s-plus object
   * through it: pass the Deployment or StatefulSet itself (or call its
   * `markHasAutoscaler()`) so that its manifest leaves `spec.replicas` to KEDA.
   */
  public static fromApiObject(apiObject: ApiObject): ScaleTarget {
    return new ScaleTarget(apiObject.apiVersion, apiObject.kind, apiObject.name, apiObject.metadata.namespace);
  }

  /** The workload's metadata. */
  public readonly metadata: WorkloadMetadata;

  private constructor(
    /** The workload's API version. */
    public readonly apiVersion: string,
    /** The workload's kind. */
    public readonly kind: string,
    /** The workload's name. */
    public readonly name: string,
    namespace?: string,
  ) {
    this.metadata = { namespace };
  }
}
