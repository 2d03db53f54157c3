/*
 * Rules on a KafkaUser's authentication and quotas (library-internal), beside
 * the helpers that turn their units into what Strimzi expects.
 */
import { Duration, Size } from 'cdk8s';
import { isDns1123Subdomain } from '../../common/names';
import { ViolationCollector } from '../../common/validation';
import { KafkaUserAuthentication } from '../user-authentication';
import { KafkaUserQuotas } from '../user-quotas';
import { bytesOf } from './units';

/** Whole days of a duration, or null when it is not a whole number of days. */
export function wholeDays(d: Duration): number | null {
  const days = d.toDays({ integral: false });
  return Number.isInteger(days) ? days : null;
}

/** What the authentication rules need to know about the user. */
export interface UserFacts {
  readonly userName: string;
  /** The KafkaUser's namespace. */
  readonly namespace: string;
  /** The cluster's namespace. */
  readonly clusterNamespace: string;
}

/** Rules on the password Secret, the tls-external certificate, the CN length and certificate lifetimes. */
export function checkAuthentication(c: ViolationCollector, subject: string, auth: KafkaUserAuthentication, user: UserFacts): void {
  const pw = auth.scramOptions.password;
  if (pw) {
    if (!isDns1123Subdomain(pw.secretName)) {
      c.add(subject,
        `the password Secret name "${pw.secretName}" is not a valid Kubernetes name`,
        `name an existing Secret in ${user.namespace === user.clusterNamespace ? 'the cluster\'s namespace' : `namespace "${user.namespace}", the KafkaUser's`}`, 'KAF-USR-005');
    }
    if (!/^[-._a-zA-Z0-9]+$/.test(pw.key)) {
      c.add(subject,
        `the password Secret key "${pw.key}" is not a valid Secret key (letters, digits, "-", "_" and ".")`,
        'name the key that holds the password', 'KAF-USR-006');
    }
  }
  const ext = auth.tlsExternalOptions;
  if (!ext.certificate !== !ext.key) {
    c.add(subject,
      `the tls-external certificate is given ${ext.certificate ? `(secret "${ext.certificate.secretName}") without its key` : `without the certificate (key in secret "${ext.key?.secretName}")`}, so clients cannot be wired with it`,
      'name both the certificate and the key, or neither', 'KAF-USR-007');
  }
  if (auth.usesCertificate && user.userName.length > 64) {
    c.add(subject,
      `the name has ${user.userName.length} characters, but a ${auth.type} user name becomes the certificate CN, which allows at most 64`,
      'choose a name of at most 64 characters', 'KAF-USR-008');
  }
}

/** Rules on the certificate validity and renewal period. */
export function checkCertificateLifetime(c: ViolationCollector, subject: string, auth: KafkaUserAuthentication): void {
  const tls = auth.tlsOptions;
  if (!tls.validity && !tls.renewBefore) {
    return;
  }
  if (!tls.validity || !tls.renewBefore) {
    c.add(subject,
      'certificate validity and renewBefore must be set together',
      'set both validity and renewBefore, or neither', 'KAF-USR-009');
  }
  const v = tls.validity ? wholeDays(tls.validity) : undefined;
  const r = tls.renewBefore ? wholeDays(tls.renewBefore) : undefined;
  if (v !== undefined && (v === null || v < 1)) {
    c.add(subject,
      `certificate validity ${tls.validity?.toHumanString()} is not a whole number of days of at least 1`,
      'use Duration.days(n) with n >= 1', 'KAF-USR-010');
  }
  if (r !== undefined && (r === null || r < 1)) {
    c.add(subject,
      `certificate renewBefore ${tls.renewBefore?.toHumanString()} is not a whole number of days of at least 1`,
      'use Duration.days(n) with n >= 1', 'KAF-USR-010');
  }
  if (typeof v === 'number' && typeof r === 'number' && r >= v) {
    c.add(subject,
      `certificate renewBefore (${r} days) must be less than validity (${v} days)`,
      'renew before the certificate expires, e.g. validity 365 days and renewBefore 30 days', 'KAF-USR-011');
  }
}

/** Rules on quota values. */
export function checkQuotas(c: ViolationCollector, subject: string, q: KafkaUserQuotas): void {
  for (const [name, size] of [['producerByteRate', q.producerByteRate], ['consumerByteRate', q.consumerByteRate]] as Array<[string, Size | undefined]>) {
    if (size !== undefined) {
      const b = bytesOf(size);
      if (!Number.isInteger(b) || b < 0) {
        c.add(subject,
          `quota ${name} ${b} bytes/s is not a whole number of bytes >= 0`,
          'use a whole, non-negative number of bytes per second', 'KAF-USR-012');
      }
    }
  }
  if (q.requestPercentage !== undefined && (!Number.isInteger(q.requestPercentage) || q.requestPercentage < 0)) {
    c.add(subject,
      `quota requestPercentage ${q.requestPercentage} is not an integer >= 0`,
      'use a whole, non-negative percentage', 'KAF-USR-012');
  }
  if (q.controllerMutationRate !== undefined && q.controllerMutationRate < 0) {
    c.add(subject,
      `quota controllerMutationRate ${q.controllerMutationRate} is negative`,
      'use a non-negative rate', 'KAF-USR-013');
  }
}
