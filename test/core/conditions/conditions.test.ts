import {
  type AttributeCatalog,
  type ConditionGroup,
  type ConditionNode,
  compileConditionTree,
  conditionTreeSchema,
  describeConditionTypes,
  emptyConditionTree,
  evaluateConditionTree,
  type ProductFacts,
} from '../../../src/core/conditions';

const catalog: AttributeCatalog = {
  amazon_fba: { code: 'amazon_fba', label: 'Amazon FBA', frontendInput: 'boolean', usedForPromoRules: true },
  brand: {
    code: 'brand',
    label: 'Brand',
    frontendInput: 'select',
    usedForPromoRules: true,
    options: [
      { value: '11', label: 'Acme' },
      { value: '12', label: 'Globex' },
    ],
  },
  color: { code: 'color', label: 'Color', frontendInput: 'multiselect', usedForPromoRules: true },
  weight: { code: 'weight', label: 'Weight', frontendInput: 'weight', usedForPromoRules: true },
  name: { code: 'name', label: 'Name', frontendInput: 'text', usedForPromoRules: true },
  news_from_date: { code: 'news_from_date', label: 'New from', frontendInput: 'date', usedForPromoRules: true },
  secret: { code: 'secret', label: 'Secret', frontendInput: 'text', usedForPromoRules: false },
};

const product: ProductFacts = {
  sku: 'MB-01',
  typeId: 'simple',
  attributeSetId: 4,
  categoryIds: [2, 4],
  price: '19.99',
  attributes: {
    amazon_fba: true,
    brand: '11',
    color: ['5', '7'],
    weight: 2.5,
    name: 'Joust Duffle Bag',
    news_from_date: '2026-02-01 00:00:00',
    empty: null,
  },
};

const line = (attribute: string, operator: string, value: string | string[]): ConditionNode =>
  ({ type: 'product_attribute', args: { attribute, operator, value } }) as ConditionNode;
const group = (aggregator: 'all' | 'any', value: boolean, ...conditions: ConditionNode[]): ConditionGroup => ({
  type: 'combine',
  aggregator,
  value,
  conditions,
});
const holds = (node: ConditionNode) => evaluateConditionTree(node, product, catalog);

describe('condition lines by attribute type', () => {
  it.each([
    [line('amazon_fba', 'is', '1'), true],
    [line('amazon_fba', 'is_not', '1'), false],
    [line('brand', 'is', '11'), true],
    [line('brand', 'is_one_of', ['12', '13']), false],
    [line('brand', 'is_not_one_of', ['12']), true],
    [line('color', 'contains', ['5']), true],
    [line('color', 'contains', ['5', '9']), false],
    [line('color', 'is_one_of', ['5', '9']), true],
    [line('color', 'not_contains', ['9']), true],
    [line('weight', 'gte', '2.5'), true],
    [line('weight', 'gt', '2.5'), false],
    [line('weight', 'lt', '10'), true],
    [line('weight', 'is', '2.50'), true],
    [line('name', 'contains', 'duffle'), true],
    [line('name', 'is', 'joust duffle bag'), true],
    [line('name', 'not_contains', 'tent'), true],
    [line('news_from_date', 'gte', '2026-02-01'), true],
    [line('news_from_date', 'lt', '2026-02-01'), false],
    [line('empty', 'is', 'x'), false],
    [line('empty', 'is_not', 'x'), true],
    [line('missing', 'contains', 'x'), false],
  ])('%j → %s', (node, expected) => {
    expect(holds(node)).toBe(expected);
  });

  it('category is 4 (Books), attribute set, SKU and type conditions', () => {
    expect(holds({ type: 'category', args: { operator: 'is', value: ['4'] } })).toBe(true);
    expect(holds({ type: 'category', args: { operator: 'is_not_one_of', value: ['4', '9'] } })).toBe(false);
    expect(holds({ type: 'attribute_set', args: { operator: 'is', value: '4' } })).toBe(true);
    expect(holds({ type: 'sku', args: { operator: 'contains', value: 'mb-' } })).toBe(true);
    expect(holds({ type: 'type_id', args: { operator: 'is_one_of', value: ['configurable', 'bundle'] } })).toBe(false);
  });
});

describe('combinations', () => {
  const yes = line('amazon_fba', 'is', '1');
  const no = line('brand', 'is', '12');
  it('an empty tree makes every product eligible', () => {
    expect(holds(emptyConditionTree())).toBe(true);
    expect(holds(group('any', false))).toBe(true);
  });
  it.each([
    ['all', true, [yes, yes], true],
    ['all', true, [yes, no], false],
    ['all', false, [no, no], true],
    ['all', false, [yes, no], false],
    ['any', true, [no, yes], true],
    ['any', true, [no, no], false],
    ['any', false, [yes, no], true],
    ['any', false, [yes, yes], false],
  ] as const)('If %s of these conditions are %s', (aggregator, value, children, expected) => {
    expect(holds(group(aggregator, value, ...children))).toBe(expected);
  });
  it('nests groups', () => {
    expect(holds(group('all', true, yes, group('any', true, no, group('all', false, no))))).toBe(true);
  });
});

describe('validation and editor description', () => {
  it('accepts a valid tree and rejects bad lines with named paths', () => {
    expect(conditionTreeSchema(catalog).safeParse(group('all', true, line('weight', 'gte', '1'))).success).toBe(true);
    const bad = conditionTreeSchema(catalog).safeParse(
      group(
        'all',
        true,
        line('secret', 'is', 'x'),
        line('amazon_fba', 'contains', '1'),
        line('brand', 'is_one_of', '11'),
      ),
    );
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'conditions.0.args: attribute "secret" is not enabled for promo rule conditions',
      'conditions.1.args: operator "contains" is not allowed for attribute "Amazon FBA"',
      'conditions.2.args: attribute "Brand" with "is one of" needs a list',
    ]);
    expect(
      conditionTreeSchema().safeParse({ type: 'combine', aggregator: 'some', value: true, conditions: [] }).success,
    ).toBe(false);
    expect(conditionTreeSchema().safeParse(group('all', true, { type: 'nope', args: {} } as never)).success).toBe(
      false,
    );
  });

  it('rejects trees nested too deep', () => {
    let tree: ConditionGroup = group('all', true);
    for (let i = 0; i < 12; i++) tree = group('all', true, tree);
    expect(conditionTreeSchema(catalog).safeParse(tree).success).toBe(false);
  });

  it('describes each condition type with its operators and value inputs, serialisably', () => {
    const description = describeConditionTypes(catalog);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    const attributes = description.find((d) => d.code === 'product_attribute')!;
    expect(attributes.fields.map((f) => f.key)).not.toContain('secret');
    const brand = attributes.fields.find((f) => f.key === 'brand')!;
    expect(brand).toMatchObject({
      valueInput: 'select',
      options: [
        { value: '11', label: 'Acme' },
        { value: '12', label: 'Globex' },
      ],
    });
    expect(brand.operators.map((o) => o.label)).toEqual(['is', 'is not', 'is one of', 'is not one of']);
    const category = description.find((d) => d.code === 'category')!;
    expect(category.fields[0]).toMatchObject({ valueInput: 'category_chooser' });
    expect(attributes.fields.find((f) => f.key === 'weight')!.operators.map((o) => o.code)).toContain('gte');
  });

  it('compiles once and evaluates many products', () => {
    const predicate = compileConditionTree(group('all', true, line('weight', 'lte', '3')), catalog);
    expect([1, 3, 3.01].map((w) => predicate({ ...product, attributes: { weight: w } }))).toEqual([true, true, false]);
  });
});
