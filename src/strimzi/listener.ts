import * as strimzi from '../../imports/kafka.strimzi.io';
import { ViolationCollector } from '../common/validation';

/**
 * The listener types Strimzi 1.2.0 accepts (`spec.kafka.listeners[].type`).
 */
export enum ListenerType {
  /** Headless Service and the shared `<cluster>-kafka-bootstrap` Service, in-cluster only. */
  INTERNAL = 'internal',
  /** A ClusterIP Service per broker, in-cluster only. */
  CLUSTER_IP = 'cluster-ip',
  /** A NodePort Service per broker. */
  NODE_PORT = 'nodeport',
  /** A LoadBalancer Service per broker. */
  LOAD_BALANCER = 'loadbalancer',
  /** Kubernetes Ingress (TLS passthrough), deprecated by Strimzi since 0.51. */
  INGRESS = 'ingress',
  /** OpenShift Route. */
  ROUTE = 'route',
  /** Gateway API TLSRoute. */
  TLS_ROUTE = 'tlsroute',
}

/**
 * The authentication kinds a listener can require.
 */
export enum ListenerAuthenticationType {
  /** No authentication (an explicit opt-out). */
  NONE = 'none',
  /** Mutual TLS with certificates signed by the clients CA. */
  TLS = 'tls',
  /** SASL SCRAM-SHA-512. */
  SCRAM_SHA_512 = 'scram-sha-512',
  /** A custom SASL or TLS configuration. */
  CUSTOM = 'custom',
}

/**
 * Options of custom listener authentication.
 */
export interface CustomListenerAuthenticationOptions {
  /**
   * Whether the custom authentication uses SASL.
   * @default false
   */
  readonly sasl?: boolean;
  /**
   * Listener configuration passed to Kafka (keys starting with `ssl.keystore.` are dropped by Strimzi).
   * @default - none
   */
  readonly listenerConfig?: { [key: string]: any };
}

/**
 * How clients authenticate to a listener.
 */
export class ListenerAuthentication {
  /** Mutual TLS: clients present a certificate signed by the clients CA. Needs a TLS listener. */
  public static tls(): ListenerAuthentication {
    return new ListenerAuthentication(ListenerAuthenticationType.TLS);
  }

  /** SASL SCRAM-SHA-512 with passwords the user operator manages. */
  public static scramSha512(): ListenerAuthentication {
    return new ListenerAuthentication(ListenerAuthenticationType.SCRAM_SHA_512);
  }

  /** A custom authentication configuration. */
  public static custom(options: CustomListenerAuthenticationOptions = {}): ListenerAuthentication {
    return new ListenerAuthentication(ListenerAuthenticationType.CUSTOM, options);
  }

  /**
   * No authentication: any client that reaches the listener may connect.
   * An explicit choice; on a listener reachable from outside the cluster it
   * also needs `allowInsecureExternalAccess`.
   */
  public static none(): ListenerAuthentication {
    return new ListenerAuthentication(ListenerAuthenticationType.NONE);
  }

  private constructor(
    /** The authentication kind. */
    public readonly type: ListenerAuthenticationType,
    /** Options of custom authentication. */
    public readonly customOptions?: CustomListenerAuthenticationOptions,
  ) {}
}

/**
 * A certificate the listener serves instead of one signed by the cluster CA.
 */
export interface ListenerCertificate {
  /** Secret holding the certificate and key (in the cluster's namespace). */
  readonly secretName: string;
  /** Key of the certificate in the Secret. */
  readonly certificate: string;
  /** Key of the private key in the Secret. */
  readonly key: string;
  /**
   * Where clients find the CA that signed this certificate, for connection details.
   * @default - clients must be told by other means; connection details use the system trust store
   */
  readonly caSecretName?: string;
  /**
   * Key of the CA certificate in `caSecretName`.
   * @default 'ca.crt'
   */
  readonly caKey?: string;
}

/**
 * Overrides for the bootstrap service or route of a listener.
 */
