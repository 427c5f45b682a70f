import { numberWords, objectLexicon, wordList } from '../lexicon/index.ts';
import type { CountedObject, Token } from '../model.ts';
import { singularHead } from './singularHead.ts';

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
  // "400 pieces of military hardware" counts hardware; "three new types of nuclear weapons" counts types of weapons
  if (tokens[j]?.lower === 'of' && (objectLexicon.partitives.has(lastWord.lower) || kindNouns.has(lastWord.lower))) {
    const inner = findObject(tokens, j);
    if (inner && kindNouns.has(lastWord.lower)) {
      return { start: phrase[0]!.start, end: inner.end, words: [...phrase, ...inner.words], head: singularHead(lastWord.text), categoryHead: inner.categoryHead ?? inner.head };
    }
    if (inner) return { start: phrase[0]!.start, end: inner.end, words: [...phrase, ...inner.words], head: inner.head };
  }
  return { start: phrase[0]!.start, end: phrase[phrase.length - 1]!.end, words: phrase, head: compoundHead(phrase) };
}

// "three new types of nuclear weapons" counts types, not weapons (unlike "400 pieces of hardware").
const kindNouns: ReadonlySet<string> = wordList('object', 'kindNouns');

/**
 * The head of a phrase ending in a word glued by hyphens to the words before it keeps them:
 * "Iraqi counter-attacks" -> "counter-attack", "anti-tank missiles" -> "missile".
 */
