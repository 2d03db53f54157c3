/*
 * The version-neutral model of a KafkaUser (library-internal): what the user
 * asked for, defaults resolved. The KafkaUser construct builds it; a renderer
 * per Strimzi API version (src/strimzi/render/<version>/user.ts) turns it into
 * that version's spec. Nothing here imports the generated Strimzi classes.
 */
import type { AclOperation, AclPatternType, AclPermissionType, AclResourceType, KafkaUserAuthenticationType } from '../acl';
import type { SecretKeyReference } from '../connection';

/** One ACL entry: defaults resolved (host `*`, allow). */
export interface AclEntry {
  readonly permission: AclPermissionType;
  readonly resourceType: AclResourceType;
  /** Undefined for the cluster resource. */
  readonly resourceName?: string;
  readonly patternType: AclPatternType;
  readonly host: string;
  /** Whether the host was written (a hand-written rule naming `*` keeps it). */
  readonly explicitHost?: boolean;
  /** Whether the permission was written (a hand-written `allow` keeps it). */
  readonly explicitPermission?: boolean;
  readonly operations: AclOperation[];
}

/** How the user authenticates. */
export interface UserAuthenticationModel {
  readonly type: KafkaUserAuthenticationType;
  /** SCRAM: a password taken from a Secret key. */
  readonly password?: SecretKeyReference;
  /** TLS: certificate validity and renewal, in whole days. */
  readonly validityDays?: number;
  readonly renewalDays?: number;
}

/** Quotas, in bytes per second, percent and mutations per second. */
export interface UserQuotasModel {
  readonly producerByteRate?: number;
  readonly consumerByteRate?: number;
  readonly requestPercentage?: number;
  readonly controllerMutationRate?: number;
}

/** A KafkaUser. */
export interface UserModel {
  readonly authentication: UserAuthenticationModel;
  /** The ACL entries in output order. Undefined when the user has no ACLs (no authorization section). */
  readonly acls?: AclEntry[];
  readonly quotas?: UserQuotasModel;
  /** Metadata of the Secret the User Operator writes. */
  readonly secretLabels?: { readonly [key: string]: string };
  readonly secretAnnotations?: { readonly [key: string]: string };
}
