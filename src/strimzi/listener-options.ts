/*
 * The listener types, authentication and the options of each listener type.
 * `Listener` (listener.ts) takes them; listener.ts re-exports them.
 */
/**
 * The listener types Strimzi 1.2.0 accepts (`spec.kafka.listeners[].type`).
 */
export enum ListenerType {
  /** Headless Service and the shared `<cluster>-kafka-bootstrap` Service. In-cluster only. */
  INTERNAL = 'internal',
  /** A ClusterIP Service per broker. In-cluster only. */
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
