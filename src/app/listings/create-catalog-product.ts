import Big from 'big.js';
import { CommerceApiError } from '../../adapters/commerce';
import type { Listing } from '../../core/listings';
import { ValidationError } from '../../platform/errors';
import type { ListingsContext } from './context';
import { type ListingActionResult, runListingAction } from './merchant-actions';

/**
 * Create New Catalog Product (SPEC 4.2 "New Third Party"): a Seller Central listing with no catalog match becomes
 * a Commerce product, then the listing is matched to it (it leaves New Third Party for Active/Inactive).
 * Field mapping per SPEC: the ASIN becomes the Commerce SKU (the Seller SKU when Amazon gave no ASIN), the listing
 * name the product name, price and quantity are copied from what Amazon holds. The ASIN and Seller SKU are also
 * written to the store's matching attributes, so the next import matches the product by itself.
 */

export const VISIBILITIES = {
  not_visible_individually: 1,
  catalog: 2,
  search: 3,
  catalog_and_search: 4,
} as const;
export type VisibilityName = keyof typeof VISIBILITIES;

export interface CreateCatalogProductInput {
  sellerSkus: string[];
  /** Enable Product(s): Commerce status 1 (enabled) or 2 (disabled). */
  enabled: boolean;
  /** Attribute Set Id; the form defaults to Default (4). */
  attributeSetId: number;
  visibility: VisibilityName;
  /** Extra websites; the store's own website is always included, or the listing could not be managed. */
  websiteIds?: number[];
  /** Assign Tax Class: Commerce tax_class_id (0 None, 2 Taxable Goods); absent keeps Commerce's default. */
  taxClassId?: number;
}

export interface CreateCatalogProductResult extends ListingActionResult {
  created: Array<{ sellerSku: string; productSku: string; quantity: number | null }>;
}

const failure = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The Commerce SKU a listing's product gets: its ASIN, or its Seller SKU when it has none. */
export const catalogSkuFor = (listing: Pick<Listing, 'asin' | 'sellerSku'>): string =>
  listing.asin?.trim() || listing.sellerSku;

const priceOf = (listing: Listing): number | undefined => {
  const raw = listing.lastAccepted?.price;
  if (!raw) return undefined;
  try {
    const amount = new Big(raw);
    return amount.gt(0) ? Number(amount.toFixed(4)) : undefined;
  } catch {
    return undefined;
  }
};

/** The store website's id and the first-priority source of its stock (MSI), where the copied quantity goes. */
const websiteAndSource = async (lc: ListingsContext): Promise<{ websiteId: number; sourceCode: string }> => {
  const commerce = lc.services.commerce();
  const website = (await commerce.listWebsites()).find((w) => w.code === lc.store.websiteCode);
  if (!website) throw new ValidationError(`Commerce has no website ${lc.store.websiteCode}`, { websiteIds: 'missing' });
  let sourceCode = 'default';
  try {
    const stock = await commerce.resolveStock('website', lc.store.websiteCode);
    sourceCode = (await commerce.listStockSources(stock.stock_id))[0]?.sourceCode ?? sourceCode;
  } catch (error) {
    // MSI off (single-source mode): the legacy stock is the default source.
    if (!(error instanceof CommerceApiError)) throw error;
  }
  return { websiteId: website.id, sourceCode };
};

export const createCatalogProducts = async (
  lc: ListingsContext,
  input: CreateCatalogProductInput,
  jobId: string,
): Promise<CreateCatalogProductResult> => {
  const commerce = lc.services.commerce();
  const listings = await lc.repo.getMany(input.sellerSkus);
  const { websiteId, sourceCode } = await websiteAndSource(lc);
  const websiteIds = [...new Set([websiteId, ...(input.websiteIds ?? [])])];
  const { asinAttribute, sellerSkuAttribute } = lc.settings.thirdPartyListings;
  const created: CreateCatalogProductResult['created'] = [];
  const errors: CreateCatalogProductResult['errors'] = [];

  for (const sellerSku of input.sellerSkus) {
    const listing = listings.get(sellerSku);
    if (!listing) {
      errors.push({ sellerSku, message: `no listing with Seller SKU ${sellerSku}` });
      continue;
    }
    if (listing.status !== 'new_third_party' || listing.productSku) {
      errors.push({ sellerSku, message: 'only New Third Party listings (no catalog product yet) can create one' });
      continue;
    }
    const price = priceOf(listing);
    if (price === undefined) {
      errors.push({ sellerSku, message: 'the listing has no price on Amazon to copy; use Assign Catalog Product' });
      continue;
    }
    const productSku = catalogSkuFor(listing);
    try {
      // POST /V1/products updates an existing SKU: never overwrite a merchant's product.
      if (await commerce.findProduct(productSku)) {
        errors.push({
          sellerSku,
          message: `Commerce already has a product with SKU ${productSku}; use Assign Catalog Product`,
        });
        continue;
      }
      const customAttributes: Record<string, string> = {};
      if (asinAttribute && listing.asin) customAttributes[asinAttribute] = listing.asin;
      if (sellerSkuAttribute && sellerSkuAttribute !== 'sku') customAttributes[sellerSkuAttribute] = sellerSku;
      if (input.taxClassId !== undefined) customAttributes.tax_class_id = String(input.taxClassId);
      await commerce.createProduct({
        sku: productSku,
        name: listing.name?.trim() || productSku,
        price,
        attributeSetId: input.attributeSetId,
        status: input.enabled ? 1 : 2,
        visibility: VISIBILITIES[input.visibility],
        websiteIds,
        customAttributes,
      });
      // FBA listings have no merchant quantity (Amazon holds the stock): the product starts with none.
      const quantity = listing.fulfillment === 'FBA' ? null : Math.max(0, listing.lastAccepted?.quantity ?? 0);
      if (quantity !== null)
        await commerce.saveSourceItems([
          { sku: productSku, source_code: sourceCode, quantity, status: quantity > 0 ? 1 : 0 },
        ]);
      created.push({ sellerSku, productSku, quantity });
    } catch (error) {
      errors.push({ sellerSku, message: failure(error) });
    }
  }

  const result: CreateCatalogProductResult = { created, updated: [], errors };
  // Matching is per listing (each has its own product), then each match is sent at once like a merchant action.
  for (const { sellerSku, productSku } of created) {
    const matched = await runListingAction(
      lc,
      { action: 'assign_catalog_product', skus: [sellerSku], productSku },
      jobId,
    );
    result.updated.push(...matched.updated);
    result.errors.push(...matched.errors);
  }
  return result;
};
