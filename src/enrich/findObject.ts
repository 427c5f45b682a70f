import { numberWords, objectLexicon } from '../lexicon/index.ts';
import type { Token } from '../extract/tokenize.ts';
import { singularHead } from './singularHead.ts';

export interface CountedObject {
  /** UTF-16 span of the object phrase in the document. */
  start: number;
  end: number;
  /** Tokens of the phrase, for the category lexicon. */
  words: Token[];
  head: string;
}

const MAX_WORDS = 7;
const isHyphen = (t: Token | undefined) => t !== undefined && /^[-‐]$/.test(t.text);
const gluedTo = (t: Token | undefined) => t !== undefined && !t.spaced;
const looksPlural = (w: string) => /[a-z]s$/.test(w) && !/(?:ss|us|is)$/.test(w);
const edIng = (t: Token) => /(?:ed|ing)$/.test(t.lower) && !objectLexicon.nounsInEdIng.has(t.lower);

/**
 * The noun phrase a figure counts, read from the tokens after it:
 * "2,000 AT-4 anti-tank missiles", "7,276 strikes on Iraq" -> "strikes".
 * It runs over words, hyphenated compounds, designators and a bracketed
 * acronym, and stops at function words, verbs and punctuation.
 */
export function findObject(tokens: Token[], from: number): CountedObject | null {
  let i = from;
  // "5,000-strong force", "10-odd ships"
  if (isHyphen(tokens[i]) && gluedTo(tokens[i]) && /^(strong|odd|plus)$/.test(tokens[i + 1]?.lower ?? '')) i += 2;
  // "thousands of military advisers", "two-thirds of the budget"
  if (tokens[i]?.lower === 'of') {
    i++;
    if (/^(the|its|their|his|her|our)$/.test(tokens[i]?.lower ?? '')) i++;
  }
  const words: Token[] = [];
  let j = i;
  while (j < tokens.length && words.filter((w) => w.kind === 'word').length < MAX_WORDS) {
    const t = tokens[j]!;
    if (t.kind === 'word') {
      // "AT-4", "US troops": an all-capitals word is a name, never a function word.
      const acronym = t.text.length > 1 && t.text === t.text.toUpperCase();
      if (objectLexicon.stop.has(t.lower) && !acronym && !(words.length > 0 && isHyphen(words[words.length - 1]))) break;
      if (words.length > 0 && objectLexicon.irregularVerbs.has(t.lower) && !isHyphen(words[words.length - 1])) break;
      // "obligation applies exclusively": an adverb ends the phrase
      if (/[a-z]{3}ly$/.test(t.text) && !objectLexicon.nounsInEdIng.has(t.lower)) break;
      // "four of five wellheads": another figure starts
      if (words.length > 0 && (numberWords.ones.has(t.lower) || numberWords.tens.has(t.lower))) break;
      words.push(t);
      j++;
      continue;
    }
    // "AT-4", "air-to-ground", "M16": glued pieces of a compound
    if ((isHyphen(t) || t.kind === 'number') && gluedTo(t) && words.length > 0) {
      words.push(t);
      j++;
      continue;
    }
    if (isHyphen(t) && gluedTo(tokens[j + 1]) && tokens[j + 1]?.kind === 'word') {
      words.push(t);
      j++;
      continue;
    }
    // "AT-4" starting the phrase: a designator's letters come first, so a number only follows a word.
    // "(MRAP)": a bracketed acronym inside the phrase
    if (t.text === '(' && tokens[j + 2]?.text === ')' && /^\p{Lu}{2,}s?$/u.test(tokens[j + 1]?.text ?? '') && words.length > 0) {
      words.push(t, tokens[j + 1]!, tokens[j + 2]!);
      j += 3;
      continue;
    }
    break;
  }
  // "80 warplanes downed": a participle after a plural noun ends the phrase.
  let cut = words.length;
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    if (w.kind === 'word' && edIng(w) && looksPlural(words[k - 1]!.lower)) {
      cut = k;
      break;
    }
  }
  let phrase = words.slice(0, cut);
  // a trailing participle or hyphen is not the head: "soldiers killed" -> "soldiers"
  while (phrase.length > 0) {
    const tail = phrase[phrase.length - 1]!;
    if (tail.kind === 'word' && (edIng(tail) || /^(?:\p{Lu}\.?)$/u.test(tail.text)) && phrase.length > 1) phrase = phrase.slice(0, -1);
    else if (tail.kind !== 'word' && tail.text !== ')') phrase = phrase.slice(0, -1);
    else break;
  }
  if (phrase.length === 0) return null;
  const lastWord = [...phrase].reverse().find((t) => t.kind === 'word')!;
  if (phrase.length === 1 && edIng(lastWord)) return null;
  // "400 pieces of military hardware" counts hardware
  if (objectLexicon.partitives.has(lastWord.lower) && tokens[j]?.lower === 'of') {
    const inner = findObject(tokens, j);
    if (inner) return { start: phrase[0]!.start, end: inner.end, words: [...phrase, ...inner.words], head: inner.head };
  }
  return { start: phrase[0]!.start, end: phrase[phrase.length - 1]!.end, words: phrase, head: singularHead(lastWord.text) };
}

