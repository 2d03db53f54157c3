import { ApiObject, Chart, Duration, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { registerStrimziOperator } from './cross-checks';
import { OperatorDelivery, OperatorDeliveryType } from './delivery';
import { NodeLabelRequirement, OperatorLogLevel, StrimziFeatureGate, StrimziImageOverrides, WatchedNamespaces } from './options';
import { pinnedStrimziRelease, renderStrimziManifests, renderWatchedNamespaceBindings, shippedStrimziVersions } from './strimzi-manifests';
import { isDns1123Label } from '../common/names';
import { addRules } from '../common/validation';
import { renderArgoCdApplication } from '../gitops/argo-cd';
import { strimziChart } from '../gitops/charts';
import { renderFluxRelease } from '../gitops/flux';
import { renderResources } from '../strimzi/private/render';
import { StrimziTarget } from '../strimzi/target';
import { Toleration } from '../strimzi/templates';

const STRIMZI_OPERATOR = Symbol.for('cdk8s-kafka.StrimziOperator');

/**
 * Properties of a `StrimziOperator`.
 */
export interface StrimziOperatorProps {
  /** The operator's namespace. @default - the chart's namespace, else 'kafka' */
  readonly namespace?: string;
  /** The Strimzi release to install. Give it the clusters' target. @default StrimziTarget.LATEST */
  readonly target?: StrimziTarget;
  /** The namespaces the operator watches. @default WatchedNamespaces.own() */
  readonly watch?: WatchedNamespaces;
  /** How the operator is delivered. @default OperatorDelivery.manifests() */
  readonly delivery?: OperatorDelivery;
  /** Plain manifests only: whether a Namespace object is rendered for the operator's namespace (the watched ones must exist). @default true */
  readonly createNamespace?: boolean;
  /** Registry, repository and tag of the operator's images (private registries, mirrors). @default - quay.io/strimzi at the release's tag */
  readonly images?: StrimziImageOverrides;
  /** Pull policy of the operator and of the images it deploys (`STRIMZI_IMAGE_PULL_POLICY`). @default - Kubernetes' default */
  readonly imagePullPolicy?: kplus.ImagePullPolicy;
  /** Names of image pull Secrets for the operator pod and the pods it creates (`STRIMZI_IMAGE_PULL_SECRETS`). @default - none */
  readonly imagePullSecrets?: string[];
  /** The operator container's resources. @default - the install files' (requests 200m/384Mi, limits 1000m/384Mi) */
  readonly resources?: kplus.ContainerResources;
  /** Node labels the operator pod must run on, e.g. `{ 'kubernetes.io/hostname': 'master-1' }`. @default - none */
  readonly nodeSelector?: { [key: string]: string };
  /** Tolerations of the operator pod (e.g. for the control-plane taint). @default - none */
  readonly tolerations?: Toleration[];
  /** Node labels the operator pod requires (a required node affinity term). @default - none */
  readonly requiredNodeAffinity?: NodeLabelRequirement[];
  /** Feature gates switched on or off (`STRIMZI_FEATURE_GATES`). @default - the release's defaults */
  readonly featureGates?: StrimziFeatureGate[];
  /** The operator's root log level. @default OperatorLogLevel.INFO */
  readonly logLevel?: OperatorLogLevel;
  /** Interval between full reconciliations (`STRIMZI_FULL_RECONCILIATION_INTERVAL_MS`). @default Duration.minutes(2) */
  readonly fullReconciliationInterval?: Duration;
  /** Timeout of internal operations (`STRIMZI_OPERATION_TIMEOUT_MS`). @default Duration.minutes(5) */
  readonly operationTimeout?: Duration;
  /**
   * Labels of the operator's namespace, so the NetworkPolicies Strimzi generates admit
   * the operator only from there (`STRIMZI_OPERATOR_NAMESPACE_LABELS`).
   * @default - the policies admit the operator from any namespace
   */
  readonly operatorNamespaceLabels?: { [key: string]: string };
  /** The cluster's DNS domain (`KUBERNETES_SERVICE_DNS_DOMAIN`). @default 'cluster.local' */
  readonly kubernetesServiceDnsDomain?: string;
  /** Regular expression of labels not copied from custom resources to their pods (`STRIMZI_LABELS_EXCLUSION_PATTERN`). @default - Strimzi's pattern */
  readonly labelsExclusionPattern?: string;
  /** Whether Strimzi generates NetworkPolicies (`STRIMZI_NETWORK_POLICY_GENERATION`). @default true */
  readonly networkPolicyGeneration?: boolean;
  /** Whether Strimzi generates PodDisruptionBudgets (`STRIMZI_POD_DISRUPTION_BUDGET_GENERATION`). @default true */
  readonly podDisruptionBudgetGeneration?: boolean;
  /** Timeout of Kafka Connect builds (`STRIMZI_CONNECT_BUILD_TIMEOUT_MS`). @default Duration.minutes(5) */
  readonly connectBuildTimeout?: Duration;
  /**
   * Whether topic and user operators may watch a namespace other than their cluster's
   * (`STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED`).
   * @default false
   */
  readonly entityOperatorWatchedNamespaceEnabled?: boolean;
  /** Further environment variables of the operator (names the typed options set are rejected). @default - none */
  readonly env?: { [name: string]: string };
}

/**
 * The Strimzi cluster operator: its install files as plain manifests, a Flux
 * HelmRelease, or an Argo CD Application (`delivery`), in a namespace, watching
 * that namespace, a list, or all.
 *
 * The plain manifests are the release's pinned install files (CRDs, RBAC, ConfigMap,
 * Deployment) shipped with the library, changed only where the documented install
 * procedure changes them (see docs/operators.md). Other constructs of the app are
 * checked against it at synth: resources in namespaces it does not watch, two
 * operators watching one namespace, and a release other than the clusters' target.
 */
export class StrimziOperator extends Construct {
  /** Whether `x` is a StrimziOperator. */
  public static isStrimziOperator(x: any): x is StrimziOperator {
    return x !== null && typeof x === 'object' && STRIMZI_OPERATOR in x;
  }

  /** The operator's namespace. */
  public readonly namespace: string;
  /** The Strimzi release installed. */
  public readonly target: StrimziTarget;
  /** The delivery form. */
  public readonly delivery: OperatorDelivery;
  /** Whether the operator watches every namespace. */
  public readonly watchesAllNamespaces: boolean;
  /** Plain manifests: the operator Deployment (escape hatch). @default - other delivery forms */
  public readonly deployment?: ApiObject;
  /** Flux: the HelmRelease. @default - other delivery forms */
  public readonly helmRelease?: ApiObject;
  /** Argo CD: the Application. @default - other delivery forms */
  public readonly application?: ApiObject;
  /** Whether topic and user operators may watch another namespace than their cluster's. */
  public readonly entityOperatorWatchedNamespaceEnabled: boolean;

  private readonly props: StrimziOperatorProps;
  private readonly extraNamespaces: string[] = [];
  private readonly bindingTemplates: any[] = [];

  constructor(scope: Construct, id: string, props: StrimziOperatorProps = {}) {
    super(scope, id);
    Object.defineProperty(this, STRIMZI_OPERATOR, { value: true });
    this.props = props;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'kafka';
    this.target = props.target ?? StrimziTarget.LATEST;
    this.delivery = props.delivery ?? OperatorDelivery.manifests();
    const watch = props.watch ?? WatchedNamespaces.own();
    this.watchesAllNamespaces = watch.allNamespaces;
    this.entityOperatorWatchedNamespaceEnabled = props.entityOperatorWatchedNamespaceEnabled ?? false;
    this.extraNamespaces.push(...watch.additionalNamespaces);

    const release = pinnedStrimziRelease(this.target.operatorVersion);
    if (this.delivery.type === OperatorDeliveryType.MANIFESTS && release) {
      const rendered = renderStrimziManifests(this, release, {
        namespace: this.namespace,
        watchAll: this.watchesAllNamespaces,
        createNamespace: props.createNamespace ?? true,
        strimziNamespace: () => this.strimziNamespaceValue(),
        images: props.images,
        imageRepository: this.target.imageRepository,
        env: () => this.environment(),
        resources: renderResources(props.resources),
        imagePullPolicy: props.imagePullPolicy,
        imagePullSecrets: props.imagePullSecrets,
        nodeSelector: props.nodeSelector,
        tolerations: this.renderTolerations(),
        affinity: this.renderAffinity(),
      });
      this.deployment = rendered.deployment;
      this.bindingTemplates.push(...rendered.bindingTemplates);
      for (const ns of new Set(this.extraNamespaces)) {
        if (ns !== this.namespace) renderWatchedNamespaceBindings(this, this.bindingTemplates, ns);
      }
    } else if (this.delivery.type === OperatorDeliveryType.FLUX) {
      this.helmRelease = renderFluxRelease(this, {
        options: this.delivery.fluxOptions ?? {},
        defaultName: 'strimzi-cluster-operator',
        targetNamespace: this.namespace,
        chart: strimziChart(this.target.operatorVersion),
        values: Lazy.any({ produce: () => this.helmValues() }),
      }).helmRelease;
    } else if (this.delivery.type === OperatorDeliveryType.ARGO_CD) {
      this.application = renderArgoCdApplication(this, {
        options: this.delivery.argoCdOptions ?? {},
        defaultName: 'strimzi-cluster-operator',
        targetNamespace: this.namespace,
        chart: strimziChart(this.target.operatorVersion),
        values: Lazy.any({ produce: () => this.helmValues() }),
      });
    }

    registerStrimziOperator(this);
    addRules(this, (c) => {
      const subject = `Strimzi operator in namespace "${this.namespace}"`;
      c.check(this.delivery.type === OperatorDeliveryType.MANIFESTS && !release, subject,
        `the library ships no plain manifests for ${this.target.displayName} (shipped: ${shippedStrimziVersions().join(', ') || 'none'})`,
        'use OperatorDelivery.flux() or OperatorDelivery.argoCd() (the Helm chart of that release), or a target whose install files are shipped', 'KAF-OPS-001');
      for (const ns of [this.namespace, ...this.extraNamespaces]) {
        c.check(!isDns1123Label(ns), subject, `namespace "${ns}" is not a valid namespace name (DNS-1123 label: lower-case letters, digits and '-', at most 63 characters)`,
          'name an existing namespace', 'KAF-OPS-002');
      }
      c.check(this.watchesAllNamespaces && this.extraNamespaces.length > 0, subject, `watches every namespace but also lists ${this.extraNamespaces.map((n) => `"${n}"`).join(', ')}`,
        'use WatchedNamespaces.all() without watchNamespace() calls, or list the namespaces', 'KAF-OPS-003');
      const gates = props.featureGates ?? [];
      for (const g of gates) {
        c.check(!/^[A-Z][A-Za-z0-9]*$/.test(g.name), subject, `feature gate "${g.name}" is not a gate name (letters and digits, starting upper-case, e.g. UseBackgroundPodDeletion)`,
          'use the gate\'s name without + or -', 'KAF-OPS-004');
      }
      const dup = gates.map((g) => g.name).filter((n, i, all) => all.indexOf(n) !== i);
      c.check(dup.length > 0, subject, `feature gate "${dup[0]}" is set more than once`, 'set each gate once', 'KAF-OPS-004');
      const typed = new Set(this.typedEnvironment().map(([n]) => n));
      for (const name of Object.keys(props.env ?? {})) {
        c.check(typed.has(name) || name === 'STRIMZI_NAMESPACE', subject, `env ${name} is also set by a typed option`,
          `remove it from env and use the typed option (${name === 'STRIMZI_NAMESPACE' ? 'watch' : 'see StrimziOperatorProps'})`, 'KAF-OPS-005');
      }
    });
  }

  /**
   * Watch another namespace as well (the operator gets its RoleBindings there).
   * Returns the namespaces now watched besides the operator's own.
   */
  public watchNamespace(namespace: string): string[] {
    if (!this.extraNamespaces.includes(namespace)) {
      this.extraNamespaces.push(namespace);
      if (this.deployment && !this.watchesAllNamespaces && namespace !== this.namespace) {
        renderWatchedNamespaceBindings(this, this.bindingTemplates, namespace);
      }
    }
    return [...this.extraNamespaces];
  }

  /** The namespaces watched, sorted (the operator's own included). Empty when every namespace is watched. */
  public get watchedNamespaces(): string[] {
    return this.watchesAllNamespaces ? [] : [...new Set([this.namespace, ...this.extraNamespaces])].sort();
  }

  /** Whether the operator handles resources in `namespace`. */
  public watches(namespace: string): boolean {
    return this.watchesAllNamespaces || namespace === this.namespace || this.extraNamespaces.includes(namespace);
  }

  private strimziNamespaceValue(): string | undefined {
    if (this.watchesAllNamespaces) return '*';
    const list = this.watchedNamespaces;
    return list.length === 1 && list[0] === this.namespace ? undefined : list.join(',');
  }

  /** The environment the typed options set, in order (replacing the install file's values or added). */
  private typedEnvironment(): Array<[string, string]> {
    const p = this.props;
    const out: Array<[string, string]> = [];
    const ms = (d: Duration | undefined) => d && String(d.toMilliseconds());
    const add = (name: string, value: string | undefined) => {
      if (value !== undefined) out.push([name, value]);
    };
    add('STRIMZI_FULL_RECONCILIATION_INTERVAL_MS', ms(p.fullReconciliationInterval));
    add('STRIMZI_OPERATION_TIMEOUT_MS', ms(p.operationTimeout));
    add('STRIMZI_FEATURE_GATES', p.featureGates && p.featureGates.length > 0 ? p.featureGates.map((g) => g.toString()).join(',') : undefined);
    add('STRIMZI_LOG_LEVEL', p.logLevel);
    add('STRIMZI_IMAGE_PULL_POLICY', p.imagePullPolicy);
    add('STRIMZI_IMAGE_PULL_SECRETS', p.imagePullSecrets && p.imagePullSecrets.length > 0 ? p.imagePullSecrets.join(',') : undefined);
    add('STRIMZI_OPERATOR_NAMESPACE_LABELS', this.namespaceLabels());
    add('KUBERNETES_SERVICE_DNS_DOMAIN', p.kubernetesServiceDnsDomain);
    add('STRIMZI_LABELS_EXCLUSION_PATTERN', p.labelsExclusionPattern);
    add('STRIMZI_NETWORK_POLICY_GENERATION', p.networkPolicyGeneration === undefined ? undefined : String(p.networkPolicyGeneration));
    add('STRIMZI_CONNECT_BUILD_TIMEOUT_MS', ms(p.connectBuildTimeout));
    add('STRIMZI_POD_DISRUPTION_BUDGET_GENERATION', p.podDisruptionBudgetGeneration === undefined ? undefined : String(p.podDisruptionBudgetGeneration));
    add('STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED', p.entityOperatorWatchedNamespaceEnabled ? 'true' : undefined);
    return out;
  }

  private environment(): Array<[string, string]> {
    return [...this.typedEnvironment(), ...Object.entries(this.props.env ?? {})];
  }

  private namespaceLabels(): string | undefined {
    const l = this.props.operatorNamespaceLabels;
    return l && Object.keys(l).length > 0 ? Object.entries(l).map(([k, v]) => `${k}=${v}`).join(',') : undefined;
  }

  private renderTolerations(): any[] | undefined {
    return this.props.tolerations?.map((t) => JSON.parse(JSON.stringify({
      key: t.key, operator: t.operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationPeriod?.toSeconds(),
    })));
  }

  private renderAffinity(): any {
    const req = this.props.requiredNodeAffinity;
    if (!req || req.length === 0) return undefined;
    return {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{
            matchExpressions: req.map((r) => ({ key: r.key, operator: r.operator, ...(r.values ? { values: [...r.values] } : {}) })),
          }],
        },
      },
    };
  }

  /** The chart's values for the typed options (keys of the chart's values.yaml). */
  private helmValues(): any {
    const p = this.props;
    const env = this.environment();
    const byName = new Map(env);
    const o = p.images;
    const values: any = {};
    if (this.watchesAllNamespaces) values.watchAnyNamespace = true;
    else if (this.extraNamespaces.length > 0) values.watchNamespaces = [...new Set(this.extraNamespaces)].filter((n) => n !== this.namespace).sort();
    if (o?.registry !== undefined) values.defaultImageRegistry = o.registry;
    if (o?.repository !== undefined) values.defaultImageRepository = o.repository;
    if (o?.tag !== undefined) values.defaultImageTag = o.tag;
    const image: any = {};
    if (p.imagePullPolicy) image.imagePullPolicy = p.imagePullPolicy;
    if (p.imagePullSecrets && p.imagePullSecrets.length > 0) image.imagePullSecrets = p.imagePullSecrets.map((name) => ({ name }));
    if (this.namespaceLabels()) image.operatorNamespaceLabels = this.namespaceLabels();
    if (Object.keys(image).length > 0) values.image = image;
    const res = renderResources(p.resources);
    if (res) values.resources = res;
    if (p.nodeSelector && Object.keys(p.nodeSelector).length > 0) values.nodeSelector = { ...p.nodeSelector };
    const tol = this.renderTolerations();
    if (tol && tol.length > 0) values.tolerations = tol;
    const aff = this.renderAffinity();
    if (aff) values.affinity = aff;
    if (byName.has('STRIMZI_FEATURE_GATES')) values.featureGates = byName.get('STRIMZI_FEATURE_GATES');
    if (p.logLevel) values.logLevel = p.logLevel;
    if (p.fullReconciliationInterval) values.fullReconciliationIntervalMs = p.fullReconciliationInterval.toMilliseconds();
    if (p.operationTimeout) values.operationTimeoutMs = p.operationTimeout.toMilliseconds();
    if (p.kubernetesServiceDnsDomain) values.kubernetesServiceDnsDomain = p.kubernetesServiceDnsDomain;
    if (p.labelsExclusionPattern !== undefined) values.labelsExclusionPattern = p.labelsExclusionPattern;
    if (p.networkPolicyGeneration !== undefined) values.generateNetworkPolicy = p.networkPolicyGeneration;
    if (p.podDisruptionBudgetGeneration !== undefined) values.generatePodDisruptionBudget = p.podDisruptionBudgetGeneration;
    if (p.connectBuildTimeout) values.connectBuildTimeoutMs = p.connectBuildTimeout.toMilliseconds();
    const extra = [
      ...(this.entityOperatorWatchedNamespaceEnabled ? [['STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED', 'true']] : []),
      ...Object.entries(p.env ?? {}),
    ];
    if (extra.length > 0) values.extraEnvs = extra.map(([name, value]) => ({ name, value }));
    return values;
  }
}
