/*
 * Listener inputs the Kubernetes API server or Strimzi would reject, or that
 * silently give every broker the same address: ports, NodePorts, CIDRs, IPs,
 * host templates, advertised hosts, and addresses claimed twice. KAF-LIS rules.
 * Library-internal.
 */
import { isIP } from 'net';
import { Listener, ListenerType } from './listener';
import { checkAnnotations, checkLabels } from '../common/k8s-values';
import { ViolationCollector } from '../common/validation';

/** The default NodePort range of the API server (`--service-node-port-range`). */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

/** Whether `s` is an IPv4 or IPv6 address. */
export function isIpAddress(s: string): boolean {
  return isIP(s) !== 0;
}

/** Whether `s` is a CIDR block (`10.0.0.0/8`, `2001:db8::/32`) with a prefix within the address size. */
export function isCidr(s: string): boolean {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) return false;
  const family = isIP(m[1]);
  const prefix = Number(m[2]);
  return family !== 0 && prefix <= (family === 4 ? 32 : 128);
}

/** The NodePorts a listener asks for, with where each is set. */
function nodePortsOf(l: Listener): Array<{ port: number; where: string }> {
  const out: Array<{ port: number; where: string }> = [];
  if (l.options.bootstrap?.nodePort !== undefined) out.push({ port: l.options.bootstrap.nodePort, where: 'bootstrap.nodePort' });
  for (const b of l.options.brokers ?? []) {
    if (b.nodePort !== undefined) out.push({ port: b.nodePort, where: `brokers[] entry of node ${b.broker}` });
  }
  return out;
}

/**
 * Checks one listener's inputs. Warnings (NodePorts outside the default range)
 * are returned for the caller to record.
 */
export function checkListenerInputs(c: ViolationCollector, l: Listener): string[] {
  const warnings: string[] = [];
  const subject = `listener "${l.name}"`;
  const o = l.options as any;
  c.check(Number.isInteger(l.port) && l.port > 65535, subject, `port ${l.port} is above 65535, the largest TCP port`,
    'use 9092-9403 or 9405-65535 (not 9999)', 'KAF-LIS-001');
  for (const { port, where } of nodePortsOf(l)) {
    if (Number.isInteger(port) && port >= 1 && port <= 65535 && (port < NODE_PORT_MIN || port > NODE_PORT_MAX)) {
      warnings.push(`KAF-LIS-002 ${subject}: ${where} ${port} is outside the default NodePort range ${NODE_PORT_MIN}-${NODE_PORT_MAX}, so the API server rejects the Service unless the cluster's --service-node-port-range includes it; use a port in the range`);
    }
  }
  const cidrs: Array<[string, string]> = [
    ...((o.loadBalancerSourceRanges ?? []) as string[]).map((r): [string, string] => [r, 'loadBalancerSourceRanges']),
    // ipBlocks that are not even shaped like a CIDR are reported by the listener's own rule.
    ...(l.options.networkPolicyPeers ?? []).filter((p) => p.ipBlock !== undefined && /^[0-9a-fA-F:.]+\/\d{1,3}$/.test(p.ipBlock))
      .map((p): [string, string] => [p.ipBlock!, 'networkPolicyPeers ipBlock']),
  ];
  for (const [cidr, where] of cidrs) {
    c.check(typeof cidr !== 'string' || !isCidr(cidr), subject, `${where} "${cidr}" is not a CIDR block (an IP address, "/", a prefix length of at most 32 for IPv4 or 128 for IPv6)`,
      'use e.g. "10.0.0.0/8" or "2001:db8::/32"', 'KAF-LIS-003');
  }
  const ips: Array<[string | undefined, string]> = [
    [l.options.bootstrap?.loadBalancerIp, 'bootstrap.loadBalancerIp'],
    ...(l.options.brokers ?? []).map((b): [string | undefined, string] => [b.loadBalancerIp, `brokers[] entry of node ${b.broker} loadBalancerIp`]),
    ...(l.options.bootstrap?.externalIps ?? []).map((ip): [string, string] => [ip, 'bootstrap.externalIps']),
    ...(l.options.brokers ?? []).flatMap((b) => (b.externalIps ?? []).map((ip): [string, string] => [ip, `brokers[] entry of node ${b.broker} externalIps`])),
  ];
  for (const [ip, where] of ips) {
    c.check(ip !== undefined && !isIpAddress(ip), subject, `${where} "${ip}" is not an IP address`,
      'use an IPv4 or IPv6 address (host names go into annotations, e.g. external-dns)', 'KAF-LIS-004');
  }
  for (const [what, template] of [['hostTemplate', o.hostTemplate], ['advertisedHostTemplate', l.options.advertisedHostTemplate]] as Array<[string, string | undefined]>) {
    c.check(template !== undefined && !/\{nodeId\}|\{nodePodName\}/.test(template), subject,
      `${what} "${template}" contains neither {nodeId} nor {nodePodName}, so every broker gets the same host and clients reach only one of them`,
      `include {nodeId}, e.g. "broker-{nodeId}.${template && template.includes('.') ? template.slice(template.indexOf('.') + 1) : 'kafka.example.com'}"`, 'KAF-LIS-005');
  }
  for (const b of l.options.brokers ?? []) {
    const h = b.advertisedHost;
    c.check(h !== undefined && h.includes(':') && !isIpAddress(h), subject, `brokers[] entry of node ${b.broker} has advertisedHost "${h}", which includes a port`,
      'put the host into advertisedHost and the port into advertisedPort', 'KAF-LIS-006');
  }
  checkDuplicateAddresses(c, subject, l);
  checkLabels(c, subject, 'the bootstrap Service', l.options.bootstrap?.labels);
  checkAnnotations(c, subject, 'the bootstrap Service', l.options.bootstrap?.annotations);
  for (const b of l.options.brokers ?? []) {
    checkLabels(c, subject, `the Service of node ${b.broker}`, b.labels);
    checkAnnotations(c, subject, `the Service of node ${b.broker}`, b.annotations);
  }
  checkLabels(c, subject, 'the per-broker Services (template)', o.perBrokerLabelsTemplate);
  checkAnnotations(c, subject, 'the per-broker Services (template)', o.perBrokerAnnotationsTemplate);
  for (const p of l.options.networkPolicyPeers ?? []) {
    checkLabels(c, subject, 'a network policy pod selector', p.podLabels);
    checkLabels(c, subject, 'a network policy namespace selector', p.namespaceLabels);
  }
  return warnings;
}

