import { Duration } from 'cdk8s';
import { KafkaUserAuthenticationType } from './acl';
import { SecretKeyReference } from './connection';

/**
 * Options of SCRAM-SHA-512 user authentication.
 */
export interface ScramSha512UserAuthenticationOptions {
  /**
   * A Secret key holding the password to use, in the KafkaUser's namespace (the
   * cluster's `userNamespace`, where the User Operator reads it).
   * The User Operator copies it into the user Secret, so connection details
   * still point at `<user>` / `password`.
   * @default - the User Operator generates a password
   */
  readonly password?: SecretKeyReference;
}

/**
 * Options of TLS user authentication.
 */
export interface TlsUserAuthenticationOptions {
  /**
   * How long the user certificate is valid, in whole days. Set together with `renewBefore`.
   * @default - the clients CA setting (365 days unless changed)
   */
  readonly validity?: Duration;
  /**
   * How long before expiry the certificate is renewed, in whole days and less than `validity`.
   * @default - the clients CA setting (30 days unless changed)
   */
  readonly renewBefore?: Duration;
}

/**
 * Options of `tls-external` user authentication.
 */
export interface TlsExternalUserAuthenticationOptions {
  /**
   * Where the certificate issued outside Strimzi is stored, for connection details:
   * a Secret in the KafkaUser's namespace, like the Secrets Strimzi writes for users.
   * @default - connection details name no client certificate
   */
  readonly certificate?: SecretKeyReference;
  /**
   * Where the private key of that certificate is stored, for connection details
   * (a Secret in the KafkaUser's namespace).
   * @default - connection details name no client key
   */
  readonly key?: SecretKeyReference;
}

/**
 * How a KafkaUser authenticates.
 */
export class KafkaUserAuthentication {
  /** SASL SCRAM-SHA-512. The password is generated, or taken from a Secret you name. */
  public static scramSha512(options: ScramSha512UserAuthenticationOptions = {}): KafkaUserAuthentication {
    return new KafkaUserAuthentication(KafkaUserAuthenticationType.SCRAM_SHA_512, options, {}, {});
  }

  /** Mutual TLS with a certificate the User Operator issues from the clients CA. */
  public static tls(options: TlsUserAuthenticationOptions = {}): KafkaUserAuthentication {
    return new KafkaUserAuthentication(KafkaUserAuthenticationType.TLS, {}, options, {});
  }

  /** Mutual TLS with a certificate issued outside Strimzi (ACLs and quotas are still managed). */
  public static tlsExternal(options: TlsExternalUserAuthenticationOptions = {}): KafkaUserAuthentication {
    return new KafkaUserAuthentication(KafkaUserAuthenticationType.TLS_EXTERNAL, {}, {}, options);
  }

  private constructor(
    /** The authentication type. */
    public readonly type: KafkaUserAuthenticationType,
    /** SCRAM options. */
    public readonly scramOptions: ScramSha512UserAuthenticationOptions,
    /** TLS options. */
    public readonly tlsOptions: TlsUserAuthenticationOptions,
    /** tls-external options. */
    public readonly tlsExternalOptions: TlsExternalUserAuthenticationOptions,
  ) {}

  /** Whether the user authenticates with a client certificate (`tls` or `tls-external`). */
  public get usesCertificate(): boolean {
    return this.type !== KafkaUserAuthenticationType.SCRAM_SHA_512;
  }
}
