/*
 * KafkaClient works with the workload and container of any cdk8s-plus
 * version from 27 to 33 (a fresh `cdk8s init typescript-app` brings 33), and
 * with a plain ApiObject from every jsii language, without putting objects
 * of the library's own cdk8s-plus version into the caller's workload.
 */
import { ApiObject } from 'cdk8s';
import * as plus27 from 'cdk8s-plus-27';
// cdk8s-plus-33 is what `cdk8s init typescript-app` brings
import * as plus33 from 'cdk8s-plus-33';
import { KafkaAuthorization, KafkaClient, KedaConsumerScaler, ScaleTarget, KafkaCluster, KafkaUserAuthentication, Listener, ListenerAuthentication, NodeRole } from '../../src';
import { docOf, newChart, synth, validationErrors } from '../util';

function setup() {
  const chart = newChart('kafka');
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    namespace: 'kafka',
    authorization: KafkaAuthorization.simple(),
    listeners: [
      Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }),
      Listener.internal({ name: 'scram', port: 9094 }),
    ],
  });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster, user: cluster.addUser('app') };
}

const SCRAM_ENV = [
  { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'my-cluster-kafka-bootstrap.kafka.svc:9094' },
  { name: 'KAFKA_SECURITY_PROTOCOL', value: 'SASL_SSL' },
  { name: 'KAFKA_SASL_MECHANISM', value: 'SCRAM-SHA-512' },
  { name: 'KAFKA_SASL_USERNAME', value: 'app' },
  { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'app' } } },
  { name: 'KAFKA_SASL_JAAS_CONFIG', valueFrom: { secretKeyRef: { key: 'sasl.jaas.config', name: 'app' } } },
  { name: 'KAFKA_SSL_CA_LOCATION', value: '/etc/kafka/certs/ca/ca.crt' },
];
const CA_VOLUME = { name: 'kafka-ca-my-cluster-cluster-ca-cert', secret: { items: [{ key: 'ca.crt', path: 'ca.crt' }], secretName: 'my-cluster-cluster-ca-cert' } };
const CA_MOUNT = { mountPath: '/etc/kafka/certs/ca', name: 'kafka-ca-my-cluster-cluster-ca-cert', readOnly: true };

