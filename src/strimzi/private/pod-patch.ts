/*
 * Adds environment variables, Secret volumes and mounts to one container of a
 * workload through JSON patches on the workload's ApiObject, never through the
 * workload's own (cdk8s-plus) objects: the workload may come from any
 * cdk8s-plus version, from the k8s classes or be a plain ApiObject, and
 * nothing of this library's cdk8s-plus version ends up inside it.
 *
 * The patch is computed in the validation pass, from the object as it renders
 * then, so containers, variables and volumes the app adds after the call are
 * kept (cdk8s always validates before it renders). The operations are small
 * (add or replace one variable, mount or volume) and touch only fields whose
 * names are the same in the Kubernetes manifest and in the props of the
 * generated k8s classes: a generated class (as every cdk8s-plus workload
 * uses) applies the patches to its props and converts them afterwards.
 */
import { ApiObject, JsonPatch } from 'cdk8s';
import { addRules, ViolationCollector } from '../../common/validation';

/** An environment variable as the Kubernetes API writes it. */
export interface _EnvVarJson {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef: { readonly key: string; readonly name: string } };
}

/** A read-only Secret volume and where it is mounted. */
export interface _SecretMountJson {
  readonly volumeName: string;
  readonly secretName: string;
  readonly items: { readonly key: string; readonly path: string }[];
  readonly mountPath: string;
}

/** What to add to one container. */
export interface _ContainerAdditions {
  /** Name of the container (`spec.containers[].name` or `initContainers[].name`). */
  readonly containerName: string;
  /** Variables, in order, put before the container's own; a variable of the same name is replaced in place. */
  readonly env: _EnvVarJson[];
  /** Secret volumes; a volume of the same name and a mount at the same path are kept as they are. */
  readonly mounts: _SecretMountJson[];
  /** Who asks, for messages (e.g. `Kafka client of cluster "x"`). */
  readonly subject: string;
}

interface Pending {
  readonly additions: _ContainerAdditions[];
  applied: boolean;
  readonly problems: [string, string, string][];
}

const PENDING = new WeakMap<ApiObject, Pending>();

/** One JSON-pointer step. */
const pointer = (key: string | number) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * Adds `additions` to a container of `apiObject` when the app is validated.
 * @internal
 */
export function _addToContainer(apiObject: ApiObject, additions: _ContainerAdditions): void {
  let pending = PENDING.get(apiObject);
  if (!pending) {
    const created: Pending = { additions: [], applied: false, problems: [] };
    pending = created;
    PENDING.set(apiObject, created);
    addRules(apiObject, (c) => applyOnce(apiObject, created, c));
  }
  pending.additions.push(additions);
}

function applyOnce(apiObject: ApiObject, pending: Pending, c: ViolationCollector): void {
  if (!pending.applied) {
    pending.applied = true;
    let doc = apiObject.toJson();
    const ops: JsonPatch[] = [];
    for (const a of pending.additions) {
      const found = findContainer(doc, a.containerName);
      if (!found) {
        const names = containerNames(doc);
        pending.problems.push([a.subject,
          `${apiObject.kind} "${apiObject.name}" has no container named "${a.containerName}" in its pod template (${names.length > 0 ? `containers: ${names.map((n) => `"${n}"`).join(', ')}` : 'it has no pod template with containers'})`,
          'pass a container of this workload (or its name), or the workload the container belongs to']);
        continue;
      }
      const added = operations(found, a);
      doc = JsonPatch.apply(doc, ...added);
      ops.push(...added);
    }
    if (ops.length > 0) {
      apiObject.addJsonPatch(...ops);
    }
  }
  for (const [subject, problem, fix] of pending.problems) {
    c.add(subject, problem, fix, 'KAF-CLI-001');
  }
}

interface FoundContainer {
  readonly podSpecPath: string;
  readonly podSpec: any;
  readonly list: 'containers' | 'initContainers';
  readonly index: number;
}

