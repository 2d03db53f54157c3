import { ApiObject, App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Warnings } from '../../src/common/warnings';
import { KedaConsumerScaler, KedaConsumerScalerProps } from '../../src/keda/consumer-scaler';
import { CrossNamespaceCredentials } from '../../src/keda/cross-namespace-credentials';
import { LagTrigger } from '../../src/keda/lag-trigger';
import { ScaleTarget } from '../../src/keda/scale-target';
import { FallbackBehavior, OffsetResetPolicy, ScalingPolicy, ScalingPolicySelect } from '../../src/keda/scaling-options';
import { KafkaExporterMetrics, ScrapeLabels } from '../../src/monitoring/metric-names';
import { AclResource } from '../../src/strimzi/acl';
import { KafkaAuthorization } from '../../src/strimzi/authorization';
import { KafkaCluster } from '../../src/strimzi/cluster';
import { Listener, ListenerAuthentication } from '../../src/strimzi/listener';
import { NodeRole } from '../../src/strimzi/node-pool';
import { KafkaUserAuthentication } from '../../src/strimzi/user-authentication';
import { docOf, docsOf, synth, synthAppYaml, validationErrors, warningsOf } from '../util';

const PLAIN = () => Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
const SCRAM = () => Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() });
const MTLS = () => Listener.internal({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.tls() });

interface Fixture {
  app: App;
  kafka: Chart;
  apps: Chart;
  cluster: KafkaCluster;
  consumer: kplus.Deployment;
}

/** A cluster `my-cluster` in `kafka` with plain, SCRAM-TLS and mTLS listeners, and a consumer Deployment in `appNamespace`. */
function fixture(options: { appNamespace?: string; authorization?: boolean } = {}): Fixture {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    listeners: [PLAIN(), SCRAM(), MTLS()],
    authorization: options.authorization ? KafkaAuthorization.simple() : undefined,
  });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  const apps = new Chart(app, 'apps', { namespace: options.appNamespace ?? 'kafka' });
  const consumer = new kplus.Deployment(apps, 'consumer', {
    metadata: { name: 'consumer' },
    containers: [{ image: 'example/consumer:1.0' }],
  });
  return { app, kafka, apps, cluster, consumer };
}

function scaler(f: Fixture, props: Partial<KedaConsumerScalerProps> = {}, id = 'scaler'): KedaConsumerScaler {
  return new KedaConsumerScaler(f.apps, id, { target: f.consumer, cluster: f.cluster, consumerGroup: 'orders-app', ...props });
}

function trigger(docs: any[]): any {
  return docOf(docs, 'ScaledObject').spec.triggers[0];
}

describe('kafka trigger without credentials', () => {
  test('a plain listener renders only a ScaledObject with string metadata', () => {
    // GIVEN a consumer next to the cluster and a plain listener
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 6 });
    // WHEN
    const s = scaler(f, { topic, listener: f.cluster.findListener('plain'), lagThreshold: 5 });
    const docs = synth(f.apps);
    // THEN the ScaledObject is the escape hatch
    expect(ApiObject.of(s)).toBe(s.resource);
    const so = docOf(docs, 'ScaledObject', 'consumer');
    expect(so.metadata.namespace).toBe('kafka');
    expect(so.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'consumer' });
    expect(so.spec.minReplicaCount).toBe(1);
    expect(so.spec.maxReplicaCount).toBe(6);
    expect(so.spec.triggers).toEqual([{
      type: 'kafka',
      name: 'consumer-lag',
      metadata: {
        bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9092',
        consumerGroup: 'orders-app',
        topic: 'orders',
        lagThreshold: '5',
        version: '4.3.1',
      },
    }]);
    expect(docsOf(docs, 'TriggerAuthentication')).toEqual([]);
    expect(docsOf(docs, 'ConfigMap')).toEqual([]);
  });

  test('without a listener the first in-cluster listener without authentication is used', () => {
    const f = fixture();
    const s = scaler(f, { topicName: 'orders' });
    expect(s.listener?.name).toBe('plain');
    expect(trigger(synth(f.apps)).metadata.bootstrapServers).toBe('my-cluster-kafka-bootstrap.kafka.svc:9092');
  });

  test('every trigger option is emitted as a string', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 12 });
    scaler(f, {
      topic,
      lagThreshold: 100,
      activationLagThreshold: 0,
      offsetResetPolicy: OffsetResetPolicy.EARLIEST,
      excludePersistentLag: true,
      scaleToZeroOnInvalidOffset: false,
      ensureEvenDistributionOfPartitions: true,
      partitionLimitation: '0-5,8',
    });
    const metadata = trigger(synth(f.apps)).metadata;
    expect(metadata).toMatchObject({
      lagThreshold: '100',
      activationLagThreshold: '0',
      offsetResetPolicy: 'earliest',
      excludePersistentLag: 'true',
      scaleToZeroOnInvalidOffset: 'false',
      ensureEvenDistributionOfPartitions: 'true',
      partitionLimitation: '0-5,8',
    });
    for (const value of Object.values(metadata)) {
      expect(typeof value).toBe('string');
    }
  });

  test('replica counts, timings, fallback and HPA behaviour are rendered', () => {
    const f = fixture();
    scaler(f, {
      topicName: 'orders',
      minReplicaCount: 2,
      maxReplicaCount: 8,
      idleReplicaCount: 0,
      pollingInterval: Duration.seconds(15),
      cooldownPeriod: Duration.minutes(2),
      initialCooldownPeriod: Duration.minutes(1),
      fallback: { failureThreshold: 3, replicas: 4, behavior: FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER },
      restoreToOriginalReplicaCount: true,
      scaleDown: {
        stabilizationWindow: Duration.minutes(10),
        policies: [ScalingPolicy.pods(1, Duration.minutes(1))],
      },
      scaleUp: {
        policies: [ScalingPolicy.percent(100, Duration.seconds(30)), ScalingPolicy.pods(4, Duration.seconds(30))],
        selectPolicy: ScalingPolicySelect.MAX,
      },
    });
    const spec = docOf(synth(f.apps), 'ScaledObject').spec;
    expect(spec).toMatchObject({
      minReplicaCount: 2,
      maxReplicaCount: 8,
      idleReplicaCount: 0,
      pollingInterval: 15,
      cooldownPeriod: 120,
      initialCooldownPeriod: 60,
      fallback: { failureThreshold: 3, replicas: 4, behavior: 'currentReplicasIfHigher' },
      advanced: {
        restoreToOriginalReplicaCount: true,
        horizontalPodAutoscalerConfig: {
          behavior: {
            scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
            scaleUp: {
              selectPolicy: 'Max',
              policies: [{ type: 'Percent', value: 100, periodSeconds: 30 }, { type: 'Pods', value: 4, periodSeconds: 30 }],
            },
          },
        },
      },
    });
  });

  test('max replicas default to the partitions selected by partitionLimitation', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 12 });
    scaler(f, { topic, partitionLimitation: '0,2,4-5' });
    expect(docOf(synth(f.apps), 'ScaledObject').spec.maxReplicaCount).toBe(4);
  });

  test('max replicas default to 100 when the partition count is unknown', () => {
    const f = fixture();
    scaler(f, { topicName: 'orders' });
    expect(docOf(synth(f.apps), 'ScaledObject').spec.maxReplicaCount).toBe(100);
  });

  test('a StatefulSet defined elsewhere is referenced by kind and name', () => {
    const f = fixture();
    new KedaConsumerScaler(f.apps, 'scaler', {
      target: ScaleTarget.statefulSet('ledger'),
      cluster: f.cluster,
      consumerGroup: 'ledger',
      topicName: 'ledger',
      name: 'ledger-lag',
    });
    const so = docOf(synth(f.apps), 'ScaledObject', 'ledger-lag');
    expect(so.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'ledger' });
    expect(so.metadata.namespace).toBe('kafka');
  });

  test('ScaleTarget.fromApiObject takes the workload\'s ApiObject', () => {
    const f = fixture({ appNamespace: 'orders' });
    const s = scaler(f, { target: ScaleTarget.fromApiObject(ApiObject.of(f.consumer)), topicName: 'a' });
    expect(s.namespace).toBe('orders');
    expect(docOf(synth(f.apps), 'ScaledObject', 'consumer').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'consumer' });
  });

  test('a cdk8s-plus StatefulSet and a plain object fit the structural target interface', () => {
    const f = fixture();
    const sts = new kplus.StatefulSet(f.apps, 'sts', {
      metadata: { name: 'sts' },
      containers: [{ image: 'example/consumer:1.0' }],
      service: new kplus.Service(f.apps, 'svc', { ports: [{ port: 80 }] }),
    });
    // a workload kind of another project, described by a plain object
    const raw = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'raw', metadata: { namespace: 'other' } };
    scaler(f, { target: sts, topicName: 'a' }, 's1');
    const s2 = scaler(f, { target: ScaleTarget.fromResource(raw), topicName: 'a' }, 's2');
    expect(s2.namespace).toBe('other');
    // the plain object itself fits too, without ScaleTarget
    scaler(f, { target: { ...raw, name: 'raw2' }, topicName: 'a' }, 's3');
    const docs = synth(f.apps);
    expect(docOf(docs, 'ScaledObject', 'sts').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'sts' });
    expect(docOf(docs, 'ScaledObject', 'raw').spec.scaleTargetRef).toEqual({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'raw' });
    expect(docOf(docs, 'ScaledObject', 'raw2').metadata.namespace).toBe('other');
  });
});

