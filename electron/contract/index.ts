export * from './protocol';
export * from './domain';
export * from './calls';
export * from './events';
export * from './flows';
export type * from './api';
