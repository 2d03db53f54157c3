import * as path from 'path';
import { ApiObject, ApiObjectMetadataDefinition, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { KafkaConnectionDetails, SecretKeyReference } from './connection';
import { _addToContainer, _EnvVarJson, _SecretMountJson } from './private/pod-patch';
import { toDns1123Label } from '../common/names';
import { addRules } from '../common/validation';

const checkedNamespaces = new WeakMap<IConstruct, Set<string>>();

/** Secrets a client reads from one namespace. */
interface ReadSecrets {
  readonly what: string;
  readonly namespace: string;
  readonly names: string[];
  /** The connection-details field that names the namespace. */
  readonly field: string;
}

/**
 * The workload a Kafka client container runs in: a Deployment, StatefulSet,
 * Job, ... of any cdk8s-plus version (27 to 33), or any construct whose
 * default child is the workload's `ApiObject`. Only its metadata is read;
 * what the client needs is added to the `ApiObject` through JSON patches.
 */
export interface IKafkaClientWorkload extends IConstruct {
  /** The workload's metadata (its namespace must hold the Secrets it reads). */
  readonly metadata: ApiObjectMetadataDefinition;
}

/**
 * A container of a workload, as any cdk8s-plus version (27 to 33) describes
 * it. Only its name is read: the library changes the workload's manifest,
 * never the container object.
 */
export interface IKafkaClientContainer {
  /** The container's name (`spec.template.spec.containers[].name`). */
  readonly name: string;
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
   * A workload can read Secrets of its own namespace only: the broker CA is in the
   * cluster's namespace (`brokerCaNamespace` overrides it) and the user Secret in the
   * KafkaUser's (`credentialsNamespace`, when the User Operator watches another
   * namespace). A workload in another namespace than a Secret it reads is a
   * synth-time error.
   *
   * The workload and container may come from any cdk8s-plus version from 27
   * to 33. What the client needs is added to the workload's `ApiObject` as
   * JSON patches when the app is synthesized; the container object itself is
   * not changed (its `env` and `mounts` do not list the additions), so no
   * object of this library's cdk8s-plus version ends up in your workload.
   * From languages other than TypeScript, use `configureApiObject()`.
   */
  public static configureContainer(
    workload: IKafkaClientWorkload,
    container: IKafkaClientContainer,
    details: KafkaConnectionDetails,
    options: KafkaClientContainerOptions = {},
  ): KafkaClientContainerConfiguration {
    KafkaClient.checkNamespace(workload, () => workload.metadata.namespace, details);
    return KafkaClient.configure(ApiObject.of(workload), container.name, details, options);
  }

  /**
   * Configure the container named `containerName` of the workload `apiObject`
   * exactly as `configureContainer()` does. This form works from every jsii
   * language and with any cdk8s-plus version or none (e.g.
   * `ApiObject.of(deployment)`, or an `ApiObject` of the k8s classes): the
   * environment variables, volumes and mounts are added to the object's pod
   * template through JSON patches when the app is synthesized. Init
   * containers are found by name too.
   */
  public static configureApiObject(
    apiObject: ApiObject,
    containerName: string,
    details: KafkaConnectionDetails,
    options: KafkaClientContainerOptions = {},
  ): KafkaClientContainerConfiguration {
    KafkaClient.checkNamespace(apiObject, () => apiObject.metadata.namespace, details);
    return KafkaClient.configure(apiObject, containerName, details, options);
  }

  private static configure(
    apiObject: ApiObject,
    containerName: string,
    details: KafkaConnectionDetails,
    options: KafkaClientContainerOptions,
  ): KafkaClientContainerConfiguration {
    const prefix = options.envPrefix ?? 'KAFKA_';
    const dir = options.certificatesDirectory ?? '/etc/kafka/certs';
    const env: _EnvVarJson[] = [];
    const mounts: _SecretMountJson[] = [];
    const set = (name: string, value: string) => env.push({ name: prefix + name, value });
    const fromSecret = (name: string, ref: SecretKeyReference) =>
      env.push({ name: prefix + name, valueFrom: { secretKeyRef: { key: ref.key, name: ref.secretName } } });
    const mount = (directory: string, secretName: string, files: { [key: string]: string }) => mounts.push({
      volumeName: toDns1123Label(`kafka-${path.posix.basename(directory)}-${secretName}`),
      secretName,
      items: Object.entries(files).map(([key, file]) => ({ key, path: file })),
      mountPath: directory,
    });

    set('BOOTSTRAP_SERVERS', details.bootstrapServers);
    set('SECURITY_PROTOCOL', details.securityProtocol);
    if (details.saslMechanism) {
      set('SASL_MECHANISM', details.saslMechanism);
    }
    if (details.username) {
      set('SASL_USERNAME', details.username);
    }
    if (details.password) {
      fromSecret('SASL_PASSWORD', details.password);
    }
    if (details.jaasConfig) {
      fromSecret('SASL_JAAS_CONFIG', details.jaasConfig);
    }

    let caFile: string | undefined;
    let certificateFile: string | undefined;
    let keyFile: string | undefined;
    if (details.brokerCa) {
      const caDir = path.posix.join(dir, 'ca');
      mount(caDir, details.brokerCa.secretName, { [details.brokerCa.key]: 'ca.crt' });
      caFile = path.posix.join(caDir, 'ca.crt');
      set('SSL_CA_LOCATION', caFile);
    }
    if (details.userCertificate && details.userKey) {
      const userDir = path.posix.join(dir, 'user');
      if (details.userCertificate.secretName === details.userKey.secretName) {
        mount(userDir, details.userCertificate.secretName, {
          [details.userCertificate.key]: 'user.crt',
          [details.userKey.key]: 'user.key',
        });
        certificateFile = path.posix.join(userDir, 'user.crt');
        keyFile = path.posix.join(userDir, 'user.key');
      } else {
        mount(userDir, details.userCertificate.secretName, { [details.userCertificate.key]: 'user.crt' });
        const keyDir = path.posix.join(dir, 'user-key');
        mount(keyDir, details.userKey.secretName, { [details.userKey.key]: 'user.key' });
        certificateFile = path.posix.join(userDir, 'user.crt');
        keyFile = path.posix.join(keyDir, 'user.key');
      }
      set('SSL_CERTIFICATE_LOCATION', certificateFile);
      set('SSL_KEY_LOCATION', keyFile);
    }
    _addToContainer(apiObject, { containerName, env, mounts, subject: `Kafka client of cluster "${details.clusterName}"` });
    return { environmentVariables: env.map((e) => e.name), caFile, certificateFile, keyFile };
  }

  /**
   * A workload can read Secrets of its own namespace only. The broker CA is in the
   * cluster's namespace (or `brokerCaNamespace`), the user's credentials where the
   * User Operator writes them (`credentialsNamespace`, by default the same).
   */
  private static checkNamespace(workload: IConstruct, namespaceOf: () => string | undefined, details: KafkaConnectionDetails): void {
    const caNamespace = details.brokerCaNamespace ?? details.namespace;
    const credentialsNamespace = details.credentialsNamespace ?? details.namespace;
    const credentials = [details.password, details.jaasConfig, details.userCertificate, details.userKey]
      .filter((r): r is SecretKeyReference => r !== undefined);
    const read: ReadSecrets[] = [];
    if (credentials.length > 0) {
      read.push({ what: 'user credentials', namespace: credentialsNamespace, names: [...new Set(credentials.map((r) => r.secretName))], field: 'credentialsNamespace' });
    }
    if (details.brokerCa) {
      read.push({ what: 'broker CA', namespace: caNamespace, names: [details.brokerCa.secretName], field: 'brokerCaNamespace' });
    }
    if (read.length === 0) {
      return;
    }
    const checked = checkedNamespaces.get(workload) ?? new Set<string>();
    checkedNamespaces.set(workload, checked);
    // One rule per combination of namespaces, however many users or containers are wired.
    const key = JSON.stringify(read.map((r) => [r.what, r.namespace]));
    if (checked.has(key)) {
      return;
    }
    checked.add(key);
    addRules(workload, (c) => {
      const ns = namespaceOf() ?? Chart.of(workload).namespace ?? 'default';
      const subject = `Kafka client of cluster "${details.clusterName}"`;
      const namespaces = [...new Set(read.map((r) => r.namespace))];
      if (namespaces.length === 1) {
        const where = namespaces[0];
        const whose = where === details.namespace ? 'the cluster\'s namespace' : 'namespace';
        c.check(ns !== where, subject,
          `the workload is in namespace "${ns}", but the Secrets it reads (${read.map((r) => r.what).join(', ')}) are in ${whose} "${where}", and Kubernetes Secrets are namespace-local`,
          `run the workload in namespace "${where}", or copy the Secrets into "${ns}" and wire them by hand`, 'KAF-CLI-002');
        return;
      }
      const missing = read.filter((r) => r.namespace !== ns);
      c.check(missing.length > 0, subject,
        `the workload is in namespace "${ns}", but it reads ${read.map((r) => `the ${r.what} (${r.names.map((n) => `"${n}"`).join(', ')}) from namespace "${r.namespace}"`).join(' and ')} (the User Operator writes user Secrets into the namespace it watches, the CA Secret stays in the cluster's), and Kubernetes Secrets are namespace-local`,
        `copy ${missing.map((r) => `${r.names.map((n) => `"${n}"`).join(', ')} from "${r.namespace}"`).join(' and ')} into "${ns}" (e.g. with SecretCopy) and pass the details with ${missing.map((r) => `${r.field}: "${ns}"`).join(' and ')}, or leave the User Operator's watchedNamespace unset so that every Secret is in "${details.namespace}"`, 'KAF-CLI-002');
    });
  }

  private constructor() {}
}
