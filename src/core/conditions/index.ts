export * from './declarations';
export * from './operators';
export * from './tree';
export * from './types';
