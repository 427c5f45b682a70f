import type { Amount, Mention, QuantityMatch, QuantityType } from '../model.ts';

/** Value, bounds, type and unit of a found quantity (the normaliser's half of "find, then resolve"). */
export type Resolved = Pick<Mention, 'value' | 'low' | 'high' | 'qualifier' | 'quantity_type' | 'unit' | 'unit_implied'>;

// 0.1 + 0.2 style noise must not reach the table: 2.3 * 1e9 is 2299999999.9999995.
// (An integer of up to 15 digits is already tidy, and most figures are.)
const tidy = (n: number) => (Number.isInteger(n) && Math.abs(n) < 1e15 ? n : Number(n.toPrecision(15)));

export function quantityType(match: QuantityMatch): QuantityType {
  if (match.currency) return 'money';
  if (match.unit === '%' || match.unit === 'pp' || match.unit === 'bp') return 'percent';
  if (match.unit) return 'measure';
  return 'count';
}

/** One end of a quantity in its currency or unit: the figure times its scale, plus the parts written after it ("3 dollars 50 cents"). */
export function amountValue(amount: Amount): number {
  return amount.parts.reduce((sum, part) => sum + part.value * part.scale, amount.number.value * amount.scale);
}

export function resolveValue(match: QuantityMatch): Resolved {
  const factor = (match.subunit ? 0.01 : 1) * (match.shareOfWhole ? 100 : 1);
  const figures = match.amounts.map((a) => tidy(amountValue(a) * factor));
  // written out, not spread from a shared base: the spread took 2 µs a figure
  const resolved = (value: number | null, low: number | null, high: number | null): Resolved => ({
    qualifier: match.qualifier,
    quantity_type: quantityType(match),
    unit: match.currency ?? match.unit,
    unit_implied: match.currencyImplied,
    value,
    low,
    high,
  });
  if (match.qualifier === 'vague') return resolved(null, match.vagueLow, null);
  if (match.qualifier === 'range') return resolved(null, figures[0]!, figures[1]!);
  const value = figures[0]!;
  switch (match.qualifier) {
    case 'exact':
      return resolved(value, value, value);
    case 'more_than':
    case 'at_least':
      return resolved(value, value, null);
    case 'less_than':
    case 'at_most':
      return resolved(value, null, value);
    default:
      return resolved(value, null, null);
  }
}