// Between a label and its figure: "deficit rose to", "Exports were down", "donations totalling", "reserves of".
const linkWords = new Set([
  'of', 'at', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'rose', 'fell', 'totalled', 'totaled', 'totalling', 'totaling',
  'reached', 'stood', 'amounted', 'to', 'by', 'hit', 'topped', 'worth', 'valued', 'estimated', 'put', 'increased', 'decreased',
  'grew', 'dropped', 'declined', 'jumped', 'climbed', 'down', 'up', 'narrowed', 'widened', 'a', 'an', 'the', 'sum', 'just', 'only',
  'now', 'still', 'also', 'will', 'would', 'could', 'may', 'be', 'has', 'have', 'had', 'fall', 'rise', 'grow', 'total', 'totals',
]);

/**
 * The label a money, percent or measure figure belongs to, read from the
 * tokens before it: "Turkey's trade deficit rose to 3.65 billion dlrs" ->
 * "Turkey's trade deficit"; "Pretax profit 182.2 mln" -> "Pretax profit".
 */
export function findObjectBefore(tokens: Token[], mentionStart: number): CountedObject | null {
  let k = mentionStart - 1;
  let skipped = 0;
  // Links ("rose to", "were") and time phrases ("in December", "at end-1986", "in 1986") between label and figure.
  for (let rounds = 0; rounds < 3; rounds++) {
    const before = k;
    for (; k >= 0 && skipped < 6 && linkWords.has(tokens[k]!.lower); skipped++) k--;
    const timeStart = timePhraseBefore(tokens, k);
    if (timeStart !== null) {
      k = timeStart - 1;
      skipped++;
    }
    if (k === before) break;
  }
  const words = nounPhraseBefore(tokens, k);
  if (words.length === 0 || words[0]!.kind !== 'word') return null;
  k -= words.length;
  // A label stands at the start of the sentence ("Pretax profit 182.2 mln") or is linked
  // to the figure ("deficit rose to"); "Faya Largeau some 230 km" is neither.
  if (skipped === 0 && k >= 0) return null;
  // "plans to sell 84 mln dlrs": after "to" or a modal the word is a verb, not a label.
  if (/^(to|will|would|could|can|may|might|must|should|shall)$/.test(tokens[k]?.lower ?? '')) return null;
  // "proven reserves of liquid hydrocarbons ... were 70 billion barrels", "Exports to OECD countries rose to":
  // the head is the noun the prepositional phrase hangs on.
  if (/^(of|with|to|from|for)$/.test(tokens[k]?.lower ?? '')) {
    const owner = nounPhraseBefore(tokens, k - 1);
    if (owner.length > 0 && owner[0]!.kind === 'word') {
      const head = owner[owner.length - 1]!;
      return { start: owner[0]!.start, end: words[words.length - 1]!.end, words: [...owner, ...words], head: singularHead(head.text) };
    }
  }
  const last = words[words.length - 1]!;
  return { start: words[0]!.start, end: last.end, words, head: singularHead(last.text) };
}

/** Up to four words of a noun phrase ending at token k (inclusive), in text order. */
function nounPhraseBefore(tokens: Token[], k: number): Token[] {
  const words: Token[] = [];
  while (k >= 0 && words.filter((t) => t.kind === 'word').length < 4) {
    const t = tokens[k]!;
    const acronym = t.text.length > 1 && t.text === t.text.toUpperCase();
    if (t.kind === 'word' && (acronym || !objectLexicon.stop.has(t.lower)) && !edIng(t) && !objectLexicon.irregularVerbs.has(t.lower) && !/ly$/.test(t.lower)) {
      words.unshift(t);
      k--;
      continue;
    }
    // "Mid-East", "air-to-ground"
    if (isHyphen(t) && gluedTo(t) && words.length > 0 && gluedTo(words[0]) && tokens[k - 1]?.kind === 'word') {
      words.unshift(t);
      k--;
      continue;
    }
    break;
  }
  return words;
}

const timeWords = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'end', 'mid', 'early', 'late', 'the', 'last', 'this', 'year', 'month', 'week', 'quarter', 'first', 'second', 'third', 'fourth', 'fiscal', 'calendar']);

/** Start of a time phrase ending at token k: "in December", "at end-1986", "in 1986", "in the first quarter". */
function timePhraseBefore(tokens: Token[], k: number): number | null {
  for (let j = k; j >= Math.max(0, k - 4); j--) {
    const t = tokens[j]!;
    if (/^(in|at|on|during|for|by|since)$/.test(t.lower)) return j < k ? j : null;
    if (!(t.kind === 'number' || isHyphen(t) || timeWords.has(t.lower))) return null;
  }
  return null;
}
