/**
 * Compares a created Commerce order with the Amazon order it came from and reports every difference a merchant
 * would care about: currency, grand total, lines (SKU and quantity) and, for the path used, the breakdown.
 */
import type { AmazonOrder } from './amazon-order';
import type { ProductMatches } from './blockers';
import type { CreationPlan } from './mapping';
import { big, type Decimal, fmt } from './money';

type Num = string | number | null | undefined;

/** The fields of a Commerce order (GET V1/orders/{id}) the check reads. */
export interface CommerceOrderTotals {
  order_currency_code?: string | null;
  grand_total: Num;
  subtotal?: Num;
  shipping_amount?: Num;
  tax_amount?: Num;
  discount_amount?: Num;
  items: Array<{ sku: string; qty_ordered: Num; parent_item_id?: Num }>;
}

export interface TotalsMismatch {
  field: string;
  amazon: string;
  commerce: string;
  message: string;
}

export interface TotalsCheckResult {
  ok: boolean;
  mismatches: TotalsMismatch[];
}

const text = (v: Num) => (v === null || v === undefined ? '' : String(v));

export function totalsCheck(
  amazon: AmazonOrder,
  commerce: CommerceOrderTotals,
  options: { matches?: ProductMatches; expected?: CreationPlan['expected'] } = {},
): TotalsCheckResult {
  const out: TotalsMismatch[] = [];
  const c = amazon.currency;
  const add = (field: string, a: string, m: string, message: string) =>
    out.push({ field, amazon: a, commerce: m, message });
  if (c && commerce.order_currency_code && commerce.order_currency_code !== c)
    add(
      'currency',
      c,
      commerce.order_currency_code,
      `Currency differs: Amazon ${c}, Commerce ${commerce.order_currency_code}.`,
    );
  const money = (field: string, label: string, want: Decimal | undefined, got: Num, sign = 1) => {
    if (want === undefined) return;
    if (got === undefined || got === null || !big(got).times(sign).eq(want))
      add(
        field,
        fmt(want, c),
        text(got),
        `${label} differs: Amazon ${fmt(want, c)}, Commerce ${text(got) || 'missing'}.`,
      );
  };
  money('grand_total', 'Grand total', amazon.orderTotal, commerce.grand_total);
  const e = options.expected;
  if (e) {
    money('subtotal', 'Subtotal', e.subtotal, commerce.subtotal);
    money('shipping_amount', 'Shipping', e.shipping, commerce.shipping_amount);
    money('tax_amount', 'Tax', e.tax, commerce.tax_amount);
    // Commerce stores discounts as negative amounts.
    money('discount_amount', 'Discount', e.discount, commerce.discount_amount ?? 0, -1);
  }
  const wanted = new Map<string, number>();
  for (const i of amazon.items.filter((x) => !x.canceled && x.quantityOrdered > 0)) {
    const sku = options.matches?.[i.sku]?.sku ?? i.sku;
    wanted.set(sku, (wanted.get(sku) ?? 0) + i.quantityOrdered);
  }
  const got = new Map<string, number>();
  for (const i of commerce.items.filter((x) => x.parent_item_id === undefined || x.parent_item_id === null))
    got.set(i.sku, (got.get(i.sku) ?? 0) + Number(i.qty_ordered ?? 0));
  for (const sku of new Set([...wanted.keys(), ...got.keys()])) {
    const a = wanted.get(sku) ?? 0;
    const m = got.get(sku) ?? 0;
    if (a !== m)
      add(`items.${sku}.qty`, String(a), String(m), `Quantity of "${sku}" differs: Amazon ${a}, Commerce ${m}.`);
  }
  return { ok: out.length === 0, mismatches: out };
}
