// Reading noun phrases off a sentence's tokens: the shapes of words and glue, the noun
// phrase and time phrase that end before a token, and the head word of a phrase.
import { objectLexicon, wordList } from '../lexicon/index.ts';
import type { Token } from '../model.ts';
import { singularHead } from './singularHead.ts';

export const isHyphen = (t: Token | undefined) => t !== undefined && /^[-‐]$/.test(t.text);
export const gluedTo = (t: Token | undefined) => t !== undefined && !t.spaced;
export const looksPlural = (w: string) => /[a-z]s$/.test(w) && !/(?:ss|us|is)$/.test(w);
export const edIng = (t: Token) => /(?:ed|ing)$/.test(t.lower) && !objectLexicon.nounsInEdIng.has(t.lower);
export const lastWordOf = (phrase: Token[]) => [...phrase].reverse().find((t) => t.kind === 'word')!;

export const determiners: ReadonlySet<string> = wordList('object', 'determiners');
// Nouns that only say "how many" or "how much": the label is what they count ("the number of people",
// "the benefit claimant total"), and alone ("The amount was ...") they name nothing.
export const amountNouns: ReadonlySet<string> = wordList('object', 'amountNouns');
// Comparatives describe, never name: "a cash surplus higher at 54 mln".
const comparatives = new Set(['higher', 'lower', 'bigger', 'smaller', 'larger', 'greater', 'better', 'worse', 'stronger', 'weaker',
  // participles without -ed: "crude exports seen at 1.320 mln bpd"
  'seen', 'shown', 'known', 'given', 'taken', 'driven', 'written', 'chosen', 'below', 'above']);
// "Net interest receivable": a trailing adjective of accounts, not the head.
const postpositive: ReadonlySet<string> = wordList('object', 'postpositive');
const compass: ReadonlySet<string> = wordList('object', 'compass');
const timeWords: ReadonlySet<string> = wordList('object', 'timeWords');

/**
 * The head of a phrase ending in a word glued by hyphens to the words before it keeps them:
 * "Iraqi counter-attacks" -> "counter-attack", "anti-tank missiles" -> "missile".
 */
export function compoundHead(phrase: Token[]): string {
  let k = phrase.length - 1;
  while (k >= 0 && phrase[k]!.kind !== 'word') k--;
  const last = phrase[k]!;
  let first = k;
  while (first >= 2 && isHyphen(phrase[first - 1]) && gluedTo(phrase[first - 1]) && gluedTo(phrase[first]) && phrase[first - 2]!.kind === 'word') first -= 2;
  const head = singularHead(last.text);
  if (first === k) return head;
  // "AT-4": a designator is not a compound noun; only lower-case words make one
  const parts = phrase.slice(first, k).map((t) => t.text);
  if (parts.some((p) => p !== '-' && p !== '‐' && !/^\p{Ll}+$/u.test(p))) return head;
  return parts.join('').toLowerCase().replace(/‐/g, '-') + head;
}

/** The head of a label phrase: "benefit claimant total" -> "claimant", "Net interest receivable" -> "interest", "The amount" -> null. */
export function headOfLabel(phrase: Token[]): string | null {
  const words = phrase.filter((t) => t.kind === 'word');
  let i = words.length - 1;
  if (postpositive.has(words[i]!.lower) && i > 0) i--;
  if (amountNouns.has(words[i]!.lower)) {
    if (i === 0 || !/^\p{Ll}+$/u.test(words[i - 1]!.text) || /(?:ed|ing)$/.test(words[i - 1]!.lower) || timeWords.has(words[i - 1]!.lower)) return null;
    i--;
  }
  return compoundHead(phrase.slice(0, phrase.indexOf(words[i]!) + 1));
}

/** Up to four words of a noun phrase ending at token k (inclusive), in text order. */
export function nounPhraseBefore(tokens: Token[], k: number): Token[] {
  const words: Token[] = [];
  let lower = 0;
  while (k >= 0 && lower < 4 && words.length < 10) {
    const t = tokens[k]!;
    const acronym = t.text.length > 1 && t.text === t.text.toUpperCase();
    const capitalised = k > 0 && /^\p{Lu}/u.test(t.text);
    // "Launching costs", "its operating profit", "mexico's proven reserves": a participle modifying the noun
    const modifier = words.length > 0 && edIng(t) && (k === 0 || determiners.has(tokens[k - 1]!.lower) || /['’]s$/.test(tokens[k - 1]!.lower));
    // "Mid-East", "to the north"
    const name = compass.has(t.lower) && (capitalised || (words.length === 0 && tokens[k - 1]?.lower === 'the'));
    if (t.kind === 'word' && !comparatives.has(t.lower) && (acronym || name || !objectLexicon.stop.has(t.lower)) && (!edIng(t) || modifier) && !objectLexicon.irregularVerbs.has(t.lower) && !/ly$/.test(t.lower)) {
      words.unshift(t);
      if (!capitalised) lower++;
      k--;
      continue;
    }
    // "Mid-East", "air-to-ground"
    if (isHyphen(t) && gluedTo(t) && words.length > 0 && gluedTo(words[0]) && tokens[k - 1]?.kind === 'word') {
      words.unshift(t);
      k--;
      continue;
    }
    // "Organisation for Economic Cooperation and Development countries": a name's own "and", "for", "of"
    if (/^(and|for|of|&)$/.test(t.lower) && words.length > 0 && /^\p{Lu}/u.test(words[0]!.text) && k > 1 && /^\p{Lu}\p{Ll}/u.test(tokens[k - 1]!.text) && !/['’]s$/.test(tokens[k - 1]!.text)) {
      words.unshift(t);
      k--;
      continue;
    }
    break;
  }
  // a name's connective never ends the phrase
  while (words.length > 0 && words[0]!.kind === 'word' && /^(and|for|of|&)$/.test(words[0]!.lower)) words.shift();
  return words;
}

/** Start of a time phrase ending at token k: "in December", "at end-1986", "in 1986", "in the first quarter". */
export function timePhraseBefore(tokens: Token[], k: number): number | null {
  for (let j = k; j >= Math.max(0, k - 4); j--) {
    const t = tokens[j]!;
    if (/^(in|at|on|during|for|by|since)$/.test(t.lower)) return j < k ? j : null;
    if (!(t.kind === 'number' || isHyphen(t) || timeWords.has(t.lower))) return null;
  }
  return null;
}
