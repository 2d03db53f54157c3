import { Construct } from 'constructs';
import { aclAllows, describeAcl, topicResourceProblem, readRules, userConnectionDetails, writeRules } from './user-access';
import { addRules } from '../../common/validation';
import { Warnings } from '../../common/warnings';
import { AclOperation, AclResource, AclResourceType, AclRule, KafkaUserAuthenticationType } from '../acl';
import type { IKafkaCluster } from '../cluster';
import { KafkaConnectionDetails } from '../connection';
import { AclGrantOptions, GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from '../grants';
import { Listener } from '../listener';
import type { IKafkaUser, KafkaUserAttributes } from '../user';

/**
 * A KafkaUser managed elsewhere. It renders nothing; the ACLs this app grants it
 * are the ones its owner must add, reported at synth time.
 */
export class ImportedKafkaUser extends Construct implements IKafkaUser {
  public readonly userName: string;
  public readonly cluster: IKafkaCluster;
  public readonly authenticationType: KafkaUserAuthenticationType;
  private readonly _granted: Array<{ rule: AclRule; ownerGrants: boolean }> = [];

  constructor(scope: Construct, id: string, attrs: KafkaUserAttributes) {
    super(scope, id);
    this.userName = attrs.userName;
    this.cluster = attrs.cluster;
    this.authenticationType = attrs.authenticationType ?? KafkaUserAuthenticationType.SCRAM_SHA_512;
    addRules(this, (c) => {
      const owed = this._granted.filter((g) => !g.ownerGrants).map((g) => g.rule);
      if (owed.length > 0) {
        c.add(`user "${this.userName}"`,
          `is not managed by this app (imported with KafkaUser.fromUserName), so its ACLs cannot be rendered; its owner must add ${this.owedList(owed)} to KafkaUser "${this.userName}" in namespace "${this.namespace}"`,
          'ask the owner to add them and mark the grant with ownerGrants: true, or grant to a user this app manages', 'KAF-USR-023');
      }
      const provided = this._granted.filter((g) => g.ownerGrants).map((g) => g.rule);
      if (provided.length > 0) {
        Warnings.of(this).add(`user "${this.userName}" is managed elsewhere: its owner must grant ${this.owedList(provided)} in KafkaUser "${this.userName}" (namespace "${this.namespace}"); this app relies on them`, 'KAF-USR-024');
      }
    });
  }

  public get namespace(): string {
    return this.cluster.userNamespace;
  }

  public get secretName(): string {
    return `${this.cluster.userSecretPrefix}${this.userName}`;
  }

  public get principalName(): string {
    return this.authenticationType === KafkaUserAuthenticationType.SCRAM_SHA_512 ? this.userName : `CN=${this.userName}`;
  }

  public get acls(): AclRule[] {
    return this._granted.map((g) => g.rule);
  }

  public addAcl(rule: AclRule, options: AclGrantOptions = {}): AclRule {
    this._granted.push({ rule, ownerGrants: options.ownerGrants ?? false });
    return rule;
  }

  public grantAcl(rule: AclRule, options: AclGrantOptions = {}): AclRule {
    return this.addAcl(rule, options);
  }

  public grantReadTopics(topics: AclResource, options: GrantReadOptions = {}): AclRule[] {
    const notTopic = topicResourceProblem(topics, 'grantReadTopics');
    if (notTopic) {
      addRules(this, (c) => c.add(`user "${this.userName}"`, notTopic.problem, notTopic.fix, 'KAF-APP-005'));
      return [];
    }
    return readRules(topics, options).map((r) => this.addAcl(r, options));
  }

  public grantWriteTopics(topics: AclResource, options: GrantWriteOptions = {}): AclRule[] {
    const notTopic = topicResourceProblem(topics, 'grantWriteTopics');
    if (notTopic) {
      addRules(this, (c) => c.add(`user "${this.userName}"`, notTopic.problem, notTopic.fix, 'KAF-APP-005'));
      return [];
    }
    return writeRules(topics, options).map((r) => this.addAcl(r, options));
  }

  public grantReadWriteTopics(topics: AclResource, options: GrantReadWriteOptions = {}): AclRule[] {
    return [...this.grantReadTopics(topics, options), ...this.grantWriteTopics(topics, options)];
  }

  /** Whether the ACLs granted here (which its owner must add) allow the operation. */
  public isAllowed(resourceType: AclResourceType, resourceName: string, operation: AclOperation): boolean {
    return aclAllows(this.cluster, this.principalName, this.acls, resourceType, resourceName, operation);
  }

  public connectionDetails(listener: Listener): KafkaConnectionDetails {
    return userConnectionDetails(this.cluster, listener, { userName: this.userName, secretName: this.secretName, authType: this.authenticationType });
  }

  private owedList(rules: AclRule[]): string {
    const lines = [...new Set(rules.map(describeAcl))];
    return `${lines.length} ACL rule(s): ${lines.join(' and ')}`;
  }
}
