/*
 * Which credentials the kafka trigger needs for one listener and user
 * (library-internal): the TriggerAuthentication parameters, and where each
 * Secret lives.
 */
import { KafkaUserAuthenticationType } from '../../strimzi/acl';
import type { IKafkaCluster } from '../../strimzi/cluster';
import { KafkaConnectionDetails, SecretKeyReference, SecurityProtocol } from '../../strimzi/connection';
import { Listener, ListenerAuthenticationType } from '../../strimzi/listener';
import { brokerCaFor } from '../../strimzi/private/connection';
import { listenerAuthFor } from '../../strimzi/private/user-access';
import type { IKafkaUser } from '../../strimzi/user';

/** One TriggerAuthentication parameter: a Secret key, or a key of the user name ConfigMap. */
export interface AuthParam {
  readonly parameter: string;
  readonly secret?: SecretKeyReference;
  /** The namespace `secret` lives in. */
  readonly namespace?: string;
  readonly configMapKey?: string;
}

/** A problem found while planning, reported by the scaler's rules. */
export interface Finding {
  readonly subject: string;
  readonly problem: string;
  readonly fix: string;
  /** The rule's ID (docs/rules.md). */
  readonly ruleId: string;
}

/** How the kafka trigger connects through one listener. */
export interface AuthPlan {
  readonly bootstrapServers: string;
  readonly tls: boolean;
  /** KEDA's `sasl` value, e.g. `scram_sha512`. */
  readonly sasl?: string;
  readonly params: AuthParam[];
  /** The SCRAM user name, for the user name ConfigMap. */
  readonly username?: string;
  readonly findings: Finding[];
}

/**
 * The listener KEDA connects through by default: the cluster's first in-cluster
 * listener whose authentication matches the user's (or that has none, without a
 * user), else its first in-cluster listener.
 */
export function defaultListener(cluster: IKafkaCluster, user: IKafkaUser | undefined): Listener | undefined {
  const inCluster = cluster.listeners.filter((l) => !l.isExternal);
  const wanted = user ? listenerAuthFor(user.authenticationType) : ListenerAuthenticationType.NONE;
  return inCluster.find((l) => l.authentication.type === wanted) ?? inCluster[0];
}

/** The finding when the cluster has no listener KEDA can use. */
export function noListenerFinding(cluster: IKafkaCluster): Finding {
  return {
    subject: `cluster "${cluster.clusterName}"`,
    problem: 'has no in-cluster listener for KEDA to connect through',
    fix: 'add an internal listener to the cluster, or pass listener',
    ruleId: 'KAF-KEDA-042',
  };
}

