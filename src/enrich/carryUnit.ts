import { objectFrom } from './objectFrom.ts';
import { objectLexicon } from '../lexicon/index.ts';
import type { SentenceQuantities } from '../model.ts';
import type { QuantityMatch } from '../model.ts';

/** A bare figure with a large scale word ("150.5 mln", "70.9 billion") whose unit the writer left to context. */
const bareScaled = (m: QuantityMatch) =>
  !m.currency && !m.unit && m.qualifier !== 'vague' && m.amounts.some((a) => a.scale >= 1e6);

const scaledWithUnit = (m: QuantityMatch) =>
  (m.currency !== null || m.unit !== null) && m.amounts.some((a) => a.scale >= 1e6);

// Results tables run over many lines, each passing the unit on; prose carries it a few sentences.
const MAX_CARRY_SENTENCES = 3;

/**
 * Refiner: wire copy states a unit once and leaves it off the figures that
 * follow ("Turnover 3.14 billion stg vs 2.65 billion", "reserves were 70
 * billion barrels, down from 70.9 billion"). A bare scaled figure that counts
 * nothing takes the unit of the latest scaled figure before it in the
 * document, marked as implied.
 */
export function carryUnit(sentences: SentenceQuantities[]): SentenceQuantities[] {
  let latest: QuantityMatch | null = null;
  let latestAt = -Infinity;
  return sentences.map(({ tokens, matches }, at) => ({
    tokens,
    matches: matches.map((m) => {
      // a unit stated more than a few sentences back no longer speaks for a bare figure
      if (at - latestAt > MAX_CARRY_SENTENCES) latest = null;
      // "7.7 mln loss" names money; "1.2 million soldiers" counts soldiers.
      const object = bareScaled(m) ? objectFrom(tokens, m.end) : null;
      const countsNothing = object === null || (latest?.currency != null && objectLexicon.moneyNouns.has(object.head));
      if (bareScaled(m) && latest && countsNothing) {
        const currency = latest.currency;
        // a table passes its unit from row to row
        latestAt = at;
        const kind = currency ? 'money' : 'measure';
        return { ...m, currency, unit: latest.unit, subunit: false, currencyImplied: true, rule: `${m.rule.replace(/^count\//, `${kind}/`)}+implied-unit` };
      }
      if (scaledWithUnit(m)) {
        latest = m;
        latestAt = at;
      }
      return m;
    }),
  }));
}
