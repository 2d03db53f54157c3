/*
 * Renderers of the pieces several kafka.strimzi.io/v1 resources share: pod and
 * container templates, probes, JVM options, resources and CAs.
 */
import * as kplus from 'cdk8s-plus-27';
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import { compact, dropUndefined } from '../../../common/objects';
import { CertificateAuthorityOptions } from '../../ca';
import { _jvmSize as jvmSize, JvmOptions } from '../../resources';
import { Spread } from '../../scheduling';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from '../../templates';

/** Strimzi's `template.pod`, with the spread rules merged in. */
export function renderPodTemplate(opts: PodTemplateOptions | undefined, spreads: Spread[] = [], clusterName = '', poolName = ''): any {
  const o = opts ?? {};
  const sc = o.securityContext;
  const required: any[] = [];
  const preferred: any[] = [];
  const constraints: any[] = [];
  for (const s of spreads) {
    const r = s._render(clusterName, poolName);
    if (r.topologySpreadConstraint) constraints.push(r.topologySpreadConstraint);
    required.push(...(r.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []));
    preferred.push(...(r.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []));
  }
  const podAntiAffinity = compact({
    requiredDuringSchedulingIgnoredDuringExecution: required.length > 0 ? required : undefined,
    preferredDuringSchedulingIgnoredDuringExecution: preferred.length > 0 ? preferred : undefined,
  });
  return compact({
    metadata: compact({ labels: o.labels, annotations: o.annotations }),
    securityContext: sc && compact({
      runAsUser: sc.user,
      runAsGroup: sc.group,
      runAsNonRoot: sc.ensureNonRoot,
      fsGroup: sc.fsGroup,
      fsGroupChangePolicy: sc.fsGroupChangePolicy,
      sysctls: sc.sysctls?.map((x) => ({ name: x.name, value: x.value })),
    }),
    terminationGracePeriodSeconds: o.terminationGracePeriod?.toSeconds(),
    imagePullSecrets: o.imagePullSecrets?.map((name) => ({ name })),
    affinity: podAntiAffinity && { podAntiAffinity },
    tolerations: o.tolerations?.map((t) => compact({
      key: t.key,
      operator: t.operator,
      value: t.value,
      effect: t.effect,
      tolerationSeconds: t.tolerationPeriod?.toSeconds(),
    })),
    topologySpreadConstraints: constraints.length > 0 ? constraints : undefined,
    priorityClassName: o.priorityClassName,
    schedulerName: o.schedulerName,
  });
}

/** Strimzi's `template.<component>Container`. */
export function renderContainerTemplate(opts: ContainerTemplateOptions | undefined): strimzi.KafkaSpecKafkaTemplateKafkaContainer | undefined {
  if (!opts) return undefined;
  const sc = opts.securityContext;
  return compact({
    env: opts.env && Object.entries(opts.env).map(([name, value]) => ({ name, value })),
    securityContext: sc && compact({
      runAsUser: sc.user,
      runAsGroup: sc.group,
      runAsNonRoot: sc.ensureNonRoot,
      privileged: sc.privileged,
      readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
      allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
      capabilities: sc.capabilities && compact({ add: sc.capabilities.add, drop: sc.capabilities.drop }),
    }),
  });
}

/** A probe's timing. */
export function renderProbe(p: ProbeOptions | undefined): strimzi.KafkaSpecKafkaReadinessProbe | undefined {
  return p && compact({
    initialDelaySeconds: p.initialDelay?.toSeconds(),
    timeoutSeconds: p.timeout?.toSeconds(),
    periodSeconds: p.period?.toSeconds(),
    successThreshold: p.successThreshold,
    failureThreshold: p.failureThreshold,
  });
}

/** Strimzi's `jvmOptions` (L1 prop names). */
export function renderJvm(j: JvmOptions | undefined): strimzi.KafkaSpecKafkaJvmOptions | undefined {
  return j && compact({
    xms: j.heapInitial && jvmSize(j.heapInitial),
    xmx: j.heapMax && jvmSize(j.heapMax),
    xx: j.xx,
    gcLoggingEnabled: j.gcLogging,
    javaSystemProperties: j.systemProperties && Object.entries(j.systemProperties).map(([name, value]) => ({ name, value })),
  });
}

/** Resource requirements as plain quantities, e.g. `{ requests: { cpu: '4', memory: '16Gi' } }`. */
type Quantities = { [k: string]: string };

/** Resource requirements as plain quantities. */
export function renderResources(r: kplus.ContainerResources | undefined): { requests?: Quantities; limits?: Quantities } | undefined {
  if (!r) return undefined;
  return compact({
    requests: compact({ 'cpu': r.cpu?.request?.amount, 'memory': r.memory?.request?.asString(), 'ephemeral-storage': r.ephemeralStorage?.request?.asString() }) as Quantities | undefined,
    limits: compact({ 'cpu': r.cpu?.limit?.amount, 'memory': r.memory?.limit?.asString(), 'ephemeral-storage': r.ephemeralStorage?.limit?.asString() }) as Quantities | undefined,
  });
}

/** Resource requirements in the L1 shape (quantities wrapped as `{ value }`). */
export function renderL1Resources(r: kplus.ContainerResources | undefined): strimzi.KafkaSpecKafkaExporterResources | undefined {
  const res = renderResources(r);
  if (!res) return undefined;
  const wrap = (m?: { [k: string]: string }) => m && Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { value: v }]));
  return compact({ requests: wrap(res.requests), limits: wrap(res.limits) });
}

/** Strimzi's `clusterCa` / `clientsCa`. */
export function renderCa(o: CertificateAuthorityOptions | undefined): strimzi.KafkaSpecClusterCa | undefined {
  if (!o) return undefined;
  const out = {
    generateCertificateAuthority: o.generateCertificateAuthority,
    generateSecretOwnerReference: o.keepSecretsOnDelete === undefined ? undefined : !o.keepSecretsOnDelete,
    validityDays: o.validity?.toDays({ integral: false }),
    renewalDays: o.renewal?.toDays({ integral: false }),
    certificateExpirationPolicy: o.expirationPolicy as unknown as strimzi.KafkaSpecClusterCaCertificateExpirationPolicy | undefined,
  };
  return dropUndefined(out);
}

/** Strimzi's `rack` (topology label or environment variable). */
export function renderRack(r: { readonly type: string; readonly topologyKey?: string; readonly envVarName?: string }): strimzi.KafkaSpecKafkaRack {
  return (r.type === 'topology-label'
    ? { type: r.type, topologyKey: r.topologyKey }
    : { type: r.type, envVarName: r.envVarName }) as unknown as strimzi.KafkaSpecKafkaRack;
}
