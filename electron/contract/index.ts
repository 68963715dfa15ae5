export * from './protocol';
export * from './domain';
export * from './calls';
export * from './events';
export * from './flows';
export * from './signature';
export * from './form';
export * from './face-mesh';
export type * from './api';