describe('the scaled workload', () => {
  test('a cdk8s-plus Deployment leaves spec.replicas to KEDA', () => {
    // GIVEN a Deployment with an explicit replica count
    const f = fixture();
    const d = new kplus.Deployment(f.apps, 'd', { metadata: { name: 'd' }, replicas: 3, containers: [{ image: 'c:1' }] });
    // WHEN it is scaled
    scaler(f, { topicName: 'o', target: d });
    // THEN its manifest has no replica count that each apply would reset
    const deployment = docOf(synth(f.apps), 'Deployment', 'd');
    expect(deployment.spec.replicas).toBeUndefined();
    // while an unscaled one keeps cdk8s-plus's default
    const g = fixture();
    expect(docOf(synth(g.apps), 'Deployment', 'consumer').spec.replicas).toBe(2);
  });

  test('a cdk8s-plus StatefulSet leaves spec.replicas to KEDA', () => {
    const f = fixture();
    const sts = new kplus.StatefulSet(f.apps, 'sts', {
      metadata: { name: 'sts' },
      containers: [{ image: 'c:1' }],
      service: new kplus.Service(f.apps, 'svc', { ports: [{ port: 80 }] }),
    });
    scaler(f, { topicName: 'o', target: sts });
    expect(docOf(synth(f.apps), 'StatefulSet', 'sts').spec.replicas).toBeUndefined();
  });
});

describe('kafka trigger with credentials', () => {
  test('a SCRAM user over TLS gets a TriggerAuthentication, a user name ConfigMap and tls/sasl metadata', () => {
    // GIVEN a consumer in the cluster's namespace and a SCRAM user
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    const user = f.cluster.addUser('orders-app');
    // WHEN
    const s = scaler(f, { topic, user });
    const docs = synth(f.apps);
    // THEN
    expect(s.listener?.name).toBe('tls');
    expect(trigger(docs)).toEqual({
      type: 'kafka',
      name: 'consumer-lag',
      metadata: {
        bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9093',
        consumerGroup: 'orders-app',
        topic: 'orders',
        lagThreshold: '10',
        version: '4.3.1',
        tls: 'enable',
        sasl: 'scram_sha512',
      },
      authenticationRef: { name: 'consumer-kafka', kind: 'TriggerAuthentication' },
    });
    const auth = docOf(docs, 'TriggerAuthentication', 'consumer-kafka');
    expect(auth.metadata.namespace).toBe('kafka');
    expect(auth.spec).toEqual({
      secretTargetRef: [
        { parameter: 'ca', name: 'my-cluster-cluster-ca-cert', key: 'ca.crt' },
        { parameter: 'password', name: 'orders-app', key: 'password' },
      ],
      configMapTargetRef: [{ parameter: 'username', name: 'consumer-kafka-username', key: 'username' }],
    });
    expect(docOf(docs, 'ConfigMap', 'consumer-kafka-username').data).toEqual({ username: 'orders-app' });
    expect(docsOf(docs, 'Secret')).toEqual([]);
  });

  test('an mTLS user gets cert and key from its Secret and the broker CA from the cluster CA Secret', () => {
    const f = fixture();
    const user = f.cluster.addUser('orders-app', { authentication: KafkaUserAuthentication.tls() });
    const s = scaler(f, { topicName: 'orders', user });
    const docs = synth(f.apps);
    expect(s.listener?.name).toBe('mtls');
    expect(trigger(docs).metadata.tls).toBe('enable');
    expect(trigger(docs).metadata.sasl).toBeUndefined();
    expect(docOf(docs, 'TriggerAuthentication').spec).toEqual({
      secretTargetRef: [
        { parameter: 'ca', name: 'my-cluster-cluster-ca-cert', key: 'ca.crt' },
        { parameter: 'cert', name: 'orders-app', key: 'user.crt' },
        { parameter: 'key', name: 'orders-app', key: 'user.key' },
      ],
    });
    expect(docsOf(docs, 'ConfigMap')).toEqual([]);
  });

  test('a TLS listener without authentication still needs the CA through a TriggerAuthentication', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'kafka' });
    const cluster = new KafkaCluster(chart, 'my-cluster', {
      listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.none() })],
    });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const consumer = new kplus.Deployment(chart, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'c:1' }] });
    new KedaConsumerScaler(chart, 'scaler', { target: consumer, cluster, consumerGroup: 'g', topicName: 't' });
    const docs = synth(chart);
    expect(trigger(docs).metadata.tls).toBe('enable');
    expect(docOf(docs, 'TriggerAuthentication').spec.secretTargetRef).toEqual([{ parameter: 'ca', name: 'my-cluster-cluster-ca-cert', key: 'ca.crt' }]);
  });
});