export interface ListenerBootstrapOptions {
  /** Host name of the bootstrap route, ingress or TLSRoute. @default - none */
  readonly host?: string;
  /** Node port of the bootstrap service. @default - assigned by Kubernetes */
  readonly nodePort?: number;
  /** Requested load balancer IP. @default - assigned by the cloud */
  readonly loadBalancerIp?: string;
  /** External IPs of the bootstrap service (nodeport). @default - none */
  readonly externalIps?: string[];
  /** Extra subject alternative names for the broker certificates. @default - none */
  readonly alternativeNames?: string[];
  /** Labels on the bootstrap service. @default - none */
  readonly labels?: { [key: string]: string };
  /** Annotations on the bootstrap service (e.g. external-dns host names). @default - none */
  readonly annotations?: { [key: string]: string };
}

/**
 * Overrides for one broker of a listener.
 */
export interface ListenerBrokerOptions {
  /** The broker's node ID. */
  readonly broker: number;
  /** Host name the broker advertises to clients. @default - derived by Strimzi */
  readonly advertisedHost?: string;
  /** Port the broker advertises to clients. @default - derived by Strimzi */
  readonly advertisedPort?: number;
  /** Host name of the per-broker route, ingress or TLSRoute. @default - none */
  readonly host?: string;
  /** Node port of the per-broker service. @default - assigned by Kubernetes */
  readonly nodePort?: number;
  /** Requested load balancer IP. @default - assigned by the cloud */
  readonly loadBalancerIp?: string;
  /** External IPs of the per-broker service (nodeport). @default - none */
  readonly externalIps?: string[];
  /** Labels on the per-broker service. @default - none */
  readonly labels?: { [key: string]: string };
  /** Annotations on the per-broker service (e.g. external-dns host names). @default - none */
  readonly annotations?: { [key: string]: string };
}

/**
 * A peer allowed to reach a listener through the NetworkPolicy Strimzi creates.
 */
export interface ListenerNetworkPeer {
  /** Pods with these labels may connect. @default - any pod (subject to namespaceLabels) */
  readonly podLabels?: { [key: string]: string };
  /** Namespaces with these labels may connect. @default - the cluster's namespace only */
  readonly namespaceLabels?: { [key: string]: string };
  /** An IP block in CIDR notation. @default - none */
  readonly ipBlock?: string;
}

/**
 * Options every listener type accepts.
 */
export interface ListenerOptions {
  /**
   * Listener name: lower-case letters and digits, 1 to 11 characters, unique in the cluster.
   */
  readonly name: string;
  /**
   * Port on the brokers: 9092 or above, not 9404 (metrics) or 9999 (JMX), unique in the cluster.
   */
  readonly port: number;
  /**
   * Whether the listener encrypts traffic with TLS.
   * @default true
   */
  readonly tls?: boolean;
  /**
   * How clients authenticate.
   * @default ListenerAuthentication.scramSha512()
   */
  readonly authentication?: ListenerAuthentication;
  /**
   * A certificate the listener serves instead of one signed by the cluster CA. Needs `tls`.
   * @default - a certificate signed by the cluster CA
   */
  readonly brokerCertificate?: ListenerCertificate;
  /**
   * Peers allowed to connect (Strimzi writes them into its NetworkPolicy).
   * @default - anyone
   */
  readonly networkPolicyPeers?: ListenerNetworkPeer[];
  /**
   * Bootstrap overrides.
   * @default - none
   */
  readonly bootstrap?: ListenerBootstrapOptions;
  /**
   * Per-broker overrides.
   * @default - none
   */
  readonly brokers?: ListenerBrokerOptions[];
  /**
   * Template of the host each broker advertises, with `{nodeId}` and `{nodePodName}`.
   * @default - derived by Strimzi
   */
  readonly advertisedHostTemplate?: string;
  /**
   * Template of the port each broker advertises, e.g. `9000 + {nodeId}`.
   * @default - derived by Strimzi
   */
  readonly advertisedPortTemplate?: string;
  /**
   * Maximum connections per broker on this listener.
   * @default - unlimited
   */
  readonly maxConnections?: number;
  /**
   * Maximum new connections per second per broker on this listener.
   * @default - unlimited
   */
  readonly maxConnectionCreationRate?: number;
  /**
   * Explicit opt-in to a listener reachable from outside the cluster without TLS
   * or without authentication. Without it such a listener is a synth-time error.
   * @default false
   */
  readonly allowInsecureExternalAccess?: boolean;
}

/**
 * Options of a listener whose Services Strimzi creates (every type but `internal`).
 */
