export * from '../../src';
export { Size } from 'cdk8s';