describe('consumer in another namespace than the cluster', () => {
  test('without crossNamespaceCredentials synthesis fails and says what to do', () => {
    const f = fixture({ appNamespace: 'keda' });
    scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app') });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-049 workload Deployment "consumer": runs in namespace "keda", but the Secrets KEDA needs ("my-cluster-cluster-ca-cert", "orders-app") are in namespace "kafka", and a TriggerAuthentication reads Secrets only from its own namespace; set crossNamespaceCredentials (CrossNamespaceCredentials.copyToWorkloadNamespace(), copyToKedaNamespace() or syncedToKedaNamespace()), or run the workload in the cluster\'s namespace',
    ]);
  });

  test('a plain listener needs no Secrets, so any namespace works', () => {
    const f = fixture({ appNamespace: 'keda' });
    scaler(f, { topicName: 'orders', listener: f.cluster.findListener('plain') });
    expect(docOf(synth(f.apps), 'ScaledObject').metadata.namespace).toBe('keda');
  });

  test('copyToWorkloadNamespace copies the Secrets next to the workload and uses a TriggerAuthentication there', () => {
    // GIVEN a consumer in "orders" and a SCRAM user of the cluster in "kafka"
    const f = fixture({ appNamespace: 'orders' });
    const user = f.cluster.addUser('orders-app');
    // WHEN
    const s = scaler(f, { topicName: 'orders', user, crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace() });
    const docs = synth(f.apps);
    // THEN the TriggerAuthentication and the user name live next to the workload
    expect(s.credentialsNamespace).toBe('orders');
    const auth = docOf(docs, 'TriggerAuthentication', 'consumer-kafka');
    expect(auth.metadata.namespace).toBe('orders');
    expect(auth.spec.secretTargetRef.map((r: any) => r.name)).toEqual(['my-cluster-cluster-ca-cert', 'orders-app']);
    expect(docOf(docs, 'ConfigMap', 'consumer-kafka-username').metadata.namespace).toBe('orders');
    // AND a CronJob in "orders" copies exactly those keys from "kafka"
    const cron = docOf(docs, 'CronJob', 'consumer-kafka-copy');
    expect(cron.metadata.namespace).toBe('orders');
    const container = cron.spec.jobTemplate.spec.template.spec.containers[0];
    expect(container.env).toEqual(expect.arrayContaining([
      { name: 'SOURCE_NAMESPACE', value: 'kafka' },
      { name: 'TARGET_NAMESPACE', value: 'orders' },
    ]));
    expect(container.command[2]).toContain("copy 'my-cluster-cluster-ca-cert' 'ca.crt'\ncopy 'orders-app' 'password'\n");
    const reader = docsOf(docs, 'Role').find((r) => r.metadata.namespace === 'kafka');
    expect(reader.rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['my-cluster-cluster-ca-cert'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['orders-app'], verbs: ['get'] },
    ]);
    expect(trigger(docs).authenticationRef).toEqual({ name: 'consumer-kafka', kind: 'TriggerAuthentication' });
  });

  test('copyToKedaNamespace uses a ClusterTriggerAuthentication reading copies in KEDA\'s namespace', () => {
    const f = fixture({ appNamespace: 'orders' });
    const user = f.cluster.addUser('orders-app');
    const s = scaler(f, {
      topicName: 'orders',
      user,
      crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace({ kedaNamespace: 'keda-system' }),
    });
    const docs = synth(f.apps);
    expect(s.credentialsNamespace).toBe('keda-system');
    const auth = docOf(docs, 'ClusterTriggerAuthentication', 'orders-consumer-kafka');
    expect(auth.metadata.namespace).toBeUndefined();
    expect(auth.spec.configMapTargetRef).toEqual([{ parameter: 'username', name: 'orders-consumer-kafka-username', key: 'username' }]);
    expect(docOf(docs, 'ConfigMap', 'orders-consumer-kafka-username').metadata.namespace).toBe('keda-system');
    expect(docOf(docs, 'CronJob').metadata).toMatchObject({ name: 'orders-consumer-kafka-copy', namespace: 'keda-system' });
    expect(trigger(docs).authenticationRef).toEqual({ name: 'orders-consumer-kafka', kind: 'ClusterTriggerAuthentication' });
    expect(docsOf(docs, 'TriggerAuthentication')).toEqual([]);
  });

  test('syncedToKedaNamespace renders only the ClusterTriggerAuthentication and the user name', () => {
    const f = fixture({ appNamespace: 'orders' });
    scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app'), crossNamespaceCredentials: CrossNamespaceCredentials.syncedToKedaNamespace() });
    const docs = synth(f.apps);
    expect(docsOf(docs, 'CronJob')).toEqual([]);
    expect(docsOf(docs, 'ClusterTriggerAuthentication')).toHaveLength(1);
    expect(docOf(docs, 'ConfigMap').metadata.namespace).toBe('keda');
  });

  test('crossNamespaceCredentials in the cluster\'s own namespace is ignored with a warning', () => {
    const f = fixture();
    const s = scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app'), crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace() });
    const docs = synth(f.apps);
    expect(docsOf(docs, 'CronJob')).toEqual([]);
    expect(docOf(docs, 'TriggerAuthentication').metadata.namespace).toBe('kafka');
    expect(warningsOf(s)).toEqual([
      '[apps/scaler] KAF-KEDA-039 crossNamespaceCredentials is ignored: the workload runs in the cluster\'s namespace "kafka", where KEDA reads the Secrets directly',
    ]);
  });
});

