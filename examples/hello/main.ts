/*
 * hello: the smallest useful KRaft cluster.
 *
 * One node pool of three nodes that are both controllers and brokers, and one
 * internal listener with TLS and SCRAM-SHA-512 authentication.
 *
 *   npm run examples   # writes examples/hello/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { KafkaCluster, Listener, ListenerAuthentication, NodeRole } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'hello', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'cluster', {
    name: 'hello',
    listeners: [
      Listener.internal({ name: 'tls', port: 9093, tls: true, authentication: ListenerAuthentication.scramSha512() }),
    ],
  });

  cluster.addNodePool('dual-role', {
    name: 'dual-role',
    roles: [NodeRole.CONTROLLER, NodeRole.BROKER],
    replicas: 3,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