function compoundHead(phrase: Token[]): string {
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

// Between a label and its figure: "deficit rose to", "Exports were down", "donations totalling", "reserves of".
const linkWords: ReadonlySet<string> = wordList('object', 'linkWords');
// A count is labelled by the subject before it only across a verb of change or level:
// "The number of people out of work rose 32,000", "the toll in Teri Mangal rose to 81".
const countChangeWords: ReadonlySet<string> = wordList('object', 'countChangeWords');
const beForms: ReadonlySet<string> = wordList('object', 'beForms');
const determiners: ReadonlySet<string> = wordList('object', 'determiners');
// Prepositions a subject's modifiers hang on: "Exports to OECD countries", "the toll in Teri Mangal".
const chainPrepositions: ReadonlySet<string> = wordList('object', 'chainPrepositions');
// Nouns that only say "how many" or "how much": the label is what they count ("the number of people",
// "the benefit claimant total"), and alone ("The amount was ...") they name nothing.
const amountNouns: ReadonlySet<string> = wordList('object', 'amountNouns');
const changeNouns: ReadonlySet<string> = wordList('object', 'changeNouns');
// Comparatives describe, never name: "a cash surplus higher at 54 mln".
const comparatives = new Set(['higher', 'lower', 'bigger', 'smaller', 'larger', 'greater', 'better', 'worse', 'stronger', 'weaker',
  // participles without -ed: "crude exports seen at 1.320 mln bpd"
  'seen', 'shown', 'known', 'given', 'taken', 'driven', 'written', 'chosen', 'below', 'above']);
// "Net interest receivable": a trailing adjective of accounts, not the head.
const postpositive: ReadonlySet<string> = wordList('object', 'postpositive');
const compass: ReadonlySet<string> = wordList('object', 'compass');
// "a crater half a meter deep": a measure before one of these measures the noun before it.
const dimensionAdjectives: ReadonlySet<string> = wordList('object', 'dimensionAdjectives');
// A qualifier that links a label to its figure: "donations over £5,000", "savings in excess of 12 pct".
const linkingQualifiers: ReadonlySet<string> = wordList('object', 'linkingQualifiers');
const pronouns: ReadonlySet<string> = wordList('object', 'pronouns');

const isLink = (tokens: Token[], k: number) =>
  linkWords.has(tokens[k]!.lower) || (tokens[k]!.lower === 'for' && beForms.has(tokens[k - 1]?.lower ?? ''));

/**
 * The label a money, percent or measure figure belongs to, read from the
 * tokens before it: "Turkey's trade deficit rose to 3.65 billion dlrs" ->
 * "Turkey's trade deficit"; "Pretax profit 182.2 mln" -> "Pretax profit".
 * With `count`, only a subject across a verb of change labels the figure
 * ("the benefit claimant total fell 11,000").
 */
export function findObjectBefore(tokens: Token[], mentionStart: number, count = false): CountedObject | null {
  let k = mentionStart - 1;
  let skipped = 0;
  let change = false;
  // Links ("rose to", "were") and time phrases ("in December", "at end-1986", "in 1986") between label and figure.
  for (let rounds = 0; rounds < 3; rounds++) {
    const before = k;
    for (; k >= 0 && skipped < 6 && isLink(tokens, k); skipped++) {
      if (countChangeWords.has(tokens[k]!.lower)) change = true;
      k--;
    }
    const timeStart = timePhraseBefore(tokens, k);
    if (timeStart !== null) {
      k = timeStart - 1;
      skipped++;
    }
    if (k === before) break;
  }
  if (count && !change) return null;
  if (skipped === 0 && !count) {
    const label = tableLabel(tokens, mentionStart) ?? qualifiedLabel(tokens, mentionStart) ?? dimensionLabel(tokens, mentionStart);
    if (label) return label;
  }
  // "gave the party a sum of £500,000": an article after the noun starts another phrase.
  if (/^(a|an|the)$/.test(tokens[k + 1]?.lower ?? '')) return null;
  const words = nounPhraseBefore(tokens, k);
  if (words.length === 0 || words[0]!.kind !== 'word') return null;
  k -= words.length;
  // A label stands at the start of the sentence ("Pretax profit 182.2 mln") or is linked
  // to the figure ("deficit rose to"); "Faya Largeau some 230 km" is neither.
  if (skipped === 0 && k >= 0) return null;
  // "plans to sell 84 mln dlrs": after "to" or a modal the word is a verb, not a label.
  // "Exports to OECD countries rose to" names a destination, not a verb.
  const destination = tokens[k]?.lower === 'to' && words.some((t) => /^\p{Lu}/u.test(t.text));
  if (/^(to|will|would|could|can|may|might|must|should|shall)$/.test(tokens[k]?.lower ?? '') && !destination) return null;
  // "proven reserves of liquid hydrocarbons ... were 70 billion barrels", "Exports to OECD countries rose to",
  // "the death toll from yesterday's bombing in Teri Mangal had risen to": the head is the noun the
  // prepositional phrases hang on, unless that noun is itself in an adverbial phrase ("in second place with donations").
  const chain: Token[][] = [words];
  let p = k;
  while (chain.length < 4 && p >= 1) {
    let q = p;
    let indefinite = false;
    for (; q >= 0 && determiners.has(tokens[q]!.lower); q--) if (/^(a|an)$/.test(tokens[q]!.lower)) indefinite = true;
    if (q < 1 || !chainPrepositions.has(tokens[q]!.lower)) break;
    // "swung from a record surplus to a record deficit", "the actives with a loss of": only "of" joins an indefinite noun;
    // "well short of the limitations": "of the" hangs on anything
    if (indefinite && tokens[q]!.lower !== 'of') break;
    if (q < p && tokens[q]!.lower === 'of') break;
    const ownerEnd = tokens[q]!.lower === 'of' && tokens[q - 1]?.lower === 'out' ? q - 2 : q - 1;
    const owner = nounPhraseBefore(tokens, ownerEnd);
    if (owner.length === 0 || owner[0]!.kind !== 'word') break;
    // "3.4 mln tonnes from the current forecast": a unit after a figure; "available in denominations": an adjective
    const ownerHead = lastWordOf(owner).lower;
    if (tokens[ownerEnd - owner.length]?.kind === 'number' || /(?:able|ible|ous|ful)$/.test(ownerHead)) break;
    chain.unshift(owner);
    p = ownerEnd - owner.length;
  }
  let q = p;
  while (q >= 0 && determiners.has(tokens[q]!.lower)) q--;
  // "The group ended the year with a cash surplus": the first noun is a verb's object, the chain an adverbial
  const adverbial = chain.length > 1 && q >= 0 && /^(in|at|on|with|for|from|to|by|under|into|after|before|during|of|among)$/.test(tokens[q]!.lower);
  let used = adverbial ? [words] : chain;
  // "maize covered from Nantes to Egypt at 15 dlrs": a destination with nothing sent names nothing
  if (destination && used.length === 1) return null;
  // "the number of people in work": the label is what the number counts
  // "a 25.7% rise in tax revenues to 2.572 trillion yuan": the change is not the thing that changed
  const ofWhat = tokens[tokens.indexOf(used[0]![used[0]!.length - 1]!) + 1]?.lower;
  if (used.length > 1 && ((amountNouns.has(lastWordOf(used[0]!).lower) && ofWhat === 'of') || (changeNouns.has(lastWordOf(used[0]!).lower) && (ofWhat === 'in' || ofWhat === 'of')))) {
    used = used.slice(1);
  }
  const subject = used[0]!;
  const head = headOfLabel(subject);
  if (head === null) return null;
  const end = words[words.length - 1]!.end;
  const all = used.flat();
  return { start: subject[0]!.start, end, words: all, head };
}

const lastWordOf = (phrase: Token[]) => [...phrase].reverse().find((t) => t.kind === 'word')!;

/** The head of a label phrase: "benefit claimant total" -> "claimant", "Net interest receivable" -> "interest", "The amount" -> null. */
function headOfLabel(phrase: Token[]): string | null {
  const words = phrase.filter((t) => t.kind === 'word');
  let i = words.length - 1;
  if (postpositive.has(words[i]!.lower) && i > 0) i--;
  if (amountNouns.has(words[i]!.lower)) {
    if (i === 0 || !/^\p{Ll}+$/u.test(words[i - 1]!.text) || /(?:ed|ing)$/.test(words[i - 1]!.lower) || timeWords.has(words[i - 1]!.lower)) return null;
    i--;
  }
  return compoundHead(phrase.slice(0, phrase.indexOf(words[i]!) + 1));
}

const signWords: ReadonlySet<string> = wordList('object', 'signWords');

/**
 * A results-table line: "Trading profit 217.2 mln vs 211.1 mln", "Military aircraft and support
 * services 146.0 mln vs 148.3 mln", "BAe 146 17.1 mln vs 27.3 mln". The whole line before the first
 * figure is the label; its head is the first item's ("aircraft", "share" of "Share of profit of ...").
 */
export function tableLabel(tokens: Token[], mentionStart: number): CountedObject | null {
  if (mentionStart === 0 || mentionStart > 12 || !/^\p{Lu}/u.test(tokens[0]!.text)) return null;
  // only a line of figures: the mention, perhaps "loss", then "vs" or the end
  let after = mentionStart;
  while (after < tokens.length && tokens[after]!.kind !== 'word') after++;
  while (after < tokens.length && ['mln', 'billion', 'million', 'dlrs', 'stg', 'pct'].includes(tokens[after]!.lower)) after++;
  if (after < tokens.length && signWords.has(tokens[after]!.lower)) after++;
  const next = tokens[after];
  if (next && !/^(vs|versus|reuter)$/.test(next.lower) && !(next.kind === 'punct' && after === tokens.length - 1)) return null;
  const prefix = tokens.slice(0, mentionStart);
  let firstItemEnd = prefix.length;
  for (let i = 0; i < prefix.length; i++) {
    const t = prefix[i]!;
    if (t.kind === 'word') {
      const acronym = t.text.length > 1 && t.text === t.text.toUpperCase();
      if (/^(of|and|for|with|to|from|in|on)$/.test(t.lower)) {
        if (i === 0 || i === prefix.length - 1) return null;
        firstItemEnd = Math.min(firstItemEnd, i);
        continue;
      }
      if (!acronym && (objectLexicon.stop.has(t.lower) || objectLexicon.irregularVerbs.has(t.lower))) return null;
      if (i === prefix.length - 1 && edIng(t)) return null;
      continue;
    }
    // "BAe 146", "BAe 125-800": a designator after a name
    if (t.kind === 'number' && i > 0 && /^\p{Lu}/u.test(prefix[i - 1]!.text)) continue;
    if (isHyphen(t) && gluedTo(t) && i > 0) continue;
    if (t.kind === 'number' && i > 0 && isHyphen(prefix[i - 1]) && gluedTo(t)) continue;
    return null;
  }
  const item = prefix.slice(0, firstItemEnd);
  const itemWords = item.filter((t) => t.kind === 'word');
  if (itemWords.length === 0) return null;
  let head: string | null;
  if (item[item.length - 1]!.kind === 'number') {
    // the designator is part of the name: "BAe 125-800" -> "bae 125-800"
    let k = item.length - 1;
    while (k > 0 && item[k]!.kind !== 'word') k--;
    head = item[k]!.lower + ' ' + item.slice(k + 1).map((t) => t.text).join('');
  } else head = headOfLabel(item);
  if (head === null) return null;
  return { start: prefix[0]!.start, end: prefix[prefix.length - 1]!.end, words: prefix, head };
}

/** "all donations over £5,000", "savings in excess of 12 pct", "donations topping £250,000". */
function qualifiedLabel(tokens: Token[], mentionStart: number): CountedObject | null {
  if (!linkingQualifiers.has(tokens[mentionStart]?.lower ?? '')) return null;
  const noun = tokens[mentionStart - 1];
  if (!noun || noun.kind !== 'word' || !/^\p{Ll}+$/u.test(noun.text)) return null;
  if (!(looksPlural(noun.lower) || objectLexicon.moneyNouns.has(noun.lower)) || objectLexicon.irregularVerbs.has(noun.lower)) return null;
  // "it could cost up to £1,700": after a pronoun or modal the word is a verb
  if (pronouns.has(tokens[mentionStart - 2]?.lower ?? '') || /^(to|will|would|could|can|may|might|must|should|shall|did|does|do)$/.test(tokens[mentionStart - 2]?.lower ?? '')) return null;
  const words = nounPhraseBefore(tokens, mentionStart - 1);
  if (words.length === 0 || words[0]!.kind !== 'word') return null;
  return { start: words[0]!.start, end: words[words.length - 1]!.end, words, head: compoundHead(words) };
}

/** "ripping a crater half a meter (1.5 feet) deep": the noun right before a dimension measures. */
function dimensionLabel(tokens: Token[], mentionStart: number): CountedObject | null {
  let j = mentionStart;
  while (j < tokens.length && tokens[j]!.kind !== 'word') j++;
  // past the mention's own words (its unit) to the first word that is not a unit or "a"
  let steps = 0;
  while (j < tokens.length && steps < 8 && !dimensionAdjectives.has(tokens[j]!.lower) && !/[,;]/.test(tokens[j]!.text)) {
    j++;
    steps++;
  }
  if (!dimensionAdjectives.has(tokens[j]?.lower ?? '')) return null;
  const noun = tokens[mentionStart - 1];
  if (!noun || noun.kind !== 'word' || !/^\p{Ll}+$/u.test(noun.text) || objectLexicon.stop.has(noun.lower)) return null;
  if (!determiners.has(tokens[mentionStart - 2]?.lower ?? '')) return null;
  return { start: noun.start, end: noun.end, words: [noun], head: singularHead(noun.text) };
}

/** Up to four words of a noun phrase ending at token k (inclusive), in text order. */
function nounPhraseBefore(tokens: Token[], k: number): Token[] {
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

const timeWords: ReadonlySet<string> = wordList('object', 'timeWords');

/** Start of a time phrase ending at token k: "in December", "at end-1986", "in 1986", "in the first quarter". */
function timePhraseBefore(tokens: Token[], k: number): number | null {
  for (let j = k; j >= Math.max(0, k - 4); j--) {
    const t = tokens[j]!;
    if (/^(in|at|on|during|for|by|since)$/.test(t.lower)) return j < k ? j : null;
    if (!(t.kind === 'number' || isHyphen(t) || timeWords.has(t.lower))) return null;
  }
  return null;
}
