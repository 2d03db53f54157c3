import { Construct } from 'constructs';
import { TopicGrants } from './topic-grants';
import { addRules } from '../../common/validation';
import { AclRule } from '../acl';
import type { IKafkaCluster } from '../cluster';
import { GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from '../grants';
import type { ITopic, TopicAttributes } from '../topic';
import type { IKafkaUser } from '../user';

/**
 * A topic managed elsewhere: renders nothing; grants land on the user.
 */
export class ImportedTopic extends Construct implements ITopic {
  public readonly topicName: string;
  public readonly cluster: IKafkaCluster;
  public readonly partitions?: number;
  private readonly grants = new TopicGrants(this);

  constructor(scope: Construct, id: string, attrs: TopicAttributes) {
    super(scope, id);
    this.topicName = attrs.topicName;
    this.cluster = attrs.cluster;
    this.partitions = attrs.partitions;
    addRules(this, (c) => this.grants.check(c));
  }

  public grantRead(user: IKafkaUser, options: GrantReadOptions = {}): AclRule[] {
    return this.grants.read(user, options);
  }

  public grantWrite(user: IKafkaUser, options: GrantWriteOptions = {}): AclRule[] {
    return this.grants.write(user, options);
  }

  public grantReadWrite(user: IKafkaUser, options: GrantReadWriteOptions = {}): AclRule[] {
    return this.grants.readWrite(user, options);
  }
}
