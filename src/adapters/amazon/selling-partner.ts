import type { SellingPartner } from 'amazon-sp-api';

let sellingPartnerOnce: typeof SellingPartner | undefined;

/**
 * amazon-sp-api's client class, required on first use rather than at import: loading the library builds its endpoint
 * tables for every API and pulls in its HTTP helpers, which every action bundle would otherwise pay on a cold start
 * even when it never calls Amazon (P5.require in docs/quality.md). Webpack still bundles it into the same file.
 */
export const sellingPartnerClass = (): typeof SellingPartner => {
  sellingPartnerOnce ??= (require('amazon-sp-api') as typeof import('amazon-sp-api')).SellingPartner;
  return sellingPartnerOnce;
};
