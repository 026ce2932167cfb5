import { z } from 'zod';
import { parseScaled } from '../../money';
import { adjustByPercent, PERCENT_SCALE } from '../frame';
import { decimalString } from '../schemas';
import { APPLY_OPTIONS, DIRECTION_OPTIONS, type RuleDeclaration } from './declaration';

/** SPEC 5.4: ± percent or fixed amount from the running price (each stacked rule takes the previous output). */
export const standardActionSchema = z
  .object({
    type: z.literal('standard'),
    direction: z.enum(['decrease', 'increase']),
    apply: z.enum(['percent', 'fixed']),
    /** Percent, or an amount in the marketplace currency. */
    amount: decimalString('adjustment amount', 4),
  })
  .strict()
  .refine((a) => !(a.apply === 'percent' && a.direction === 'decrease' && Number(a.amount) > 100), {
    message: 'a percentage decrease cannot exceed 100',
    path: ['amount'],
  });

export type StandardAction = z.infer<typeof standardActionSchema>;

export const standardRule: RuleDeclaration<StandardAction> = {
  code: 'standard',
  label: 'Standard price rule',
  argsSchema: standardActionSchema,
  describeForm: () => ({
    code: 'standard',
    label: 'Standard price rule',
    sections: [
      {
        title: 'Price Rule Actions',
        fields: [
          { name: 'direction', label: 'Price Action', kind: 'select', required: true, options: DIRECTION_OPTIONS },
          { name: 'apply', label: 'Apply', kind: 'select', required: true, options: APPLY_OPTIONS },
          {
            name: 'amount',
            label: 'Adjustment Amount',
            kind: 'decimal',
            required: true,
            hint: '25 means 25% or 25 in the marketplace currency',
          },
        ],
      },
    ],
  }),
  compile: (args, ruleId, compiled) => {
    const increase = args.direction === 'increase';
    if (args.apply === 'percent') {
      const percent = parseScaled(args.amount, PERCENT_SCALE);
      return (state) => {
        const before = state.price;
        state.price = adjustByPercent(before, percent, increase);
        return { kind: 'rule', ruleId, outcome: 'applied', ruleType: 'standard', before, after: state.price };
      };
    }
    const amount = parseScaled(args.amount, compiled.digits);
    const delta = increase ? amount : -amount;
    return (state) => {
      const before = state.price;
      state.price = before + delta;
      return { kind: 'rule', ruleId, outcome: 'applied', ruleType: 'standard', before, after: state.price };
    };
  },
  apply: (args, state, ctx) => standardRule.compile(args, ctx.ruleId, ctx.frame.compiled)(state, ctx.frame),
};
