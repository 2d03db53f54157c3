import { ApiObject, Cron, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { HelmSafeOutput } from '../common/helm';
import { registerUniqueDocuments } from '../common/unique-documents';
import { addRules } from '../common/validation';

/**
 * The default image of the copy job: the Kubernetes project's kubectl image,
 * which ships bash next to kubectl.
 */
const DEFAULT_SECRET_COPY_IMAGE = 'registry.k8s.io/kubectl:v1.33.0';

/**
 * One Secret to copy, and the keys to copy from it.
 */
export interface CopiedSecret {
  /** The Secret's name (the copy gets the same name). */
  readonly secretName: string;
  /** The keys to copy (the copy holds only these). */
  readonly keys: string[];
  /**
   * The namespace the Secret is read from, when it is not the copy's `sourceNamespace`
   * (e.g. a user Secret the User Operator writes into its watched namespace, next to
   * the cluster's CA Secret).
   * @default - the copy's `sourceNamespace`
   */
  readonly sourceNamespace?: string;
}

/**
 * Options of the copy schedule.
 */
export interface SecretCopyScheduleOptions {
  /**
   * How often the copy runs. Every run also picks up rotated passwords and
   * renewed CA certificates.
   * @default - every 5 minutes
   */
  readonly schedule?: Cron;
  /**
   * Container image with `kubectl` and `bash`.
   * @default 'registry.k8s.io/kubectl:v1.33.0'
   */
  readonly image?: string;
}

/**
 * Properties of a `SecretCopy`.
 */
export interface SecretCopyProps extends SecretCopyScheduleOptions {
  /** The namespace the Secrets are read from (a Secret can name another one). */
  readonly sourceNamespace: string;
  /** The namespace the copies are written to. */
  readonly targetNamespace: string;
  /** The Secrets and keys to copy. */
  readonly secrets: CopiedSecret[];
  /**
   * Name of the CronJob and its ServiceAccount, Roles and RoleBindings (at most 52 characters).
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Keeps copies of named Secret keys in another namespace.
 *
 * Strimzi writes the CA Secrets into the Kafka cluster's namespace and user
 * Secrets into the namespace the User Operator watches (by default the same),
 * and Kubernetes has no cross-namespace Secret reference. This renders a
 * CronJob in the target namespace whose ServiceAccount may read exactly the
 * named Secrets in each source namespace (Role with `resourceNames`) and write
 * them in the target namespace, where it server-side-applies copies holding
 * only the named keys. A run fails (visible as a failed Job) while a Secret or
 * key is missing, e.g. before the User Operator has written it.
 */
export class SecretCopy extends Construct {
  /** The copy CronJob. */
  public readonly cronJob: ApiObject;
  /** The name of the CronJob, ServiceAccount and target-side Role. */
  public readonly name: string;
  /** The namespace the copies are written to. */
  public readonly targetNamespace: string;
  /** The namespace the Secrets are read from. */
  public readonly sourceNamespace: string;

  constructor(scope: Construct, id: string, props: SecretCopyProps) {
    super(scope, id);
    registerUniqueDocuments(this);
    this.name = props.name ?? id.toLowerCase();
    this.sourceNamespace = props.sourceNamespace;
    this.targetNamespace = props.targetNamespace;
    const secrets = mergeSecrets(props.secrets, props.sourceNamespace);
    const names = [...new Set(secrets.map((s) => s.secretName))];
    const sourceNamespaces = [...new Set([props.sourceNamespace, ...secrets.map((s) => s.sourceNamespace)])];
    const sourceSideName = `${props.targetNamespace}-${this.name}`;
    const labels = { 'app.kubernetes.io/name': 'secret-copy', 'app.kubernetes.io/managed-by': 'cdk8s-kafka' };

    addRules(this, (c) => {
      c.check(this.name.length > 52, `secret copy "${this.name}"`,
        `name is ${this.name.length} characters, but a CronJob name may have at most 52 (Kubernetes appends 11 characters for its Jobs)`, 'choose a shorter name', 'KAF-KEDA-050');
      c.check(sourceSideName.length > 63, `secret copy "${this.name}"`,
        `the Role in namespace "${props.sourceNamespace}" would be named "${sourceSideName}" (${sourceSideName.length} characters, but at most 63 are allowed)`,
        'choose a shorter name', 'KAF-KEDA-051');
      c.check(props.sourceNamespace === props.targetNamespace, `secret copy "${this.name}"`,
        `source and target namespace are both "${props.sourceNamespace}"`, 'copy into another namespace, or reference the Secrets directly', 'KAF-KEDA-052');
      for (const s of secrets.filter((x) => x.sourceNamespace !== props.sourceNamespace && x.sourceNamespace === props.targetNamespace)) {
        c.add(`secret copy "${this.name}"`, `Secret "${s.secretName}" is read from namespace "${s.sourceNamespace}", the target namespace`, 'reference that Secret directly instead of copying it', 'KAF-KEDA-052');
      }
      for (const name of names) {
        const from = secrets.filter((x) => x.secretName === name).map((x) => x.sourceNamespace);
        c.check(from.length > 1, `secret copy "${this.name}"`,
          `Secret "${name}" is read from namespaces ${from.map((n) => `"${n}"`).join(' and ')}, but both copies would be Secret "${name}" in "${props.targetNamespace}"`,
          'copy Secrets of different names only', 'KAF-KEDA-053');
      }
      c.check(secrets.length === 0, `secret copy "${this.name}"`, 'no Secrets to copy', 'name at least one Secret', 'KAF-KEDA-054');
      for (const s of secrets) {
        c.check(s.keys.length === 0, `secret copy "${this.name}"`, `Secret "${s.secretName}" names no keys`, 'name the keys to copy', 'KAF-KEDA-055');
      }
    });

    // The copy job needs its token to call the API server, so it stays mounted
    // (cdk8s-plus turns it off by default).
    const serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: { name: this.name, namespace: props.targetNamespace, labels },
      automountToken: true,
    });

    // Read access to exactly the named Secrets in each source namespace.
    for (const ns of sourceNamespaces) {
      const suffix = ns === props.sourceNamespace ? '' : `-${ns}`;
      const readable = secrets.filter((x) => x.sourceNamespace === ns).map((x) => x.secretName);
      if (readable.length === 0) {
        // Never render a Role without resourceNames: it would grant every Secret of the namespace.
        continue;
      }
      const role = new kplus.Role(this, `SourceRole${suffix}`, { metadata: { name: sourceSideName, namespace: ns, labels } });
      role.allow(['get'], ...readable.map(namedSecret));
      new kplus.RoleBinding(this, `SourceRoleBinding${suffix}`, { metadata: { name: sourceSideName, namespace: ns, labels }, role })
        .addSubjects(serviceAccount);
    }

    // Write access to the copies. `create` cannot be limited by resourceNames
    // (the name is not known when a create is authorized).
    const targetRole = new kplus.Role(this, 'TargetRole', { metadata: { name: this.name, namespace: props.targetNamespace, labels } });
    targetRole.allow(['get', 'patch', 'update'], ...names.map(namedSecret));
    targetRole.allow(['create'], kplus.ApiResource.SECRETS);
    new kplus.RoleBinding(this, 'TargetRoleBinding', { metadata: { name: this.name, namespace: props.targetNamespace, labels }, role: targetRole })
      .addSubjects(serviceAccount);

    // Typed k8s props rather than cdk8s-plus's CronJob: that one cannot drop
    // capabilities or set a seccomp profile, and its defaults (a 10 s starting
    // deadline, imagePullPolicy Always, no service account token) would change
    // how the job runs.
    const schedule = props.schedule ?? Cron.schedule({ minute: '*/5' });
    this.cronJob = new k8s.KubeCronJob(this, 'Resource', {
      metadata: { name: this.name, namespace: props.targetNamespace, labels },
      spec: {
        schedule: schedule.expressionString,
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          spec: {
            backoffLimit: 2,
            template: {
              metadata: { labels },
              spec: {
                serviceAccountName: this.name,
                restartPolicy: 'Never',
                securityContext: {
                  runAsNonRoot: true,
                  runAsUser: 65534,
                  runAsGroup: 65534,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                containers: [{
                  name: 'copy',
                  image: props.image ?? DEFAULT_SECRET_COPY_IMAGE,
                  command: ['/bin/bash', '-c', Lazy.any({ produce: () => HelmSafeOutput._text(this, copyScript(secrets, props.sourceNamespace)) })],
                  env: [
                    { name: 'SOURCE_NAMESPACE', value: props.sourceNamespace },
                    { name: 'TARGET_NAMESPACE', value: props.targetNamespace },
                    { name: 'HOME', value: '/tmp' },
                  ],
                  resources: {
                    requests: { cpu: k8s.Quantity.fromString('10m'), memory: k8s.Quantity.fromString('32Mi') },
                    limits: { memory: k8s.Quantity.fromString('128Mi') },
                  },
                  securityContext: {
                    allowPrivilegeEscalation: false,
                    readOnlyRootFilesystem: true,
                    capabilities: { drop: ['ALL'] },
                  },
                  volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
                }],
                volumes: [{ name: 'tmp', emptyDir: {} }],
              },
            },
          },
        },
      },
    });
  }
}

