import type { ConditionGroup } from '../../core/conditions';
import { evaluateEligibility } from '../../core/listings';
import { iterateWebsiteProducts } from './catalog';
import type { ListingsContext } from './context';
import { compileListingRules, loadAttributeCatalog, toProductFacts } from './rules';

/** Listing Preview (SPEC 3.10): what a rule change would do, before it is saved. */
export interface PreviewRow {
  productSku: string;
  name: string;
  type: string;
  status: 'Enabled' | 'Disabled';
  reason?: string;
}
export interface RulesPreview {
  ineligible: { count: number; rows: PreviewRow[] };
  eligible: { count: number; rows: PreviewRow[] };
  new: { count: number; rows: PreviewRow[] };
}

const SHOWN = 200;

export const previewListingRules = async (lc: ListingsContext, rules: ConditionGroup): Promise<RulesPreview> => {
  const predicate = compileListingRules(rules, await loadAttributeCatalog(lc.services.commerce()));
  const listed = new Set<string>();
  for await (const l of lc.repo.scan()) if (l.productSku) listed.add(l.productSku);
  const preview: RulesPreview = {
    ineligible: { count: 0, rows: [] },
    eligible: { count: 0, rows: [] },
    new: { count: 0, rows: [] },
  };
  const add = (bucket: keyof RulesPreview, row: PreviewRow) => {
    preview[bucket].count++;
    if (preview[bucket].rows.length < SHOWN) preview[bucket].rows.push(row);
  };
  for await (const { raw, product } of iterateWebsiteProducts(lc)) {
    const e = evaluateEligibility(product, lc.settings, predicate, toProductFacts(raw));
    const row: PreviewRow = {
      productSku: product.sku,
      name: product.name,
      type: product.typeId,
      status: product.enabled ? 'Enabled' : 'Disabled',
      reason: e.reason,
    };
    if (!e.eligible) add('ineligible', row);
    else if (listed.has(product.sku)) add('eligible', row);
    else add('new', row);
  }
  return preview;
};
