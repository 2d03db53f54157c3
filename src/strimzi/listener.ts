import {
  ClusterIpListenerOptions,
  GatewayParentRef,
  IngressListenerOptions,
  InternalListenerOptions,
  ListenerAuthentication,
  ListenerAuthenticationType,
  ListenerBrokerOptions,
  ListenerCertificate,
  ListenerOptions,
  ListenerType,
  LoadBalancerListenerOptions,
  NodePortListenerOptions,
  RouteListenerOptions,
  TlsRouteListenerOptions,
} from './listener-options';
import type { ListenerConfigurationModel, ListenerModel } from './model/kafka';
import { capabilitiesOf } from './private/capabilities';
import { StrimziTarget } from './target';
import { dropUndefined } from '../common/objects';
import { ViolationCollector } from '../common/validation';

export * from './listener-options';

/**
 * A Kafka listener: how clients reach the brokers.
 *
 * Create one with a static factory per type and pass it to `KafkaCluster`
 * (`listeners` or `addListener()`).
 */
export class Listener {
  /** An in-cluster listener on the shared bootstrap Service `<cluster>-kafka-bootstrap`. */
  public static internal(options: InternalListenerOptions): Listener {
    return new Listener({ type: ListenerType.INTERNAL, options });
  }

  /** An in-cluster listener with a ClusterIP Service per broker. */
  public static clusterIp(options: ClusterIpListenerOptions): Listener {
    return new Listener({ type: ListenerType.CLUSTER_IP, options });
  }

  /** A NodePort Service per broker. */
  public static nodePort(options: NodePortListenerOptions): Listener {
    return new Listener({ type: ListenerType.NODE_PORT, options });
  }

  /** A LoadBalancer Service per broker. */
  public static loadBalancer(options: LoadBalancerListenerOptions): Listener {
    return new Listener({ type: ListenerType.LOAD_BALANCER, options });
  }

  /** A Kubernetes Ingress per broker (TLS passthrough, needs an ingress controller that supports it). */
  public static ingress(options: IngressListenerOptions): Listener {
    return new Listener({ type: ListenerType.INGRESS, options });
  }

  /** An OpenShift Route per broker. */
  public static route(options: RouteListenerOptions): Listener {
    return new Listener({ type: ListenerType.ROUTE, options });
  }

  /** A Gateway API TLSRoute per broker. */
  public static tlsRoute(options: TlsRouteListenerOptions): Listener {
    return new Listener({ type: ListenerType.TLS_ROUTE, options });
  }

  /** The listener name. */
  public readonly name: string;
  /** The port on the brokers. */
  public readonly port: number;
  /** Whether traffic is encrypted with TLS. */
  public readonly tls: boolean;
  /** How clients authenticate. */
  public readonly authentication: ListenerAuthentication;

  /** The listener type. */
  public readonly type: ListenerType;
  /** The options the listener was created with. */
  public readonly options: ListenerOptions;
  /** The type and the options of that type, as the factory received them. */
  private readonly configuration: ListenerConfiguration;

  private constructor(configuration: ListenerConfiguration) {
    const options = configuration.options;
    this.configuration = configuration;
    this.type = configuration.type;
    this.options = options;
    this.name = options.name;
    this.port = options.port;
    this.tls = options.tls ?? true;
    this.authentication = options.authentication ?? ListenerAuthentication.scramSha512();
  }

  /** Host of the bootstrap route, ingress or TLSRoute, if set. */
  public get bootstrapHost(): string | undefined {
    return this.options.bootstrap?.host;
  }

  /** The per-broker overrides. */
  public get brokerOverrides(): ListenerBrokerOptions[] {
    return [...(this.options.brokers ?? [])];
  }

  /** Host template of the per-broker routes, ingresses or TLSRoutes, if set. */
  public get hostTemplate(): string | undefined {
    return this.typeOptions.hostTemplate;
  }

  /** The Gateways a `tlsroute` listener's TLSRoutes attach to (empty for other types). */
  public get parentRefs(): GatewayParentRef[] {
    return [...(this.typeOptions.parentRefs ?? [])];
  }

