/** Shared emulator infrastructure: see each module's header for usage. */
export * from './clock';
export * from './control';
export * from './faults';
export * from './http';
export * from './request-log';
export * from './router';
export * from './schema-validator';
export * from './token-bucket';
