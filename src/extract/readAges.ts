import { wordList } from '../lexicon/index.ts';
import type { QuantityMatch, Token } from '../model.ts';

// "aged 16 to 18", "the age of 18", "ranging in age from 50 to 110", "between the ages of 18 and 26"
const ageCues: ReadonlySet<string> = wordList('quantity', 'ageCues');
const MAX_AGE = 120;
const LOOK_BACK = 4;

const bareInteger = (m: QuantityMatch, tokens: Token[]) =>
  m.currency === null && m.unit === null && m.amounts.length > 0 && m.amounts.every((a) => a.scale === 1 && /^\d{1,3}$/.test(tokens[a.number.start]!.text) && Number(tokens[a.number.start]!.text) <= MAX_AGE);

/** "William Jerome Rivers, 46, of Carrollton": a number set off by commas right after a name is the person's age. */
function apposedAge(m: QuantityMatch, tokens: Token[]): boolean {
  const before = tokens[m.start - 1];
  const name = tokens[m.start - 2];
  const after = tokens[m.end];
  return before?.text === ',' && name !== undefined && name.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(name.text) && tokens[m.start - 3]?.kind === 'word' && /^\p{Lu}/u.test(tokens[m.start - 3]!.text) && after !== undefined && /^[,;)]$/.test(after.text);
}

/** A word of age shortly before the figure, with nothing but glue between. */
function ageCueBefore(m: QuantityMatch, tokens: Token[]): boolean {
  for (let k = m.start - 1; k >= Math.max(0, m.start - LOOK_BACK); k--) {
    const t = tokens[k]!;
    if (ageCues.has(t.lower)) return true;
    if (!/^(?:of|from|between|the|over|under|about|around|in|to|and)$/.test(t.lower)) return false;
  }
  return false;
}

/**
 * Sentence refiner: a bare integer that gives someone's age is a measure in years, as SPEC.md's
 * `time` category has it ("a 10-year-old"), not a count: "aged 16 to 18", "Brian Paré, 38, pleaded".
 */
export function readAges(matches: QuantityMatch[], tokens: Token[]): QuantityMatch[] {
  return matches.map((m) => (bareInteger(m, tokens) && (ageCueBefore(m, tokens) || apposedAge(m, tokens)) ? { ...m, unit: 'yr', rule: `${m.rule}+age` } : m));
}