describe('prometheus trigger', () => {
  test('queries the exporter lag of the group and topic of this cluster, clamped at zero', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 4 });
    scaler(f, {
      topic,
      trigger: LagTrigger.prometheus({ serverAddress: 'http://prometheus-operated.monitoring.svc:9090', labelMatchers: { strimzi_io_name: 'my-cluster-kafka-exporter' } }),
      lagThreshold: 50,
      activationLagThreshold: 5,
    });
    const docs = synth(f.apps);
    expect(trigger(docs)).toEqual({
      type: 'prometheus',
      name: 'consumer-lag',
      metadata: {
        serverAddress: 'http://prometheus-operated.monitoring.svc:9090',
        query: 'sum(clamp_min(kafka_consumergroup_lag{namespace="kafka",strimzi_io_cluster="my-cluster",consumergroup="orders-app",topic="orders",strimzi_io_name="my-cluster-kafka-exporter"}, 0))',
        threshold: '50',
        activationThreshold: '5',
      },
    });
    expect(docsOf(docs, 'TriggerAuthentication')).toEqual([]);
  });

  test('label values are escaped and a custom query wins', () => {
    const f = fixture();
    scaler(f, { consumerGroup: 'we"ird\\group', trigger: LagTrigger.prometheus({ serverAddress: 'https://p:9090' }) }, 'a');
    const other = new kplus.Deployment(f.apps, 'other', { metadata: { name: 'other' }, containers: [{ image: 'c:1' }] });
    scaler(f, { target: other, trigger: LagTrigger.prometheus({ serverAddress: 'https://p:9090', query: 'vector(1)', ignoreNullValues: false }) }, 'b');
    const docs = synth(f.apps);
    expect(docOf(docs, 'ScaledObject', 'consumer').spec.triggers[0].metadata.query)
      .toBe('sum(clamp_min(kafka_consumergroup_lag{namespace="kafka",strimzi_io_cluster="my-cluster",consumergroup="we\\"ird\\\\group"}, 0))');
    expect(docOf(docs, 'ScaledObject', 'other').spec.triggers[0].metadata).toMatchObject({ query: 'vector(1)', ignoreNullValues: 'false' });
  });

  test('without the scrape labels, for a scrape configuration of your own', () => {
    // GIVEN an exporter scraped by a configuration that labels the namespace differently
    const f = fixture();
    // WHEN
    scaler(f, {
      topicName: 'orders',
      trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090', matchScrapeLabels: false, labelMatchers: { kubernetes_namespace: 'kafka' } }),
    });
    // THEN only the group, the topic and the given matchers select the series
    expect(trigger(synth(f.apps)).metadata.query)
      .toBe('sum(clamp_min(kafka_consumergroup_lag{consumergroup="orders-app",topic="orders",kubernetes_namespace="kafka"}, 0))');
  });

  test('the metric and label names are the monitoring module\'s', () => {
    const f = fixture();
    scaler(f, { topicName: 'orders', trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }) });
    const query: string = trigger(synth(f.apps)).metadata.query;
    expect(query).toContain(`${KafkaExporterMetrics.CONSUMER_GROUP_LAG}{`);
    for (const label of [ScrapeLabels.NAMESPACE, ScrapeLabels.CLUSTER, KafkaExporterMetrics.CONSUMER_GROUP_LABEL, KafkaExporterMetrics.TOPIC_LABEL]) {
      expect(query).toContain(`${label}="`);
    }
  });

  test('without a partition count or maxReplicaCount, the 100-replica default is reported', () => {
    const f = fixture();
    const s = scaler(f, { topicName: 'o', trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }) });
    expect(docOf(synth(f.apps), 'ScaledObject').spec.maxReplicaCount).toBe(100);
    expect(warningsOf(s)).toEqual([
      '[apps/scaler] KAF-KEDA-041 maxReplicaCount defaults to 100: the topic\'s partition count is unknown and the prometheus trigger, unlike the kafka trigger, does not cap replicas at it; set maxReplicaCount to the partition count',
    ]);
  });

  test('a user, a listener and crossNamespaceCredentials are not needed and are reported as unused', () => {
    const f = fixture({ appNamespace: 'orders' });
    const s = scaler(f, {
      maxReplicaCount: 4,
      topicName: 'o',
      user: f.cluster.addUser('u'),
      listener: f.cluster.findListener('tls'),
      crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace(),
      trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }),
    });
    const docs = synth(f.apps);
    expect(warningsOf(s)).toEqual([
      '[apps/scaler] KAF-KEDA-038 user "u" is not used: the prometheus trigger reads lag from Prometheus, not from Kafka',
      '[apps/scaler] KAF-KEDA-038 listener is not used: the prometheus trigger reads lag from Prometheus, not from Kafka',
      '[apps/scaler] KAF-KEDA-038 crossNamespaceCredentials is not used: the prometheus trigger reads lag from Prometheus, not from Kafka',
    ]);
    expect(docsOf(docs, 'TriggerAuthentication')).toEqual([]);
    expect(docsOf(docs, 'CronJob')).toEqual([]);
    expect(trigger(docs).authenticationRef).toBeUndefined();
  });
});

describe('warnings', () => {
  test('pollingInterval without scale to zero has no effect (raised at validation)', () => {
    const f = fixture();
    const s = scaler(f, { topicName: 'o', pollingInterval: Duration.seconds(10) });
    expect(Warnings.collect(s)).toEqual([]);
    synth(f.apps);
    expect(warningsOf(s)).toEqual([
      '[apps/scaler] KAF-KEDA-040 pollingInterval has no effect while minReplicaCount is 1 and there is no idleReplicaCount: KEDA uses them only to scale to and from zero or idle',
    ]);
    const g = fixture();
    const t = scaler(g, { topicName: 'o', minReplicaCount: 0, pollingInterval: Duration.seconds(10) });
    synth(g.apps);
    expect(warningsOf(t)).toEqual([]);
  });
});

describe('listener chosen at synth', () => {
  test('a listener added to the cluster after the scaler is used', () => {
    const app = Testing.app();
    const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KafkaCluster(kafka, 'my-cluster', { listeners: [PLAIN()] });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const apps = new Chart(app, 'apps', { namespace: 'kafka' });
    const consumer = new kplus.Deployment(apps, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'example/consumer:1.0' }] });
    const user = cluster.addUser('orders-app');
    const s = new KedaConsumerScaler(apps, 'scaler', { target: consumer, cluster, consumerGroup: 'orders-app', topicName: 'orders', user });
    const scram = cluster.addListener(SCRAM());
    expect(s.listener).toBe(scram);
    const docs = synth(apps);
    expect(trigger(docs).metadata.bootstrapServers).toBe(cluster.bootstrapServers(scram));
    expect(trigger(docs).metadata).toMatchObject({ tls: 'enable', sasl: 'scram_sha512' });
    expect(docOf(docs, 'TriggerAuthentication').spec.secretTargetRef.map((r: any) => r.parameter)).toEqual(['ca', 'password']);
  });

  test('KAF-KEDA-001: a later listener needing other credentials than planned', () => {
    const app = Testing.app();
    const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KafkaCluster(kafka, 'my-cluster', { listeners: [] });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const apps = new Chart(app, 'apps', { namespace: 'kafka' });
    const consumer = new kplus.Deployment(apps, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'example/consumer:1.0' }] });
    new KedaConsumerScaler(apps, 'scaler', { target: consumer, cluster, consumerGroup: 'orders-app', topicName: 'orders' });
    cluster.addListener(PLAIN());
    expect(validationErrors(apps)).toEqual([
      '[apps/scaler] KAF-KEDA-001 ScaledObject "consumer": KEDA connects through listener "plain", which needs other credentials than the TriggerAuthentication, ConfigMap and Secret copy planned when the scaler was created before the cluster had a listener matching the user (assuming TLS with the cluster CA); pass listener: cluster.findListener("plain") to the scaler, or create the scaler after adding the listener',
    ]);
  });
});