  /** The certificate the listener serves instead of one signed by the cluster CA, if any. */
  public get brokerCertificate(): ListenerCertificate | undefined {
    return this.options.brokerCertificate;
  }

  /** Whether the listener is reachable from outside the Kubernetes cluster. */
  public get isExternal(): boolean {
    return this.type !== ListenerType.INTERNAL && this.type !== ListenerType.CLUSTER_IP;
  }

  /** The port clients outside the cluster connect to (443 for routes, ingresses and TLSRoutes). */
  public get externalPort(): number {
    return [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLS_ROUTE].includes(this.type) ? 443 : this.port;
  }

  /**
   * Whether Strimzi names this listener's per-broker objects without the listener
   * name (its legacy rule for a listener named `external` on port 9094).
   */
  public get usesLegacyExternalNames(): boolean {
    return this.name === 'external' && this.port === 9094;
  }

  /**
   * The host clients use to bootstrap from outside the cluster, when it is known at synth time
   * (route, ingress and TLSRoute listeners with a bootstrap host).
   */
  public get externalBootstrapHost(): string | undefined {
    return [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLS_ROUTE].includes(this.type) ? this.options.bootstrap?.host : undefined;
  }

  /**
   * The `host:port` clients outside the Kubernetes cluster bootstrap from, when it is known at synth time.
   *
   * It is known for the bootstrap host of a route, ingress or TLSRoute (port 443), the external-dns
   * host name annotation or the requested IP of a load balancer's bootstrap Service, and the first
   * external IP of a node port bootstrap Service. Undefined otherwise (e.g. a node port listener
   * reached through any node's address, or a load balancer address assigned by the cloud).
   */
  public get externalBootstrapAddress(): string | undefined {
    const b = this.options.bootstrap;
    switch (this.type) {
      case ListenerType.ROUTE:
      case ListenerType.INGRESS:
      case ListenerType.TLS_ROUTE:
        return b?.host ? `${b.host}:443` : undefined;
      case ListenerType.LOAD_BALANCER: {
        const dnsName = b?.annotations?.[EXTERNAL_DNS_HOSTNAME]?.split(',')[0]?.trim();
        const host = dnsName || b?.loadBalancerIp;
        return host ? `${host}:${this.port}` : undefined;
      }
      case ListenerType.NODE_PORT:
        return b?.externalIps?.[0] ? `${b.externalIps[0]}:${this.port}` : undefined;
      default:
        return undefined;
    }
  }

  /**
   * The listener as the version-neutral model the renderers turn into the target's shape.
   * @internal
   */
  public _model(): ListenerModel {
    return {
      name: this.name,
      port: this.port,
      type: this.type,
      tls: this.tls,
      authentication: this.authenticationModel(),
      configuration: this.configurationModel(),
      networkPolicyPeers: this.options.networkPolicyPeers?.map((p) => ({
        podLabels: p.podLabels, namespaceLabels: p.namespaceLabels, ipBlock: p.ipBlock,
      })),
    };
  }

  private authenticationModel(): ListenerModel['authentication'] {
    const a = this.authentication;
    switch (a.type) {
      case ListenerAuthenticationType.NONE:
        return undefined;
      case ListenerAuthenticationType.CUSTOM:
        return { type: a.type, sasl: a.customOptions?.sasl, listenerConfig: a.customOptions?.listenerConfig };
      default:
        return { type: a.type };
    }
  }

