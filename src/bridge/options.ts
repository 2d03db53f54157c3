import { Duration } from 'cdk8s';
import { SecretKeyReference } from '../strimzi/connection';

/**
 * An HTTP method the bridge's CORS policy can allow.
 */
export enum BridgeHttpMethod {
  /** GET */
  GET = 'GET',
  /** POST */
  POST = 'POST',
  /** PUT */
  PUT = 'PUT',
  /** DELETE */
  DELETE = 'DELETE',
  /** OPTIONS */
  OPTIONS = 'OPTIONS',
  /** PATCH */
  PATCH = 'PATCH',
  /** HEAD */
  HEAD = 'HEAD',
}

/**
 * Cross-origin resource sharing of the bridge's HTTP API (browsers calling it directly).
 */
export interface BridgeCorsOptions {
  /**
   * The origins allowed, each a Java regular expression matched against the whole
   * `Origin` header (e.g. `https://app\\.example\\.com`), or `*` for any origin.
   * At least one. The bridge compiles the configured value as one regular expression:
   * a `KafkaBridge` therefore takes exactly one pattern (the operator would join several
   * with commas), while a sidecar joins several into alternatives itself.
   */
  readonly allowedOrigins: string[];
  /** The methods allowed. At least one. */
  readonly allowedMethods: BridgeHttpMethod[];
}

/**
 * TLS of the bridge's own HTTP server (bridge 1.0 and later).
 */
export interface BridgeHttpTlsOptions {
  /** The server certificate, PEM (a Secret key in the bridge's namespace). */
  readonly certificate: SecretKeyReference;
  /** The private key of that certificate, PEM, in the same Secret. */
  readonly key: SecretKeyReference;
  /**
   * TLS protocols the server accepts (`ssl.enabled.protocols`), e.g. `['TLSv1.3']`.
   * @default - the bridge's default (TLSv1.2 and TLSv1.3)
   */
  readonly enabledProtocols?: string[];
  /**
   * Cipher suites the server accepts (`ssl.enabled.cipher.suites`).
   * @default - the JVM's defaults
   */
  readonly enabledCipherSuites?: string[];
}

/**
 * The bridge's HTTP server.
 */
export interface BridgeHttpOptions {
  /**
   * Port of the HTTP API (`rest-api`). The management port (health, readiness,
   * metrics) is fixed at 8081.
   * @default 8080
   */
  readonly port?: number;
  /**
   * Cross-origin resource sharing.
   * @default - CORS off (browsers on other origins cannot call the API)
   */
  readonly cors?: BridgeCorsOptions;
  /**
   * Serve the API over HTTPS.
   * @default - plain HTTP
   */
  readonly tls?: BridgeHttpTlsOptions;
}

/**
 * The bridge's HTTP consumers.
 */
export interface BridgeConsumerOptions {
  /**
   * Whether the consumer endpoints (`/consumers/...`) are enabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How long an idle consumer instance lives before the bridge deletes it (whole seconds).
   * @default - never deleted
   */
  readonly idleTimeout?: Duration;
  /**
   * Kafka consumer configuration (keys without the `kafka.consumer.` prefix). Keys the
   * bridge's owner sets (`ssl.*`, `sasl.*`, `security.*`, `bootstrap.servers`,
   * `group.id`) are rejected; `ssl.endpoint.identification.algorithm`,
   * `ssl.cipher.suites`, `ssl.protocol` and `ssl.enabled.protocols` are allowed.
   * @default - none
   */
  readonly config?: { [key: string]: any };
}

/**
 * The bridge's HTTP producer.
 */
export interface BridgeProducerOptions {
  /**
   * Whether the producer endpoints (`POST /topics/...`) are enabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Kafka producer configuration (keys without the `kafka.producer.` prefix); the
   * same keys as for consumers are rejected, except `group.id`.
   * @default - none
   */
  readonly config?: { [key: string]: any };
}

/**
 * The bridge's admin client.
 */
export interface BridgeAdminClientOptions {
  /**
   * Kafka admin client configuration (keys without the `kafka.admin.` prefix); the same
   * keys as for producers are rejected.
   * @default - none
   */
  readonly config?: { [key: string]: any };
}

/**
 * Where the bridge's log4j2 configuration comes from.
 */
export class BridgeLogging {
  /**
   * Logger levels written into the configuration, e.g.
   * `{ 'rootLogger.level': 'INFO', 'logger.bridge.level': 'DEBUG' }` (log4j2 properties syntax).
   */
  public static inline(loggers: { [logger: string]: string }): BridgeLogging {
    return new BridgeLogging({ ...loggers }, undefined, undefined);
  }

  /**
   * A log4j2 properties file in a ConfigMap of the bridge's namespace (KafkaBridge only:
   * a sidecar's logging configuration lives in the sidecar's own ConfigMap).
   */
  public static fromConfigMap(configMapName: string, key: string): BridgeLogging {
    return new BridgeLogging(undefined, configMapName, key);
  }

  private constructor(
    /** The inline logger levels. */
    public readonly loggers: { [logger: string]: string } | undefined,
    /** The ConfigMap of an external configuration. */
    public readonly configMapName: string | undefined,
    /** The key in that ConfigMap. */
    public readonly configMapKey: string | undefined,
  ) {}
}

/**
 * Distributed tracing of the bridge.
 */
export enum BridgeTracing {
  /** OpenTelemetry (configure the exporter with `OTEL_*` environment variables). */
  OPENTELEMETRY = 'opentelemetry',
}
