import { ViolationCollector } from '../../common/validation';
import { CertificateAuthorityOptions } from '../ca';

/** Strimzi's `clusterCa` / `clientsCa`. */
export function renderCa(o: CertificateAuthorityOptions | undefined): any {
  if (!o) return undefined;
  const out: any = {
    generateCertificateAuthority: o.generateCertificateAuthority,
    generateSecretOwnerReference: o.keepSecretsOnDelete === undefined ? undefined : !o.keepSecretsOnDelete,
    validityDays: o.validity?.toDays({ integral: false }),
    renewalDays: o.renewal?.toDays({ integral: false }),
    certificateExpirationPolicy: o.expirationPolicy,
  };
  Object.keys(out).forEach((k) => out[k] === undefined && delete out[k]);
  return out;
}

/** Checks CA settings. */
export function checkCa(c: ViolationCollector, subject: string, o: CertificateAuthorityOptions | undefined): void {
  if (!o) return;
  const validity = o.validity?.toDays({ integral: false });
  const renewal = o.renewal?.toDays({ integral: false });
  for (const [name, days] of [['validity', validity], ['renewal', renewal]] as Array<[string, number | undefined]>) {
    c.check(days !== undefined && (!Number.isInteger(days) || days < 1), subject, `${name} of ${days} days is not a whole number of days >= 1 (Strimzi counts CA lifetimes in days)`, 'use Duration.days(n) with n >= 1');
  }
  const v = validity ?? 365;
  const r = renewal ?? 30;
  c.check(r >= v, subject, `renewal period ${r} days is not shorter than the validity of ${v} days`, 'make renewal shorter than validity');
  c.check(o.generateCertificateAuthority === false && o.expirationPolicy !== undefined, subject,
    `expirationPolicy ${o.expirationPolicy} applies only to a CA Strimzi generates, but generateCertificateAuthority is false`, 'remove expirationPolicy, or let Strimzi generate the CA');
}
