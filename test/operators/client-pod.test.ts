import { Chart, Testing } from 'cdk8s';
import { KafkaClientPod, KafkaClientPodKind, KafkaCluster, KafkaUserAuthentication, Listener, ListenerAuthentication, NodeRole } from '../../src';
import { docOf, synth, validationErrors } from '../util';

function cluster() {
  const chart = new Chart(Testing.app(), 'kafka', { namespace: 'kafka' });
  const c = new KafkaCluster(chart, 'my-cluster', {
    listeners: [
      Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }),
      Listener.internal({ name: 'tls', port: 9093 }),
      Listener.internal({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.tls() }),
    ],
  });
  c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  return { chart, c };
}

const env = (d: any) => Object.fromEntries(d.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value ?? e.valueFrom]));

describe('KafkaClientPod', () => {
  test('S1 myclient: a DaemonSet on the plain listener with Strimzi\'s Kafka image for the cluster', () => {
    const { chart, c } = cluster();
    const pod = new KafkaClientPod(chart, 'myclient', { name: 'myclient', cluster: c, listener: c.findListener('plain')!, kind: KafkaClientPodKind.DAEMON_SET });
    const docs = synth(chart);
    const ds = docOf(docs, 'DaemonSet', 'myclient');
    const container = ds.spec.template.spec.containers[0];
    expect(container.image).toBe('quay.io/strimzi/kafka:1.2.0-kafka-4.3.1');
    expect(container.command).toEqual(['/bin/bash', '-c', 'sleep infinity']);
    expect(env(ds).BOOTSTRAP).toBe('my-cluster-kafka-bootstrap.kafka.svc:9092');
    expect(docOf(docs, 'ConfigMap', 'myclient-config').data['client.properties']).toBe('bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9092\nsecurity.protocol=PLAINTEXT\n');
    expect(container.volumeMounts).toContainEqual({ name: 'client-config', mountPath: '/etc/kafka/client', readOnly: true });
    expect(pod.propertiesFile).toBe('/etc/kafka/client/client.properties');
  });

  test('SCRAM over TLS: the JAAS line comes from the user Secret through the env config provider, the CA is mounted; no secret inline', () => {
    const { chart, c } = cluster();
    new KafkaClientPod(chart, 'client', { cluster: c, listener: c.findListener('tls')!, user: c.addUser('admin') });
    const docs = synth(chart);
    const props = docOf(docs, 'ConfigMap', 'kafka-client-config').data['client.properties'];
    expect(props.split('\n')).toEqual([
      'bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9093',
      'security.protocol=SASL_SSL',
      'config.providers=env',
      'config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider',
      'sasl.mechanism=SCRAM-SHA-512',
      'sasl.jaas.config=${env:KAFKA_SASL_JAAS_CONFIG}',
      'ssl.truststore.type=PEM',
      'ssl.truststore.location=/etc/kafka/certs/ca/ca.crt',
      '',
    ]);
    const e = env(docOf(docs, 'Deployment', 'kafka-client'));
    expect(e.KAFKA_SASL_JAAS_CONFIG).toEqual({ secretKeyRef: { name: 'admin', key: 'sasl.jaas.config' } });
  });

  test('mutual TLS: certificate and key from the user Secret as PEM through env', () => {
    const { chart, c } = cluster();
    new KafkaClientPod(chart, 'client', { cluster: c, listener: c.findListener('mtls')!, user: c.addUser('app', { authentication: KafkaUserAuthentication.tls() }) });
    const docs = synth(chart);
    const props = docOf(docs, 'ConfigMap').data['client.properties'];
    expect(props).toContain('security.protocol=SSL\n');
    expect(props).toContain('ssl.keystore.certificate.chain=${env:KAFKA_SSL_KEYSTORE_CERTIFICATE_CHAIN}\n');
    const e = env(docOf(docs, 'Deployment'));
    expect(e.KAFKA_SSL_KEYSTORE_KEY).toEqual({ secretKeyRef: { name: 'app', key: 'user.key' } });
  });

  test('KAF-OPS-020: an authenticating listener without a user', () => {
    const { chart, c } = cluster();
    new KafkaClientPod(chart, 'client', { cluster: c, listener: c.findListener('tls')! });
    expect(validationErrors(chart)).toEqual([
      '[kafka/client] KAF-OPS-020 Kafka client pod "kafka-client": listener "tls" authenticates clients (scram-sha-512), but no user is given; pass a KafkaUser (user: cluster.addUser(...)) or use a listener without authentication',
    ]);
  });

  test('KAF-OPS-021: a name that is no Kubernetes object name; edge: a dotted lowercase name of 246 characters', () => {
    const { chart, c } = cluster();
    new KafkaClientPod(chart, 'client', { name: 'Bad_Pod', cluster: c, listener: c.findListener('plain')! });
    expect(validationErrors(chart)).toEqual([
      '[kafka/client] KAF-OPS-021 Kafka client pod "Bad_Pod": name "Bad_Pod" is not a valid Kubernetes object name (the workload and ConfigMap "Bad_Pod-config" must be DNS-1123 subdomains: lowercase alphanumerics, \'-\' and \'.\', at most 253 characters); use a lowercase name such as "kafka-client"',
    ]);
    const ok = cluster();
    const name = `a.${'b'.repeat(244)}`;
    new KafkaClientPod(ok.chart, 'client', { name, cluster: ok.c, listener: ok.c.findListener('plain')! });
    expect(docOf(synth(ok.chart), 'ConfigMap').metadata.name).toBe(`${name}-config`);
    const long = cluster();
    new KafkaClientPod(long.chart, 'client', { name: `${name}b`, cluster: long.c, listener: long.c.findListener('plain')! });
    expect(validationErrors(long.chart)).toHaveLength(1);
  });
});
