export * from './warnings';
export * from './validation';
