/*
 * Grants of a bridge's user (library-internal).
 */
import { IConstruct } from 'constructs';
import { addRules } from '../../common/validation';
import { AclResource, AclRule } from '../../strimzi/acl';
import { GrantWriteOptions } from '../../strimzi/grants';
import type { IKafkaUser } from '../../strimzi/user';
import { BridgeConsumeGrantOptions } from '../common';

function noUser(scope: IConstruct, what: string): AclRule[] {
  addRules(scope, (c) => c.add(`bridge "${scope.node.id}"`, `${what}() grants ACLs to the bridge's user, but the bridge has none`,
    'pass a KafkaUser as user, or leave out the grant on a listener without authorization', 'KAF-BRG-018'));
  return [];
}

/** Read on the topics and on the HTTP consumers' group(s). */
export function grantConsume(scope: IConstruct, user: IKafkaUser | undefined, topics: AclResource, options: BridgeConsumeGrantOptions): AclRule[] {
  if (!user) {
    return noUser(scope, 'grantConsume');
  }
  return user.grantReadTopics(topics, options);
}

/** Write on the topics. */
export function grantProduce(scope: IConstruct, user: IKafkaUser | undefined, topics: AclResource, options: GrantWriteOptions): AclRule[] {
  if (!user) {
    return noUser(scope, 'grantProduce');
  }
  return user.grantWriteTopics(topics, options);
}
