import { Duration } from 'cdk8s';
import { ViolationCollector } from '../common/validation';

/** What happens when a generated CA certificate expires. */
export enum CertificateExpirationPolicy {
  /** A new CA certificate is issued for the existing private key. */
  RENEW_CERTIFICATE = 'renew-certificate',
  /** A new private key and certificate replace the old ones (clients must trust the new CA). */
  REPLACE_KEY = 'replace-key',
}

/**
 * Settings of the cluster CA or the clients CA (`spec.clusterCa` / `spec.clientsCa`).
 */
export interface CertificateAuthorityOptions {
  /**
   * Whether Strimzi generates the CA. Set to false to bring your own CA: you then
   * create the `<cluster>-cluster-ca` / `-cluster-ca-cert` (or clients) Secrets yourself.
   * @default true
   */
  readonly generateCertificateAuthority?: boolean;
  /**
   * How long generated certificates are valid, in whole days.
   * @default Duration.days(365)
   */
  readonly validity?: Duration;
  /**
   * The renewal period before expiry, in whole days and shorter than `validity`.
   * @default Duration.days(30)
   */
  readonly renewal?: Duration;
  /**
   * What happens when the CA certificate expires (generated CAs only).
   * @default CertificateExpirationPolicy.RENEW_CERTIFICATE
   */
  readonly expirationPolicy?: CertificateExpirationPolicy;
  /**
   * Whether the CA Secrets are kept when the Kafka resource is deleted (no owner reference).
   * @default false - the Secrets are deleted with the cluster
   */
  readonly keepSecretsOnDelete?: boolean;
}

/**
 * The CA settings' rules.
 * @internal
 */
export function _checkCa(c: ViolationCollector, subject: string, o: CertificateAuthorityOptions | undefined): void {
  if (!o) return;
  const validity = o.validity?.toDays({ integral: false });
  const renewal = o.renewal?.toDays({ integral: false });
  for (const [name, days] of [['validity', validity], ['renewal', renewal]] as Array<[string, number | undefined]>) {
    c.check(days !== undefined && (!Number.isInteger(days) || days < 1), subject, `${name} of ${days} days is not a whole number of days >= 1 (Strimzi counts CA lifetimes in days)`, 'use Duration.days(n) with n >= 1', 'KAF-CLU-064');
  }
  const v = validity ?? 365;
  const r = renewal ?? 30;
  c.check(r >= v, subject, `renewal period ${r} days is not shorter than the validity of ${v} days`, 'make renewal shorter than validity', 'KAF-CLU-065');
  c.check(o.generateCertificateAuthority === false && o.expirationPolicy !== undefined, subject,
    `expirationPolicy ${o.expirationPolicy} applies only to a CA Strimzi generates, but generateCertificateAuthority is false`, 'remove expirationPolicy, or let Strimzi generate the CA', 'KAF-CLU-066');
}