  /**
   * Checks the listener's own rules.
   * @param c where violations go
   * @param brokerIds the broker node IDs when they are known at synth time
   * @param brokerCount the number of broker nodes
   * @param target the operator release the cluster is rendered for
   * @internal
   */
  public _check(c: ViolationCollector, brokerIds: number[] | undefined, brokerCount: number, target: StrimziTarget = StrimziTarget.LATEST): void {
    const subject = `listener "${this.name}"`;
    c.check(!/^[a-z0-9]{1,11}$/.test(this.name), subject,
      `name "${this.name}" must be 1-11 lower-case letters or digits (Strimzi's rule ^[a-z0-9]{1,11}$)`,
      `rename it, e.g. "${this.name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 11) || 'external'}"`, 'KAF-LIS-009');
    if (!Number.isInteger(this.port) || this.port < 9092) {
      c.add(subject, `port ${this.port} is below 9092, the lowest listener port Strimzi accepts (lower ports are used by Kafka itself: 9090 controller, 9091 replication)`, 'use 9092-9403 or 9405+ (not 9999)', 'KAF-LIS-010');
    } else if (this.port === 9404) {
      c.add(subject, 'port 9404 is reserved by Strimzi for metrics', 'use 9092-9403 or 9405+ (not 9999)', 'KAF-LIS-011');
    } else if (this.port === 9999) {
      c.add(subject, 'port 9999 is reserved by Strimzi for JMX', 'use 9092-9403, 9405-9998 or 10000+', 'KAF-LIS-011');
    }
    if (!this.tls && [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLS_ROUTE].includes(this.type)) {
      c.add(subject, `type ${this.type} needs tls: true (traffic is routed by TLS SNI passthrough on port 443)`, 'set tls: true', 'KAF-LIS-012');
    }
    c.check(!this.tls && this.authentication.type === ListenerAuthenticationType.TLS, subject,
      'authentication tls (mutual TLS) needs tls: true on the listener', 'set tls: true, or use ListenerAuthentication.scramSha512()', 'KAF-LIS-013');
    c.check(!this.tls && this.options.brokerCertificate !== undefined, subject,
      `a custom broker certificate (secret "${this.options.brokerCertificate?.secretName}") needs tls: true`, 'set tls: true, or remove brokerCertificate', 'KAF-LIS-014');
    const cert = this.options.brokerCertificate;
    if (cert) {
      c.check(!cert.secretName || !cert.certificate || !cert.key, subject,
        'brokerCertificate needs a non-empty secretName, certificate and key', 'name the Secret and both of its keys', 'KAF-LIS-015');
    }

    // Configuration options only on the types that accept them.
    const config: { [key: string]: any } = this.configurationModel();
    for (const [key, types] of Object.entries(capabilitiesOf(target).listenerOptionTypes)) {
      const used = key.startsWith('bootstrap.') ? config.bootstrap?.[key.slice('bootstrap.'.length)] !== undefined
        : key.startsWith('brokers[].') ? (config.brokers ?? []).some((b: any) => b[key.slice('brokers[].'.length)] !== undefined)
          : config[key] !== undefined;
      if (used && !types.includes(this.type)) {
        c.add(subject, `option ${key.replace('externalIPs', 'externalIps')} does not apply to type ${this.type} (Strimzi accepts it only on ${types.join(', ')})`, 'remove it or change the listener type', 'KAF-LIS-016');
      }
    }

    if (this.type === ListenerType.INGRESS || this.type === ListenerType.TLS_ROUTE) {
      c.check(!this.options.bootstrap?.host, subject, `type ${this.type} needs a bootstrap host`, 'set bootstrap.host, e.g. "kafka.example.com"', 'KAF-LIS-017');
      if (!this.hostTemplate) {
        const hosts = new Set((this.options.brokers ?? []).filter((b) => b.host).map((b) => b.broker));
        if (brokerIds) {
          const missing = brokerIds.filter((id) => !hosts.has(id));
          c.check(missing.length > 0, subject, `type ${this.type} needs a host for every broker; brokers ${missing.join(', ')} have none`,
            'set hostTemplate (e.g. "broker-{nodeId}.kafka.example.com") or brokers[].host for each broker', 'KAF-LIS-018');
        } else {
          c.check(hosts.size < Math.max(brokerCount, 1), subject, `type ${this.type} needs a host for every broker; ${hosts.size} of ${brokerCount} brokers have one`,
            'set hostTemplate (e.g. "broker-{nodeId}.kafka.example.com") or brokers[].host for each broker', 'KAF-LIS-018');
        }
      }
    }
    if (this.type === ListenerType.TLS_ROUTE) {
      c.check(this.parentRefs.length === 0, subject, 'type tlsroute needs at least one Gateway parentRef', 'set parentRefs to the Gateway listener(s) the TLSRoutes attach to', 'KAF-LIS-019');
    }
    const listed = new Set<number>();
    for (const b of this.options.brokers ?? []) {
      c.check(!Number.isInteger(b.broker) || b.broker < 0, subject, `brokers[].broker ${b.broker} is not a node ID (an integer >= 0)`, 'use the node ID of a broker', 'KAF-LIS-020');
      c.check(listed.has(b.broker), subject, `brokers[] lists node ID ${b.broker} more than once (Strimzi applies only one entry per broker)`, 'merge the overrides of that broker into one entry', 'KAF-LIS-021');
      listed.add(b.broker);
      for (const [what, port] of [['advertisedPort', b.advertisedPort], ['nodePort', b.nodePort]] as Array<[string, number | undefined]>) {
        c.check(port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535), subject, `brokers[] entry of node ${b.broker} has ${what} ${port}, not a TCP port (1-65535)`, 'use a port between 1 and 65535', 'KAF-LIS-022');
      }
    }
    const bootstrapNodePort = this.options.bootstrap?.nodePort;
    c.check(bootstrapNodePort !== undefined && (!Number.isInteger(bootstrapNodePort) || bootstrapNodePort < 1 || bootstrapNodePort > 65535), subject,
      `bootstrap.nodePort ${bootstrapNodePort} is not a TCP port (1-65535)`, 'use a port in the cluster\'s node port range (30000-32767 by default)', 'KAF-LIS-022');
    for (const [what, n] of [['maxConnections', this.options.maxConnections], ['maxConnectionCreationRate', this.options.maxConnectionCreationRate]] as Array<[string, number | undefined]>) {
      c.check(n !== undefined && (!Number.isInteger(n) || n < 0), subject, `${what} ${n} is not an integer >= 0`, `set ${what} to 0 or more, or leave it unset for no limit`, 'KAF-LIS-023');
    }

