import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/rebalance-remove-disks/main';
import { docOf, synthExample } from '../util';

test('remove-disks moves replicas off JBOD volume 2 of every broker', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();
  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  expect(docOf(docs, 'KafkaNodePool', 'brokers').spec.storage.volumes.map((v: any) => v.id)).toEqual([0, 1, 2]);
  expect(docOf(docs, 'KafkaRebalance', 'remove-volume-2').spec).toEqual({
    mode: 'remove-disks',
    moveReplicasOffVolumes: [{ brokerId: 3, volumeIds: [2] }, { brokerId: 4, volumeIds: [2] }, { brokerId: 5, volumeIds: [2] }],
    concurrentIntraBrokerPartitionMovements: 4,
  });
});
