/*
 * Rendering helpers shared by the Strimzi constructs (library-internal, not exported
 * from the package).
 */
import { ApiObject, Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ViolationCollector } from '../../common/validation';
import { JvmOptions } from '../resources';
import { Spread } from '../scheduling';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from '../templates';

/** A copy of `obj` without undefined values, or undefined when nothing is left. */
export function compact<T extends object>(obj: T): T | undefined {
  const out: any = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

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
export function renderContainerTemplate(opts: ContainerTemplateOptions | undefined): any {
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
export function renderProbe(p: ProbeOptions | undefined): any {
  return p && compact({
    initialDelaySeconds: p.initialDelay?.toSeconds(),
    timeoutSeconds: p.timeout?.toSeconds(),
    periodSeconds: p.period?.toSeconds(),
    successThreshold: p.successThreshold,
    failureThreshold: p.failureThreshold,
  });
}

/** A JVM heap size as Strimzi expects it (`^[0-9]+[mMgG]?$`), e.g. `3072m`. */
export function jvmSize(s: Size): string {
  const mib = s.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  return `${Math.round(mib)}m`;
}

/** Strimzi's `jvmOptions` (L1 prop names). */
export function renderJvm(j: JvmOptions | undefined): any {
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
export function renderL1Resources(r: kplus.ContainerResources | undefined): any {
  const res = renderResources(r);
  if (!res) return undefined;
  const wrap = (m?: { [k: string]: string }) => m && Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { value: v }]));
  return compact({ requests: wrap(res.requests), limits: wrap(res.limits) });
}

/** CPU amount in millicores. */
export function cpuMillis(c: kplus.Cpu): number {
  const a = c.amount;
  return a.endsWith('m') ? Number(a.slice(0, -1)) : Number(a) * 1000;
}

/** Checks requests <= limits and the heap against the memory limit. */
export function checkResources(c: ViolationCollector, subject: string, r: kplus.ContainerResources | undefined, jvm: JvmOptions | undefined): void {
  if (r?.cpu?.request && r.cpu.limit) {
    c.check(cpuMillis(r.cpu.request) > cpuMillis(r.cpu.limit), subject,
      `CPU request ${r.cpu.request.amount} is above the CPU limit ${r.cpu.limit.amount} (a request may not exceed its limit)`, 'lower the request or raise the limit');
  }
  if (r?.memory?.request && r.memory.limit) {
    c.check(kib(r.memory.request) > kib(r.memory.limit), subject,
      `memory request ${r.memory.request.asString()} is above the memory limit ${r.memory.limit.asString()} (a request may not exceed its limit)`, 'lower the request or raise the limit');
  }
  if (r?.ephemeralStorage?.request && r.ephemeralStorage.limit) {
    c.check(kib(r.ephemeralStorage.request) > kib(r.ephemeralStorage.limit), subject,
      `ephemeral-storage request ${r.ephemeralStorage.request.asString()} is above its limit ${r.ephemeralStorage.limit.asString()}`, 'lower the request or raise the limit');
  }
  for (const [flag, size] of [['-Xms', jvm?.heapInitial], ['-Xmx', jvm?.heapMax]] as Array<[string, Size | undefined]>) {
    if (size) {
      const k = kib(size);
      c.check(k <= 0 || k % 1024 !== 0, subject, `JVM ${flag} ${size.asString()} is not a positive whole number of mebibytes (Strimzi accepts only m/g heap sizes)`, 'use Size.mebibytes() or Size.gibibytes()');
    }
  }
  if (jvm?.heapInitial && jvm.heapMax) {
    c.check(kib(jvm.heapInitial) > kib(jvm.heapMax), subject, `JVM -Xms ${jvmSize(jvm.heapInitial)} is above -Xmx ${jvmSize(jvm.heapMax)}`, 'make heapInitial at most heapMax');
  }
  const memLimit = r?.memory?.limit ?? r?.memory?.request;
  if (jvm?.heapMax && memLimit) {
    c.check(kib(jvm.heapMax) >= kib(memLimit), subject,
      `JVM -Xmx ${jvmSize(jvm.heapMax)} is not below the container memory ${r?.memory?.limit ? 'limit' : 'request'} ${memLimit.asString()} (the heap, off-heap memory and page cache must fit, or the pod is OOM-killed)`,
      'keep -Xmx well below the memory limit (commonly at most half of it)');
  }
}

function kib(s: Size): number {
  return s.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
}

/**
 * The namespace the resource is rendered in. Only JSON patches can move it away
 * from the one set at construction, so the resource is rendered (spec and all)
 * only when it has patches.
 */
export function renderedNamespace(resource: ApiObject): string | undefined {
  const patches = (resource as any).patches;
  if (Array.isArray(patches) && patches.length === 0) {
    return resource.metadata.namespace;
  }
  return resource.toJson().metadata?.namespace;
}
