export * from './commerce-event';
export * from './public-keys';
export * from './signature';
