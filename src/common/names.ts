import { createHash } from 'crypto';

/** Kubernetes DNS-1123 subdomain (metadata.name of most objects). */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Kubernetes DNS-1123 label (names that become Service names, labels, ...). */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Whether `name` is a valid DNS-1123 subdomain of at most 253 characters. */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
}

/** Whether `name` is a valid DNS-1123 label of at most 63 characters. */
export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS1123_LABEL.test(name);
}

/** A short, stable hex hash of the inputs. */
export function shortHash(input: string, length = 8): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/**
 * Turns any string into a valid DNS-1123 label: lower case, invalid characters
 * become `-`, trimmed to `maxLength`. When anything had to change (or the
 * result is too long), a hash of the original is appended so different inputs
 * stay different and the result is stable across synths.
 */
export function toDns1123Label(input: string, maxLength = 63): string {
  let s = input.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (s === input && s.length <= maxLength && s.length > 0) {
    return s;
  }
  const hash = shortHash(input);
  const room = maxLength - hash.length - 1;
  s = s.slice(0, room).replace(/-+$/g, '');
  return s.length > 0 ? `${s}-${hash}` : hash;
}