export interface ServiceListenerOptions extends ListenerOptions {
  /** Labels on every per-broker Service, with `{nodeId}` / `{nodePodName}`. @default - none */
  readonly perBrokerLabelsTemplate?: { [key: string]: string };
  /** Annotations on every per-broker Service, with `{nodeId}` / `{nodePodName}`. @default - none */
  readonly perBrokerAnnotationsTemplate?: { [key: string]: string };
  /** Whether Services publish not-ready addresses. @default false */
  readonly publishNotReadyAddresses?: boolean;
}

/**
 * Options of an `internal` listener.
 */
export interface InternalListenerOptions extends ListenerOptions {
  /** Whether the advertised addresses use the cluster's service DNS domain. @default false */
  readonly useServiceDnsDomain?: boolean;
}

/**
 * Options of a `cluster-ip` listener.
 */
export interface ClusterIpListenerOptions extends ServiceListenerOptions {
  /** Whether the advertised addresses use the cluster's service DNS domain. @default false */
  readonly useServiceDnsDomain?: boolean;
}

/** The address type a `nodeport` listener advertises. */
export enum NodeAddressType {
  /** The node's external IP. */
  EXTERNAL_IP = 'ExternalIP',
  /** The node's external DNS name. */
  EXTERNAL_DNS = 'ExternalDNS',
  /** The node's internal IP. */
  INTERNAL_IP = 'InternalIP',
  /** The node's internal DNS name. */
  INTERNAL_DNS = 'InternalDNS',
  /** The node's host name. */
  HOSTNAME = 'Hostname',
}

/** Service `externalTrafficPolicy`. */
export enum ExternalTrafficPolicy {
  /** Route only to pods on the receiving node, keeping the client address. */
  LOCAL = 'Local',
  /** Route to any node. */
  CLUSTER = 'Cluster',
}

/**
 * Options of a `nodeport` listener.
 */
export interface NodePortListenerOptions extends ServiceListenerOptions {
  /** Which node address brokers advertise. @default - Strimzi's order: ExternalDNS, ExternalIP, Hostname, InternalDNS, InternalIP */
  readonly preferredNodePortAddressType?: NodeAddressType;
  /** Service externalTrafficPolicy. @default - Kubernetes default (Cluster) */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
}

/**
 * Options of a `loadbalancer` listener.
 */
export interface LoadBalancerListenerOptions extends ServiceListenerOptions {
  /** Service externalTrafficPolicy. @default - Kubernetes default (Cluster) */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
  /** Source ranges allowed to reach the load balancers. @default - any */
  readonly loadBalancerSourceRanges?: string[];
  /** Load balancer class. @default - the cluster default */
  readonly loadBalancerClass?: string;
  /** Whether a bootstrap Service is created. @default true */
  readonly createBootstrapService?: boolean;
  /** Finalizers on the load balancer Services. @default - none */
  readonly finalizers?: string[];
  /** Whether Kubernetes also allocates node ports for the load balancer Services. @default - Kubernetes default (true) */
  readonly allocateLoadBalancerNodePorts?: boolean;
}

/**
 * Options of an `ingress` listener.
 */
export interface IngressListenerOptions extends ServiceListenerOptions {
  /** Ingress class. @default - the cluster default */
  readonly ingressClass?: string;
  /** Host template of the per-broker Ingresses, with `{nodeId}` / `{nodePodName}`. @default - per-broker hosts must be given */
  readonly hostTemplate?: string;
}

/**
 * Options of a `route` listener (OpenShift).
 */
export interface RouteListenerOptions extends ServiceListenerOptions {
  /** Host template of the per-broker Routes. @default - generated by OpenShift */
  readonly hostTemplate?: string;
}

/**
 * A Gateway API parent reference (a Gateway listener the TLSRoute attaches to).
 */
export interface GatewayParentRef {
  /** Gateway name. */
  readonly name: string;
  /** Gateway namespace. @default - the cluster's namespace */
  readonly namespace?: string;
  /** Listener of the Gateway. @default - any */
  readonly sectionName?: string;
  /** Port of the Gateway listener. @default - any */
  readonly port?: number;
  /** API group. @default 'gateway.networking.k8s.io' */
  readonly group?: string;
  /** Kind. @default 'Gateway' */
  readonly kind?: string;
}

