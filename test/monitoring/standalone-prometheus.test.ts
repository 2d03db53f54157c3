import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Size } from 'cdk8s';
import * as YAML from 'yaml';
import { newCluster } from './fixtures';
import { promtoolPath } from './promtool';
import { selects, strimziPods } from './strimzi-pods';
import { KafkaAlerts, KafkaMetrics, StandalonePrometheus } from '../../src';
import { docOf, docsOf, newChart, synth } from '../util';

function build(props: { kubelets?: boolean; alerts?: boolean } = {}) {
  const chart = newChart();
  const cluster = newCluster(chart);
  const metrics = new KafkaMetrics(chart, 'Metrics', { cluster, kafkaExporter: { service: true } });
  const alerts = props.alerts ? new KafkaAlerts(chart, 'Alerts', { metrics }) : undefined;
  const prometheus = new StandalonePrometheus(chart, 'Prometheus', {
    metrics, alerts, scrapeKubelets: props.kubelets, clusterOperatorNamespace: 'strimzi', storageClassName: 'fast', storageSize: Size.gibibytes(20),
  });
  return { docs: synth(chart), prometheus };
}

/** Applies the keep rules of a scrape job to a pod's labels and container ports (what Prometheus' pod discovery sees). */
function keeps(job: any, labels: { [k: string]: string }, port: string): boolean {
  const meta: { [k: string]: string } = { __meta_kubernetes_pod_container_port_name: port };
  for (const [k, v] of Object.entries(labels)) {
    meta[`__meta_kubernetes_pod_label_${k.replace(/[^a-zA-Z0-9_]/g, '_')}`] = v;
  }
  return job.relabel_configs.filter((r: any) => r.action === 'keep')
    .every((r: any) => new RegExp(`^(?:${r.regex})$`).test(r.source_labels.map((l: string) => meta[l] ?? '').join(';')));
}

