import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/rebalance-remove-brokers/main';
import { docOf, synthExample } from '../util';

test('remove-brokers before scaling down, auto-approved, with the hard goals first', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();
  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  const kr = docOf(docs, 'KafkaRebalance', 'remove-brokers-6-7');
  expect(kr.metadata.annotations).toEqual({ 'strimzi.io/rebalance-auto-approval': 'true' });
  expect(kr.spec).toEqual({
    mode: 'remove-brokers',
    brokers: [6, 7],
    goals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'NetworkInboundCapacityGoal', 'NetworkOutboundCapacityGoal',
      'CpuCapacityGoal', 'ReplicaDistributionGoal', 'LeaderReplicaDistributionGoal'],
    concurrentPartitionMovementsPerBroker: 3,
  });
});