/** Two brokers of one listener with the same advertised host and port. */
function checkDuplicateAddresses(c: ViolationCollector, subject: string, l: Listener): void {
  const hosted = [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLS_ROUTE].includes(l.type);
  const seen = new Map<string, number>();
  for (const b of l.options.brokers ?? []) {
    if (!b.advertisedHost) continue;
    const port = b.advertisedPort ?? (l.type === ListenerType.NODE_PORT ? b.nodePort : hosted ? 443 : l.port);
    if (port === undefined) continue;
    const key = `${b.advertisedHost}:${port}`;
    const other = seen.get(key);
    c.check(other !== undefined && other !== b.broker, subject, `nodes ${other} and ${b.broker} both advertise ${key}, so clients meant for one reach the other`,
      'give each broker its own advertisedHost or advertisedPort', 'KAF-LIS-008');
    seen.set(key, b.broker);
  }
}

/**
 * NodePorts are unique in the whole Kubernetes cluster: two Services (two brokers,
 * a broker and a bootstrap, or two listeners) cannot share one.
 */
export function checkNodePortsUnique(c: ViolationCollector, listeners: Listener[]): void {
  const seen = new Map<number, string>();
  for (const l of listeners) {
    if (l.type !== ListenerType.NODE_PORT && l.type !== ListenerType.LOAD_BALANCER) continue;
    for (const { port, where } of nodePortsOf(l)) {
      const here = `listener "${l.name}" ${where}`;
      const first = seen.get(port);
      c.check(first !== undefined, `listener "${l.name}"`, `NodePort ${port} of ${where} is also used by ${first} (a NodePort belongs to one Service in the whole cluster)`,
        'give every Service its own NodePort, or leave nodePort unset to let Kubernetes assign one', 'KAF-LIS-007');
      if (first === undefined) seen.set(port, here);
    }
  }
}
