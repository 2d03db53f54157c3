import { Construct } from 'constructs';
import { addRules } from '../../common/validation';
import { AclResource, AclRule } from '../acl';
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
  private readonly _foreignUsers: IKafkaUser[] = [];

  constructor(scope: Construct, id: string, attrs: TopicAttributes) {
    super(scope, id);
    this.topicName = attrs.topicName;
    this.cluster = attrs.cluster;
    this.partitions = attrs.partitions;
    addRules(this, (c) => {
      for (const user of this._foreignUsers) {
        c.add(`topic "${this.topicName}"`,
          `is granted to user "${user.userName}" of cluster "${user.cluster.clusterName}", but lives in cluster "${this.cluster.clusterName}"`,
          'grant topics of the user\'s own cluster, or use a user of the topic\'s cluster');
      }
    });
  }

  public grantRead(user: IKafkaUser, options: GrantReadOptions = {}): AclRule[] {
    this.checkSameCluster(user);
    return user.grantReadTopics(AclResource.topic(this.topicName), options);
  }

  public grantWrite(user: IKafkaUser, options: GrantWriteOptions = {}): AclRule[] {
    this.checkSameCluster(user);
    return user.grantWriteTopics(AclResource.topic(this.topicName), options);
  }

  public grantReadWrite(user: IKafkaUser, options: GrantReadWriteOptions = {}): AclRule[] {
    this.checkSameCluster(user);
    return user.grantReadWriteTopics(AclResource.topic(this.topicName), options);
  }

  private checkSameCluster(user: IKafkaUser): void {
    if (user.cluster !== this.cluster && !this._foreignUsers.includes(user)) {
      this._foreignUsers.push(user);
    }
  }
}
