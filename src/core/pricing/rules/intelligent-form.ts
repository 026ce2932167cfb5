import type { FormField, RuleFormDescription } from './declaration';

type Options = Array<{ value: string; label: string }>;

const boundFields = (prefix: 'floor' | 'ceiling', label: string, required: boolean): FormField[] => [
  {
    name: `${prefix}.attribute`,
    label: `${label} Price Source`,
    kind: 'price_attribute',
    required,
    hint: prefix === 'floor' ? 'for example Cost or Price' : "for example Manufacturer's Suggested Retail Price",
  },
  {
    name: `${prefix}.action`,
    label: `${label} Price Action`,
    kind: 'select',
    required,
    options: [
      { value: 'decrease', label: 'Decrease By' },
      { value: 'increase', label: 'Increase By' },
      { value: 'match', label: 'Match' },
    ],
  },
  {
    name: `${prefix}.percent`,
    label: `${label} Adjustment Amount (%)`,
    kind: 'decimal',
    required,
    visibleWhen: { field: `${prefix}.action`, oneOf: ['decrease', 'increase'] },
    hint: 'Apply as percentage only',
  },
];

/** The five collapsible sections of SPEC 5.5, as data for the editor. */
export const intelligentForm = (
  directions: Options,
  applies: Options,
  varianceFields: FormField[],
): RuleFormDescription => ({
  code: 'intelligent',
  label: 'Intelligent repricing rule',
  sections: [
    {
      title: 'Select Rule Type',
      fields: [
        {
          name: 'competitorSource',
          label: 'Competitor Price Source',
          kind: 'select',
          required: true,
          options: [
            { value: 'buy_box', label: 'Use "Buy Box" Price' },
            { value: 'lowest', label: 'Use Lowest Competitor Price' },
          ],
        },
        {
          name: 'minFeedbackPercent',
          label: 'Minimum Positive Feedback',
          kind: 'select',
          required: true,
          default: 0,
          options: [
            { value: 0, label: "All Competitor's Prices" },
            ...[80, 90, 95, 98].map((t) => ({ value: t, label: `Minimum ${t}% positive feedback` })),
          ],
          visibleWhen: { field: 'competitorSource', oneOf: ['lowest'] },
        },
        {
          name: 'minFeedbackCount',
          label: 'Minimum Feedback Count',
          kind: 'integer',
          required: false,
          default: 0,
          visibleWhen: { field: 'competitorSource', oneOf: ['lowest'] },
        },
      ],
    },
    {
      title: 'Competitor Conditional Variances',
      fields: [
        {
          name: 'conditionMode',
          label: 'Competitor Conditional Variances',
          kind: 'select',
          required: true,
          default: 'all_conditions',
          options: [
            { value: 'all_conditions', label: "Use all competitor's product conditions" },
            { value: 'matching_only', label: "Use Only Matching Competitor's Product Condition" },
            { value: 'variance', label: "Apply Variance (if competitor's product condition differs)" },
          ],
        },
        ...varianceFields,
      ],
    },
    {
      title: 'Price Adjustment',
      fields: [
        {
          name: 'adjustment.action',
          label: 'Price Action',
          kind: 'select',
          required: true,
          options: [...directions, { value: 'match', label: 'Match Competitor Price' }],
        },
        {
          name: 'adjustment.apply',
          label: 'Apply',
          kind: 'select',
          required: true,
          options: applies,
          visibleWhen: { field: 'adjustment.action', oneOf: ['decrease', 'increase'] },
        },
        {
          name: 'adjustment.amount',
          label: 'Adjustment Amount',
          kind: 'decimal',
          required: true,
          visibleWhen: { field: 'adjustment.action', oneOf: ['decrease', 'increase'] },
          hint: 'for example .01 fixed decrease beats the competitor by one cent',
        },
      ],
    },
    { title: 'Floor Price', fields: boundFields('floor', 'Floor', true) },
    { title: 'Optional Ceiling Price', fields: boundFields('ceiling', 'Ceiling', false) },
  ],
});
