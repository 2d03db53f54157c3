export * from './common/warnings';
export * from './strimzi/kafka-version';
export * from './strimzi/listener';
export * from './strimzi/connection';
export * from './strimzi/cluster';
export * from './strimzi/node-pool';
