import { numberWords, objectLexicon, wordList } from '../lexicon/index.ts';
import type { CountedObject, Token } from '../model.ts';
import { compoundHead, edIng, gluedTo, isHyphen, looksPlural } from './nounPhrase.ts';
import { singularHead } from './singularHead.ts';
import { isBaseVerb, isPastVerb } from './verbs.ts';

const MAX_WORDS = 7;

/**
 * The noun phrase a figure counts, read from the tokens after it:
 * "2,000 AT-4 anti-tank missiles", "7,276 strikes on Iraq" -> "strikes".
 * It runs over words, hyphenated compounds, designators and a bracketed
 * acronym, and stops at function words, verbs and punctuation.
 */
export function objectFrom(tokens: Token[], from: number): CountedObject | null {
  let i = from;
  // "5,000-strong force", "10-odd ships"
  if (isHyphen(tokens[i]) && gluedTo(tokens[i]) && /^(strong|odd|plus)$/.test(tokens[i + 1]?.lower ?? '')) i += 2;
  // "thousands of military advisers", "two-thirds of the budget"
  if (tokens[i]?.lower === 'of') {
    i++;
    if (/^(the|its|their|his|her|our|my|your)$/.test(tokens[i]?.lower ?? '')) i++;
  }
  // "90,000 more people were in employment"
  if (/^(more|fewer)$/.test(tokens[i]?.lower ?? '') && tokens[i + 1]?.kind === 'word' && !objectLexicon.stop.has(tokens[i + 1]!.lower)) i++;
  const words: Token[] = [];
  let j = i;
  while (j < tokens.length && words.filter((w) => w.kind === 'word').length < MAX_WORDS) {
    const t = tokens[j]!;
    if (t.kind === 'word') {
      // "AT-4", "US troops": an all-capitals word is a name, never a function word.
      const acronym = t.text.length > 1 && t.text === t.text.toUpperCase();
      // "15.9 mln REUTER": the wire's sign-off is never part of a phrase
      if (t.lower === 'reuter' || t.lower === 'reuters') break;
      if (objectLexicon.stop.has(t.lower) && !acronym && !(words.length > 0 && isHyphen(words[words.length - 1]))) break;
      if (words.length > 0 && (objectLexicon.irregularVerbs.has(t.lower) || isPastVerb(t.text)) && !isHyphen(words[words.length - 1])) break;
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
  // "80 warplanes downed", "hundreds of people gather": a participle or a base-form verb after a plural noun ends the phrase.
  let cut = words.length;
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    if (w.kind === 'word' && (edIng(w) || isBaseVerb(w.text)) && pluralNoun(words[k - 1]!)) {
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
  // "400 pieces of military hardware" counts hardware; "three new types of nuclear weapons" counts types of weapons
  if (tokens[j]?.lower === 'of' && (objectLexicon.partitives.has(lastWord.lower) || kindNouns.has(lastWord.lower))) {
    const inner = objectFrom(tokens, j);
    if (inner && kindNouns.has(lastWord.lower)) {
      return { start: phrase[0]!.start, end: inner.end, words: [...phrase, ...inner.words], head: singularHead(lastWord.text), categoryHead: inner.categoryHead ?? inner.head };
    }
    if (inner) return { start: phrase[0]!.start, end: inner.end, words: [...phrase, ...inner.words], head: inner.head };
  }
  return { start: phrase[0]!.start, end: phrase[phrase.length - 1]!.end, words: phrase, head: compoundHead(phrase) };
}

/** A plural noun that can be a verb's subject: "people", "adults", but not the modifier in "arms control". */
const pluralNoun = (t: Token) =>
  t.kind === 'word' && /^\p{Ll}/u.test(t.text) && !objectLexicon.pluralModifiers.has(t.lower) && (looksPlural(t.lower) || (objectLexicon.irregularPlurals.has(t.lower) && objectLexicon.irregularPlurals.get(t.lower) !== t.lower));

// "three new types of nuclear weapons" counts types, not weapons (unlike "400 pieces of hardware").
const kindNouns: ReadonlySet<string> = wordList('object', 'kindNouns');