/** One Secret by name, as an RBAC resource. */
function namedSecret(name: string): kplus.IApiResource {
  return { apiGroup: '', resourceType: 'secrets', resourceName: name };
}

interface SourcedSecret {
  readonly secretName: string;
  readonly keys: string[];
  readonly sourceNamespace: string;
}

/** The Secrets with their keys merged, per source namespace and name, in first-seen order. */
function mergeSecrets(secrets: CopiedSecret[], defaultSource: string): SourcedSecret[] {
  const merged = new Map<string, SourcedSecret>();
  for (const s of secrets) {
    const sourceNamespace = s.sourceNamespace ?? defaultSource;
    const id = `${sourceNamespace}/${s.secretName}`;
    const entry = merged.get(id) ?? { secretName: s.secretName, keys: [], sourceNamespace };
    s.keys.filter((k) => !entry.keys.includes(k)).forEach((k) => entry.keys.push(k));
    merged.set(id, entry);
  }
  return [...merged.values()];
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, '\'\\\'\'')}'`;
}

/**
 * The copy script: for each Secret, read the named keys (base64 as stored)
 * and server-side-apply a Secret with the same name and only those keys.
 */
function copyScript(secrets: SourcedSecret[], defaultSource: string): string {
  const lines = [
    'set -euo pipefail',
    'copy() {',
    '  local name="$1"; shift',
    '  local data="" key value',
    '  for key in "$@"; do',
    '    value="$(kubectl get secret "$name" --namespace "$SOURCE_NAMESPACE" --output "go-template={{index .data \\"$key\\"}}")"',
    '    if [ -z "$value" ] || [ "$value" = "<no value>" ]; then',
    '      echo "Secret $SOURCE_NAMESPACE/$name has no key $key yet" >&2',
    '      return 1',
    '    fi',
    '    data+="  \\"$key\\": \\"$value\\""$\'\\n\'',
    '  done',
    '  printf \'apiVersion: v1\\nkind: Secret\\ntype: Opaque\\nmetadata:\\n  name: "%s"\\n  namespace: "%s"\\n  labels:\\n    app.kubernetes.io/managed-by: cdk8s-kafka\\n    cdk8s-kafka/copied-from: "%s"\\ndata:\\n%s\' \\',
    '    "$name" "$TARGET_NAMESPACE" "$SOURCE_NAMESPACE" "$data" \\',
    '    | kubectl apply --server-side --force-conflicts --field-manager=cdk8s-kafka-secret-copy -f -',
    '}',
    // A Secret of another source namespace sets SOURCE_NAMESPACE for its call only.
    ...secrets.map((s) => (s.sourceNamespace === defaultSource ? '' : `SOURCE_NAMESPACE=${shellQuote(s.sourceNamespace)} `)
      + ['copy', s.secretName, ...s.keys].map(shellQuote).join(' ').replace(/^'copy'/, 'copy')),
  ];
  return lines.join('\n') + '\n';
}
