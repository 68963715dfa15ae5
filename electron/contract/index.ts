export * from './protocol';
export * from './domain';
export * from './calls';
export * from './events';
export type * from './api';
