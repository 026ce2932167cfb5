import type { CommerceSeed } from '../commerce/seed';
import type { AmazonSeed } from '../amazon/seed';
import type { DemoCategory, DemoProductMeta } from './commerce';
import { type DemoRandom, scale } from './random';

export const DEMO_SELLER_ID = 'A1DEMOSELLER0001';
export const US = 'ATVPDKIKX0DER';
export const CA = 'A2EUQ1WTGCTBG2';
export const UK = 'A1F83G8C2ARO7P';
export const DE = 'A1PA6795UKMFR9';

type CatalogItem = NonNullable<AmazonSeed['catalog']>[number];
type Listing = NonNullable<AmazonSeed['listings']>[number];
type Offer = NonNullable<AmazonSeed['competitorOffers']>[number];

const PRODUCT_TYPES: Record<DemoCategory, string> = {
  book: 'ABIS_BOOK',
  electronics: 'CONSUMER_ELECTRONICS',
  home: 'HOME',
  apparel: 'SHIRT',
};

const MARKETPLACE_CURRENCY: Record<string, { currency: string; factor: string }> = {
  [US]: { currency: 'USD', factor: '1' },
  [CA]: { currency: 'CAD', factor: '1.3600' },
  [UK]: { currency: 'GBP', factor: '0.7900' },
  [DE]: { currency: 'EUR', factor: '0.9200' },
};

const SUB_CONDITIONS = ['Like New', 'Very Good', 'Good', 'Acceptable'];

/**
 * Builds the Amazon half of the demo from the Commerce products:
 * - catalog items matching ~60% of products by identifier (some identifiers match 2 ASINs, the rest none);
 * - ~15% of matched products get their ASIN written into the Commerce `asin` attribute;
 * - existing seller listings for ~20% of matched products (half with SKU = Commerce SKU, half not);
 * - 2–6 competitor offers for most ASINs (varied feedback, FBA/FBM, conditions);
 * - order streams drawing from the seller's listed SKUs.
 */
export const buildAmazonDemo = (rng: DemoRandom, commerce: CommerceSeed, meta: DemoProductMeta[]): AmazonSeed => {
  const catalog: CatalogItem[] = [];
  const listings: Listing[] = [];
  const competitorOffers: Offer[] = [];
  const usedAsins = new Set<string>();
  const newAsin = (): string => {
    let asin: string;
    do asin = `B0${rng.alnum(8)}`;
    while (usedAsins.has(asin));
    usedAsins.add(asin);
    return asin;
  };
  const products = new Map(commerce.products.map((p) => [p.sku, p]));
  const parentAsins = new Map<string, string>();

  for (const parent of meta.filter((m) => products.get(m.sku)?.typeId === 'configurable')) {
    if (!rng.chance(0.6)) continue;
    const asin = newAsin();
    parentAsins.set(parent.sku, asin);
    catalog.push({
      asin,
      marketplaceId: US,
      title: parent.name,
      brand: parent.brand,
      productType: PRODUCT_TYPES.apparel,
      identifiers: [],
      classification: 'VARIATION_PARENT',
    });
  }

  const listedByMarketplace = new Map<string, string[]>();
  for (const item of meta) {
    if (!item.identifier || !rng.chance(0.6)) continue;
    const product = products.get(item.sku);
    if (!product) continue;
    const marketplaces = [
      US,
      ...(product.websiteIds.includes(2) && rng.chance(0.5) ? [UK, DE] : []),
      ...(rng.chance(0.2) ? [CA] : []),
    ];
    const asinCount = rng.chance(0.08) ? 2 : 1;
    const asins = Array.from({ length: asinCount }, newAsin);
    const parentAsin = item.parentSku ? parentAsins.get(item.parentSku) : undefined;
    for (const asin of asins) {
      for (const marketplaceId of marketplaces) {
        catalog.push({
          asin,
          marketplaceId,
          title: asinCount > 1 && asin === asins[1] ? `${item.name} (Bundle)` : item.name,
          brand: item.brand,
          productType: PRODUCT_TYPES[item.category],
          identifiers: [{ type: item.identifier.type, value: item.identifier.value }],
          ...(parentAsin
            ? { classification: 'VARIATION_CHILD' as const, parentAsin }
            : { classification: 'BASE_PRODUCT' as const }),
        });
      }
    }
    if (asinCount === 1 && rng.chance(0.15))
      product.customAttributes = { ...(product.customAttributes ?? {}), asin: asins[0] };

    for (const marketplaceId of marketplaces) {
      const { currency, factor } = MARKETPLACE_CURRENCY[marketplaceId];
      const localPrice = scale(item.usdPrice, factor);
      if (marketplaceId === US || rng.chance(0.5)) {
        const offers = rng.chance(0.75) ? rng.int(2, 6) : 0;
        for (let o = 0; o < offers; o++) {
          const used = rng.chance(0.2);
          const fba = rng.chance(0.4);
          competitorOffers.push({
            asin: asins[0],
            marketplaceId,
            sellerId: `A2COMPETITOR${String(rng.int(1, 40)).padStart(2, '0')}`,
            condition: used ? (rng.chance(0.8) ? 'Used' : 'Refurbished') : rng.chance(0.97) ? 'New' : 'Collectible',
            ...(used ? { subCondition: rng.pick(SUB_CONDITIONS) } : {}),
            price: scale(localPrice, (0.8 + rng.float() * 0.4).toFixed(2)),
            shipping: fba || rng.chance(0.5) ? '0.00' : scale('4.99', factor),
            currency,
            fulfilledByAmazon: fba,
            feedbackPercent: rng.pick([72, 85, 91, 95, 97, 98, 99, 100]),
            feedbackCount: rng.pick([0, 3, 40, 250, 1800, 12000, 56000]),
            isPrime: fba,
          });
        }
      }
      if (rng.chance(0.2)) {
        const sameSku = rng.chance(0.5);
        const sku = sameSku ? item.sku : `AMZ-${rng.alnum(6)}`;
        const fba = rng.chance(0.25);
        listings.push({
          sellerId: DEMO_SELLER_ID,
          marketplaceId,
          sku,
          asin: asins[0],
          productType: PRODUCT_TYPES[item.category],
          title: item.name,
          price: scale(localPrice, (0.95 + rng.float() * 0.15).toFixed(2)),
          currency,
          quantity: rng.int(0, 40),
          fulfillmentChannel: fba
            ? marketplaceId === US || marketplaceId === CA
              ? 'AMAZON_NA'
              : 'AMAZON_EU'
            : 'DEFAULT',
          condition: rng.chance(0.9) ? 'new_new' : 'used_like_new',
          status: rng.chance(0.85) ? ['BUYABLE', 'DISCOVERABLE'] : ['DISCOVERABLE'],
        });
        listedByMarketplace.set(marketplaceId, [...(listedByMarketplace.get(marketplaceId) ?? []), sku]);
      }
    }
  }

  const orderStreams = [...listedByMarketplace.entries()].map(([marketplaceId, skus]) => ({
    sellerId: DEMO_SELLER_ID,
    marketplaceId,
    ordersPerHour: marketplaceId === US ? 6 : 2,
    skus,
  }));

  return {
    sellers: [
      {
        sellerId: DEMO_SELLER_ID,
        refreshToken: 'Atzr|demo-refresh-token-1',
        storeName: 'Demo Outfitters',
        marketplaceIds: [US, CA, UK, DE],
      },
    ],
    catalog,
    listings,
    competitorOffers,
    orderStreams,
  };
};