/**
 * Options of a `tlsroute` listener (Gateway API).
 */
export interface TlsRouteListenerOptions extends ServiceListenerOptions {
  /** Gateways the routes attach to. */
  readonly parentRefs: GatewayParentRef[];
  /** Host template of the per-broker TLSRoutes. @default - per-broker hosts must be given */
  readonly hostTemplate?: string;
}

/**
 * A Kafka listener: how clients reach the brokers.
 *
 * Create one with a static factory per type and pass it to `KafkaCluster`
 * (`listeners` or `addListener()`).
 */
export class Listener {
  /** An in-cluster listener on the shared bootstrap Service `<cluster>-kafka-bootstrap`. */
  public static internal(options: InternalListenerOptions): Listener {
    return new Listener(ListenerType.INTERNAL, options);
  }

  /** An in-cluster listener with a ClusterIP Service per broker. */
  public static clusterIp(options: ClusterIpListenerOptions): Listener {
    return new Listener(ListenerType.CLUSTER_IP, options);
  }

  /** A NodePort Service per broker. */
  public static nodePort(options: NodePortListenerOptions): Listener {
    return new Listener(ListenerType.NODE_PORT, options);
  }

  /** A LoadBalancer Service per broker. */
  public static loadBalancer(options: LoadBalancerListenerOptions): Listener {
    return new Listener(ListenerType.LOAD_BALANCER, options);
  }

  /** A Kubernetes Ingress per broker with TLS passthrough (needs an ingress controller that supports it). */
  public static ingress(options: IngressListenerOptions): Listener {
    return new Listener(ListenerType.INGRESS, options);
  }

  /** An OpenShift Route per broker. */
  public static route(options: RouteListenerOptions): Listener {
    return new Listener(ListenerType.ROUTE, options);
  }

  /** A Gateway API TLSRoute per broker. */
  public static tlsRoute(options: TlsRouteListenerOptions): Listener {
    return new Listener(ListenerType.TLS_ROUTE, options);
  }

  /** The listener name. */
  public readonly name: string;
  /** The port on the brokers. */
  public readonly port: number;
  /** Whether traffic is encrypted with TLS. */
  public readonly tls: boolean;
  /** How clients authenticate. */
  public readonly authentication: ListenerAuthentication;

