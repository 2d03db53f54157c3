import { IConstruct } from 'constructs';
import { AclOperation, AclResourceType, KafkaUserAuthenticationType } from './acl';
import type { IKafkaCluster } from './cluster';
import { KafkaConnectionDetails } from './connection';
import { Listener } from './listener';

/**
 * A Kafka user managed by the User Operator.
 */
export interface IKafkaUser extends IConstruct {
  /** The user name (the KafkaUser's metadata.name; the SCRAM user name, or `CN=<name>` for TLS). */
  readonly userName: string;
  /** The cluster the user belongs to. */
  readonly cluster: IKafkaCluster;
  /** How the user authenticates. */
  readonly authenticationType: KafkaUserAuthenticationType;
  /** The Secret Strimzi writes the user's credentials into (`<secretPrefix><user>`). */
  readonly secretName: string;
  /**
   * Whether the user's ACLs allow `operation` on the named resource
   * (literal and prefix rules, `*`, `All`; deny rules win).
   */
  isAllowed(resourceType: AclResourceType, resourceName: string, operation: AclOperation): boolean;
  /** How this user reaches the cluster through `listener`. */
  connectionDetails(listener: Listener): KafkaConnectionDetails;
}
