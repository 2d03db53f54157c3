/*
 * Builders shared by the rule cases of the cluster, its listeners and its node pools.
 */
import { Size } from 'cdk8s';
import { KafkaCluster, KafkaClusterProps, KafkaNodePoolProps, Listener, NodeRole, Storage } from '../../src';
import { newChart } from '../util';

/** 1 GiB persistent storage, so pools do not warn about ephemeral storage. */
export const STORAGE = Storage.persistentClaim({ size: Size.gibibytes(1) });

/** A TLS internal listener `tls` on 9093. */
export const TLS = () => Listener.internal({ name: 'tls', port: 9093 });

/** A node pool's props without the cluster. */
export type Pool = Omit<KafkaNodePoolProps, 'cluster'>;

/** Three controllers and three brokers (node IDs 0-2, controllers 10-12, when `nodeIds` is set). */
export function pools(nodeIds?: boolean): Record<string, Pool> {
  return {
    ctrl: { roles: [NodeRole.CONTROLLER], replicas: 3, storage: STORAGE, ...(nodeIds ? { nodeIds: [10, 11, 12] } : {}) },
    brokers: { roles: [NodeRole.BROKER], replicas: 3, storage: STORAGE, ...(nodeIds ? { nodeIds: [0, 1, 2] } : {}) },
  };
}

/** A cluster `c` in namespace `kafka` with the given props and pools (by default a TLS listener and `pools()`). */
export function cluster(props: KafkaClusterProps = {}, nodePools: Record<string, Pool> = pools()): KafkaCluster {
  const c = new KafkaCluster(newChart('kafka'), 'c', { listeners: [TLS()], ...props });
  for (const [id, p] of Object.entries(nodePools)) c.addNodePool(id, { storage: STORAGE, ...p });
  return c;
}