/** The first pod spec (depth first, outside `metadata`) with a container of that name. */
function findContainer(doc: any, name: string, path = ''): FoundContainer | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return undefined;
  }
  for (const list of ['containers', 'initContainers'] as const) {
    const items = doc[list];
    if (Array.isArray(items)) {
      const index = items.findIndex((x: any) => x?.name === name);
      if (index >= 0) {
        return { podSpecPath: path, podSpec: doc, list, index };
      }
    }
  }
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'metadata' && path === '') {
      continue;
    }
    const found = findContainer(value, name, `${path}${pointer(key)}`);
    if (found) {
      return found;
    }
  }
  return undefined;
}

function containerNames(doc: any): string[] {
  const out: string[] = [];
  const walk = (x: any) => {
    if (x === null || typeof x !== 'object') {
      return;
    }
    if (!Array.isArray(x)) {
      for (const list of ['containers', 'initContainers']) {
        if (Array.isArray(x[list])) {
          out.push(...x[list].map((c: any) => c?.name).filter((n: any) => typeof n === 'string'));
        }
      }
    }
    Object.values(x).forEach(walk);
  };
  walk(doc.spec);
  return [...new Set(out)];
}

/** The patch operations that add `a` to the container found. */
function operations(found: FoundContainer, a: _ContainerAdditions): JsonPatch[] {
  const ops: JsonPatch[] = [];
  const container = found.podSpec[found.list][found.index];
  const containerPath = `${found.podSpecPath}${pointer(found.list)}${pointer(found.index)}`;
  /** Adds items to an array member of `owner`, creating the member when it is missing. */
  const addAll = (owner: any, ownerPath: string, member: string, items: any[]) => {
    if (items.length === 0) {
      return;
    }
    if (!Array.isArray(owner[member])) {
      ops.push(JsonPatch.add(`${ownerPath}${pointer(member)}`, items));
    } else {
      for (const item of items) {
        ops.push(JsonPatch.add(`${ownerPath}${pointer(member)}/-`, item));
      }
    }
  };

  const env: any[] = container.env ?? [];
  const newEnv: _EnvVarJson[] = [];
  for (const v of a.env) {
    const at = env.findIndex((e) => e?.name === v.name);
    const atNew = newEnv.findIndex((e) => e.name === v.name);
    if (at >= 0) {
      ops.push(JsonPatch.replace(`${containerPath}/env${pointer(at)}`, v));
    } else if (atNew >= 0) {
      newEnv[atNew] = v;
    } else {
      newEnv.push(v);
    }
  }
  // New variables go first: Kubernetes expands `$(NAME)` only from variables listed earlier,
  // so the app's own variables can refer to these. (Replacements above keep their place.)
  if (newEnv.length > 0) {
    if (!Array.isArray(container.env)) {
      ops.push(JsonPatch.add(`${containerPath}/env`, newEnv));
    } else {
      newEnv.forEach((v, i) => ops.push(JsonPatch.add(`${containerPath}/env${pointer(i)}`, v)));
    }
  }

  const volumes: any[] = found.podSpec.volumes ?? [];
  const mounts: any[] = container.volumeMounts ?? [];
  const newVolumes: any[] = [];
  const newMounts: any[] = [];
  for (const m of a.mounts) {
    if (![...volumes, ...newVolumes].some((v) => v?.name === m.volumeName)) {
      newVolumes.push({ name: m.volumeName, secret: { items: m.items.map((i) => ({ key: i.key, path: i.path })), secretName: m.secretName } });
    }
    if (![...mounts, ...newMounts].some((x) => x?.mountPath === m.mountPath)) {
      newMounts.push({ mountPath: m.mountPath, name: m.volumeName, readOnly: true });
    }
  }
  addAll(container, containerPath, 'volumeMounts', newMounts);
  addAll(found.podSpec, found.podSpecPath, 'volumes', newVolumes);
  return ops;
}
