import { predicateLexicon } from '../lexicon/index.ts';
import type { QuantityMatch, Token } from '../model.ts';
import { isBaseVerb, verbLemma } from './verbs.ts';

/** Where the predicate stands: the figure is its object ("killed 27"), its subject ("27 were killed"), or a noun names it. */
export interface Predicate {
  lemma: string;
  position: 'before' | 'after' | 'noun';
}

export interface PredicateContext {
  tokens: Token[];
  matches: QuantityMatch[];
  match: QuantityMatch;
  /** Token index just past the figure's object (or the figure itself when it counts nothing named). */
  objectEnd: number;
  /** Token index of the object's first word, when the object is named before the figure ("the death toll rose to 87"). */
  objectStart: number;
}

const MAX_CHAIN = 14;
const determiners = predicateLexicon.beforeFigure;
const { chainWords, linkingWords } = predicateLexicon;
// "a new aid package for Ukraine totaling about $1.7 billion": the figure is the worth of a thing the verb governs

const { reporting, copulas, auxiliaries, particles, phrasalVerbs, nominalisations, eventNouns, clauseBreaks, postModifiers } = predicateLexicon;

/** "a new lethal aid package": a word after an article and its modifiers is a noun; so is a base form after a verb ("raised interest rates"). */
function afterArticle(tokens: Token[], k: number): boolean {
  const previous = tokens[k - 1];
  if (previous && isBaseVerb(tokens[k]!.text) && previous.kind === 'word' && !auxiliaries.has(previous.lower) && !/^(?:to|and|or|not|never)$/.test(previous.lower) && /(?:ed|en)$/.test(previous.lower) && verbLemma(previous.text) !== null) return true;
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
    const t = tokens[j]!;
    if (predicateLexicon.subjectPronouns.has(t.lower)) return false;
    if (predicateLexicon.articles.has(t.lower)) return true;
    if (t.kind !== 'word' || verbLemma(t.text) !== null || auxiliaries.has(t.lower)) return false;
  }
  return false;
}

/** A verb that says what happened: not one that only reports or links. */
function eventVerb(tokens: Token[], k: number): string | null {
  const t = tokens[k];
  if (!t || t.kind !== 'word') return null;
  const lemma = verbLemma(t.text);
  if (lemma === null || reporting.has(lemma) || copulas.has(lemma)) return null;
  // ("an estimated 500" is handled above; a past form after its subject is a verb: "the administration announced")
  // ("the global economy expanding 3.2%": a participle after a noun phrase is its verb, unless an article stands right before it)
  const participle = /ing$/.test(t.lower) && !predicateLexicon.articles.has(tokens[k - 1]?.lower ?? '');
  if (!/ed$/.test(t.lower) && !participle && afterArticle(tokens, k)) return null;
  // "an estimated 500", "the remaining 40": a participle after an article describes, it does not happen
  if (determiners.has(tokens[k - 1]?.lower ?? '') && /(?:ed|ing)$/.test(t.lower) && tokens[k - 1]?.lower !== 'by') return null;
  return lemma;
}

/** "carried out 7,276 strikes", "68 were shot down": the particle joins its verb when the pair is a phrasal verb. */
function withParticle(lemma: string, particle: Token | undefined): string {
  if (particle && particles.has(particle.lower) && phrasalVerbs.has(`${lemma} ${particle.lower}`)) return `${lemma} ${particle.lower}`;
  return lemma;
}

/** "a death toll of 87", "an increase of 5%", "the deaths of 12". */
function nounBeforeOf(tokens: Token[], k: number): string | null {
  if (tokens[k]?.lower !== 'of') return null;
  const two = `${tokens[k - 2]?.lower ?? ''} ${tokens[k - 1]?.lower ?? ''}`;
  return nominalisations.get(two) ?? nominalisations.get(tokens[k - 1]?.lower ?? '') ?? null;
}

/** The verb right before the figure that governs it: "killed at least 27", "carried out 7,276 strikes", "pledged a further $500 million". */
function verbBefore({ tokens, match }: PredicateContext): Predicate | null {
  let k = match.start - 1;
  const noun = nounBeforeOf(tokens, k);
  if (noun) return { lemma: noun, position: 'noun' };
  let particle: Token | undefined;
  for (let skipped = 0; k >= 0 && skipped < 3; k--, skipped++) {
    const t = tokens[k]!;
    if (particles.has(t.lower) && particle === undefined && skipped === 0) {
      particle = t;
      continue;
    }
    // "has 5,000 tanks": a form of have right before a figure is the verb itself
    const lemma = eventVerb(tokens, k);
    if (lemma) return { lemma: withParticle(lemma, particle ?? tokens[k + 1]), position: 'before' };
    if (!determiners.has(t.lower)) return null;
  }
  return null;
}

