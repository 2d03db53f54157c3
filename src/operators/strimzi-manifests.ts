import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, JsonPatch, Lazy, Yaml } from 'cdk8s';
import { Construct } from 'constructs';
import { StrimziImageOverrides } from './options';

/** One pinned install file (internal). */
export interface PinnedFile {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly sha256: string;
}

/** The pinned install files of one Strimzi release (internal). */
export interface PinnedRelease {
  readonly version: string;
  readonly tag: string;
  readonly commit: string;
  readonly dir: string;
  readonly files: PinnedFile[];
}

const CLUSTER_SCOPED = new Set(['CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'Namespace']);
const releases = new Map<string, PinnedRelease | undefined>();
const documents = new Map<string, any>();

/** The folder of the shipped install files: operators-data/ at the package root (found upward from this file). */
export function operatorsDataDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'operators-data');
    if (fs.existsSync(path.join(candidate, 'strimzi'))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/** The pinned install files of a Strimzi release, or undefined when the package ships none. */
export function pinnedStrimziRelease(version: string): PinnedRelease | undefined {
  if (!releases.has(version)) {
    const data = operatorsDataDir();
    const dir = data && path.join(data, 'strimzi', version);
    const index = dir && path.join(dir, 'index.json');
    if (!index || !fs.existsSync(index)) {
      releases.set(version, undefined);
    } else {
      const idx = JSON.parse(fs.readFileSync(index, 'utf8'));
      releases.set(version, { version: idx.version, tag: idx.tag, commit: idx.commit, dir: dir!, files: idx.files });
    }
  }
  return releases.get(version);
}

/** The Strimzi releases whose install files the package ships. */
export function shippedStrimziVersions(): string[] {
  const data = operatorsDataDir();
  if (!data) return [];
  return fs.readdirSync(path.join(data, 'strimzi')).filter((v) => fs.existsSync(path.join(data, 'strimzi', v, 'index.json'))).sort();
}

/** A pinned file, parsed (a fresh copy each call). */
export function pinnedDocument(release: PinnedRelease, file: string): any {
  const key = path.join(release.dir, file);
  if (!documents.has(key)) {
    const docs = Yaml.load(key);
    if (docs.length !== 1) throw new Error(`${key}: expected one YAML document, found ${docs.length}`);
    documents.set(key, docs[0]);
  }
  return structuredClone(documents.get(key));
}

/** What the plain manifests are rendered from (internal, defaults resolved). */
export interface StrimziManifestModel {
  /** The operator's namespace. */
  readonly namespace: string;
  /** Whether every namespace is watched. */
  readonly watchAll: boolean;
  /** Whether a Namespace object is rendered for the operator's namespace. */
  readonly createNamespace: boolean;
  /** `STRIMZI_NAMESPACE` when not the operator's own (list or `*`), read at synth. */
  readonly strimziNamespace: () => string | undefined;
  /** Image overrides. */
  readonly images?: StrimziImageOverrides;
  /** The default image repository of the release, e.g. `quay.io/strimzi`. */
  readonly imageRepository: string;
  /** Environment values replaced or added, in order, read at synth. */
  readonly env: () => Array<[string, string]>;
  /** Operator container resources. */
  readonly resources?: any;
  /** Container image pull policy. */
  readonly imagePullPolicy?: string;
  /** Pod image pull Secrets. */
  readonly imagePullSecrets?: string[];
  /** Pod nodeSelector, tolerations and affinity. */
  readonly nodeSelector?: { [key: string]: string };
  readonly tolerations?: any[];
  readonly affinity?: any;
}

/** Rewrites an image of the release's default repository to the overrides. */
export function rewriteImage(image: string, version: string, defaults: string, o: StrimziImageOverrides | undefined): string {
  if (!o || !image.startsWith(`${defaults}/`)) return image;
  const [defRegistry, ...defRepo] = defaults.split('/');
  const rest = image.slice(defaults.length + 1);
  const colon = rest.lastIndexOf(':');
  const name = colon >= 0 ? rest.slice(0, colon) : rest;
  const tag = colon >= 0 ? rest.slice(colon + 1) : '';
  let newTag = tag;
  if (o.tag !== undefined && tag === version) newTag = o.tag;
  else if (o.tag !== undefined && tag.startsWith(`${version}-`)) newTag = `${o.tag}${tag.slice(version.length)}`;
  const repo = `${o.registry ?? defRegistry}/${o.repository ?? defRepo.join('/')}`;
  return `${repo}/${name}${newTag ? `:${newTag}` : ''}`;
}

/** The ClusterRoleBinding that replaces a per-namespace RoleBinding when every namespace is watched. */
function clusterWide(rb: any, takenNames: Set<string>): any {
  const name = takenNames.has(rb.metadata.name) ? rb.roleRef.name : rb.metadata.name;
  return { ...rb, kind: 'ClusterRoleBinding', metadata: { ...rb.metadata, name } };
}

/** Whether a RoleBinding must exist in every watched namespace (all but the leader-election one). */
function perWatchedNamespace(rb: any): boolean {
  return !String(rb.roleRef?.name ?? '').endsWith('-leader-election');
}

/**
 * Renders the pinned install files as ApiObjects under `scope`, with the documented changes:
 * namespaces, binding subjects, per-namespace or cluster-wide bindings, and the Deployment's
 * image, environment, resources and scheduling. Returns the per-namespace RoleBinding
 * templates so bindings for namespaces added later can be rendered.
 */
export function renderStrimziManifests(scope: Construct, release: PinnedRelease, m: StrimziManifestModel): {
  readonly objects: ApiObject[];
  readonly deployment: ApiObject;
  readonly bindingTemplates: any[];
} {
  const chartNamespace = Chart.of(scope).namespace;
  const objects: ApiObject[] = [];
  const add = (id: string, doc: any) => {
    const { apiVersion, kind, metadata, ...rest } = doc;
    const o = new ApiObject(scope, id, { apiVersion, kind, metadata, ...rest });
    if (CLUSTER_SCOPED.has(kind) && chartNamespace) o.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    objects.push(o);
    return o;
  };
  const inNamespace = (doc: any, ns: string) => ({ ...doc, metadata: { ...doc.metadata, namespace: ns } });
  const withSubjects = (doc: any) => ({ ...doc, subjects: (doc.subjects ?? []).map((s: any) => (s.kind === 'ServiceAccount' ? { ...s, namespace: m.namespace } : s)) });

  if (m.createNamespace) {
    add('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: m.namespace } });
  }
  const clusterBindingNames = new Set(release.files.filter((f) => f.kind === 'ClusterRoleBinding').map((f) => f.name));
  const templates: any[] = [];
  let deployment: ApiObject | undefined;
  for (const f of release.files) {
    const id = f.file.replace(/\.ya?ml$/, '');
    const doc = pinnedDocument(release, f.file);
    switch (f.kind) {
      case 'CustomResourceDefinition':
      case 'ClusterRole':
        add(id, doc);
        break;
      case 'ClusterRoleBinding':
        add(id, withSubjects(doc));
        break;
      case 'RoleBinding': {
        const rb = withSubjects(doc);
        if (!perWatchedNamespace(rb)) {
          add(id, inNamespace(rb, m.namespace));
        } else if (m.watchAll) {
          add(`${id}-cluster-wide`, clusterWide(rb, clusterBindingNames));
        } else {
          add(id, inNamespace(rb, m.namespace));
          templates.push({ id, doc: rb });
        }
        break;
      }
      case 'Deployment':
        deployment = add(id, { ...inNamespace(doc, m.namespace), spec: Lazy.any({ produce: () => deploymentSpec(doc.spec, release.version, m) }) });
        break;
      default:
        add(id, inNamespace(doc, m.namespace));
    }
  }
  if (!deployment) throw new Error(`the install files of Strimzi ${release.version} have no Deployment`);
  return { objects, deployment, bindingTemplates: templates };
}

/** Renders the per-namespace RoleBindings for one watched namespace. */
export function renderWatchedNamespaceBindings(scope: Construct, templates: any[], namespace: string): ApiObject[] {
  return templates.map((t) => {
    const { apiVersion, kind, metadata, ...rest } = t.doc;
    return new ApiObject(scope, `${t.id}-${namespace}`, { apiVersion, kind, metadata: { ...metadata, namespace }, ...rest });
  });
}

/** The Deployment spec with the model applied. */
function deploymentSpec(spec: any, version: string, m: StrimziManifestModel): any {
  const out = structuredClone(spec);
  const pod = out.template.spec;
  const c = pod.containers[0];
  const image = (v: string) => rewriteImage(v, version, m.imageRepository, m.images);
  c.image = image(c.image);
  const replaced = new Map(m.env());
  const ns = m.strimziNamespace();
  if (ns !== undefined) replaced.set('STRIMZI_NAMESPACE', ns);
  const seen = new Set<string>();
  c.env = (c.env ?? []).map((e: any) => {
    seen.add(e.name);
    if (replaced.has(e.name)) return { name: e.name, value: replaced.get(e.name) };
    if (typeof e.value === 'string' && e.value.includes(`${m.imageRepository}/`)) {
      return { ...e, value: e.value.split('\n').map((line: string) => line.replace(/([^=\s]+\/[^=\s]+:[^=\s]+)$/, (img) => image(img))).join('\n') };
    }
    return e;
  });
  for (const [name, value] of replaced) {
    if (!seen.has(name)) c.env.push({ name, value });
  }
  if (m.resources) c.resources = m.resources;
  if (m.imagePullPolicy) c.imagePullPolicy = m.imagePullPolicy;
  if (m.imagePullSecrets && m.imagePullSecrets.length > 0) pod.imagePullSecrets = m.imagePullSecrets.map((name) => ({ name }));
  if (m.nodeSelector && Object.keys(m.nodeSelector).length > 0) pod.nodeSelector = { ...m.nodeSelector };
  if (m.tolerations && m.tolerations.length > 0) pod.tolerations = m.tolerations;
  if (m.affinity) pod.affinity = m.affinity;
  return out;
}
