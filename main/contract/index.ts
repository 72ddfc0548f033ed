/** The contract between windows and the core: the only part of main/ a window may import. */
export * from './calls';
export * from './client';
export * from './device-code';
export * from './events';
export * from './permissions';
export * from './schemas';
export * from './wire';
export * from './content-policy';
export * from './classes';
export * from './video';
export * from './screens';
export * from './procedures';
export * from './rules';
export * from './energy';
export * from './energy-anomalies';
export * from './energy-saving';
export * from './tariffs';