const MAX_MODIFIER = 8;
const indexOf = (tokens: Token[], from: number, text: string, limit: number) => {
  for (let j = from; j < Math.min(tokens.length, from + limit); j++) if (tokens[j]!.text === text) return j;
  return -1;
};
/** A word that may be the clause's verb: it ends a modifier of the subject. */
const mayBeVerb = (t: Token) => t.kind === 'punct' || auxiliaries.has(t.lower) || clauseBreaks.has(t.lower) || (/^\p{Ll}/u.test(t.text) && verbLemma(t.text) !== null);

/**
 * Past what modifies a subject on the way to its verb: "About 80% of UK adults own", "more than 4500 vendors
 * and subcontractors in 34 U.S. states are participating", "More than half (54%) of those asked",
 * "Over 150 countries, including Kazakhstan, have signed".
 */
function pastModifiers(tokens: Token[], from: number): number {
  let k = from;
  for (let rounds = 0; rounds < 4; rounds++) {
    const t = tokens[k];
    if (!t) return k;
    if (t.text === '(') {
      const close = indexOf(tokens, k + 1, ')', MAX_MODIFIER);
      if (close < 0) return k;
      k = close + 1;
      continue;
    }
    if (t.text === ',' && tokens[k + 1]?.lower === 'including') {
      const comma = indexOf(tokens, k + 2, ',', MAX_MODIFIER);
      if (comma < 0) return k;
      k = comma + 1;
      continue;
    }
    // "$1.6 billion of which was provided by the United States"
    if (t.lower === 'of' && /^(?:which|whom)$/.test(tokens[k + 1]?.lower ?? '')) {
      k += 2;
      continue;
    }
    if (!postModifiers.has(t.lower)) return k;
    // "a package totaling $1.7 billion and largely consisting of": a second predicate, not a second noun
    if ((t.lower === 'and' || t.lower === 'or') && /^[a-z]{3,}ly$/.test(tokens[k + 1]?.lower ?? '')) return k;
    let j = k + 1;
    while (j < tokens.length && j <= k + MAX_MODIFIER && !mayBeVerb(tokens[j]!)) j++;
    if (j === k + 1) return k;
    k = j;
  }
  return k;
}

/** The verb after the figure's noun phrase, across auxiliaries: "27 people were killed", "68 were shot down", "45 died". */
function verbAfter({ tokens, objectEnd }: PredicateContext): Predicate | null {
  let k = pastModifiers(tokens, objectEnd);
  while (k < tokens.length && (auxiliaries.has(tokens[k]!.lower) || /^[a-z]{3,}ly$/.test(tokens[k]!.lower))) k++;
  let lemma = eventVerb(tokens, k);
  // "all 89 drones fired were shot down": a participle right after the noun describes it; the verb after the auxiliary says what happened
  if (lemma && auxiliaries.has(tokens[k + 1]?.lower ?? '') && /ed$/.test(tokens[k]!.lower)) {
    let j = k + 1;
    while (j < tokens.length && auxiliaries.has(tokens[j]!.lower)) j++;
    const main = eventVerb(tokens, j);
    if (main) {
      lemma = main;
      k = j;
    }
  }
  return lemma ? { lemma: withParticle(lemma, tokens[k + 1]), position: 'after' } : null;
}

const inFigure = (matches: QuantityMatch[], k: number) => matches.some((m) => k >= m.start && k < m.end);

/**
 * Further back, across the figures and words a figure is chained to: "rose 32,000 to 1.41 million",
 * "fired 12 missiles and 3 drones", "the death toll was 87", "its workforce by 4,000".
 */
