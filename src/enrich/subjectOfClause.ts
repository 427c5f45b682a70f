// "growth for the whole of 2004 was 1.6%", "Falling energy prices, which dropped 2.1%",
// "the Nasdaq composite edged down by less than 0.1%": a figure that completes its clause's
// verb of change or level measures the clause's subject. A verb that acts on something
// ("the army killed 27") makes its subject the agent, never what the figure counts.
import { predicateLexicon, wordList } from '../lexicon/index.ts';
import type { CountedObject, QuantityMatch, QuantityType, Token } from '../model.ts';
import { determiners, headOfLabel, nounPhraseBefore } from './nounPhrase.ts';
import { verbLemma } from './verbs.ts';

const levelVerbs: ReadonlySet<string> = wordList('object', 'levelVerbs');
const clauseStarts: ReadonlySet<string> = wordList('object', 'clauseStarts');
const pronouns: ReadonlySet<string> = wordList('object', 'pronouns');
const countChangeWords: ReadonlySet<string> = wordList('object', 'countChangeWords');
const chainPrepositions: ReadonlySet<string> = wordList('object', 'chainPrepositions');
// Between the verb and its figure: "rose to", "edged down by", "was estimated at", "grew a modest".
const verbGlue: ReadonlySet<string> = wordList('object', 'verbGlue');
const beForms: ReadonlySet<string> = wordList('object', 'beForms');
const relatives = new Set(['which', 'that', 'who']);
const MAX_VERB_GROUP = 7;
const MAX_SUBJECT = 12;
const MAX_RELATIVE = 25;
const MAX_APPOSITION = 8;

interface VerbGroup {
  /** Index of the last token before the verb group. */
  before: number;
  /** The group holds a verb a count can complete: a copula, "reached", "rose to". */
  countable: boolean;
  /** The group's verb is a participle ("rising to 5.1 million"). */
  participle: boolean;
}

/** The verbs, auxiliaries and glue words right before the figure, with at least one verb of change or level among them. */
function verbGroupBefore(tokens: Token[], matches: QuantityMatch[], match: QuantityMatch): VerbGroup | null {
  let k = match.start - 1;
  let verbs = 0;
  let countable = false;
  let participle = false;
  for (let steps = 0; k >= 0 && steps < MAX_VERB_GROUP; k--, steps++) {
    const t = tokens[k]!;
    // "leaped 5% to $77.62", "rose 8.28 pct to 58.71 billion": the change before the level
    const other = matches.find((m) => m !== match && k >= m.start && k < m.end);
    if (other) {
      k = other.start;
      continue;
    }
    if (t.kind !== 'word' || relatives.has(t.lower)) break;
    const lemma = beForms.has(t.lower) ? 'be' : verbLemma(t.text);
    if (lemma !== null && (predicateLexicon.changeVerbs.has(lemma) || levelVerbs.has(lemma))) {
      verbs++;
      if (levelVerbs.has(lemma) || countChangeWords.has(t.lower)) countable = true;
      if (/ing$/.test(t.lower)) participle = true;
      continue;
    }
    if (verbGlue.has(t.lower) || predicateLexicon.auxiliaries.has(t.lower) || predicateLexicon.particles.has(t.lower) || /^[a-z]{3,}ly$/.test(t.lower)) continue;
    break;
  }
  return verbs > 0 ? { before: k, countable, participle } : null;
}

/** Past a relative clause or aside between the subject and its verb: "prices, which dropped", "The yield, which moves with rates,". */
function pastRelative(tokens: Token[], k: number): number {
  if (relatives.has(tokens[k]?.lower ?? '')) return tokens[k - 1]?.text === ',' ? k - 2 : k - 1;
  if (tokens[k]?.text !== ',') return k;
  for (let j = k - 1; j >= Math.max(1, k - MAX_RELATIVE); j--) {
    const t = tokens[j]!;
    if (t.text === ',' && relatives.has(tokens[j + 1]?.lower ?? '')) return j - 1;
    // "A barrel of Brent crude, the international standard, leaped": an apposition, no verb in it
    if (t.text === ',' && k - j <= MAX_APPOSITION && tokens.slice(j + 1, k).every((w) => w.kind === 'word' && !(/^\p{Ll}/u.test(w.text) && verbLemma(w.text) !== null))) return j - 1;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '‐') return -1;
  }
  return -1;
}

/** The last token of the main clause's subject, back across its verb group, before a participle clause at `k`. */
function mainClauseSubjectEnd(tokens: Token[], k: number): number {
  let j = k;
  let verbs = 0;
  for (let steps = 0; j >= 0 && steps < MAX_VERB_GROUP; j--, steps++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    const lemma = beForms.has(t.lower) ? 'be' : /^\p{Ll}/u.test(t.text) ? verbLemma(t.text) : null;
    if (lemma !== null && (predicateLexicon.changeVerbs.has(lemma) || levelVerbs.has(lemma))) {
      verbs++;
      continue;
    }
    if (verbGlue.has(t.lower) || predicateLexicon.auxiliaries.has(t.lower) || predicateLexicon.particles.has(t.lower) || /^[a-z]{3,}ly$/.test(t.lower)) continue;
    break;
  }
  return verbs > 0 ? j : -1;
}

/** The subject of the clause whose verb of change or level the figure completes, or null. */
export function subjectOfClause(tokens: Token[], matches: QuantityMatch[], match: QuantityMatch, type: QuantityType): CountedObject | null {
  const group = verbGroupBefore(tokens, matches, match);
  if (!group || (type === 'count' && !group.countable)) return null;
  let end = pastRelative(tokens, group.before);
  // "France Telecom's broadband customers also increased, rising to 5.1 million": the main clause's subject
  if (group.participle && tokens[group.before]?.text === ',') end = mainClauseSubjectEnd(tokens, group.before - 1);
  if (end < 0) return null;
  // the clause runs back to punctuation, a conjunction or a reporting verb
  let start = end;
  while (start >= 0 && end - start < MAX_SUBJECT) {
    const t = tokens[start]!;
    if ((t.kind === 'punct' && t.text !== '-' && t.text !== '‐' && t.text !== "'" && t.text !== '’') || clauseStarts.has(t.lower)) break;
    start--;
  }
  if (end - start >= MAX_SUBJECT) return null;
  let first = start + 1;
  while (first <= end && determiners.has(tokens[first]!.lower)) first++;
  if (first > end || pronouns.has(tokens[first]!.lower) || tokens[first]!.kind !== 'word') return null;
  // "growth for the whole of 2004": the subject's noun phrase ends where its first modifier begins
  let last = first;
  while (last < end && !chainPrepositions.has(tokens[last + 1]!.lower) && tokens[last + 1]!.lower !== 'during') last++;
  const words = nounPhraseBefore(tokens, last);
  if (words.length === 0 || words[0]!.start !== tokens[first]!.start) return null;
  // "Mr Brown's Labour fell 5%": a name alone is who, not what ("Prices, however, rose": a sentence's first word is capitalised anyway)
  const sentenceStart = tokens.indexOf(words[0]!) === 0 && words.length === 1;
  if (!sentenceStart && words.every((t) => t.kind !== 'word' || /^\p{Lu}/u.test(t.text))) return null;
  const head = headOfLabel(words);
  if (head === null) return null;
  return { start: words[0]!.start, end: words[words.length - 1]!.end, words, head };
}
