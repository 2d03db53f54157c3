/*
 * Grants on one topic, shared by owned and imported topics (library-internal): the
 * ACLs land on the user; a user of another cluster is reported by the topic.
 */
import { ViolationCollector } from '../../common/validation';
import { AclResource, AclRule } from '../acl';
import type { IKafkaCluster } from '../cluster';
import { GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from '../grants';
import type { IKafkaUser } from '../user';

/** What a grant needs to know of its topic (read when granting and validating). */
export interface GrantedTopic {
  readonly topicName: string;
  readonly cluster: IKafkaCluster;
}

/** The grants of one topic. */
export class TopicGrants {
  private readonly foreignUsers: IKafkaUser[] = [];

  constructor(private readonly topic: GrantedTopic) {}

  public read(user: IKafkaUser, options: GrantReadOptions): AclRule[] {
    this.note(user);
    return user.grantReadTopics(AclResource.topic(this.topic.topicName), options);
  }

  public write(user: IKafkaUser, options: GrantWriteOptions): AclRule[] {
    this.note(user);
    return user.grantWriteTopics(AclResource.topic(this.topic.topicName), options);
  }

  public readWrite(user: IKafkaUser, options: GrantReadWriteOptions): AclRule[] {
    this.note(user);
    return user.grantReadWriteTopics(AclResource.topic(this.topic.topicName), options);
  }

  /** Reports every user of another cluster that was granted this topic. */
  public check(c: ViolationCollector): void {
    for (const user of this.foreignUsers) {
      c.add(`user "${user.userName}"`,
        `is granted access to topic "${this.topic.topicName}" of cluster "${this.topic.cluster.clusterName}", but belongs to cluster "${user.cluster.clusterName}"`,
        'grant topics of the user\'s own cluster, or create a user in the topic\'s cluster', 'KAF-TOP-029');
    }
  }

  private note(user: IKafkaUser): void {
    if (user.cluster !== this.topic.cluster && !this.foreignUsers.includes(user)) {
      this.foreignUsers.push(user);
    }
  }
}