describe('synth-time rules', () => {
  function errorsOf(props: Partial<KedaConsumerScalerProps>, options: { authorization?: boolean } = {}): string[] {
    const f = fixture(options);
    scaler(f, props);
    return validationErrors(f.apps);
  }

  test('maxReplicaCount above the partition count without allowIdleConsumers', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    scaler(f, { topic, maxReplicaCount: 10 });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-017 ScaledObject "consumer": maxReplicaCount 10 is above the 3 partitions of topic "orders": a consumer group assigns each partition to one consumer, so 7 pods would sit idle, and the kafka trigger caps its metric at the partition count, so KEDA would never run them anyway; lower maxReplicaCount to 3, give the topic at least 10 partitions, or set allowIdleConsumers: true',
    ]);
  });

  test('limitToPartitionsWithLag is rendered as a string', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    scaler(f, { topic, limitToPartitionsWithLag: true });
    expect(trigger(synth(f.apps)).metadata).toMatchObject({ limitToPartitionsWithLag: 'true', topic: 'orders' });
  });

  test('allowIdleConsumers lifts the partition cap', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    scaler(f, { topic, maxReplicaCount: 10, allowIdleConsumers: true });
    expect(trigger(synth(f.apps)).metadata.allowIdleConsumers).toBe('true');
  });

  test('the partition cap counts only the partitions of partitionLimitation', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 6 });
    scaler(f, { topic, maxReplicaCount: 3, partitionLimitation: '0,1' });
    expect(validationErrors(f.apps)).toEqual([
      expect.stringContaining('maxReplicaCount 3 is above the 2 partitions of topic "orders" selected by partitionLimitation:'),
    ]);
  });

  test('min above max', () => {
    expect(errorsOf({ topicName: 'o', minReplicaCount: 5, maxReplicaCount: 2 })).toEqual([
      '[apps/scaler] KAF-KEDA-015 ScaledObject "consumer": minReplicaCount 5 is above maxReplicaCount 2, which KEDA rejects; make minReplicaCount at most maxReplicaCount',
    ]);
  });

  test('min above the max that defaults to the partition count', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    scaler(f, { topic, minReplicaCount: 4 });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-015 ScaledObject "consumer": minReplicaCount 4 is above maxReplicaCount 3 (the default: the partitions the trigger counts), which KEDA rejects; lower minReplicaCount to 3, or give the topic more partitions',
    ]);
  });

  test('idle not below min', () => {
    expect(errorsOf({ topicName: 'o', minReplicaCount: 1, idleReplicaCount: 1 })).toEqual([
      '[apps/scaler] KAF-KEDA-016 ScaledObject "consumer": idleReplicaCount 1 is not below minReplicaCount 1, which KEDA rejects; raise minReplicaCount to 2 or more, or drop idleReplicaCount',
    ]);
    // KEDA compares idle with the HPA minimum, which is at least 1
    expect(errorsOf({ topicName: 'o', minReplicaCount: 0, idleReplicaCount: 1 })).toEqual([
      '[apps/scaler] KAF-KEDA-016 ScaledObject "consumer": idleReplicaCount 1 is not below minReplicaCount 0 (counted as 1 by KEDA), which KEDA rejects; raise minReplicaCount to 2 or more, or drop idleReplicaCount',
    ]);
  });

  test('idle 0 with min 0 is what KEDA accepts', () => {
    const f = fixture();
    scaler(f, { topicName: 'o', minReplicaCount: 0, idleReplicaCount: 0 });
    expect(docOf(synth(f.apps), 'ScaledObject').spec).toMatchObject({ minReplicaCount: 0, idleReplicaCount: 0 });
  });

  test('replica counts must be whole numbers', () => {
    expect(errorsOf({ topicName: 'o', minReplicaCount: -1, maxReplicaCount: 0.5 })).toEqual([
      '[apps/scaler] KAF-KEDA-014 ScaledObject "consumer": minReplicaCount -1 is not a whole number of 0 or more; use 0 or more',
      '[apps/scaler] KAF-KEDA-014 ScaledObject "consumer": maxReplicaCount 0.5 is not a whole number of 1 or more; use 1 or more',
    ]);
  });

  test('lagThreshold not above 0', () => {
    expect(errorsOf({ topicName: 'o', lagThreshold: 0 })).toEqual([
      '[apps/scaler] KAF-KEDA-018 ScaledObject "consumer": lagThreshold 0 must be a whole number above 0 (it is the target lag per replica); use 1 or more',
    ]);
    expect(errorsOf({ topicName: 'o', lagThreshold: 2.5 })).toEqual([
      expect.stringContaining('lagThreshold 2.5 must be a whole number above 0'),
    ]);
  });

  test('activationLagThreshold below 0', () => {
    expect(errorsOf({ topicName: 'o', activationLagThreshold: -1 })).toEqual([
      '[apps/scaler] KAF-KEDA-019 ScaledObject "consumer": activationLagThreshold -1 must be a whole number of 0 or more; use 0 (active on any lag) or more',
    ]);
  });

  test('allowIdleConsumers with limitToPartitionsWithLag', () => {
    expect(errorsOf({ topicName: 'o', allowIdleConsumers: true, limitToPartitionsWithLag: true })).toEqual([
      '[apps/scaler] KAF-KEDA-022 ScaledObject "consumer": allowIdleConsumers and limitToPartitionsWithLag cannot both be set (one lifts the partition cap, the other narrows it); set only one of them',
    ]);
  });

  test('limitToPartitionsWithLag with ensureEvenDistributionOfPartitions', () => {
    expect(errorsOf({ topicName: 'o', limitToPartitionsWithLag: true, ensureEvenDistributionOfPartitions: true })).toEqual([
      '[apps/scaler] KAF-KEDA-023 ScaledObject "consumer": limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot both be set; set only one of them',
    ]);
  });

  test('partition options without a topic', () => {
    expect(errorsOf({ limitToPartitionsWithLag: true })).toEqual([
      '[apps/scaler] KAF-KEDA-024 ScaledObject "consumer": limitToPartitionsWithLag needs a topic; set topic or topicName',
    ]);
    expect(errorsOf({ ensureEvenDistributionOfPartitions: true })).toEqual([
      '[apps/scaler] KAF-KEDA-024 ScaledObject "consumer": ensureEvenDistributionOfPartitions needs a topic; set topic or topicName',
    ]);
    expect(errorsOf({ partitionLimitation: '0' })).toEqual([
      '[apps/scaler] KAF-KEDA-024 ScaledObject "consumer": partitionLimitation needs a topic (KEDA ignores it without one); set topic or topicName',
    ]);
  });

  test.each([
    ['1,x', '"x" is neither a partition id nor a range'],
    ['5-2', 'range "5-2" runs backwards'],
    ['1,,2', 'it has an empty entry'],
    ['-1', '"-1" is neither a partition id nor a range'],
  ])('bad partitionLimitation %s', (spec, why) => {
    expect(errorsOf({ topicName: 'o', partitionLimitation: spec })).toEqual([
      `[apps/scaler] KAF-KEDA-003 ScaledObject "consumer": partitionLimitation "${spec}" is invalid: ${why}; use partition ids and inclusive ranges separated by commas, e.g. "0,2,5-7"`,
    ]);
  });

  test('partitionLimitation naming partitions the topic does not have', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    scaler(f, { topic, partitionLimitation: '1-4' });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-025 ScaledObject "consumer": partitionLimitation "1-4" names partition 3-4, but topic "orders" has partitions 0-2; name existing partitions only',
    ]);
  });

  test('a user without Read on the topic and the group when the cluster enforces ACLs', () => {
    const f = fixture({ authorization: true });
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    const user = f.cluster.addUser('orders-app');
    user.grantReadTopics(AclResource.topic('other'));
    scaler(f, { topic, user });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-027 user "orders-app": may not Describe topic "orders" (Describe, or Read which implies it), so KEDA cannot read its offsets (cluster "my-cluster" enforces ACLs); grant it, e.g. topic.grantRead(user, { consumerGroup: \'orders-app\' })',
      '[apps/scaler] KAF-KEDA-028 user "orders-app": may not Describe consumer group "orders-app" (Describe, or Read which implies it), so KEDA cannot read the group\'s committed offsets (cluster "my-cluster" enforces ACLs); grant it, e.g. topic.grantRead(user, { consumerGroup: \'orders-app\' })',
    ]);
  });

  test('no user on a listener without authentication when the cluster enforces ACLs', () => {
    expect(errorsOf({ topicName: 'o', listener: undefined }, { authorization: true })).toEqual([
      '[apps/scaler] KAF-KEDA-026 listener "plain": has no authentication, so KEDA would connect as ANONYMOUS, which no ACL of cluster "my-cluster" allows to read offsets (the cluster enforces ACLs); pass user (a KafkaUser with Read on the topic and the consumer group, e.g. through topic.grantRead()) and a listener with that user\'s authentication',
    ]);
  });

  test('grants satisfy the ACL rule', () => {
    const f = fixture({ authorization: true });
    const topic = f.cluster.addTopic('orders', { partitions: 3 });
    const user = f.cluster.addUser('orders-app');
    topic.grantRead(user, { consumerGroup: 'orders-app' });
    scaler(f, { topic, user });
    expect(docsOf(synth(f.apps), 'ScaledObject')).toHaveLength(1);
  });

  test('a listener whose authentication differs from the user\'s', () => {
    const f = fixture();
    scaler(f, { topicName: 'o', user: f.cluster.addUser('orders-app'), listener: f.cluster.findListener('mtls') });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-044 listener "mtls": requires tls authentication, but user "orders-app" authenticates with scram-sha-512; use a listener with scram-sha-512 authentication, or a user of the listener\'s kind',
    ]);
  });

  test('a user on a listener without authentication', () => {
    const f = fixture();
    scaler(f, { topicName: 'o', user: f.cluster.addUser('orders-app'), listener: f.cluster.findListener('plain') });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-044 listener "plain": has no authentication, but user "orders-app" authenticates with scram-sha-512, so KEDA could not log in as that user there; use a listener with scram-sha-512 authentication for this user, or drop user',
    ]);
  });

  test('a tls-external user without a named certificate Secret', () => {
    const f = fixture();
    scaler(f, { topicName: 'o', user: f.cluster.addUser('ext', { authentication: KafkaUserAuthentication.tlsExternal() }) });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-048 user "ext": authenticates with tls-external, and Strimzi writes no Secret with its certificate and key; use a KafkaUser with tls authentication, or add the cert and key parameters to the TriggerAuthentication yourself',
    ]);
  });

  test('a listener requiring authentication without a user', () => {
    const f = fixture();
    scaler(f, { topicName: 'o', listener: f.cluster.findListener('tls') });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-045 listener "tls": requires scram-sha-512 authentication, but no user was given; pass user (a KafkaUser with Read on the topic and the consumer group), or a listener without authentication',
    ]);
  });

  test('a listener of another cluster', () => {
    const f = fixture();
    scaler(f, { topicName: 'o', listener: Listener.internal({ name: 'elsewhere', port: 9095, tls: false, authentication: ListenerAuthentication.none() }) });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-043 listener "elsewhere": is not a listener of cluster "my-cluster"; pass one of "plain", "tls", "mtls"',
    ]);
  });

  test('two scalers on one workload', () => {
    const f = fixture();
    scaler(f, { topicName: 'a' }, 'first');
    scaler(f, { topicName: 'b', name: 'consumer-b' }, 'second');
    expect(validationErrors(f.apps)).toEqual([
      '[apps/first] KAF-KEDA-034 workload Deployment "consumer": in namespace "kafka" is also scaled by apps/second/Resource (ScaledObject "consumer-b"), and KEDA admits only one ScaledObject per workload; combine the triggers into one scaler, or scale another workload',
      '[apps/second] KAF-KEDA-034 workload Deployment "consumer": in namespace "kafka" is also scaled by apps/first/Resource (ScaledObject "consumer"), and KEDA admits only one ScaledObject per workload; combine the triggers into one scaler, or scale another workload',
    ]);
  });

  test('a hand-written ScaledObject in another chart on the same workload', () => {
    const f = fixture();
    scaler(f, { topicName: 'a' });
    const other = new Chart(f.app, 'other', { namespace: 'kafka' });
    new ApiObject(other, 'so', {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'by-hand' },
      spec: { scaleTargetRef: { name: 'consumer' }, triggers: [{ type: 'cpu', metadata: { value: '50' } }] },
    } as any);
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-034 workload Deployment "consumer": in namespace "kafka" is also scaled by other/so (ScaledObject "by-hand"), and KEDA admits only one ScaledObject per workload; combine the triggers into one scaler, or scale another workload',
    ]);
  });

  test('a HorizontalPodAutoscaler of the app on the same workload', () => {
    // GIVEN a cdk8s-plus HPA already scaling the consumer
    const f = fixture();
    new kplus.HorizontalPodAutoscaler(f.apps, 'hpa', { target: f.consumer, maxReplicas: 4 });
    // WHEN
    scaler(f, { topicName: 'a' });
    // THEN
    expect(validationErrors(f.apps)).toEqual([
      expect.stringMatching(/^\[apps\/scaler\] KAF-KEDA-035 workload Deployment "consumer": in namespace "kafka" is also scaled by apps\/hpa\/Resource \(HorizontalPodAutoscaler "[a-z0-9-]+"\), and KEDA rejects a ScaledObject for a workload another HPA manages; remove that HorizontalPodAutoscaler \(KEDA creates its own\), or scale another workload$/),
    ]);
  });

  test('two ScaledObjects of one name in one namespace', () => {
    const f = fixture();
    const other = new kplus.Deployment(f.apps, 'other', { metadata: { name: 'other' }, containers: [{ image: 'c:1' }] });
    scaler(f, { topicName: 'a', name: 'orders' }, 'first');
    scaler(f, { topicName: 'a', name: 'orders', target: other }, 'second');
    expect(validationErrors(f.apps)).toEqual([
      '[apps/first] KAF-KEDA-036 ScaledObject "orders": namespace "kafka" has another ScaledObject of that name (apps/second/Resource): applying both keeps only one, and KEDA\'s HPA names (keda-hpa-<name>) would clash; set name to a name no other ScaledObject in the namespace uses',
      '[apps/second] KAF-KEDA-036 ScaledObject "orders": namespace "kafka" has another ScaledObject of that name (apps/first/Resource): applying both keeps only one, and KEDA\'s HPA names (keda-hpa-<name>) would clash; set name to a name no other ScaledObject in the namespace uses',
    ]);
  });

  test('two ClusterTriggerAuthentications whose derived names coincide', () => {
    // GIVEN consumers "b-c" in namespace "a" and "c" in namespace "a-b": both give "a-b-c-kafka"
    const f = fixture({ appNamespace: 'a' });
    const user = f.cluster.addUser('orders-app');
    const keda = CrossNamespaceCredentials.syncedToKedaNamespace();
    scaler(f, { topicName: 'o', user, target: ScaleTarget.deployment('b-c'), crossNamespaceCredentials: keda }, 'first');
    scaler(f, { topicName: 'o', user, target: ScaleTarget.deployment('c', 'a-b'), crossNamespaceCredentials: keda }, 'second');
    // THEN both are reported
    expect(validationErrors(f.apps)).toEqual([
      '[apps/first] KAF-KEDA-037 ClusterTriggerAuthentication "a-b-c-kafka": is also rendered by apps/second/TriggerAuthentication (cluster-scoped names are global), and applying both keeps only one; set name to another ScaledObject name',
      '[apps/second] KAF-KEDA-037 ClusterTriggerAuthentication "a-b-c-kafka": is also rendered by apps/first/TriggerAuthentication (cluster-scoped names are global), and applying both keeps only one; set name to another ScaledObject name',
    ]);
  });

  test('a name that is not a DNS-1123 label', () => {
    expect(errorsOf({ topicName: 'o', name: 'Orders_Consumer' })).toEqual([
      '[apps/scaler] KAF-KEDA-008 ScaledObject "Orders_Consumer": name "Orders_Consumer" is not a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit), and KEDA also uses it as a label value; set name to e.g. "orders-consumer"',
    ]);
  });

  test('the app is walked once per synth, however many scalers it has', () => {
    // GIVEN a hand-written ScaledObject and many scalers on other workloads
    const f = fixture();
    const handWritten = new ApiObject(f.apps, 'by-hand', {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'by-hand' },
      spec: { scaleTargetRef: { name: 'elsewhere' }, triggers: [{ type: 'cpu', metadata: { value: '50' } }] },
    } as any);
    for (let i = 0; i < 200; i++) {
      scaler(f, { topicName: 'o', target: ScaleTarget.deployment(`w${i}`) }, `s${i}`);
    }
    const toJson = jest.spyOn(handWritten, 'toJson');
    // WHEN
    const docs = synth(f.apps);
    // THEN the index read the foreign ScaledObject once (the other call renders it)
    expect(docsOf(docs, 'ScaledObject')).toHaveLength(201);
    expect(toJson).toHaveBeenCalledTimes(2);
  });

  test('the same workload name in two namespaces is fine', () => {
    const f = fixture();
    scaler(f, { topicName: 'a' }, 'first');
    scaler(f, { topicName: 'a', target: ScaleTarget.deployment('consumer', 'elsewhere') }, 'second');
    expect(synthAppYaml(f.app)).toContain('namespace: elsewhere');
  });

  test('generated names over 63 characters', () => {
    const long = 'c'.repeat(56);
    expect(errorsOf({ topicName: 'o', name: long })).toEqual([
      `[apps/scaler] KAF-KEDA-009 ScaledObject "${long}": HPA name "keda-hpa-${long}" is 65 characters, but Kubernetes allows at most 63; set name to at most 54 characters`,
    ]);
    const f = fixture();
    scaler(f, { topicName: 'o', user: f.cluster.addUser('u'), name: 'd'.repeat(50) });
    expect(validationErrors(f.apps)).toEqual([
      `[apps/scaler] KAF-KEDA-010 ScaledObject "${'d'.repeat(50)}": user name ConfigMap name "${'d'.repeat(50)}-kafka-username" is 65 characters, but Kubernetes allows at most 63; set name to a shorter ScaledObject name`,
    ]);
  });

  test('the copy CronJob name is limited to 52 characters', () => {
    const f = fixture({ appNamespace: 'orders' });
    const name = 'e'.repeat(42);
    scaler(f, { topicName: 'o', user: f.cluster.addUser('u'), name, crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace() });
    expect(validationErrors(f.apps)).toEqual([
      `[apps/scaler/SecretCopy] KAF-KEDA-050 secret copy "${name}-kafka-copy": name is 53 characters, but a CronJob name may have at most 52 (Kubernetes appends 11 characters for its Jobs); choose a shorter name`,
    ]);
  });

  test('topic and topicName together, and a topic of another cluster', () => {
    const f = fixture();
    const otherChart = new Chart(f.app, 'other', { namespace: 'other' });
    const otherCluster = new KafkaCluster(otherChart, 'other-cluster', { listeners: [PLAIN()] });
    otherCluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const topic = otherCluster.addTopic('orders', { partitions: 3 });
    scaler(f, { topic, topicName: 'orders' });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-012 ScaledObject "consumer": both topic and topicName ("orders") are set; set only one of them',
      '[apps/scaler] KAF-KEDA-013 topic "orders": belongs to cluster "other-cluster", not to "my-cluster"; pass the topic\'s cluster as cluster',
    ]);
  });

  test('kafka-only options and a bad server address with the prometheus trigger', () => {
    expect(errorsOf({ topicName: 'o', offsetResetPolicy: OffsetResetPolicy.LATEST, trigger: LagTrigger.prometheus({ serverAddress: 'prometheus:9090' }) })).toEqual([
      '[apps/scaler] KAF-KEDA-020 ScaledObject "consumer": offsetResetPolicy applies only to the kafka trigger, not to the prometheus trigger; drop offsetResetPolicy, or use LagTrigger.kafka()',
      '[apps/scaler] KAF-KEDA-021 ScaledObject "consumer": Prometheus serverAddress "prometheus:9090" is not an http(s) URL; use e.g. http://prometheus-operated.monitoring.svc:9090',
    ]);
  });

  test('the prometheus trigger has the same partition rule', () => {
    const f = fixture();
    const topic = f.cluster.addTopic('orders', { partitions: 2 });
    scaler(f, { topic, maxReplicaCount: 4, trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }) });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-017 ScaledObject "consumer": maxReplicaCount 4 is above the 2 partitions of topic "orders": a consumer group assigns each partition to one consumer, so 2 pods would sit idle; lower maxReplicaCount to 2, give the topic at least 4 partitions, or set allowIdleConsumers: true',
    ]);
  });

  test('fallback, polling interval and scaling policies out of range', () => {
    expect(errorsOf({
      topicName: 'o',
      minReplicaCount: 0,
      pollingInterval: Duration.millis(500),
      fallback: { failureThreshold: -1, replicas: 2 },
      scaleDown: { stabilizationWindow: Duration.hours(2), policies: [ScalingPolicy.pods(0, Duration.hours(1))] },
    })).toEqual([
      '[apps/scaler] KAF-KEDA-029 ScaledObject "consumer": pollingInterval 500ms is below 1 second; use 1 second or more',
      '[apps/scaler] KAF-KEDA-030 ScaledObject "consumer": fallback failureThreshold -1 and replicas 2 must both be whole numbers of 0 or more; use 0 or more',
      '[apps/scaler] KAF-KEDA-031 ScaledObject "consumer": scaleDown stabilizationWindow 7200s is outside 0 to 3600 seconds; use at most one hour',
      '[apps/scaler] KAF-KEDA-032 ScaledObject "consumer": scaleDown policy period 3600s is outside 1 to 1800 seconds; use 1 second to 30 minutes',
      '[apps/scaler] KAF-KEDA-033 ScaledObject "consumer": scaleDown policy value 0 is not a whole number of 1 or more; use 1 or more',
    ]);
  });

  test('empty consumer group', () => {
    expect(errorsOf({ topicName: 'o', consumerGroup: ' ' })).toEqual([
      '[apps/scaler] KAF-KEDA-011 ScaledObject "consumer": consumerGroup is empty; name the consumer group the workload consumes as',
    ]);
  });
});

