import { Chart } from 'cdk8s';
import { KafkaCluster, KafkaClusterProps, Listener, NodeRole } from '../../src';

/**
 * A cluster whose node pools are deliberately not named `kafka`, so every
 * selector and alert is shown to work for any pool name.
 */
export function newCluster(chart: Chart, name = 'my-cluster', namespace = 'kafka', props: KafkaClusterProps = {}): KafkaCluster {
  const cluster = new KafkaCluster(chart, 'Cluster', {
    name,
    namespace,
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    ...props,
  });
  cluster.addNodePool('Brokers', { name: 'brokers-a', roles: [NodeRole.BROKER], replicas: 3 });
  cluster.addNodePool('Controllers', { name: 'ctrl', roles: [NodeRole.CONTROLLER], replicas: 3 });
  return cluster;
}