  private constructor(
    /** The listener type. */
    public readonly type: ListenerType,
    /** The options the listener was created with. */
    public readonly options: ListenerOptions,
  ) {
    this.name = options.name;
    this.port = options.port;
    this.tls = options.tls ?? true;
    this.authentication = options.authentication ?? ListenerAuthentication.scramSha512();
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
   * The listener as Strimzi's `spec.kafka.listeners[]` item.
   * @internal
   */
  public _render(): strimzi.KafkaSpecKafkaListeners {
    const configuration = this.renderConfiguration();
    return {
      name: this.name,
      port: this.port,
      type: this.type as unknown as strimzi.KafkaSpecKafkaListenersType,
      tls: this.tls,
      authentication: this.renderAuthentication(),
      configuration: Object.keys(configuration).length > 0 ? configuration : undefined,
      networkPolicyPeers: this.options.networkPolicyPeers?.map((p) => ({
        podSelector: p.podLabels ? { matchLabels: { ...p.podLabels } } : undefined,
        namespaceSelector: p.namespaceLabels ? { matchLabels: { ...p.namespaceLabels } } : undefined,
        ipBlock: p.ipBlock ? { cidr: p.ipBlock } : undefined,
      })),
    };
  }

  /**
   * Checks the listener's own rules.
   * @param c where violations go
   * @param brokerIds the broker node IDs when they are known at synth time
   * @param brokerCount the number of broker nodes
   * @internal
   */
  public _check(c: ViolationCollector, brokerIds: number[] | undefined, brokerCount: number): void {
    const subject = `listener "${this.name}"`;
    const o = this.options as any;
    c.check(!/^[a-z0-9]{1,11}$/.test(this.name), subject,
      `name "${this.name}" must be 1-11 lower-case letters or digits (Strimzi's rule ^[a-z0-9]{1,11}$)`,
      `rename it, e.g. "${this.name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 11) || 'external'}"`);
    if (!Number.isInteger(this.port) || this.port < 9092) {
      c.add(subject, `port ${this.port} is below 9092, the lowest listener port Strimzi accepts (lower ports are used by Kafka itself: 9090 controller, 9091 replication)`, 'use 9092-9403 or 9405+ (not 9999)');
    } else if (this.port === 9404) {
      c.add(subject, 'port 9404 is reserved by Strimzi for metrics', 'use 9092-9403 or 9405+ (not 9999)');
    } else if (this.port === 9999) {
      c.add(subject, 'port 9999 is reserved by Strimzi for JMX', 'use 9092-9403 or 9405+ (not 9404)');
    }
    if (!this.tls && [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLS_ROUTE].includes(this.type)) {
      c.add(subject, `type ${this.type} needs tls: true (traffic is routed by TLS SNI passthrough on port 443)`, 'set tls: true');
    }
    c.check(!this.tls && this.authentication.type === ListenerAuthenticationType.TLS, subject,
      'authentication tls (mutual TLS) needs tls: true on the listener', 'set tls: true, or use ListenerAuthentication.scramSha512()');
    c.check(!this.tls && this.options.brokerCertificate !== undefined, subject,
      `a custom broker certificate (secret "${this.options.brokerCertificate?.secretName}") needs tls: true`, 'set tls: true, or remove brokerCertificate');
    const cert = this.options.brokerCertificate;
    if (cert) {
      c.check(!cert.secretName || !cert.certificate || !cert.key, subject,
        'brokerCertificate needs a non-empty secretName, certificate and key', 'name the Secret and both of its keys');
    }

    // Configuration options only on the types that accept them.
    const config = this.renderConfiguration() as any;
    for (const [key, types] of Object.entries(CONFIGURATION_TYPES)) {
      const used = key.startsWith('bootstrap.') ? config.bootstrap?.[key.slice('bootstrap.'.length)] !== undefined
        : key.startsWith('brokers[].') ? (config.brokers ?? []).some((b: any) => b[key.slice('brokers[].'.length)] !== undefined)
          : config[key] !== undefined;
      if (used && !types.includes(this.type)) {
        c.add(subject, `option ${key.replace('externalIPs', 'externalIps')} does not apply to type ${this.type} (Strimzi accepts it only on ${types.join(', ')})`, 'remove it or change the listener type');
      }
    }

    if (this.type === ListenerType.INGRESS || this.type === ListenerType.TLS_ROUTE) {
      c.check(!this.options.bootstrap?.host, subject, `type ${this.type} needs a bootstrap host`, 'set bootstrap.host, e.g. "kafka.example.com"');
      if (!o.hostTemplate) {
        const hosts = new Set((this.options.brokers ?? []).filter((b) => b.host).map((b) => b.broker));
        if (brokerIds) {
          const missing = brokerIds.filter((id) => !hosts.has(id));
          c.check(missing.length > 0, subject, `type ${this.type} needs a host for every broker; brokers ${missing.join(', ')} have none`,
            'set hostTemplate (e.g. "broker-{nodeId}.kafka.example.com") or brokers[].host for each broker');
        } else {
          c.check(hosts.size < Math.max(brokerCount, 1), subject, `type ${this.type} needs a host for every broker; ${hosts.size} of ${brokerCount} brokers have one`,
            'set hostTemplate (e.g. "broker-{nodeId}.kafka.example.com") or brokers[].host for each broker');
        }
      }
    }
    if (this.type === ListenerType.TLS_ROUTE) {
      c.check(!o.parentRefs || o.parentRefs.length === 0, subject, 'type tlsroute needs at least one Gateway parentRef', 'set parentRefs to the Gateway listener(s) the TLSRoutes attach to');
    }
    const listed = new Set<number>();
    for (const b of this.options.brokers ?? []) {
      c.check(!Number.isInteger(b.broker) || b.broker < 0, subject, `brokers[].broker ${b.broker} is not a node ID (an integer >= 0)`, 'use the node ID of a broker');
      c.check(listed.has(b.broker), subject, `brokers[] lists node ID ${b.broker} more than once (Strimzi applies only one entry per broker)`, 'merge the overrides of that broker into one entry');
      listed.add(b.broker);
      for (const [what, port] of [['advertisedPort', b.advertisedPort], ['nodePort', b.nodePort]] as Array<[string, number | undefined]>) {
        c.check(port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535), subject, `brokers[] entry of node ${b.broker} has ${what} ${port}, not a TCP port (1-65535)`, 'use a port between 1 and 65535');
      }
    }
    const bootstrapNodePort = this.options.bootstrap?.nodePort;
    c.check(bootstrapNodePort !== undefined && (!Number.isInteger(bootstrapNodePort) || bootstrapNodePort < 1 || bootstrapNodePort > 65535), subject,
      `bootstrap.nodePort ${bootstrapNodePort} is not a TCP port (1-65535)`, 'use a port in the cluster\'s node port range (30000-32767 by default)');
    for (const [what, n] of [['maxConnections', this.options.maxConnections], ['maxConnectionCreationRate', this.options.maxConnectionCreationRate]] as Array<[string, number | undefined]>) {
      c.check(n !== undefined && (!Number.isInteger(n) || n < 0), subject, `${what} ${n} is not an integer >= 0`, `set ${what} to 0 or more, or leave it unset for no limit`);
    }

    // Network policy peers: each must select something, and an IP block stands alone (Kubernetes NetworkPolicyPeer rules).
    (this.options.networkPolicyPeers ?? []).forEach((p, i) => {
      const selectors = p.podLabels !== undefined || p.namespaceLabels !== undefined;
      c.check(!selectors && !p.ipBlock, subject, `networkPolicyPeers[${i}] selects nothing (it needs podLabels, namespaceLabels or ipBlock)`, 'set podLabels and/or namespaceLabels, or an ipBlock');
      c.check(selectors && p.ipBlock !== undefined, subject, `networkPolicyPeers[${i}] combines ipBlock ${p.ipBlock} with label selectors, which Kubernetes does not allow in one peer`, 'split it into two peers');
      c.check(p.ipBlock !== undefined && !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(p.ipBlock), subject, `networkPolicyPeers[${i}] ipBlock "${p.ipBlock}" is not in CIDR notation`, 'use e.g. "10.0.0.0/8"');
    });

    // Custom authentication: Strimzi drops keystore settings from listenerConfig (it provides the keystore itself).
    const listenerConfig = this.authentication.customOptions?.listenerConfig ?? {};
    const dropped = Object.keys(listenerConfig).filter((k) => k.toLowerCase().startsWith('ssl.keystore.'));
    c.check(dropped.length > 0, subject, `custom authentication listenerConfig key(s) ${dropped.join(', ')} would be silently dropped (Strimzi owns the listener keystore)`,
      'remove them; use brokerCertificate to serve your own certificate');

    if (this.isExternal && !this.options.allowInsecureExternalAccess) {
      const gaps: string[] = [];
      // Hosted types without TLS are already an error above that no opt-in lifts.
      if (!this.tls && !HOSTED.includes(this.type)) gaps.push('without TLS');
      if (this.authentication.type === ListenerAuthenticationType.NONE) gaps.push('without authentication');
      c.check(gaps.length > 0, subject, `type ${this.type} is reachable from outside the Kubernetes cluster ${gaps.join(' and ')}`,
        'enable tls and authentication, or opt in with allowInsecureExternalAccess: true');
    }
  }

