import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { isDns1123Subdomain } from '../common/names';
import { addRules } from '../common/validation';
import { IKafkaCluster } from '../strimzi/cluster';
import { KafkaClient } from '../strimzi/kafka-client';
import { Listener, ListenerAuthenticationType } from '../strimzi/listener';
import { IKafkaUser } from '../strimzi/user';

/** The workload kind of a `KafkaClientPod`. */
export enum KafkaClientPodKind {
  /** One pod (a Deployment with one replica). */
  DEPLOYMENT = 'Deployment',
  /** One pod per node (a DaemonSet), as seed S1's `myclient`. */
  DAEMON_SET = 'DaemonSet',
}

/**
 * Properties of a `KafkaClientPod`.
 */
export interface KafkaClientPodProps {
  /** The cluster to reach. */
  readonly cluster: IKafkaCluster;
  /** The listener to connect through. */
  readonly listener: Listener;
  /**
   * The user to authenticate as (SCRAM-SHA-512 or TLS). Required when the listener authenticates.
   * @default - no authentication
   */
  readonly user?: IKafkaUser;
  /** Name of the workload and its ConfigMap prefix. @default 'kafka-client' */
  readonly name?: string;
  /** Deployment or DaemonSet. @default KafkaClientPodKind.DEPLOYMENT */
  readonly kind?: KafkaClientPodKind;
  /**
   * The image with the Kafka CLI tools.
   * @default - Strimzi's Kafka image for the cluster's Kafka version and target (`cluster.target.kafkaImage(version)`)
   */
  readonly image?: string;
  /** Directory of the mounted `client.properties`. @default '/etc/kafka/client' */
  readonly configDirectory?: string;
}

const PROVIDERS_CLASS = 'org.apache.kafka.common.config.provider.EnvVarConfigProvider';

/**
 * A pod with Kafka's CLI tools and a ready client configuration (seed S1's `myclient`):
 * Strimzi's Kafka image for the cluster, `client.properties` for one listener (and
 * optionally a user) mounted from a ConfigMap, the broker CA and user Secrets mounted
 * or passed as environment variables, and `BOOTSTRAP` set, so that
 *
 *   kafka-console-consumer.sh --bootstrap-server "$BOOTSTRAP" --consumer.config /etc/kafka/client/client.properties --topic t
 *
 * works in `kubectl exec`. No secret value is written into the ConfigMap: the SCRAM
 * JAAS line and the PEM certificate and key are read from environment variables
 * (filled from the Secrets) through Kafka's EnvVarConfigProvider. The pod runs in
 * the namespace of the Secrets it reads (the user's, else the cluster's).
 */
export class KafkaClientPod extends Construct {
  /** The workload (escape hatch). */
  public readonly workload: kplus.Deployment | kplus.DaemonSet;
  /** The ConfigMap with `client.properties`. */
  public readonly configMap: ApiObject;
  /** Path of `client.properties` in the container. */
  public readonly propertiesFile: string;
  /** The namespace the pod runs in. */
  public readonly namespace: string;

