import { ApiObject, Chart, JsonPatch, Lazy, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { BridgeConsumeGrantOptions, IKafkaBridge } from './common';
import { grantConsume, grantProduce } from './private/grants';
import { coreModel } from './private/model';
import { checkConfigs, checkConnection, checkHttp, checkUsefulness, MANAGEMENT_PORT } from './private/rules';
import { checksum, configMapData, secretVolume, sidecarContainer, SidecarModel } from './private/sidecar-render';
import { BridgeSidecarBinding, KafkaBridgeSidecarProps } from './sidecar-options';
import { toDns1123Label } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { CopiedSecret, SecretCopy } from '../keda/secret-copy';
import { _BRIDGE_REPORTER_ALLOW_LIST } from '../monitoring/bridge-metrics';
import { MetricsConfig, MetricsType } from '../monitoring/metrics-config';
import { AclResource, AclRule } from '../strimzi/acl';
import type { IKafkaCluster } from '../strimzi/cluster';
import { GrantWriteOptions } from '../strimzi/grants';
import { checkResources } from '../strimzi/private/render';
import type { IKafkaUser } from '../strimzi/user';

const SIDECAR_SYMBOL = Symbol.for('cdk8s-kafka.KafkaBridgeSidecar');

/** The pod annotation holding the checksum of the sidecar's configuration. */
const CHECKSUM_ANNOTATION = 'cdk8s-kafka/kafka-bridge-config-hash';
/** The pod label naming the bridge (PodMonitors select sidecar pods by it). */
export const SIDECAR_POD_LABEL = 'cdk8s-kafka/kafka-bridge';

/** Where the pod template is, by workload kind. */
const TEMPLATE_PATHS: { [kind: string]: string } = {
  Deployment: '/spec/template',
  StatefulSet: '/spec/template',
  DaemonSet: '/spec/template',
  ReplicaSet: '/spec/template',
  Job: '/spec/template',
  CronJob: '/spec/jobTemplate/spec/template',
};

/**
 * The Strimzi HTTP bridge as a sidecar of an application pod: the app speaks
 * plain HTTP to `localhost`, the bridge reaches Kafka over the listener as the
 * user. The workload's manifest is changed with JSON patches (worked out at
 * synth time from the manifest, so containers added later are seen): a bridge
 * container, its ConfigMap (application.properties and log4j2; credentials only
 * as `${strimzidir:...}` references to read-only Secret mounts), a checksum
 * annotation that rolls the pods on a config change, `/tmp` as a memory
 * emptyDir, and the bridge URL in the app containers' environment.
 */
export class KafkaBridgeSidecar extends Construct implements IKafkaBridge {
  /** Whether `x` is a `KafkaBridgeSidecar`. */
  public static isKafkaBridgeSidecar(x: any): x is KafkaBridgeSidecar {
    return x !== null && typeof x === 'object' && SIDECAR_SYMBOL in x;
  }

  public readonly bridgeName: string;
  public readonly cluster: IKafkaCluster;
  public readonly user?: IKafkaUser;
  /** The ConfigMap with application.properties and log4j2.properties. */
  public readonly configMap: ApiObject;
  /** The namespace of the workload. */
  public readonly namespace: string;
  /** The workload's name. */
  public readonly workloadName: string;
  /** The copy of the credentials into the workload's namespace, when asked for. */
  public readonly secretCopy?: SecretCopy;
  /** The NetworkPolicy that keeps the API port inside the pod (ALL_INTERFACES binding). */
  public readonly networkPolicy?: ApiObject;
  /** The sidecar container's name. */
  public readonly containerName: string;
  /** The HTTP API port. */
  public readonly httpPort: number;
  /** Where the HTTP servers listen. */
  public readonly binding: BridgeSidecarBinding;
  /** The metrics configuration, if any. */
  public readonly metrics?: MetricsConfig;
  private readonly props: KafkaBridgeSidecarProps;
  private readonly templatePath: string;
  /** The workload's own rendering (its patches applied, before the sidecar's). */
  private readonly renderWorkload: () => any;
  /** The sidecar's JSON patches, worked out at synth time. */
  private ops?: JsonPatch[];

  constructor(scope: Construct, id: string, props: KafkaBridgeSidecarProps) {
    super(scope, id);
    Object.defineProperty(this, SIDECAR_SYMBOL, { value: true });
    const w = props.workload;
    if (!w || typeof (w as any).toJson !== 'function') {
      throw new Error('KafkaBridgeSidecar: workload must be an ApiObject, e.g. ApiObject.of(deployment)');
    }
    const templatePath = TEMPLATE_PATHS[w.kind];
    if (!templatePath) {
      throw new Error(`KafkaBridgeSidecar: workload ${w.kind} "${w.name}" has no pod template; use a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob`);
    }
    this.props = props;
    this.templatePath = templatePath;
    // The sidecar's patches are applied to the finished manifest. The typed objects of
    // cdk8s-plus run their own JSON conversion after ApiObject patches, which drops
    // fields their Kubernetes version lacks (cdk8s-plus-27: a container's restartPolicy,
    // needed for a native sidecar) and reads quantities as objects; applying the patches
    // after that conversion works the same for every cdk8s-plus version and a plain ApiObject.
    const original: () => any = w.toJson.bind(w);
    this.renderWorkload = original;
    Object.defineProperty(w, 'toJson', {
      configurable: true,
      writable: true,
      value: () => {
        const json = original();
        return this.ops ? JsonPatch.apply(json, ...this.ops) : json;
      },
    });
    this.workloadName = w.name;
    this.namespace = w.metadata.namespace ?? Chart.of(w).namespace ?? 'default';
    this.bridgeName = props.bridgeName ?? w.name;
    this.cluster = props.cluster;
    this.user = props.user;
    this.containerName = props.containerName ?? 'kafka-bridge';
    this.httpPort = props.http?.port ?? 8080;
    this.binding = props.binding ?? BridgeSidecarBinding.LOOPBACK;
    this.metrics = props.metrics;

    this.configMap = new ApiObject(this, 'Config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: toDns1123Label(`${w.name}-${this.containerName}`), namespace: this.namespace, labels: { [SIDECAR_POD_LABEL]: this.bridgeName } },
      data: Lazy.any({ produce: () => configMapData(this.model()) }),
    } as any);

    const remote = this.remoteSecrets();
    const cross = props.crossNamespaceCredentials;
    if (remote.length > 0 && cross?.copiesSecrets && !cross.usesClusterTriggerAuthentication) {
      const source = remote[0].sourceNamespace!;
      this.secretCopy = new SecretCopy(this, 'SecretCopy', {
        name: toDns1123Label(`${w.name}-bridge-copy`, 52),
        sourceNamespace: source,
        targetNamespace: this.namespace,
        secrets: remote.map((s) => ({ ...s, sourceNamespace: s.sourceNamespace !== source ? s.sourceNamespace : undefined })),
        schedule: cross.copyOptions.schedule,
        image: cross.copyOptions.image,
      });
    }

    if (this.binding === BridgeSidecarBinding.ALL_INTERFACES && (props.networkPolicy ?? true)) {
      this.networkPolicy = new ApiObject(this, 'NetworkPolicy', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: toDns1123Label(`${w.name}-${this.containerName}`), namespace: this.namespace },
        spec: Lazy.any({ produce: () => this.networkPolicySpec() }),
      } as any);
    }

    addRules(this, (c) => this.check(c));
  }

  /** The URL the app containers reach the bridge at, e.g. `http://localhost:8080`. */
  public get url(): string {
    return `http://localhost:${this.httpPort}`;
  }

  /** The sidecar's pod label (`cdk8s-kafka/kafka-bridge: <bridgeName>`). */
  public get podSelectorLabels(): { [key: string]: string } {
    return { [SIDECAR_POD_LABEL]: this.bridgeName };
  }

  /** True with `BridgeSidecarBinding.ALL_INTERFACES` only. */
  public get managementReachable(): boolean {
    return this.binding === BridgeSidecarBinding.ALL_INTERFACES;
  }

  /** The management port (`/healthy`, `/ready`, `/metrics`). */
  public get managementPort(): number {
    return MANAGEMENT_PORT;
  }

  /**
   * Let the bridge's HTTP consumers read `topics`, in the consumer group(s) named in options.
   * @returns the ACL rules granted to the bridge's user
   */
  public grantConsume(topics: AclResource, options: BridgeConsumeGrantOptions = {}): AclRule[] {
    return grantConsume(this, this.user, topics, options);
  }

  /**
   * Let the bridge's HTTP producer write to `topics`.
   * @returns the ACL rules granted to the bridge's user
   */
  public grantProduce(topics: AclResource, options: GrantWriteOptions = {}): AclRule[] {
    return grantProduce(this, this.user, topics, options);
  }

  private model(): SidecarModel {
    const p = this.props;
    const reporter = p.metrics?.type === MetricsType.STRIMZI_METRICS_REPORTER;
    return {
      ...coreModel(p, p.listener),
      bridgeId: this.bridgeName,
      host: this.binding,
      metricsType: p.metrics?.type,
      reporterAllowList: reporter ? (p.metrics?.allowList ?? _BRIDGE_REPORTER_ALLOW_LIST) : [],
      loggers: p.logging?.loggers,
    };
  }

  /** The Secrets the sidecar mounts: name, keys and the namespace they live in. */
  private secrets(): Array<{ secretName: string; keys: string[]; sourceNamespace: string; dir: 'ca' | 'user' }> {
    const m = coreModel(this.props, this.props.listener);
    const out: Array<{ secretName: string; keys: string[]; sourceNamespace: string; dir: 'ca' | 'user' }> = [];
    const d = this.props.user ? this.props.user.connectionDetails(this.props.listener) : this.props.cluster.connectionDetails(this.props.listener);
    const ca = m.trustedCertificates?.[0];
    if (ca) out.push({ secretName: ca.secretName, keys: [ca.key], sourceNamespace: d.brokerCaNamespace ?? d.namespace, dir: 'ca' });
    const auth = m.authentication;
    if (auth) {
      const keys = auth.type === 'tls' ? [auth.certificate, auth.key] : [auth.password];
      out.push({ secretName: keys[0].secretName, keys: keys.map((k) => k.key), sourceNamespace: d.credentialsNamespace ?? d.namespace, dir: 'user' });
    }
    return out;
  }

  private remoteSecrets(): CopiedSecret[] {
    return this.secrets().filter((s) => s.sourceNamespace !== this.namespace)
      .map((s) => ({ secretName: s.secretName, keys: s.keys, sourceNamespace: s.sourceNamespace }));
  }

  private check(c: ViolationCollector): void {
    if (this.ops) {
      return; // a second synth of the same app: the patches are already worked out
    }
    const p = this.props;
    const w = p.workload;
    const subject = `bridge sidecar of ${w.kind} "${w.name}"`;
    const target = p.cluster.target;
    const major = Number(target.bridgeVersion.split('.')[0]);
    c.check(!(major >= 1), subject,
      `${target.displayName} ships HTTP bridge ${target.bridgeVersion}, which has no management port and whose start script ignores a mounted application.properties; the sidecar needs bridge 1.0 or later`,
      'use a cluster with target StrimziTarget.V1_2_0, or run an operator-managed KafkaBridge', 'KAF-BRG-013');
    checkConnection(c, this, subject, p);
    checkHttp(c, this, subject, p.http, 1024);
    c.check(p.http?.tls !== undefined, subject, 'HTTP TLS is not offered for the sidecar (the app reaches it inside the pod)',
      'leave http.tls unset, or run an operator-managed KafkaBridge for HTTPS clients', 'KAF-BRG-021');
    checkConfigs(c, subject, [['consumer', p.consumer?.config], ['producer', p.producer?.config], ['adminClient', p.adminClient?.config]], p.config);
    checkUsefulness(this, p, p.consumer?.enabled ?? true, p.producer?.enabled ?? true);
    checkResources(c, subject, this.resources(), p.jvm);
    const hp = p.heapPercentage;
    c.check(hp !== undefined && !(Number.isInteger(hp) && hp >= 1 && hp <= 100), subject, `heapPercentage ${hp} is not a whole percentage from 1 to 100`, 'use e.g. 75', 'KAF-BRG-023');
    c.check(p.logging?.configMapName !== undefined, subject, 'logging from an external ConfigMap is not offered for the sidecar (its log4j2.properties lives in the sidecar ConfigMap)',
      'use BridgeLogging.inline({...})', 'KAF-BRG-020');
    c.check(p.metrics?.existingConfigMap !== undefined, subject, 'a JMX exporter ConfigMap of your own is not offered for the sidecar',
      'use MetricsConfig.jmxPrometheusExporter() (the library\'s rules) or MetricsConfig.strimziMetricsReporter()', 'KAF-BRG-020');
    if (p.metrics && this.binding === BridgeSidecarBinding.LOOPBACK) {
      Warnings.of(this).add(`${subject}: metrics are served on the loopback interface only (the management port binds where the API does), so Prometheus cannot scrape them; use binding BridgeSidecarBinding.ALL_INTERFACES to scrape them`, 'KAF-BRG-036');
    }
    const remote = this.remoteSecrets();
    const cross = p.crossNamespaceCredentials;
    if (remote.length > 0) {
      const where = remote.map((s) => `"${s.secretName}" in "${s.sourceNamespace}"`).join(' and ');
      if (!cross) {
        c.add(subject, `the workload runs in namespace "${this.namespace}", but the bridge mounts Secrets ${where}, and Kubernetes Secrets are namespace-local`,
          'run the workload in the Secrets\' namespace, or set crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace()', 'KAF-BRG-014');
      } else {
        c.check(!cross.copiesSecrets || cross.usesClusterTriggerAuthentication, subject,
          'crossNamespaceCredentials places the Secrets in KEDA\'s namespace, but the bridge mounts them in the workload\'s',
          'use CrossNamespaceCredentials.copyToWorkloadNamespace()', 'KAF-BRG-014');
      }
    } else if (cross) {
      Warnings.of(this).add(`${subject}: crossNamespaceCredentials is ignored: the workload runs in namespace "${this.namespace}", where the Secrets are`, 'KAF-BRG-037');
    }
    const before = c.errors.length;
    const json = this.renderWorkload();
    const tpl = get(json, this.templatePath) ?? {};
    const spec = tpl.spec ?? {};
    const containers: any[] = spec.containers ?? [];
    const inits: any[] = spec.initContainers ?? [];
    const all = [...containers, ...inits];
    c.check(all.some((x) => x.name === this.containerName), subject,
      `the pod already has a container named "${this.containerName}"`, 'set containerName to another name, or remove the existing container', 'KAF-BRG-012');
    const vols = this.volumeNames();
    const clash = (spec.volumes ?? []).map((v: any) => v.name).filter((n: string) => Object.values(vols).includes(n));
    c.check(clash.length > 0, subject, `the pod already has volume(s) ${clash.map((n: string) => `"${n}"`).join(', ')}, which the sidecar adds`,
      'set containerName to another name (the volumes are named after it)', 'KAF-BRG-012');
    const appPorts = all.flatMap((x: any) => (x.ports ?? []).map((pt: any) => ({ container: x.name, port: pt.containerPort })));
    for (const pt of appPorts.filter((x) => x.port === this.httpPort || x.port === MANAGEMENT_PORT)) {
      c.add(subject, `container "${pt.container}" declares port ${pt.port}, which the bridge binds (HTTP ${this.httpPort}, management ${MANAGEMENT_PORT}) in the pod's shared network namespace`,
        'move the app to another port or set http.port', 'KAF-BRG-006');
    }
    const names = containers.map((x) => x.name);
    for (const n of (p.appContainers ?? []).filter((x) => !names.includes(x))) {
      c.add(subject, `app container "${n}" is not a container of the pod (containers: ${names.map((x) => `"${x}"`).join(', ') || 'none'})`,
        'name containers of the workload in appContainers', 'KAF-BRG-022');
    }
    if (c.errors.length === before) {
      this.patch(tpl);
    }
  }

  private resources(): kplus.ContainerResources {
    return this.props.resources ?? {
      cpu: { request: kplus.Cpu.millis(100) },
      memory: { request: Size.mebibytes(512), limit: Size.mebibytes(512) },
    };
  }

  private volumeNames(): { config: string; tmp: string; ca: string; user: string } {
    const n = this.containerName;
    return { config: `${n}-config`, tmp: `${n}-tmp`, ca: `${n}-cluster-ca`, user: `${n}-user` };
  }

  /** Adds the sidecar to the pod template `tpl` (the manifest as it is now) with JSON patches. */
  private patch(tpl: any): void {
    const base = this.templatePath;
    const spec = tpl.spec ?? {};
    const vols = this.volumeNames();
    const secrets = this.secrets();
    const ca = secrets.find((s) => s.dir === 'ca');
    const user = secrets.find((s) => s.dir === 'user');
    const volumes: any[] = [
      { name: vols.config, configMap: { name: this.configMap.name } },
      { name: vols.tmp, emptyDir: { medium: 'Memory', sizeLimit: '5Mi' } },
    ];
    if (ca) volumes.push(secretVolume(vols.ca, ca.secretName, ca.keys));
    if (user) volumes.push(secretVolume(vols.user, user.secretName, user.keys));
    const container = sidecarContainer({
      name: this.containerName,
      image: this.props.image ?? this.props.cluster.target.bridgeImage,
      httpPort: this.httpPort,
      loopback: this.binding === BridgeSidecarBinding.LOOPBACK,
      nativeSidecar: this.props.nativeSidecar ?? true,
      resources: this.resources(),
      jvm: this.props.jvm,
      heapPercentage: this.props.heapPercentage ?? 75,
      volumes: { config: vols.config, tmp: vols.tmp, ca: ca && vols.ca, user: user && vols.user },
    });
    const ops: JsonPatch[] = [];
    const addTo = (path: string, existing: any[] | undefined, items: any[], front = false) => {
      if (existing === undefined) {
        ops.push(JsonPatch.add(path, items));
      } else {
        items.forEach((it, i) => ops.push(JsonPatch.add(`${path}/${front ? i : '-'}`, it)));
      }
    };
    if (tpl.metadata === undefined) ops.push(JsonPatch.add(`${base}/metadata`, {}));
    const meta = tpl.metadata ?? {};
    if (meta.annotations === undefined) ops.push(JsonPatch.add(`${base}/metadata/annotations`, {}));
    if (meta.labels === undefined) ops.push(JsonPatch.add(`${base}/metadata/labels`, {}));
    ops.push(JsonPatch.add(`${base}/metadata/annotations/${pointer(CHECKSUM_ANNOTATION)}`, checksum(configMapData(this.model()))));
    ops.push(JsonPatch.add(`${base}/metadata/labels/${pointer(SIDECAR_POD_LABEL)}`, this.bridgeName));
    if (this.props.nativeSidecar ?? true) {
      addTo(`${base}/spec/initContainers`, spec.initContainers, [container], true);
    } else {
      addTo(`${base}/spec/containers`, spec.containers, [container]);
    }
    addTo(`${base}/spec/volumes`, spec.volumes, volumes);
    const envName = this.props.urlEnvironmentVariable ?? 'KAFKA_BRIDGE_URL';
    (spec.containers ?? []).forEach((ct: any, i: number) => {
      if (this.props.appContainers === undefined || this.props.appContainers.includes(ct.name)) {
        addTo(`${base}/spec/containers/${i}/env`, ct.env, [{ name: envName, value: this.url }]);
      }
    });
    this.ops = ops;
  }

  private networkPolicySpec(): any {
    const json = this.renderWorkload();
    const tpl = get(json, this.templatePath) ?? {};
    const labels = (json.spec?.selector?.matchLabels as { [k: string]: string } | undefined) ?? { [SIDECAR_POD_LABEL]: this.bridgeName };
    const ports = new Map<string, { protocol: string; port: number }>([[`TCP/${MANAGEMENT_PORT}`, { protocol: 'TCP', port: MANAGEMENT_PORT }]]);
    for (const ct of [...(tpl.spec?.containers ?? []), ...(tpl.spec?.initContainers ?? [])]) {
      if (ct.name === this.containerName) continue;
      for (const pt of ct.ports ?? []) {
        const protocol = pt.protocol ?? 'TCP';
        ports.set(`${protocol}/${pt.containerPort}`, { protocol, port: pt.containerPort });
      }
    }
    return {
      podSelector: { matchLabels: labels },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [...ports.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol)) }],
    };
  }
}

function get(obj: any, path: string): any {
  return path.split('/').filter((s) => s).reduce((o, k) => (o === undefined ? undefined : o[k]), obj);
}

/** Escapes a JSON pointer segment. */
function pointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
