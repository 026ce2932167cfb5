export * from './collection';
export * from './key-value-store';
export * from './repositories';