  constructor(scope: Construct, id: string, props: KafkaClientPodProps) {
    super(scope, id);
    const cluster = props.cluster;
    const listener = props.listener;
    const name = props.name ?? 'kafka-client';
    const details = props.user ? props.user.connectionDetails(listener) : cluster.connectionDetails(listener);
    this.namespace = details.credentialsNamespace ?? details.namespace;
    const dir = props.configDirectory ?? '/etc/kafka/client';
    this.propertiesFile = `${dir}/client.properties`;

    const metadata = { name, namespace: this.namespace };
    const podSecurity = { ensureNonRoot: true };
    this.workload = props.kind === KafkaClientPodKind.DAEMON_SET
      ? new kplus.DaemonSet(this, 'Workload', { metadata, securityContext: podSecurity })
      : new kplus.Deployment(this, 'Workload', { metadata, replicas: 1, securityContext: podSecurity });
    const container = this.workload.addContainer({
      name: 'kafka',
      image: props.image ?? cluster.target.kafkaImage(cluster.version.version),
      command: ['/bin/bash', '-c', 'sleep infinity'],
      securityContext: { ensureNonRoot: true, user: 1001, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    });
    container.mount('/tmp', kplus.Volume.fromEmptyDir(this.workload, 'Tmp', 'tmp'));
    const wired = KafkaClient.configureContainer(this.workload, container, details);
    container.env.addVariable('BOOTSTRAP', kplus.EnvValue.fromValue(details.bootstrapServers));
    // Kafka 3.8+ lets a system property restrict the config providers; allow the one used here.
    container.env.addVariable('KAFKA_OPTS', kplus.EnvValue.fromValue(`-Dorg.apache.kafka.automatic.config.providers=${PROVIDERS_CLASS}`));
    const fromSecret = (secretName: string, key: string) => kplus.EnvValue.fromSecretValue({
      secret: (this.workload.node.tryFindChild(`KafkaSecret-${secretName}`) as kplus.ISecret | undefined)
        ?? kplus.Secret.fromSecretName(this.workload, `KafkaSecret-${secretName}`, secretName),
      key,
    });
    const lines = [
      `bootstrap.servers=${details.bootstrapServers}`,
      `security.protocol=${details.securityProtocol}`,
    ];
    const usesEnv = details.jaasConfig !== undefined || details.userCertificate !== undefined;
    if (usesEnv) {
      lines.push('config.providers=env', `config.providers.env.class=${PROVIDERS_CLASS}`);
    }
    if (details.saslMechanism && details.jaasConfig) {
      lines.push(`sasl.mechanism=${details.saslMechanism}`, 'sasl.jaas.config=${env:KAFKA_SASL_JAAS_CONFIG}');
    }
    if (wired.caFile) {
      lines.push('ssl.truststore.type=PEM', `ssl.truststore.location=${wired.caFile}`);
    }
    if (details.userCertificate && details.userKey) {
      container.env.addVariable('KAFKA_SSL_KEYSTORE_CERTIFICATE_CHAIN', fromSecret(details.userCertificate.secretName, details.userCertificate.key));
      container.env.addVariable('KAFKA_SSL_KEYSTORE_KEY', fromSecret(details.userKey.secretName, details.userKey.key));
      lines.push('ssl.keystore.type=PEM', 'ssl.keystore.certificate.chain=${env:KAFKA_SSL_KEYSTORE_CERTIFICATE_CHAIN}', 'ssl.keystore.key=${env:KAFKA_SSL_KEYSTORE_KEY}');
    }
    const configMapName = `${name}-config`;
    this.configMap = new ApiObject(this, 'Config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: configMapName, namespace: this.namespace },
      data: { 'client.properties': lines.join('\n') + '\n' },
    } as any);
    const cm = kplus.ConfigMap.fromConfigMapName(this, 'ConfigRef', configMapName);
    container.mount(dir, kplus.Volume.fromConfigMap(this.workload, 'ClientConfig', cm, { name: 'client-config' }), { readOnly: true });

    addRules(this, (c) => {
      const auth = listener.authentication.type;
      c.check(!props.user && auth !== ListenerAuthenticationType.NONE, `Kafka client pod "${name}"`,
        `listener "${listener.name}" authenticates clients (${auth}), but no user is given`, 'pass a KafkaUser (user: cluster.addUser(...)) or use a listener without authentication', 'KAF-OPS-020');
      c.check(!isDns1123Subdomain(configMapName), `Kafka client pod "${name}"`,
        `name "${name}" is not a valid Kubernetes object name (the workload and ConfigMap "${configMapName}" must be DNS-1123 subdomains: lowercase alphanumerics, '-' and '.', at most 253 characters)`,
        'use a lowercase name such as "kafka-client"', 'KAF-OPS-021');
    });
  }
}