describe('StandalonePrometheus', () => {
  test('a StatefulSet with a 20Gi claim template, probes, config volume and a ServiceAccount', () => {
    const { docs, prometheus } = build();
    const sts = docOf(docs, 'StatefulSet', 'my-cluster-prometheus');
    expect(sts.metadata.namespace).toBe('kafka');
    expect(sts.spec.replicas).toBe(1);
    expect(sts.spec.serviceName).toBe('my-cluster-prometheus');
    expect(sts.spec.volumeClaimTemplates).toEqual([{
      metadata: { name: 'data', labels: { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/instance': 'my-cluster-prometheus' } },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '20Gi' } } },
    }]);
    const pod = sts.spec.template.spec;
    expect(pod.serviceAccountName).toBe('my-cluster-prometheus');
    const c = pod.containers[0];
    expect(c.livenessProbe.httpGet).toEqual({ path: '/-/healthy', port: 9090, scheme: 'HTTP' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/-/ready', port: 9090, scheme: 'HTTP' });
    expect(c.volumeMounts).toEqual(expect.arrayContaining([
      expect.objectContaining({ mountPath: '/etc/prometheus', name: 'config', readOnly: true }),
      { name: 'data', mountPath: '/prometheus' },
    ]));
    expect(c.args).toContain('--storage.tsdb.retention.time=360h');
    const svc = docOf(docs, 'Service', 'my-cluster-prometheus');
    expect(svc.spec.ports).toEqual([{ name: 'web', port: 9090, targetPort: 9090 }]);
    expect(Object.entries(svc.spec.selector).every(([k, v]) => pod && sts.spec.template.metadata.labels[k] === v)).toBe(true);
    expect(prometheus.url).toBe('http://my-cluster-prometheus.kafka.svc:9090');
  });

  test('RBAC: read pods, endpoints and services in the cluster and operator namespaces', () => {
    const { docs } = build();
    const roles = docsOf(docs, 'Role');
    expect(roles.map((r) => r.metadata.namespace).sort()).toEqual(['kafka', 'strimzi']);
    for (const role of roles) {
      const verbsByResource: { [r: string]: string[] } = {};
      for (const rule of role.rules) {
        for (const r of rule.resources) {
          verbsByResource[r] = rule.verbs;
        }
      }
      for (const r of ['pods', 'endpoints', 'services']) {
        expect(verbsByResource[r]).toEqual(['get', 'list', 'watch']);
      }
    }
    const bindings = docsOf(docs, 'RoleBinding');
    expect(bindings).toHaveLength(2);
    for (const b of bindings) {
      expect(b.subjects).toEqual([expect.objectContaining({ kind: 'ServiceAccount', name: 'my-cluster-prometheus', namespace: 'kafka' })]);
    }
    expect(docsOf(docs, 'ClusterRole')).toHaveLength(0);
  });

  test('the scrape jobs keep exactly the Strimzi pods and ports the PodMonitors would, for any pool name', () => {
    const { docs } = build();
    const config = YAML.parse(docOf(docs, 'ConfigMap', 'my-cluster-prometheus').data['prometheus.yml']);
    const jobs = config.scrape_configs;
    expect(jobs.map((j: any) => j.job_name)).toEqual(['my-cluster-kafka', 'my-cluster-entity-operator', 'my-cluster-kafka-exporter', 'my-cluster-cluster-operator']);
    const pods = strimziPods('my-cluster', 'kafka', [
      { name: 'brokers-a', broker: true, controller: false, nodeIds: [0, 1, 2] },
      { name: 'ctrl', broker: false, controller: true, nodeIds: [3, 4, 5] },
    ], 'strimzi');
    const kept: { [job: string]: string[] } = {};
    for (const job of jobs) {
      const names: string[] = job.kubernetes_sd_configs[0].namespaces.names;
      for (const pod of pods.filter((p) => names.includes(p.namespace))) {
        for (const port of Object.keys(pod.ports)) {
          if (keeps(job, pod.labels, port)) {
            kept[job.job_name] = [...(kept[job.job_name] ?? []), `${pod.component}:${port}`];
          }
        }
      }
    }
    expect(kept).toEqual({
      'my-cluster-kafka': [
        'kafka/brokers-a:tcp-prometheus', 'kafka/brokers-a:tcp-prometheus', 'kafka/brokers-a:tcp-prometheus',
        'kafka/ctrl:tcp-prometheus', 'kafka/ctrl:tcp-prometheus', 'kafka/ctrl:tcp-prometheus',
      ],
      'my-cluster-entity-operator': ['entity-operator:healthcheck-to', 'entity-operator:healthcheck-uo'],
      'my-cluster-kafka-exporter': ['kafka-exporter:tcp-prometheus'],
      'my-cluster-cluster-operator': ['cluster-operator:http'],
    });
    // the same labels the alerts and dashboards filter on
    expect(jobs[0].relabel_configs).toEqual(expect.arrayContaining([
      { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(strimzi_io_.+)', replacement: '$1' },
      { source_labels: ['__meta_kubernetes_pod_name'], action: 'replace', target_label: 'kubernetes_pod_name' },
    ]));
    expect(selects({ 'strimzi.io/name': 'my-cluster-kafka' }, pods[0].labels)).toBe(true);
  });

  test('with alerts and kubelet scraping, the configuration passes promtool check config', () => {
    const { docs } = build({ alerts: true, kubelets: true });
    const cm = docOf(docs, 'ConfigMap', 'my-cluster-prometheus');
    const config = YAML.parse(cm.data['prometheus.yml']);
    expect(config.rule_files).toEqual(['/etc/prometheus/kafka-alerts.yml']);
    expect(config.scrape_configs.map((j: any) => j.job_name)).toContain('kubelet');
    const cr = docOf(docs, 'ClusterRole');
    expect(cr.rules.flatMap((r: any) => r.resources).sort()).toEqual(['nodes', 'nodes/metrics', 'nodes/proxy']);
    // promtool resolves the paths of the mounted files: lay them out as in the pod
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prom-config-'));
    const rewrite = (s: string) => s.split('/etc/prometheus/').join(`${dir}/`).split('/var/run/secrets/kubernetes.io/serviceaccount/').join(`${dir}/`);
    for (const [k, v] of Object.entries<string>(cm.data)) {
      fs.writeFileSync(path.join(dir, k), rewrite(v));
    }
    // Debian's promtool is built without Kubernetes service discovery: check everything else
    // with the discovery swapped for a static target.
    const checked = YAML.parse(fs.readFileSync(path.join(dir, 'prometheus.yml'), 'utf8'));
    for (const job of checked.scrape_configs) {
      expect(job.kubernetes_sd_configs).toHaveLength(1);
      delete job.kubernetes_sd_configs;
      job.static_configs = [{ targets: ['localhost:9404'] }];
    }
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), YAML.stringify(checked));
    fs.writeFileSync(path.join(dir, 'ca.crt'), '');
    fs.writeFileSync(path.join(dir, 'token'), 'x');
    const r = spawnSync(promtoolPath(), ['check', 'config', path.join(dir, 'prometheus.yml')], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });
});