/** The credentials the kafka trigger needs to connect through `listener` as `user` (or anonymously). */
export function planAuthentication(cluster: IKafkaCluster, user: IKafkaUser | undefined, listener: Listener): AuthPlan {
  const findings: Finding[] = [];
  const subject = `listener "${listener.name}"`;
  const params: AuthParam[] = [];
  if (!cluster.findListener(listener.name)) {
    findings.push({ subject, problem: `is not a listener of cluster "${cluster.clusterName}"`, fix: `pass one of ${cluster.listeners.map((l) => `"${l.name}"`).join(', ') || 'the cluster\'s listeners'}`, ruleId: 'KAF-KEDA-043' });
  }
  const listenerAuth = listener.authentication.type;
  let details: KafkaConnectionDetails | undefined;
  if (user) {
    const expected = listenerAuthFor(user.authenticationType);
    if (listenerAuth !== expected) {
      findings.push({
        subject,
        problem: listenerAuth === ListenerAuthenticationType.NONE
          ? `has no authentication, but user "${user.userName}" authenticates with ${user.authenticationType}, so KEDA could not log in as that user there`
          : `requires ${listenerAuth} authentication, but user "${user.userName}" authenticates with ${user.authenticationType}`,
        fix: listenerAuth === ListenerAuthenticationType.NONE
          ? `use a listener with ${expected} authentication for this user, or drop user`
          : `use a listener with ${expected} authentication, or a user of the listener's kind`,
        ruleId: 'KAF-KEDA-044',
      });
    } else {
      details = user.connectionDetails(listener);
    }
  } else if (listenerAuth !== ListenerAuthenticationType.NONE) {
    findings.push({
      subject,
      problem: `requires ${listenerAuth} authentication, but no user was given`,
      fix: 'pass user (a KafkaUser with Read on the topic and the consumer group), or a listener without authentication',
      ruleId: 'KAF-KEDA-045',
    });
  }

  const bootstrapServers = details?.bootstrapServers ?? cluster.bootstrapServers(listener);
  // The CA Secret stays in the cluster's namespace; the User Operator writes the
  // user Secret into the namespace it watches.
  const caNamespace = details ? details.brokerCaNamespace ?? details.namespace : cluster.namespace;
  const credentialsNamespace = details ? details.credentialsNamespace ?? details.namespace : cluster.namespace;
  const tls = details
    ? details.securityProtocol === SecurityProtocol.SSL || details.securityProtocol === SecurityProtocol.SASL_SSL
    : listener.tls;
  if (tls) {
    const ca = details ? details.brokerCa : brokerCaFor(cluster, listener);
    if (ca) {
      params.push({ parameter: 'ca', secret: ca, namespace: caNamespace });
    }
  }
  let sasl: string | undefined;
  let username: string | undefined;
  if (details?.saslMechanism !== undefined && user) {
    if (details.saslMechanism === 'SCRAM-SHA-512' || details.saslMechanism === 'SCRAM-SHA-256') {
      sasl = details.saslMechanism === 'SCRAM-SHA-512' ? 'scram_sha512' : 'scram_sha256';
      username = details.username ?? user.userName;
      params.push({ parameter: 'username', configMapKey: 'username' });
      if (details.password) {
        params.push({ parameter: 'password', secret: details.password, namespace: credentialsNamespace });
      } else {
        findings.push({ subject: `user "${user.userName}"`, problem: 'has no password Secret in its connection details', fix: 'use a KafkaUser with scram-sha-512 authentication', ruleId: 'KAF-KEDA-046' });
      }
    } else {
      findings.push({ subject: `user "${user.userName}"`, problem: `uses SASL mechanism ${details.saslMechanism}, which the kafka trigger cannot be wired for here`, fix: 'use a scram-sha-512 or tls user', ruleId: 'KAF-KEDA-047' });
    }
  }
  if (user && details && user.authenticationType !== KafkaUserAuthenticationType.SCRAM_SHA_512) {
    if (details.userCertificate && details.userKey) {
      params.push({ parameter: 'cert', secret: details.userCertificate, namespace: credentialsNamespace });
      params.push({ parameter: 'key', secret: details.userKey, namespace: credentialsNamespace });
    } else {
      findings.push({
        subject: `user "${user.userName}"`,
        problem: `authenticates with ${user.authenticationType}, and Strimzi writes no Secret with its certificate and key`,
        fix: 'use a KafkaUser with tls authentication, or add the cert and key parameters to the TriggerAuthentication yourself',
        ruleId: 'KAF-KEDA-048',
      });
    }
  }
  return { bootstrapServers, tls, sasl, params, username, findings };
}

/** The in-cluster listener whose authentication matches the user's (none without a user), if the cluster has one. */
export function matchingListener(cluster: IKafkaCluster, user: IKafkaUser | undefined): Listener | undefined {
  const wanted = user ? listenerAuthFor(user.authenticationType) : ListenerAuthenticationType.NONE;
  return cluster.listeners.find((l) => !l.isExternal && l.authentication.type === wanted);
}

/**
 * The credentials the kafka trigger will need when the cluster has no matching
 * listener yet: a TLS listener with the cluster CA and the user's own
 * authentication (the library's secure default).
 */
export function assumedPlan(cluster: IKafkaCluster, user: IKafkaUser | undefined): Pick<AuthPlan, 'params' | 'username'> {
  const params: AuthParam[] = [{ parameter: 'ca', secret: cluster.clusterCaCertificate, namespace: cluster.namespace }];
  if (user?.authenticationType === KafkaUserAuthenticationType.SCRAM_SHA_512) {
    params.push({ parameter: 'username', configMapKey: 'username' });
    params.push({ parameter: 'password', secret: { secretName: user.secretName, key: 'password' }, namespace: cluster.userNamespace });
    return { params, username: user.userName };
  }
  if (user?.authenticationType === KafkaUserAuthenticationType.TLS) {
    params.push({ parameter: 'cert', secret: { secretName: user.secretName, key: 'user.crt' }, namespace: cluster.userNamespace });
    params.push({ parameter: 'key', secret: { secretName: user.secretName, key: 'user.key' }, namespace: cluster.userNamespace });
  }
  return { params, username: undefined };
}

/** A comparable form of the credentials a plan needs. */
export function credentialKey(plan: Pick<AuthPlan, 'params' | 'username'>): string {
  return JSON.stringify([plan.username, plan.params.map((p) => [p.parameter, p.secret?.secretName, p.secret?.key, p.namespace, p.configMapKey])]);
}
