import * as kplus from 'cdk8s-plus-27';
import {
  KafkaAuthorization,
  KafkaClient,
  KafkaCluster,
  KafkaUserAuthentication,
  Listener,
  ListenerAuthentication,
  NodeRole,
} from '../../src';
import { docOf, newChart, synth, validationErrors } from '../util';

function setup(namespace = 'kafka') {
  const chart = newChart(namespace);
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    namespace: 'kafka',
    authorization: KafkaAuthorization.simple(),
    listeners: [
      Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }),
      Listener.internal({ name: 'scram', port: 9094 }),
      Listener.internal({ name: 'plain', port: 9092, tls: false }),
    ],
  });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster };
}

describe('KafkaClient.configureContainer', () => {
  test('SCRAM over TLS: env from the user Secret, cluster CA mounted', () => {
    // GIVEN a SCRAM user and an app Deployment in the cluster namespace
    const { chart, cluster } = setup();
    const user = cluster.addUser('app');
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });

    // WHEN
    const result = KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(cluster.findListener('scram')!));

    // THEN
    expect(result).toEqual({
      environmentVariables: [
        'KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SECURITY_PROTOCOL', 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME',
        'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_JAAS_CONFIG', 'KAFKA_SSL_CA_LOCATION',
      ],
      caFile: '/etc/kafka/certs/ca/ca.crt',
      certificateFile: undefined,
      keyFile: undefined,
    });
    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    const c = pod.containers[0];
    expect(c.env).toEqual(expect.arrayContaining([
      { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'my-cluster-kafka-bootstrap.kafka.svc:9094' },
      { name: 'KAFKA_SECURITY_PROTOCOL', value: 'SASL_SSL' },
      { name: 'KAFKA_SASL_MECHANISM', value: 'SCRAM-SHA-512' },
      { name: 'KAFKA_SASL_USERNAME', value: 'app' },
      { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: 'app', key: 'password' } } },
      { name: 'KAFKA_SASL_JAAS_CONFIG', valueFrom: { secretKeyRef: { name: 'app', key: 'sasl.jaas.config' } } },
      { name: 'KAFKA_SSL_CA_LOCATION', value: '/etc/kafka/certs/ca/ca.crt' },
    ]));
    expect(c.env).toHaveLength(7);
    expect(c.volumeMounts).toEqual([{ name: 'kafka-ca-my-cluster-cluster-ca-cert', mountPath: '/etc/kafka/certs/ca', readOnly: true }]);
    expect(pod.volumes).toEqual([{
      name: 'kafka-ca-my-cluster-cluster-ca-cert',
      secret: { secretName: 'my-cluster-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
    }]);
  });

  test('mutual TLS: user certificate and key mounted from the user Secret, broker CA from the cluster CA', () => {
    const { chart, cluster } = setup();
    const user = cluster.addUser('reader', { authentication: KafkaUserAuthentication.tls() });
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    const result = KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(cluster.findListener('tls')!), {
      envPrefix: 'APP_KAFKA_',
      certificatesDirectory: '/certs',
    });
    expect(result).toEqual({
      environmentVariables: ['APP_KAFKA_BOOTSTRAP_SERVERS', 'APP_KAFKA_SECURITY_PROTOCOL', 'APP_KAFKA_SSL_CA_LOCATION', 'APP_KAFKA_SSL_CERTIFICATE_LOCATION', 'APP_KAFKA_SSL_KEY_LOCATION'],
      caFile: '/certs/ca/ca.crt',
      certificateFile: '/certs/user/user.crt',
      keyFile: '/certs/user/user.key',
    });
    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    expect(pod.containers[0].env).toEqual(expect.arrayContaining([
      { name: 'APP_KAFKA_SECURITY_PROTOCOL', value: 'SSL' },
      { name: 'APP_KAFKA_SSL_CERTIFICATE_LOCATION', value: '/certs/user/user.crt' },
    ]));
    expect(pod.volumes).toEqual([
      { name: 'kafka-ca-my-cluster-cluster-ca-cert', secret: { secretName: 'my-cluster-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { name: 'kafka-user-reader', secret: { secretName: 'reader', items: [{ key: 'user.crt', path: 'user.crt' }, { key: 'user.key', path: 'user.key' }] } },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'kafka-ca-my-cluster-cluster-ca-cert', mountPath: '/certs/ca', readOnly: true },
      { name: 'kafka-user-reader', mountPath: '/certs/user', readOnly: true },
    ]);
  });

  test('two containers of one pod share the volumes', () => {
    const { chart, cluster } = setup();
    const user = cluster.addUser('reader', { authentication: KafkaUserAuthentication.tls() });
    const details = user.connectionDetails(cluster.findListener('tls')!);
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }, { image: 'side:1', name: 'side' }] });
    KafkaClient.configureContainer(deployment, deployment.containers[0], details);
    KafkaClient.configureContainer(deployment, deployment.containers[1], details);
    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['kafka-ca-my-cluster-cluster-ca-cert', 'kafka-user-reader']);
    expect(pod.containers[1].volumeMounts).toHaveLength(2);
  });

  test('tls-external: certificate and key from the Secrets the user names, each mounted from its own Secret', () => {
    // GIVEN a user whose certificate comes from outside Strimzi, split over two Secrets
    const { chart, cluster } = setup();
    const user = cluster.addUser('ext-app', {
      authentication: KafkaUserAuthentication.tlsExternal({
        certificate: { secretName: 'ext-cert', key: 'tls.crt' },
        key: { secretName: 'ext-key', key: 'tls.key' },
      }),
    });
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    // WHEN
    const result = KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(cluster.findListener('tls')!));
    // THEN
    expect(result).toEqual({
      environmentVariables: ['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SECURITY_PROTOCOL', 'KAFKA_SSL_CA_LOCATION', 'KAFKA_SSL_CERTIFICATE_LOCATION', 'KAFKA_SSL_KEY_LOCATION'],
      caFile: '/etc/kafka/certs/ca/ca.crt',
      certificateFile: '/etc/kafka/certs/user/user.crt',
      keyFile: '/etc/kafka/certs/user-key/user.key',
    });
    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    expect(pod.volumes).toEqual([
      { name: 'kafka-ca-my-cluster-cluster-ca-cert', secret: { secretName: 'my-cluster-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { name: 'kafka-user-ext-cert', secret: { secretName: 'ext-cert', items: [{ key: 'tls.crt', path: 'user.crt' }] } },
      { name: 'kafka-user-key-ext-key', secret: { secretName: 'ext-key', items: [{ key: 'tls.key', path: 'user.key' }] } },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'kafka-ca-my-cluster-cluster-ca-cert', mountPath: '/etc/kafka/certs/ca', readOnly: true },
      { name: 'kafka-user-ext-cert', mountPath: '/etc/kafka/certs/user', readOnly: true },
      { name: 'kafka-user-key-ext-key', mountPath: '/etc/kafka/certs/user-key', readOnly: true },
    ]);
    expect(pod.containers[0].env).toEqual(expect.arrayContaining([{ name: 'KAFKA_SECURITY_PROTOCOL', value: 'SSL' }]));
  });

  test('a user Secret prefix reaches the env references', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'my-cluster', {
      namespace: 'kafka',
      listeners: [Listener.internal({ name: 'scram', port: 9094 })],
      entityOperator: { userOperatorOptions: { secretPrefix: 'kafka-' } },
    });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const user = cluster.addUser('app');
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(cluster.listeners[0]));
    const env = docOf(synth(chart), 'Deployment').spec.template.spec.containers[0].env;
    expect(env).toEqual(expect.arrayContaining([
      { name: 'KAFKA_SASL_USERNAME', value: 'app' },
      { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: 'kafka-app', key: 'password' } } },
      { name: 'KAFKA_SASL_JAAS_CONFIG', valueFrom: { secretKeyRef: { name: 'kafka-app', key: 'sasl.jaas.config' } } },
    ]));
  });

  test('plain SASL: no CA, no mounts', () => {
    const { chart, cluster } = setup();
    const user = cluster.addUser('app');
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    const result = KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(cluster.findListener('plain')!));
    expect(result.caFile).toBeUndefined();
    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    expect(pod.volumes).toBeUndefined();
    expect(pod.containers[0].env).toEqual(expect.arrayContaining([{ name: 'KAFKA_SECURITY_PROTOCOL', value: 'SASL_PLAINTEXT' }]));
  });

  test('a workload outside the cluster namespace cannot read the Secrets', () => {
    const { chart, cluster } = setup('apps');
    const user = cluster.addUser('app');
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(cluster.findListener('scram')!));
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-CLI-002 Kafka client of cluster "my-cluster": the workload is in namespace "apps", but the Secrets it reads (user credentials, broker CA) are in the cluster\'s namespace "kafka", and Kubernetes Secrets are namespace-local; run the workload in namespace "kafka", or copy the Secrets into "apps" and wire them by hand',
    ]);
  });
});