describe('a User Operator watching another namespace than the cluster\'s', () => {
  /** `my-cluster` in `kafka` whose User Operator watches `users`, and a consumer Deployment in `appNamespace`. */
  function watched(appNamespace: string): Fixture {
    const app = Testing.app();
    const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KafkaCluster(kafka, 'my-cluster', {
      listeners: [PLAIN(), SCRAM(), MTLS(), Listener.internal({ name: 'scramplain', port: 9095, tls: false, authentication: ListenerAuthentication.scramSha512() })],
      entityOperator: { userOperatorOptions: { watchedNamespace: 'users' } },
    });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const apps = new Chart(app, 'apps', { namespace: appNamespace });
    const consumer = new kplus.Deployment(apps, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'example/consumer:1.0' }] });
    return { app, kafka, apps, cluster, consumer };
  }

  test('next to the user Secret, KEDA still lacks the CA Secret of the cluster\'s namespace', () => {
    const f = watched('users');
    scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app') });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-049 workload Deployment "consumer": runs in namespace "users", but the Secrets KEDA needs ("my-cluster-cluster-ca-cert") are in namespace "kafka", and a TriggerAuthentication reads Secrets only from its own namespace; set crossNamespaceCredentials (CrossNamespaceCredentials.copyToWorkloadNamespace(), copyToKedaNamespace() or syncedToKedaNamespace()): no namespace holds them all, since the User Operator writes user Secrets into the namespace it watches ("users") and the CA Secret stays in the cluster\'s ("kafka")',
    ]);
  });

  test('in the cluster\'s namespace, KEDA lacks the user Secret', () => {
    const f = watched('kafka');
    scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app', { authentication: KafkaUserAuthentication.tls() }) });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-049 workload Deployment "consumer": runs in namespace "kafka", but the Secrets KEDA needs ("orders-app") are in namespace "users", and a TriggerAuthentication reads Secrets only from its own namespace; set crossNamespaceCredentials (CrossNamespaceCredentials.copyToWorkloadNamespace(), copyToKedaNamespace() or syncedToKedaNamespace()): no namespace holds them all, since the User Operator writes user Secrets into the namespace it watches ("users") and the CA Secret stays in the cluster\'s ("kafka")',
    ]);
  });

  test('elsewhere, the error lists each namespace with its Secrets', () => {
    const f = watched('orders');
    scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app') });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-049 workload Deployment "consumer": runs in namespace "orders", but the Secrets KEDA needs are in namespaces "kafka" ("my-cluster-cluster-ca-cert") and "users" ("orders-app"), and a TriggerAuthentication reads Secrets only from its own namespace; set crossNamespaceCredentials (CrossNamespaceCredentials.copyToWorkloadNamespace(), copyToKedaNamespace() or syncedToKedaNamespace()): no namespace holds them all, since the User Operator writes user Secrets into the namespace it watches ("users") and the CA Secret stays in the cluster\'s ("kafka")',
    ]);
  });

  test('SCRAM without TLS needs only the user Secret: fine next to it, and the fix elsewhere names its namespace', () => {
    const ok = watched('users');
    const s = scaler(ok, { topicName: 'orders', listener: ok.cluster.findListener('scramplain'), user: ok.cluster.addUser('orders-app'), crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace() });
    const docs = synth(ok.apps);
    expect(docOf(docs, 'TriggerAuthentication').metadata.namespace).toBe('users');
    expect(docsOf(docs, 'CronJob')).toEqual([]);
    expect(warningsOf(s)).toEqual([
      '[apps/scaler] KAF-KEDA-039 crossNamespaceCredentials is ignored: the workload runs in namespace "users", where KEDA reads the Secrets directly',
    ]);

    const bad = watched('kafka');
    scaler(bad, { topicName: 'orders', listener: bad.cluster.findListener('scramplain'), user: bad.cluster.addUser('orders-app') });
    expect(validationErrors(bad.apps)).toEqual([
      '[apps/scaler] KAF-KEDA-049 workload Deployment "consumer": runs in namespace "kafka", but the Secrets KEDA needs ("orders-app") are in namespace "users", and a TriggerAuthentication reads Secrets only from its own namespace; set crossNamespaceCredentials (CrossNamespaceCredentials.copyToWorkloadNamespace(), copyToKedaNamespace() or syncedToKedaNamespace()), or run the workload in namespace "users"',
    ]);
  });

  test('copyToWorkloadNamespace next to the user Secret copies only the CA Secret', () => {
    // GIVEN a consumer in "users", where the User Operator writes the user Secret
    const f = watched('users');
    // WHEN
    const s = scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app'), crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace() });
    const docs = synth(f.apps);
    // THEN the TriggerAuthentication in "users" reads the user Secret directly and a copy of the CA
    expect(s.credentialsNamespace).toBe('users');
    const auth = docOf(docs, 'TriggerAuthentication', 'consumer-kafka');
    expect(auth.metadata.namespace).toBe('users');
    expect(auth.spec.secretTargetRef).toEqual([
      { parameter: 'ca', name: 'my-cluster-cluster-ca-cert', key: 'ca.crt' },
      { parameter: 'password', name: 'orders-app', key: 'password' },
    ]);
    // AND the copy job reads only the CA Secret, from "kafka"
    const cron = docOf(docs, 'CronJob', 'consumer-kafka-copy');
    expect(cron.spec.jobTemplate.spec.template.spec.containers[0].command[2]).toMatch(/\ncopy 'my-cluster-cluster-ca-cert' 'ca.crt'\n$/);
    const readers = docsOf(docs, 'Role').filter((r) => r.metadata.namespace !== 'users');
    expect(readers.map((r) => [r.metadata.namespace, r.rules[0].resourceNames])).toEqual([['kafka', ['my-cluster-cluster-ca-cert']]]);
  });

  test('copyToKedaNamespace copies each Secret from where it lives', () => {
    const f = watched('orders');
    scaler(f, { topicName: 'orders', user: f.cluster.addUser('orders-app'), crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace() });
    const docs = synth(f.apps);
    const cron = docOf(docs, 'CronJob', 'orders-consumer-kafka-copy');
    expect(cron.metadata.namespace).toBe('keda');
    expect(cron.spec.jobTemplate.spec.template.spec.containers[0].command[2])
      .toMatch(/\ncopy 'my-cluster-cluster-ca-cert' 'ca.crt'\nSOURCE_NAMESPACE='users' copy 'orders-app' 'password'\n$/);
    const readers = docsOf(docs, 'Role').filter((r) => r.metadata.namespace !== 'keda');
    expect(readers.map((r) => [r.metadata.namespace, r.rules[0].resourceNames])).toEqual([
      ['kafka', ['my-cluster-cluster-ca-cert']],
      ['users', ['orders-app']],
    ]);
    expect(docsOf(docs, 'RoleBinding').map((b) => b.metadata.namespace)).toEqual(['kafka', 'users', 'keda']);
  });
});
