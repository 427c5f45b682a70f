import { predicateLexicon } from '../lexicon/index.ts';
import type { Aspect, Direction, QuantityMatch, Token } from '../model.ts';
import type { Predicate } from './findPredicate.ts';
import { verbLemma } from './verbs.ts';

const { changeAfter: comparatives, changeVerbs, changeWords, ratePer, rateUnits, rateWords, rateBefore } = predicateLexicon;
// After these the figure is where a change ended or began, or where a level stands: "rose to 1.41 million", "fell from 5%", "closed at 5,699".
const { levelPrepositions } = predicateLexicon;

/** "2.43 mln barrels per day", "$15.4/hour", "$5 billion a year", "an annual rate of 3%". */
function isRate(tokens: Token[], match: QuantityMatch, objectEnd: number): boolean {
  for (const k of new Set([match.end, objectEnd])) {
    const t = tokens[k];
    if (!t) continue;
    if (rateWords.has(t.lower)) return true;
    if (ratePer.has(t.lower) && rateUnits.has(tokens[k + 1]?.lower ?? '')) {
      // "a 10-year-old", "a year earlier": "a year" rates only a figure it follows, not a date it starts
      if (t.lower !== 'a' && t.lower !== 'an') return true;
      const after = tokens[k + 2]?.lower ?? '';
      if (!/^(?:earlier|ago|before|after|later|old|since|from|on)$/.test(after)) return true;
    }
  }
  return rateBefore.matchBefore(tokens, match.start) !== null;
}

/** "up 5%", "an increase of 5%": a change word right before the figure, across "by" and "of". */
function changeBefore(tokens: Token[], match: QuantityMatch): Direction | null {
  let k = match.start - 1;
  if (tokens[k]?.lower === 'by' || tokens[k]?.lower === 'of') k--;
  // "called up 7,000 reservists", "shot down 89 drones": the particle of a phrasal verb is no change
  const verb = tokens[k - 1];
  if (k === match.start - 1 && verb?.kind === 'word' && predicateLexicon.phrasalVerbs.has(`${verbLemma(verb.text) ?? verb.lower.replace(/ed$/, '')} ${tokens[k]?.lower ?? ''}`)) return null;
  if (/^(?:a|an)$/.test(tokens[k - 1]?.lower ?? '') || k === match.start - 1) return changeWords.get(tokens[k]?.lower ?? '') ?? null;
  return null;
}

/** "5% higher", "2,000 more troops", "10 fewer": a comparative right after the figure. */
function changeAfter(tokens: Token[], match: QuantityMatch): Direction | null {
  // ("5% more than last year" is still a change)
  const t = tokens[match.end]?.lower ?? '';
  return comparatives.has(t) ? (changeWords.get(t) ?? null) : null;
}

/**
 * SPEC.md `aspect` and `direction`: a rate when the figure is per unit of time or thing,
 * a change when a verb or word of change governs it directly ("rose 32,000", "up 5%",
 * "cut by 10%", "2,000 more troops"), else a level ("to 1.41 million", "7,276 strikes").
 */
export function findAspect(tokens: Token[], match: QuantityMatch, objectEnd: number, predicate: Predicate | null): { aspect: Aspect; direction: Direction | null } {
  if (isRate(tokens, match, objectEnd)) return { aspect: 'rate', direction: null };
  const word = changeBefore(tokens, match) ?? changeAfter(tokens, match);
  if (word) return { aspect: 'change', direction: word };
  const before = tokens[match.start - 1]?.lower ?? '';
  if (predicate && predicate.position === 'before' && !levelPrepositions.has(before)) {
    const direction = changeVerbs.get(predicate.lemma);
    if (direction) return { aspect: 'change', direction };
  }
  return { aspect: 'level', direction: null };
}
