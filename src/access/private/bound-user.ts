/*
 * A KafkaUser as seen through a KafkaAccess (library-internal): constructs that
 * take an IKafkaUser (the KEDA scaler) get the binding Secret's connection details,
 * while grants and ACL questions go to the user itself.
 */
import { Construct } from 'constructs';
import { AclOperation, AclResource, AclResourceType, AclRule, KafkaUserAuthenticationType } from '../../strimzi/acl';
import type { IKafkaCluster } from '../../strimzi/cluster';
import { KafkaConnectionDetails } from '../../strimzi/connection';
import { AclGrantOptions, GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from '../../strimzi/grants';
import { Listener } from '../../strimzi/listener';
import type { IKafkaUser } from '../../strimzi/user';

/** What the bound user needs of its KafkaAccess. */
export interface AccessDetailsSource {
  readonly resourceName: string;
  readonly listener: Listener;
  readonly connectionDetails: KafkaConnectionDetails;
}

export class BoundKafkaUser extends Construct implements IKafkaUser {
  constructor(scope: Construct, id: string, private readonly user: IKafkaUser, private readonly access: AccessDetailsSource) {
    super(scope, id);
  }

  public get userName(): string { return this.user.userName; }
  public get cluster(): IKafkaCluster { return this.user.cluster; }
  public get authenticationType(): KafkaUserAuthenticationType { return this.user.authenticationType; }
  public get secretName(): string { return this.user.secretName; }
  public get namespace(): string { return this.user.namespace; }
  public get principalName(): string { return this.user.principalName; }
  public get acls(): AclRule[] { return this.user.acls; }

  public isAllowed(resourceType: AclResourceType, resourceName: string, operation: AclOperation): boolean {
    return this.user.isAllowed(resourceType, resourceName, operation);
  }

  /** The KafkaAccess's connection details; it binds one listener only. */
  public connectionDetails(listener: Listener): KafkaConnectionDetails {
    if (listener.name !== this.access.listener.name) {
      throw new Error(`KafkaAccess "${this.access.resourceName}" binds listener "${this.access.listener.name}", not "${listener.name}"`);
    }
    return this.access.connectionDetails;
  }

  public addAcl(rule: AclRule, options?: AclGrantOptions): AclRule {
    return this.user.addAcl(rule, options);
  }

  public grantAcl(rule: AclRule, options?: AclGrantOptions): AclRule {
    return this.user.grantAcl(rule, options);
  }

  public grantReadTopics(topics: AclResource, options?: GrantReadOptions): AclRule[] {
    return this.user.grantReadTopics(topics, options);
  }

  public grantWriteTopics(topics: AclResource, options?: GrantWriteOptions): AclRule[] {
    return this.user.grantWriteTopics(topics, options);
  }

  public grantReadWriteTopics(topics: AclResource, options?: GrantReadWriteOptions): AclRule[] {
    return this.user.grantReadWriteTopics(topics, options);
  }
}
