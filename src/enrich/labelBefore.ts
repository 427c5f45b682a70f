import { objectLexicon, predicateLexicon, wordList } from '../lexicon/index.ts';
import type { CountedObject, Token } from '../model.ts';
import { amountNouns, compoundHead, determiners, headOfLabel, lastWordOf, looksPlural, nounPhraseBefore, timePhraseBefore } from './nounPhrase.ts';
import { singularHead } from './singularHead.ts';
import { tableLabel } from './tableLabel.ts';
import { verbLemma } from './verbs.ts';

// Between a label and its figure: "deficit rose to", "Exports were down", "donations totalling", "reserves of".
const linkWords: ReadonlySet<string> = wordList('object', 'linkWords');
// A count is labelled by the subject before it only across a verb of change or level:
// "The number of people out of work rose 32,000", "the toll in Teri Mangal rose to 81".
const countChangeWords: ReadonlySet<string> = wordList('object', 'countChangeWords');
const beForms: ReadonlySet<string> = wordList('object', 'beForms');
// Prepositions a subject's modifiers hang on: "Exports to OECD countries", "the toll in Teri Mangal".
const chainPrepositions: ReadonlySet<string> = wordList('object', 'chainPrepositions');
const changeNouns: ReadonlySet<string> = wordList('object', 'changeNouns');
// "a crater half a meter deep": a measure before one of these measures the noun before it.
const dimensionAdjectives: ReadonlySet<string> = wordList('object', 'dimensionAdjectives');
// A qualifier that links a label to its figure: "donations over £5,000", "savings in excess of 12 pct".
const linkingQualifiers: ReadonlySet<string> = wordList('object', 'linkingQualifiers');
const pronouns: ReadonlySet<string> = wordList('object', 'pronouns');

// "Spending in January fell a revised 3.7 billion dlrs", "the index slumped 2%": any verb of change links its subject to the figure
const changeVerb = (t: Token) => t.kind === 'word' && predicateLexicon.changeVerbs.has(verbLemma(t.text) ?? '');
const isLink = (tokens: Token[], k: number) =>
  linkWords.has(tokens[k]!.lower) || changeVerb(tokens[k]!) || (tokens[k]!.lower === 'for' && beForms.has(tokens[k - 1]?.lower ?? ''));

/**
 * The label a money, percent or measure figure belongs to, read from the
 * tokens before it: "Turkey's trade deficit rose to 3.65 billion dlrs" ->
 * "Turkey's trade deficit"; "Pretax profit 182.2 mln" -> "Pretax profit".
 * With `count`, only a subject across a verb of change labels the figure
 * ("the benefit claimant total fell 11,000").
 */
export function labelBefore(tokens: Token[], mentionStart: number, count = false): CountedObject | null {
  let k = mentionStart - 1;
  let skipped = 0;
  let change = false;
  // Links ("rose to", "were") and time phrases ("in December", "at end-1986", "in 1986") between label and figure.
  for (let rounds = 0; rounds < 3; rounds++) {
    const before = k;
    for (; k >= 0 && skipped < 6 && isLink(tokens, k); skipped++) {
      if (countChangeWords.has(tokens[k]!.lower) || changeVerb(tokens[k]!)) change = true;
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