  private renderAuthentication(): strimzi.KafkaSpecKafkaListenersAuthentication | undefined {
    const a = this.authentication;
    switch (a.type) {
      case ListenerAuthenticationType.NONE:
        return undefined;
      case ListenerAuthenticationType.CUSTOM:
        return {
          type: a.type as unknown as strimzi.KafkaSpecKafkaListenersAuthenticationType,
          sasl: a.customOptions?.sasl,
          listenerConfig: a.customOptions?.listenerConfig,
        };
      default:
        return { type: a.type as unknown as strimzi.KafkaSpecKafkaListenersAuthenticationType };
    }
  }

  private renderConfiguration(): strimzi.KafkaSpecKafkaListenersConfiguration {
    const o = this.options as any;
    const b = this.options.bootstrap;
    const cert = this.options.brokerCertificate;
    const bootstrap: strimzi.KafkaSpecKafkaListenersConfigurationBootstrap | undefined = b && prune({
      alternativeNames: b.alternativeNames,
      host: b.host,
      nodePort: b.nodePort,
      loadBalancerIp: b.loadBalancerIp,
      externalIPs: b.externalIps,
      labels: b.labels,
      annotations: b.annotations,
    });
    const parentRefs: GatewayParentRef[] | undefined = o.parentRefs;
    return prune({
      brokerCertChainAndKey: cert && { secretName: cert.secretName, certificate: cert.certificate, key: cert.key },
      class: o.ingressClass ?? o.loadBalancerClass,
      externalTrafficPolicy: o.externalTrafficPolicy,
      loadBalancerSourceRanges: o.loadBalancerSourceRanges,
      bootstrap: bootstrap && Object.keys(bootstrap).length > 0 ? bootstrap : undefined,
      brokers: this.options.brokers?.map((x) => prune({
        broker: x.broker,
        advertisedHost: x.advertisedHost,
        advertisedPort: x.advertisedPort,
        host: x.host,
        nodePort: x.nodePort,
        loadBalancerIp: x.loadBalancerIp,
        externalIPs: x.externalIps,
        labels: x.labels,
        annotations: x.annotations,
      }) as strimzi.KafkaSpecKafkaListenersConfigurationBrokers),
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
      parentRefs: parentRefs?.map((p) => prune({
        name: p.name,
        namespace: p.namespace,
        sectionName: p.sectionName,
        port: p.port,
        group: p.group ?? 'gateway.networking.k8s.io',
        kind: p.kind ?? 'Gateway',
      }) as strimzi.KafkaSpecKafkaListenersConfigurationParentRefs),
    });
  }
}

