/**
 * The `security.protocol` a Kafka client uses.
 */
export enum SecurityProtocol {
  /** No TLS, no SASL. */
  PLAINTEXT = 'PLAINTEXT',
  /** TLS, optionally with a client certificate. */
  SSL = 'SSL',
  /** SASL without TLS. */
  SASL_PLAINTEXT = 'SASL_PLAINTEXT',
  /** SASL over TLS. */
  SASL_SSL = 'SASL_SSL',
}

/**
 * A key in a Kubernetes Secret.
 */
export interface SecretKeyReference {
  /** The Secret's name. */
  readonly secretName: string;
  /** The key in the Secret. */
  readonly key: string;
}

/**
 * How one user reaches one cluster through one listener: everything a client
 * (an application, the KEDA scaler, the HTTP bridge) needs to connect.
 *
 * The broker CA lives in `namespace` (the cluster's namespace). The user's
 * credentials live where the User Operator writes them: `credentialsNamespace`
 * when the User Operator watches another namespace, else `namespace` too.
 * Kubernetes Secrets are namespace-local, so a client reads each of them only
 * from its own namespace.
 */
export interface KafkaConnectionDetails {
  /** `bootstrap.servers`, e.g. `my-cluster-kafka-bootstrap.kafka.svc:9093`. */
  readonly bootstrapServers: string;
  /** `security.protocol`. */
  readonly securityProtocol: SecurityProtocol;
  /** Namespace of the cluster, and of `brokerCa` unless `brokerCaNamespace` says otherwise. */
  readonly namespace: string;
  /**
   * Namespace of the Secrets holding the user's credentials (`password`, `jaasConfig`,
   * `userCertificate`, `userKey`), when it is not `namespace`: the User Operator writes
   * the user Secret into the namespace it watches, next to the KafkaUser.
   * @default - `namespace`
   */
  readonly credentialsNamespace?: string;
  /** Name of the cluster. */
  readonly clusterName: string;
  /** Name of the listener. */
  readonly listenerName: string;
  /**
   * `sasl.mechanism`, e.g. `SCRAM-SHA-512`.
   * @default - no SASL
   */
  readonly saslMechanism?: string;
  /**
   * The SASL user name, which equals the KafkaUser name (no Strimzi Secret holds it).
   * @default - no SASL
   */
  readonly username?: string;
  /**
   * The SASL password (`<user>` / `password`).
   * @default - no SASL
   */
  readonly password?: SecretKeyReference;
  /**
   * A complete `sasl.jaas.config` line (`<user>` / `sasl.jaas.config`).
   * @default - no SASL
   */
  readonly jaasConfig?: SecretKeyReference;
  /**
   * The user's certificate, PEM (`<user>` / `user.crt`).
   * @default - no client certificate
   */
  readonly userCertificate?: SecretKeyReference;
  /**
   * The user's private key, PEM (`<user>` / `user.key`).
   * @default - no client certificate
   */
  readonly userKey?: SecretKeyReference;
  /**
   * The CA that signed the brokers' certificates, PEM: `<cluster>-cluster-ca-cert` /
   * `ca.crt`, or the CA named for a listener's custom certificate.
   * @default - no TLS, or the system trust store for a custom certificate without a named CA
   */
  readonly brokerCa?: SecretKeyReference;
  /**
   * Namespace of `brokerCa`, when it is not `namespace`, e.g. after copying the CA
   * Secret into the namespace of the user Secret.
   * @default - `namespace`
   */
  readonly brokerCaNamespace?: string;
}