describe('KafkaClient with any cdk8s-plus version', () => {
  test('a cdk8s-plus-33 Deployment container: wired through the manifest, no library object inside the workload', () => {
    // GIVEN a cdk8s-plus-33 Deployment, as a fresh cdk8s app has
    const { chart, cluster, user } = setup();
    const deployment = new plus33.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app', portNumber: 8080 }] });
    const before = deployment.node.findAll().map((c) => c.node.path);

    // WHEN
    const result = KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(cluster.findListener('scram')!));

    // THEN the manifest carries the variables, the CA volume and the mount
    expect(result.caFile).toBe('/etc/kafka/certs/ca/ca.crt');
    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    expect(pod.containers[0].env).toEqual(SCRAM_ENV);
    expect(pod.containers[0].volumeMounts).toEqual([CA_MOUNT]);
    expect(pod.volumes).toEqual([CA_VOLUME]);
    expect(pod.containers[0].ports).toEqual([{ containerPort: 8080 }]);
    // and neither the workload's construct tree nor its cdk8s-plus-33 container holds anything of cdk8s-plus-27
    expect(deployment.node.findAll().map((c) => c.node.path)).toEqual(before);
    expect(deployment.node.findAll().some((c) => c instanceof plus27.Resource)).toBe(false);
    expect(Object.keys(deployment.containers[0].env.variables)).toEqual([]);
    expect(deployment.containers[0].mounts).toEqual([]);
  });

  test('the library\'s own cdk8s-plus-27 renders as before, and variables, mounts and volumes the app adds later are kept', () => {
    const { chart, cluster, user } = setup();
    const deployment = new plus27.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app', envVariables: { KAFKA_SASL_USERNAME: plus27.EnvValue.fromValue('overridden') } }] });
    const container = deployment.containers[0];
    KafkaClient.configureContainer(deployment, container, user.connectionDetails(cluster.findListener('scram')!));
    // added after the call
    container.env.addVariable('LOG_LEVEL', plus27.EnvValue.fromValue('info'));
    container.mount('/tmp', plus27.Volume.fromEmptyDir(deployment, 'tmp', 'tmp'));

    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    // a variable of the same name is replaced in place; the others go before the app's own,
    // so that the app's variables can refer to them as $(KAFKA_...)
    expect(pod.containers[0].env).toEqual([
      ...SCRAM_ENV.filter((e) => e.name !== 'KAFKA_SASL_USERNAME'),
      { name: 'KAFKA_SASL_USERNAME', value: 'app' },
      { name: 'LOG_LEVEL', value: 'info' },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }, CA_MOUNT]);
    expect(pod.volumes).toEqual([{ emptyDir: {}, name: 'tmp' }, CA_VOLUME]);
    // fields whose names differ between the generated props and the manifest are untouched
    expect(pod.setHostnameAsFQDN).toBe(false);
    expect(pod.containers[0].resources.limits.cpu).toBe('1500m');
  });

  test('configureApiObject: a plain ApiObject (any jsii language), an init container of a CronJob found by name', () => {
    const { chart, cluster } = setup();
    const user = cluster.addUser('cert', { authentication: KafkaUserAuthentication.tls() });
    const cronJob = new ApiObject(chart, 'job', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'migrate' },
      spec: {
        schedule: '0 * * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                restartPolicy: 'Never',
                initContainers: [{ name: 'create-topics', image: 'tools:1' }],
                containers: [{ name: 'main', image: 'app:1' }],
              },
            },
          },
        },
      },
    });
    const result = KafkaClient.configureApiObject(cronJob, 'create-topics', user.connectionDetails(cluster.findListener('tls')!));
    expect(result).toEqual({
      environmentVariables: ['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SECURITY_PROTOCOL', 'KAFKA_SSL_CA_LOCATION', 'KAFKA_SSL_CERTIFICATE_LOCATION', 'KAFKA_SSL_KEY_LOCATION'],
      caFile: '/etc/kafka/certs/ca/ca.crt',
      certificateFile: '/etc/kafka/certs/user/user.crt',
      keyFile: '/etc/kafka/certs/user/user.key',
    });
    const pod = docOf(synth(chart), 'CronJob').spec.jobTemplate.spec.template.spec;
    expect(pod.initContainers[0].env.map((e: any) => e.name)).toEqual(result.environmentVariables);
    expect(pod.initContainers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/etc/kafka/certs/ca', '/etc/kafka/certs/user']);
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['kafka-ca-my-cluster-cluster-ca-cert', 'kafka-user-cert']);
    expect(pod.containers[0]).toEqual({ name: 'main', image: 'app:1' });
  });

  test('KAF-CLI-001: a container that is not in the workload', () => {
    const { chart, cluster, user } = setup();
    const app = new plus33.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    const other = new plus33.Deployment(chart, 'other', { containers: [{ image: 'other:1', name: 'worker' }] });
    KafkaClient.configureContainer(app, other.containers[0], user.connectionDetails(cluster.findListener('scram')!));
    expect(validationErrors(chart)).toEqual([
      `[test/app/Resource] KAF-CLI-001 Kafka client of cluster "my-cluster": Deployment "${app.name}" has no container named "worker" in its pod template (containers: "app"); pass a container of this workload (or its name), or the workload the container belongs to`,
    ]);
  });

  test('KAF-CLI-001: an object without a pod template', () => {
    const { chart, cluster, user } = setup();
    const cm = new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    KafkaClient.configureApiObject(cm, 'app', user.connectionDetails(cluster.findListener('scram')!));
    expect(validationErrors(chart)).toEqual([
      '[test/cm] KAF-CLI-001 Kafka client of cluster "my-cluster": ConfigMap "settings" has no container named "app" in its pod template (it has no pod template with containers); pass a container of this workload (or its name), or the workload the container belongs to',
    ]);
  });

  test('KedaConsumerScaler scales a cdk8s-plus-33 Deployment, given as it is or by its ApiObject', () => {
    const { chart, cluster, user } = setup();
    const direct = new plus33.Deployment(chart, 'direct', { replicas: 2, containers: [{ image: 'app:1', name: 'app' }] });
    const byApiObject = new plus33.Deployment(chart, 'by-api-object', { containers: [{ image: 'app:1', name: 'app' }] });
    const topic = cluster.addTopic('orders', { partitions: 6, replicas: 3 });
    topic.grantRead(user, { consumerGroup: 'direct' });
    topic.grantRead(user, { consumerGroup: 'indirect' });
    new KedaConsumerScaler(chart, 'direct-scaler', { target: direct, cluster, consumerGroup: 'direct', topic, user });
    new KedaConsumerScaler(chart, 'indirect-scaler', { target: ScaleTarget.fromApiObject(ApiObject.of(byApiObject)), cluster, consumerGroup: 'indirect', topic, user });
    const docs = synth(chart);
    const targets = docs.filter((d) => d.kind === 'ScaledObject').map((d) => d.spec.scaleTargetRef);
    expect(targets).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: direct.name },
      { apiVersion: 'apps/v1', kind: 'Deployment', name: byApiObject.name },
    ]);
    // the cdk8s-plus-33 Deployment passed as it is leaves its replica count to KEDA
    expect(docs.find((d) => d.kind === 'Deployment' && d.metadata.name === direct.name).spec.replicas).toBeUndefined();
  });

  test('a client without a user: cluster.connectionDetails(listener) into a cdk8s-plus-33 Job', () => {
    const chart = newChart('kafka');
    const internal = Listener.internal({ name: 'internal', port: 9095, authentication: ListenerAuthentication.none() });
    const cluster = new KafkaCluster(chart, 'events', { namespace: 'kafka', listeners: [internal] });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const job = new plus33.Job(chart, 'probe', { containers: [{ name: 'probe', image: 'kafka-tools:1' }] });
    const result = KafkaClient.configureContainer(job, job.containers[0], cluster.connectionDetails(internal));
    expect(result.environmentVariables).toEqual(['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SECURITY_PROTOCOL', 'KAFKA_SSL_CA_LOCATION']);
    const pod = docOf(synth(chart), 'Job').spec.template.spec;
    expect(pod.containers[0].env).toEqual([
      { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'events-kafka-bootstrap.kafka.svc:9095' },
      { name: 'KAFKA_SECURITY_PROTOCOL', value: 'SSL' },
      { name: 'KAFKA_SSL_CA_LOCATION', value: '/etc/kafka/certs/ca/ca.crt' },
    ]);
    expect(pod.volumes).toEqual([{ name: 'kafka-ca-events-cluster-ca-cert', secret: { items: [{ key: 'ca.crt', path: 'ca.crt' }], secretName: 'events-cluster-ca-cert' } }]);
  });
});
