/** Orders domain (framework-free, no I/O). See docs/orders.md. */
export * from './address';
export * from './amazon-order';
export * from './blockers';
export * from './cancellation';
export * from './creation-rules';
export * from './dashboard';
export * from './figures';
export * from './import-protocol';
export * from './ledger';
export * from './mapping';
export * from './money';
export * from './notifications';
export * from './refunds';
export { type DirectoryRegion, matchDirectoryRegion } from './regions';
export * from './shipment';
export * from './totals-check';
export * from './windows';
