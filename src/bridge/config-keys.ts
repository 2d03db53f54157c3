/*
 * Configuration keys the bridge's owner sets and users may not (library-internal).
 * Facts: Strimzi rejects these in KafkaBridge producer/consumer/adminClient config,
 * spec.config and http.tls.config; the sidecar writes the same keys itself.
 */

/** Prefixes of Kafka client keys the bridge's owner sets. */
const CLIENT_FORBIDDEN_PREFIXES = ['ssl.', 'bootstrap.servers', 'sasl.', 'security.'];
/** Client keys allowed although a forbidden prefix matches them. */
const CLIENT_ALLOWED = ['ssl.endpoint.identification.algorithm', 'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols'];

/** Which Kafka client a config belongs to. */
export type ClientKind = 'consumer' | 'producer' | 'adminClient';

/** The keys of `config` the bridge's owner sets for a client of `kind`. */
export function forbiddenClientKeys(kind: ClientKind, config: { [key: string]: any } | undefined): string[] {
  const prefixes = kind === 'consumer' ? [...CLIENT_FORBIDDEN_PREFIXES, 'group.id'] : CLIENT_FORBIDDEN_PREFIXES;
  return Object.keys(config ?? {}).filter((k) => !CLIENT_ALLOWED.includes(k) && prefixes.some((p) => k.startsWith(p)));
}

/** The keys of the bridge-level `config` that the bridge's owner sets. */
export function forbiddenBridgeKeys(config: { [key: string]: any } | undefined): string[] {
  const prefixes = ['kafka.', 'http.', 'bridge.metrics.'];
  const keys = ['bridge.id', 'bridge.tracing', 'bridge.metrics'];
  return Object.keys(config ?? {}).filter((k) => keys.includes(k) || prefixes.some((p) => k.startsWith(p)));
}

/** What the forbidden keys of a client are written as, for messages. */
export function clientKeyRule(kind: ClientKind): string {
  return kind === 'consumer'
    ? 'ssl.*, sasl.*, security.*, bootstrap.servers and group.id'
    : 'ssl.*, sasl.*, security.* and bootstrap.servers';
}