/** The annotation external-dns reads a Service's DNS name(s) from. */
const EXTERNAL_DNS_HOSTNAME = 'external-dns.alpha.kubernetes.io/hostname';

const ALL_BUT_INTERNAL = [
  ListenerType.CLUSTER_IP, ListenerType.NODE_PORT, ListenerType.LOAD_BALANCER, ListenerType.INGRESS, ListenerType.ROUTE, ListenerType.TLS_ROUTE,
];
const HOSTED = [ListenerType.ROUTE, ListenerType.INGRESS, ListenerType.TLS_ROUTE];

/**
 * Which listener types accept which `configuration` option (Strimzi 1.2.0's listener validator).
 * Options not listed apply to every type.
 */
const CONFIGURATION_TYPES: { [option: string]: ListenerType[] } = {
  'useServiceDnsDomain': [ListenerType.INTERNAL, ListenerType.CLUSTER_IP],
  'publishNotReadyAddresses': ALL_BUT_INTERNAL,
  'perBrokerLabelsTemplate': ALL_BUT_INTERNAL,
  'perBrokerAnnotationsTemplate': ALL_BUT_INTERNAL,
  'class': [ListenerType.INGRESS, ListenerType.LOAD_BALANCER],
  'externalTrafficPolicy': [ListenerType.LOAD_BALANCER, ListenerType.NODE_PORT],
  'loadBalancerSourceRanges': [ListenerType.LOAD_BALANCER],
  'finalizers': [ListenerType.LOAD_BALANCER],
  'allocateLoadBalancerNodePorts': [ListenerType.LOAD_BALANCER],
  'createBootstrapService': [ListenerType.LOAD_BALANCER],
  'preferredNodePortAddressType': [ListenerType.NODE_PORT],
  'hostTemplate': HOSTED,
  'parentRefs': [ListenerType.TLS_ROUTE],
  'bootstrap.host': HOSTED,
  'brokers[].host': HOSTED,
  'bootstrap.loadBalancerIp': [ListenerType.LOAD_BALANCER],
  'brokers[].loadBalancerIp': [ListenerType.LOAD_BALANCER],
  'bootstrap.nodePort': [ListenerType.NODE_PORT, ListenerType.LOAD_BALANCER],
  'brokers[].nodePort': [ListenerType.NODE_PORT, ListenerType.LOAD_BALANCER],
  'bootstrap.externalIPs': [ListenerType.NODE_PORT],
  'brokers[].externalIPs': [ListenerType.NODE_PORT],
  'bootstrap.labels': ALL_BUT_INTERNAL,
  'bootstrap.annotations': ALL_BUT_INTERNAL,
  'brokers[].labels': ALL_BUT_INTERNAL,
  'brokers[].annotations': ALL_BUT_INTERNAL,
};

/** A copy of `obj` without undefined values. */
function prune<T extends object>(obj: T): T {
  const out: any = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}
