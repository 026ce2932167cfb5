/** Public surface of the Commerce adapter. */
export * from './auth';
export { customAttributeValue, type Decimal, type SearchPage } from './schemas/common';
export type * from './schemas/catalog';
export type * from './schemas/sales';
export * from './errors';
export { type CommerceGateway, type CommerceGatewayOptions, createCommerceGateway } from './gateway';
export { defaultRetryOptions, isRetryable, type RetryOptions, type WriteGuard, type WriteVerdict } from './http';
export { criteria, type ConditionType, type Filter, SearchCriteria, type SortDirection } from './search-criteria';
export type { NewProductAttributeInput, NewProductInput, SourceItemInput } from './catalog';
export type * from './sales';
export { moneyToJson } from './sales';
export type { CartAddress, CartItem, PaymentDetails, ShippingInformationInput } from './carts';
