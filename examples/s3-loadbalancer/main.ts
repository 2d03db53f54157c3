/*
 * s3-loadbalancer: scenario S3, clients outside Kubernetes through a LoadBalancer per broker
 * with a stable DNS name per broker and for the bootstrap (external-dns annotations).
 *
 * external-dns publishes `kafka.example.com` for the bootstrap Service and
 * `broker-<nodeId>.kafka.example.com` for each per-broker Service; each broker
 * advertises its own name, so `kcat -L -b kafka.example.com:9094` lists those names.
 * TLS certificates of the brokers include the names (alternativeNames / advertised hosts).
 *
 *   npx ts-node examples/s3-loadbalancer/main.ts   # writes examples/s3-loadbalancer/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { KafkaCluster, Listener, NodeRole, Spread, Storage } from '../../src';

const DOMAIN = 'kafka.example.com';
const EXTERNAL_DNS = 'external-dns.alpha.kubernetes.io/hostname';

export function build(app: App): void {
  const chart = new Chart(app, 's3-loadbalancer', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    name: 'my-cluster',
    listeners: [
      Listener.internal({ name: 'tls', port: 9093 }),
      Listener.loadBalancer({
        name: 'external',
        port: 9094,
        bootstrap: { annotations: { [EXTERNAL_DNS]: DOMAIN }, alternativeNames: [DOMAIN] },
        perBrokerAnnotationsTemplate: { [EXTERNAL_DNS]: `broker-{nodeId}.${DOMAIN}` },
        advertisedHostTemplate: `broker-{nodeId}.${DOMAIN}`,
      }),
    ],
  });

  cluster.addNodePool('controllers', {
    name: 'controllers',
    roles: [NodeRole.CONTROLLER],
    replicas: 3,
    storage: Storage.persistentClaim({ size: Size.gibibytes(10) }),
  });
  cluster.addNodePool('brokers', {
    name: 'brokers',
    roles: [NodeRole.BROKER],
    replicas: 3,
    storage: Storage.persistentClaim({ size: Size.gibibytes(100) }),
    spread: [Spread.acrossZones({ required: false })],
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
