import * as path from 'path';
import { ApiObjectMetadataDefinition, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { KafkaConnectionDetails, SecretKeyReference } from './connection';
import { toDns1123Label } from '../common/names';
import { addRules } from '../common/validation';

const checkedNamespaces = new WeakMap<IConstruct, Set<string>>();

/**
 * The workload a Kafka client container runs in (a cdk8s-plus Deployment,
 * StatefulSet, Job, ... or anything with Kubernetes metadata). Volumes and
 * Secret references are created under it.
 */
export interface IKafkaClientWorkload extends IConstruct {
  /** The workload's metadata (its namespace must be the cluster's). */
  readonly metadata: ApiObjectMetadataDefinition;
}

/**
 * Options of `KafkaClient.configureContainer()`.
 */
export interface KafkaClientContainerOptions {
  /**
   * Prefix of the environment variable names.
   * @default 'KAFKA_'
   */
  readonly envPrefix?: string;
  /**
   * Directory under which certificates are mounted (`<dir>/ca/ca.crt`,
   * `<dir>/user/user.crt`, `<dir>/user/user.key`).
   * @default '/etc/kafka/certs'
   */
  readonly certificatesDirectory?: string;
}

/**
 * What `KafkaClient.configureContainer()` set on a container.
 */
export interface KafkaClientContainerConfiguration {
  /** Names of the environment variables set, in the order they were added. */
  readonly environmentVariables: string[];
  /**
   * Path of the broker CA certificate (PEM) in the container.
   * @default - no broker CA (plain listener, or the system trust store)
   */
  readonly caFile?: string;
  /**
   * Path of the client certificate (PEM) in the container.
   * @default - no client certificate
   */
  readonly certificateFile?: string;
  /**
   * Path of the client private key (PEM) in the container.
   * @default - no client key
   */
  readonly keyFile?: string;
}

/**
 * Wires Kafka connection details into application containers.
 */
export class KafkaClient {
  /**
   * Configure `container` (part of `workload`) to reach Kafka with `details`:
   *
   * - `<prefix>BOOTSTRAP_SERVERS`, `<prefix>SECURITY_PROTOCOL`;
   * - for SASL: `<prefix>SASL_MECHANISM`, `<prefix>SASL_USERNAME`, and
   *   `<prefix>SASL_PASSWORD` / `<prefix>SASL_JAAS_CONFIG` read from the user Secret;
   * - for TLS: the broker CA mounted read-only at `<dir>/ca/ca.crt`
   *   (`<prefix>SSL_CA_LOCATION`), and for certificate users the user certificate
   *   and key at `<dir>/user/user.crt` and `<dir>/user/user.key`
   *   (`<prefix>SSL_CERTIFICATE_LOCATION`, `<prefix>SSL_KEY_LOCATION`).
   *
   * The Secrets live in the cluster's namespace; a workload in another
   * namespace cannot read them, which is a synth-time error.
   */
  public static configureContainer(
    workload: IKafkaClientWorkload,
    container: kplus.Container,
    details: KafkaConnectionDetails,
    options: KafkaClientContainerOptions = {},
  ): KafkaClientContainerConfiguration {
    const prefix = options.envPrefix ?? 'KAFKA_';
    const dir = options.certificatesDirectory ?? '/etc/kafka/certs';
    const vars: string[] = [];
    const set = (name: string, value: kplus.EnvValue) => {
      container.env.addVariable(prefix + name, value);
      vars.push(prefix + name);
    };
    const fromSecret = (ref: SecretKeyReference) =>
      kplus.EnvValue.fromSecretValue({ secret: KafkaClient.secret(workload, ref.secretName), key: ref.key });

    KafkaClient.checkNamespace(workload, details);

    set('BOOTSTRAP_SERVERS', kplus.EnvValue.fromValue(details.bootstrapServers));
    set('SECURITY_PROTOCOL', kplus.EnvValue.fromValue(details.securityProtocol));
    if (details.saslMechanism) {
      set('SASL_MECHANISM', kplus.EnvValue.fromValue(details.saslMechanism));
    }
    if (details.username) {
      set('SASL_USERNAME', kplus.EnvValue.fromValue(details.username));
    }
    if (details.password) {
      set('SASL_PASSWORD', fromSecret(details.password));
    }
    if (details.jaasConfig) {
      set('SASL_JAAS_CONFIG', fromSecret(details.jaasConfig));
    }

    let caFile: string | undefined;
    let certificateFile: string | undefined;
    let keyFile: string | undefined;
    if (details.brokerCa) {
      const caDir = path.posix.join(dir, 'ca');
      KafkaClient.mountFiles(workload, container, caDir, details.brokerCa.secretName, { [details.brokerCa.key]: 'ca.crt' });
      caFile = path.posix.join(caDir, 'ca.crt');
      set('SSL_CA_LOCATION', kplus.EnvValue.fromValue(caFile));
    }
    if (details.userCertificate && details.userKey) {
      const userDir = path.posix.join(dir, 'user');
      if (details.userCertificate.secretName === details.userKey.secretName) {
        KafkaClient.mountFiles(workload, container, userDir, details.userCertificate.secretName, {
          [details.userCertificate.key]: 'user.crt',
          [details.userKey.key]: 'user.key',
        });
        certificateFile = path.posix.join(userDir, 'user.crt');
        keyFile = path.posix.join(userDir, 'user.key');
      } else {
        KafkaClient.mountFiles(workload, container, userDir, details.userCertificate.secretName, { [details.userCertificate.key]: 'user.crt' });
        const keyDir = path.posix.join(dir, 'user-key');
        KafkaClient.mountFiles(workload, container, keyDir, details.userKey.secretName, { [details.userKey.key]: 'user.key' });
        certificateFile = path.posix.join(userDir, 'user.crt');
        keyFile = path.posix.join(keyDir, 'user.key');
      }
      set('SSL_CERTIFICATE_LOCATION', kplus.EnvValue.fromValue(certificateFile));
      set('SSL_KEY_LOCATION', kplus.EnvValue.fromValue(keyFile));
    }
    return { environmentVariables: vars, caFile, certificateFile, keyFile };
  }

  /** The Secret reference under the workload, created once per Secret name. */
  private static secret(workload: IKafkaClientWorkload, name: string): kplus.ISecret {
    const id = `KafkaSecret-${name}`;
    return (workload.node.tryFindChild(id) as kplus.ISecret | undefined) ?? kplus.Secret.fromSecretName(workload as any, id, name);
  }

  /** Mount some keys of a Secret as files in a directory (one volume per Secret and directory). */
  private static mountFiles(
    workload: IKafkaClientWorkload,
    container: kplus.Container,
    directory: string,
    secretName: string,
    files: { [key: string]: string },
  ): void {
    const volumeName = toDns1123Label(`kafka-${path.posix.basename(directory)}-${secretName}`);
    const id = `KafkaVolume-${volumeName}`;
    const items: { [key: string]: kplus.PathMapping } = {};
    for (const [key, file] of Object.entries(files)) {
      items[key] = { path: file };
    }
    const volume = (workload.node.tryFindChild(id) as kplus.Volume | undefined)
      ?? kplus.Volume.fromSecret(workload as any, id, KafkaClient.secret(workload, secretName), { name: volumeName, items });
    if (!container.mounts.some((m) => m.path === directory)) {
      container.mount(directory, volume, { readOnly: true });
    }
  }

  private static checkNamespace(workload: IKafkaClientWorkload, details: KafkaConnectionDetails): void {
    const checked = checkedNamespaces.get(workload) ?? new Set<string>();
    checkedNamespaces.set(workload, checked);
    if (checked.has(details.namespace)) {
      return;
    }
    checked.add(details.namespace);
    addRules(workload, (c) => {
      const ns = workload.metadata.namespace ?? Chart.of(workload).namespace ?? 'default';
      c.check(ns !== details.namespace, `Kafka client of cluster "${details.clusterName}"`,
        `the workload is in namespace "${ns}", but the Secrets it reads (user credentials, broker CA) are in the cluster's namespace "${details.namespace}", and Kubernetes Secrets are namespace-local`,
        `run the workload in namespace "${details.namespace}", or copy the Secrets into "${ns}" and wire them by hand`);
    });
  }

  private constructor() {}
}
