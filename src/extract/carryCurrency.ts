import type { SentenceQuantities } from '../extractFacts.ts';
import { findObject } from '../enrich/findObject.ts';
import type { QuantityMatch } from './findQuantities.ts';

// Words that join two figures of the same kind: "3.14 billion stg vs 2.65 billion".
const joiners = new Set(['vs', 'vs.', 'versus', 'against', 'from', 'to', 'and', 'or', ',', 'compared', 'with', 'making', 'of']);

/** A bare figure with a scale word ("150.5 mln") that reads as money once its currency is known. */
const bareScaled = (m: QuantityMatch) =>
  !m.currency && !m.unit && m.qualifier !== 'vague' && m.amounts.some((a) => a.scale >= 1e6);

/**
 * Refiner: a bare scaled figure in the same sentence as a money figure, joined
 * to it ("vs", "to", "from"), takes its currency, marked as implied. In a
 * document whose money is in one currency, wire-style results lines
 * ("Pretax profit 182.2 mln vs 150.5 mln") take it too.
 */
export function carryCurrency(sentences: SentenceQuantities[]): void {
  const currencies = new Set<string>();
  for (const { matches } of sentences) for (const m of matches) if (m.currency && !m.currencyImplied) currencies.add(m.currency);
  const documentCurrency = currencies.size === 1 ? [...currencies][0]! : null;
  for (const { tokens, matches } of sentences) {
    let previous: QuantityMatch | null = null;
    for (const m of matches) {
      if (bareScaled(m)) {
        const between = previous ? tokens.slice(previous.end, m.start).map((t) => t.lower) : [];
        const joined = previous?.currency && between.length > 0 && between.length <= 3 && between.some((w) => joiners.has(w));
        // "1.2 million soldiers" counts soldiers: only an amount that counts nothing takes the document's currency.
        const countsSomething = findObject(tokens, m.end) !== null;
        const currency = joined ? previous!.currency : countsSomething ? null : documentCurrency;
        if (currency) {
          m.currency = currency;
          m.subunit = false;
          m.currencyImplied = true;
          m.rule = `${m.rule.replace(/^count\//, 'money/')}+implied-currency`;
        }
      }
      previous = m;
    }
  }
}