    // Network policy peers: each must select something, and an IP block stands alone (Kubernetes NetworkPolicyPeer rules).
    (this.options.networkPolicyPeers ?? []).forEach((p, i) => {
      const selectors = p.podLabels !== undefined || p.namespaceLabels !== undefined;
      c.check(!selectors && !p.ipBlock, subject, `networkPolicyPeers[${i}] selects nothing (it needs podLabels, namespaceLabels or ipBlock)`, 'set podLabels and/or namespaceLabels, or an ipBlock', 'KAF-LIS-024');
      c.check(selectors && p.ipBlock !== undefined, subject, `networkPolicyPeers[${i}] combines ipBlock ${p.ipBlock} with label selectors, which Kubernetes does not allow in one peer`, 'split it into two peers', 'KAF-LIS-025');
      c.check(p.ipBlock !== undefined && !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(p.ipBlock), subject, `networkPolicyPeers[${i}] ipBlock "${p.ipBlock}" is not in CIDR notation`, 'use e.g. "10.0.0.0/8"', 'KAF-LIS-003');
    });

    // Custom authentication: Strimzi drops keystore settings from listenerConfig (it provides the keystore itself).
    const listenerConfig = this.authentication.customOptions?.listenerConfig ?? {};
    const dropped = Object.keys(listenerConfig).filter((k) => k.toLowerCase().startsWith('ssl.keystore.'));
    c.check(dropped.length > 0, subject, `custom authentication listenerConfig key(s) ${dropped.join(', ')} would be silently dropped (Strimzi owns the listener keystore)`,
      'remove them; use brokerCertificate to serve your own certificate', 'KAF-LIS-026');

