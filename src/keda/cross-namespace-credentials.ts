import { SecretCopyScheduleOptions } from './secret-copy';

/**
 * Options of credentials placed in KEDA's namespace.
 */
export interface KedaNamespaceOptions {
  /**
   * The namespace a ClusterTriggerAuthentication reads Secrets from: KEDA's
   * own namespace, or `KEDA_CLUSTER_OBJECT_NAMESPACE` when KEDA runs with it.
   * @default - the namespace of the app's KedaOperator, else 'keda'
   */
  readonly kedaNamespace?: string;
}

/**
 * Options of credentials copied into KEDA's namespace.
 */
export interface KedaNamespaceCopyOptions extends KedaNamespaceOptions, SecretCopyScheduleOptions {}

/**
 * Where the credentials go when the scaled workload runs in another namespace
 * than the Secrets KEDA needs.
 *
 * Strimzi writes the CA Secrets into the cluster's namespace and user Secrets
 * into the namespace the User Operator watches (by default the same), and a
 * TriggerAuthentication reads Secrets only from its own namespace, so a
 * consumer elsewhere needs one of these.
 */
export class CrossNamespaceCredentials {
  /**
   * Copy the Secret keys KEDA needs into the workload's namespace with a
   * `SecretCopy` CronJob, and reference them from a TriggerAuthentication
   * there. The consumer's pods can mount the same copies.
   */
  public static copyToWorkloadNamespace(options: SecretCopyScheduleOptions = {}): CrossNamespaceCredentials {
    return new CrossNamespaceCredentials(true, false, undefined, options);
  }

  /**
   * Copy the Secret keys KEDA needs into KEDA's namespace with a `SecretCopy`
   * CronJob, and reference them from a ClusterTriggerAuthentication (which
   * reads Secrets from KEDA's namespace).
   */
  public static copyToKedaNamespace(options: KedaNamespaceCopyOptions = {}): CrossNamespaceCredentials {
    return new CrossNamespaceCredentials(true, true, options.kedaNamespace ?? 'keda', options, options.kedaNamespace);
  }

  /**
   * The Secrets already exist, under their Strimzi names and keys, in KEDA's
   * namespace, kept there by a tool of yours (e.g. a Secret replicator
   * watching the cluster's namespace). Only a ClusterTriggerAuthentication
   * referencing them is rendered.
   */
  public static syncedToKedaNamespace(options: KedaNamespaceOptions = {}): CrossNamespaceCredentials {
    return new CrossNamespaceCredentials(false, true, options.kedaNamespace ?? 'keda', {}, options.kedaNamespace);
  }

  private constructor(
    /** Whether the library renders a copy job. */
    public readonly copiesSecrets: boolean,
    /** Whether a ClusterTriggerAuthentication reads the Secrets from KEDA's namespace. */
    public readonly usesClusterTriggerAuthentication: boolean,
    /** KEDA's namespace, for a ClusterTriggerAuthentication. */
    public readonly kedaNamespace: string | undefined,
    /** The copy schedule and image. */
    public readonly copyOptions: SecretCopyScheduleOptions,
    /** The `kedaNamespace` given, if any (else the app's KedaOperator decides). */
    public readonly requestedKedaNamespace?: string,
  ) {}
}
