import { z } from 'zod';
import { CONDITION_DECLARATIONS, type ConditionLineArgs, type ConditionTypeDescription } from './declarations';
import type { AttributeCatalog, ProductFacts } from './types';

/**
 * The Commerce rule condition tree (SPEC 3.10, 5.3): "If ALL/ANY of these conditions are TRUE/FALSE",
 * with nested combinations and condition lines. An empty tree (or empty group) matches every product.
 */
export interface ConditionGroup {
  type: 'combine';
  aggregator: 'all' | 'any';
  /** TRUE: children must hold; FALSE: children must not hold. */
  value: boolean;
  conditions: ConditionNode[];
}

export interface ConditionLine {
  /** A condition declaration code: product_attribute, category, attribute_set, sku, type_id. */
  type: string;
  args: ConditionLineArgs & { attribute?: string };
}

export type ConditionNode = ConditionGroup | ConditionLine;

export const MAX_CONDITION_DEPTH = 10;
export const MAX_CONDITION_LINES = 500;

/** The tree every product satisfies. */
export const emptyConditionTree = (): ConditionGroup => ({
  type: 'combine',
  aggregator: 'all',
  value: true,
  conditions: [],
});

export const isConditionGroup = (node: ConditionNode): node is ConditionGroup => node.type === 'combine';

const lineSchemas = Object.values(CONDITION_DECLARATIONS).map((declaration) =>
  z.object({ type: z.literal(declaration.code), args: declaration.argsSchema }).strict(),
);

/** Structural schema of a group (no catalogue checks). */
export const conditionGroupSchema: z.ZodType<ConditionGroup> = z.lazy(() =>
  z
    .object({
      type: z.literal('combine'),
      aggregator: z.enum(['all', 'any']),
      value: z.boolean(),
      conditions: z.array(z.union([conditionGroupSchema, ...lineSchemas])).max(MAX_CONDITION_LINES),
    })
    .strict(),
) as z.ZodType<ConditionGroup>;

const collectIssues = (
  node: ConditionNode,
  catalog: AttributeCatalog | undefined,
  path: (string | number)[],
  depth: number,
  issues: Array<{ path: (string | number)[]; message: string }>,
  count: { lines: number },
): void => {
  if (isConditionGroup(node)) {
    if (depth > MAX_CONDITION_DEPTH) {
      issues.push({ path, message: `conditions may nest at most ${MAX_CONDITION_DEPTH} levels` });
      return;
    }
    node.conditions.forEach((child, i) => {
      collectIssues(child, catalog, [...path, 'conditions', i], depth + 1, issues, count);
    });
    return;
  }
  count.lines++;
  const declaration = CONDITION_DECLARATIONS[node.type];
  if (!declaration) {
    issues.push({ path: [...path, 'type'], message: `unknown condition type "${node.type}"` });
    return;
  }
  // Without the store's catalogue an attribute's type is unknown, so only the structure of its line is checked.
  if (!catalog && node.type === 'product_attribute') return;
  const errors = declaration.check(node.args, catalog ?? {});
  for (const message of errors) issues.push({ path: [...path, 'args'], message });
};

/**
 * Schema of a whole tree. With the store's attribute catalogue it also rejects unknown attributes, attributes not
 * enabled for promo rules, operators not allowed for the attribute's type and values of the wrong shape.
 */
export const conditionTreeSchema = (catalog?: AttributeCatalog): z.ZodType<ConditionGroup> =>
  conditionGroupSchema.superRefine((tree, ctx) => {
    const issues: Array<{ path: (string | number)[]; message: string }> = [];
    const count = { lines: 0 };
    collectIssues(tree, catalog, [], 1, issues, count);
    if (count.lines > MAX_CONDITION_LINES) issues.push({ path: [], message: `at most ${MAX_CONDITION_LINES} lines` });
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

export type ProductPredicate = (product: ProductFacts) => boolean;

const ALWAYS: ProductPredicate = () => true;

/** Compiles a tree once into a closure; evaluating it allocates nothing. */
export const compileConditionTree = (node: ConditionNode, catalog: AttributeCatalog): ProductPredicate => {
  if (!isConditionGroup(node)) {
    const declaration = CONDITION_DECLARATIONS[node.type];
    if (!declaration) throw new Error(`unknown condition type "${node.type}"`);
    return declaration.compile(node.args, catalog);
  }
  if (node.conditions.length === 0) return ALWAYS;
  const children = node.conditions.map((child) => compileConditionTree(child, catalog));
  const n = children.length;
  const expected = node.value;
  if (n === 1) {
    const only = children[0];
    return expected ? only : (product) => !only(product);
  }
  if (node.aggregator === 'all') {
    // ALL … TRUE: every child holds; ALL … FALSE: no child holds.
    return (product) => {
      for (let i = 0; i < n; i++) if (children[i](product) !== expected) return false;
      return true;
    };
  }
  // ANY … TRUE: some child holds; ANY … FALSE: some child does not hold.
  return (product) => {
    for (let i = 0; i < n; i++) if (children[i](product) === expected) return true;
    return false;
  };
};

export const evaluateConditionTree = (tree: ConditionNode, product: ProductFacts, catalog: AttributeCatalog): boolean =>
  compileConditionTree(tree, catalog)(product);

/** Everything the condition editor needs, serialisable: one entry per condition type. */
export const describeConditionTypes = (catalog: AttributeCatalog): ConditionTypeDescription[] => [
  {
    code: 'combine',
    label: 'Conditions Combination',
    fields: [],
  },
  ...Object.values(CONDITION_DECLARATIONS).map((declaration) => declaration.describe(catalog)),
];
