import { ViolationCollector } from '../common/validation';

/**
 * The authorizer kinds Strimzi 1.2.0 configures (`spec.kafka.authorization.type`).
 */
export enum KafkaAuthorizationType {
  /** Kafka's built-in ACL authorizer (StandardAuthorizer in KRaft). */
  SIMPLE = 'simple',
  /** An authorizer class of your own. */
  CUSTOM = 'custom',
}

/**
 * Options of simple authorization.
 */
export interface SimpleAuthorizationOptions {
  /**
   * Principals that bypass ACLs, e.g. `CN=admin` (TLS) or `admin` (SCRAM).
   * @default - none
   */
  readonly superUsers?: string[];
}

/**
 * Options of custom authorization.
 */
export interface CustomAuthorizationOptions extends SimpleAuthorizationOptions {
  /** Fully qualified authorizer class name. */
  readonly authorizerClass: string;
  /**
   * Whether the authorizer supports Kafka's Admin API for ACLs. The User Operator
   * can manage KafkaUser ACLs only when it does.
   * @default false
   */
  readonly supportsAdminApi?: boolean;
}

/**
 * How the brokers authorize requests.
 */
export class KafkaAuthorization {
  /** Kafka's ACL authorizer, which enforces KafkaUser ACLs. */
  public static simple(options: SimpleAuthorizationOptions = {}): KafkaAuthorization {
    return new KafkaAuthorization(KafkaAuthorizationType.SIMPLE, options.superUsers ?? [], undefined, true);
  }

  /** A custom authorizer. */
  public static custom(options: CustomAuthorizationOptions): KafkaAuthorization {
    return new KafkaAuthorization(
      KafkaAuthorizationType.CUSTOM, options.superUsers ?? [], options.authorizerClass, options.supportsAdminApi ?? false);
  }

  private constructor(
    /** The authorizer kind. */
    public readonly type: KafkaAuthorizationType,
    /** Principals that bypass ACLs. */
    public readonly superUsers: string[],
    /** The authorizer class of custom authorization. */
    public readonly authorizerClass: string | undefined,
    /** Whether the User Operator can manage ACLs through this authorizer. */
    public readonly supportsAdminApi: boolean,
  ) {}

  /**
   * The authorization settings' own rules.
   * @internal
   */
  public _check(c: ViolationCollector, subject: string): void {
    if (this.type === KafkaAuthorizationType.CUSTOM) {
      c.check(!this.authorizerClass?.trim(), subject, 'custom authorization has an empty authorizerClass (Strimzi needs the authorizer\'s class name)',
        'set authorizerClass to the fully qualified class name, or use KafkaAuthorization.simple()', 'KAF-CLU-067');
    }
  }
}