    if (this.isExternal && !this.options.allowInsecureExternalAccess) {
      const gaps: string[] = [];
      // Hosted types without TLS are already an error above that no opt-in lifts.
      if (!this.tls && !HOSTED.includes(this.type)) gaps.push('without TLS');
      if (this.authentication.type === ListenerAuthenticationType.NONE) gaps.push('without authentication');
      c.check(gaps.length > 0, subject, `type ${this.type} is reachable from outside the Kubernetes cluster ${gaps.join(' and ')}`,
        'enable tls and authentication, or opt in with allowInsecureExternalAccess: true', 'KAF-LIS-027');
    }
  }

  /**
   * The options only some listener types take, read from the configuration of this
   * listener's type. Every field is read as given, so the rules can report one set
   * on a type that does not accept it.
   */
  private get typeOptions(): AnyListenerTypeOptions {
    return this.configuration.options;
  }

  private configurationModel(): ListenerConfigurationModel {
    const o = this.typeOptions;
    const b = this.options.bootstrap;
    const cert = this.options.brokerCertificate;
    const bootstrap = b && dropUndefined({
      alternativeNames: b.alternativeNames,
      host: b.host,
      nodePort: b.nodePort,
      loadBalancerIp: b.loadBalancerIp,
      externalIPs: b.externalIps,
      labels: b.labels,
      annotations: b.annotations,
    });
    const parentRefs = o.parentRefs;
    return dropUndefined({
      brokerCertChainAndKey: cert && { secretName: cert.secretName, certificate: cert.certificate, key: cert.key },
      class: o.ingressClass ?? o.loadBalancerClass,
      externalTrafficPolicy: o.externalTrafficPolicy,
      loadBalancerSourceRanges: o.loadBalancerSourceRanges,
      bootstrap: bootstrap && Object.keys(bootstrap).length > 0 ? bootstrap : undefined,
      brokers: this.options.brokers?.map((x) => dropUndefined({
        broker: x.broker,
        advertisedHost: x.advertisedHost,
        advertisedPort: x.advertisedPort,
        host: x.host,
        nodePort: x.nodePort,
        loadBalancerIp: x.loadBalancerIp,
        externalIPs: x.externalIps,
        labels: x.labels,
        annotations: x.annotations,
      })),
      createBootstrapService: o.createBootstrapService,
      finalizers: o.finalizers,
      useServiceDnsDomain: o.useServiceDnsDomain,
      maxConnections: this.options.maxConnections,
      maxConnectionCreationRate: this.options.maxConnectionCreationRate,
      preferredNodePortAddressType: o.preferredNodePortAddressType,
      publishNotReadyAddresses: o.publishNotReadyAddresses,
      perBrokerAnnotationsTemplate: o.perBrokerAnnotationsTemplate,
      perBrokerLabelsTemplate: o.perBrokerLabelsTemplate,
      hostTemplate: o.hostTemplate,
      advertisedHostTemplate: this.options.advertisedHostTemplate,
      advertisedPortTemplate: this.options.advertisedPortTemplate,
      allocateLoadBalancerNodePorts: o.allocateLoadBalancerNodePorts,
      parentRefs: parentRefs?.map((p) => dropUndefined({
        name: p.name,
        namespace: p.namespace,
        sectionName: p.sectionName,
        port: p.port,
        group: p.group ?? 'gateway.networking.k8s.io',
        kind: p.kind ?? 'Gateway',
      })),
    });
  }
}

/** A listener's type and the options of that type. */
type ListenerConfiguration =
  | { readonly type: ListenerType.INTERNAL; readonly options: InternalListenerOptions }
  | { readonly type: ListenerType.CLUSTER_IP; readonly options: ClusterIpListenerOptions }
  | { readonly type: ListenerType.NODE_PORT; readonly options: NodePortListenerOptions }
  | { readonly type: ListenerType.LOAD_BALANCER; readonly options: LoadBalancerListenerOptions }
  | { readonly type: ListenerType.INGRESS; readonly options: IngressListenerOptions }
  | { readonly type: ListenerType.ROUTE; readonly options: RouteListenerOptions }
  | { readonly type: ListenerType.TLS_ROUTE; readonly options: TlsRouteListenerOptions };

/** Every type-specific option, each optional: what a listener of any type may carry. */
interface AnyListenerTypeOptions extends Partial<Omit<TlsRouteListenerOptions, keyof ListenerOptions>>,
  Partial<Omit<NodePortListenerOptions, keyof ListenerOptions>>, Partial<Omit<LoadBalancerListenerOptions, keyof ListenerOptions>>,
  Partial<Omit<IngressListenerOptions, keyof ListenerOptions>>, Partial<Omit<ClusterIpListenerOptions, keyof ListenerOptions>>,
  Partial<Omit<InternalListenerOptions, keyof ListenerOptions>> {}

/** The annotation external-dns reads a Service's DNS name(s) from. */
const EXTERNAL_DNS_HOSTNAME = 'external-dns.alpha.kubernetes.io/hostname';

const HOSTED = [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLS_ROUTE];