function verbOfChain({ tokens, matches, match }: PredicateContext): Predicate | null {
  let sawChain = false;
  for (let k = match.start - 1, steps = 0; k >= 0 && steps < MAX_CHAIN; k--, steps++) {
    const t = tokens[k]!;
    if (inFigure(matches, k)) {
      sawChain = true;
      continue;
    }
    if (linkingWords.has(t.lower)) {
      sawChain = true;
      continue;
    }
    if (chainWords.has(t.lower)) {
      const noun = nounBeforeOf(tokens, k);
      if (noun) return { lemma: noun, position: 'noun' };
      sawChain = true;
      continue;
    }
    if (clauseBreaks.has(t.lower) || t.kind === 'punct') return null;
    const lemma = verbLemma(t.text);
    if (lemma !== null && copulas.has(lemma)) {
      // "the death toll was 87", "the number of deaths stood at 87"
      const noun = nominalisations.get(`${tokens[k - 2]?.lower ?? ''} ${tokens[k - 1]?.lower ?? ''}`) ?? nominalisations.get(tokens[k - 1]?.lower ?? '');
      return noun ? { lemma: noun, position: 'noun' } : null;
    }
    // "interest rates at 2%": a plural noun reads like a verb in -s
    const verb = /[^s]s$/.test(t.lower) ? null : eventVerb(tokens, k);
    if (verb) return sawChain || steps < 4 ? { lemma: withParticle(verb, tokens[k + 1]), position: 'before' } : null;
  }
  return null;
}

/** "12 deaths", "3,000 evacuations": a counted noun that names an event. */
function nominalisedObject({ tokens, match, objectEnd }: PredicateContext): Predicate | null {
  if (objectEnd <= match.end) return null;
  const head = tokens[objectEnd - 1]?.lower ?? '';
  const lemma = eventNouns.has(head) ? nominalisations.get(head) : undefined;
  return lemma ? { lemma, position: 'noun' } : null;
}

/** "the death toll rose to 87": a label before the figure that names an event. */
function nominalisedLabel({ tokens, objectStart, match }: PredicateContext): Predicate | null {
  if (objectStart >= match.start) return null;
  for (let k = objectStart; k < match.start; k++) {
    const two = `${tokens[k]?.lower ?? ''} ${tokens[k + 1]?.lower ?? ''}`;
    const one = tokens[k]?.lower ?? '';
    const lemma = eventNouns.has(two) ? nominalisations.get(two) : eventNouns.has(one) ? nominalisations.get(one) : undefined;
    if (lemma) return { lemma, position: 'noun' };
  }
  // "growth for the whole of 2004 was 1.6%", "Consumer spending grew 4.2%": the subject's own noun names what happened
  if (copulas.has(verbLemma(tokens[match.start - 1]?.text ?? '') ?? '') || auxiliaries.has(tokens[match.start - 1]?.lower ?? '')) {
    const head = tokens[objectStart]?.lower ?? '';
    const lemma = nominalisations.get(`${head} ${tokens[objectStart + 1]?.lower ?? ''}`) ?? nominalisations.get(head);
    if (lemma) return { lemma, position: 'noun' };
  }
  return null;
}

/** A length that places something: followed, past its conversion in brackets, by a direction or "off". */
function locates(tokens: Token[], match: QuantityMatch): boolean {
  if (match.unit === null || !predicateLexicon.locatingUnits.has(match.unit)) return false;
  let k = match.end;
  if (tokens[k]?.text === '(') while (k < tokens.length && k < match.end + 8 && tokens[k]!.text !== ')') k++;
  if (tokens[k]?.text === ')') k++;
  return predicateLexicon.locatingWords.has(tokens[k]?.lower ?? '');
}

/**
 * The lemma of the verb or deverbal noun that governs a figure (SPEC.md `predicate`), or null:
 * the verb it is the object of, then the verb it is the subject of, then one it is chained to,
 * then a noun that names the event. A verb that only reports ("…, the ministry said") is never it.
 */
export function findPredicate(context: PredicateContext): Predicate | null {
  // "a 68-year-old man", "a 600-mile front line": a measure that modifies a noun says nothing happened to it
  const { tokens, match } = context;
  if (match.unit !== null && match.currency === null && tokens.slice(match.coreStart, match.end).some((t) => (t.text === '-' || t.text === '‐') && !t.spaced)) return null;
  // an age, or "10 km east of Basra", "some 80 km (50 miles) west of Kharg island": they place or describe, nothing happens to them
  if (match.rule.endsWith('+age') || locates(tokens, match)) return null;
  // "Launching costs 47.6 mln vs 51.6 mln": a results line's label is no verb
  if (tokens.some((t) => t.lower === 'vs' || t.lower === 'vs.') && verbBefore(context) === null) return null;
  return verbBefore(context) ?? verbAfter(context) ?? nominalisedLabel(context) ?? verbOfChain(context) ?? nominalisedObject(context);
}
