import { categoryLexicon, wordList } from '../lexicon/index.ts';
import type { Category, CountedObject, QuantityType, Token } from '../model.ts';
import { singularHead } from './singularHead.ts';

// A clause ends at these; casualty, displacement and detention cues are looked for inside it.
const clauseBreak: ReadonlySet<string> = wordList('category', 'clauseBreak');
const auxiliaries: ReadonlySet<string> = wordList('category', 'auxiliaries');
const CUE_WINDOW = 8;

type CueTable = typeof categoryLexicon.casualtyCues;

function cueNear(tokens: Token[], start: number, end: number, table: CueTable): boolean {
  for (let k = end; k < Math.min(tokens.length, end + CUE_WINDOW); k++) {
    if (clauseBreak.has(tokens[k]!.lower)) break;
    if (table.matchAt(tokens, k)) return true;
  }
  for (let k = start - 1; k >= Math.max(0, start - CUE_WINDOW); k--) {
    // "killed 1,269 soldiers in routing a 5,000-strong force": the cue belongs to the nearer figure.
    if (clauseBreak.has(tokens[k]!.lower) || tokens[k]!.kind === 'number') break;
    if (table.matchAt(tokens, k)) return true;
  }
  return false;
}

// A sentence's figures all ask about the same cues: each sentence is scanned once per cue table.
const seen = new WeakMap<Token[], Map<CueTable, boolean>>();

/** Somewhere in the sentence: the context that tells a military strike from a labour strike or a sports clash. */
function inSentence(tokens: Token[], table: CueTable): boolean {
  let answers = seen.get(tokens);
  if (!answers) seen.set(tokens, (answers = new Map()));
  let found = answers.get(table);
  if (found === undefined) answers.set(table, (found = tokens.some((_, k) => table.matchAt(tokens, k) !== null)));
  return found;
}

function attackNear(tokens: Token[], start: number, end: number): boolean {
  for (let k = Math.max(0, start - 4); k < Math.min(tokens.length, end + 4); k++) {
    if (categoryLexicon.attackWords.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** A capitalised plural such as "Libyans" or "Iraqis" counts people. */
const isDemonym = (word: string) => /^\p{Lu}\p{Ll}+(?:ans|ians|is|ese|ers|ites|s)$/u.test(word);

/** What a figure about people is about: what happened to them, by its predicate or a cue of its clause. */
function fateOf(predicate: string | null, tokens: Token[], start: number, end: number): Category | null {
  const byPredicate = predicate === null ? undefined : categoryLexicon.predicates.get(predicate);
  if (byPredicate) return byPredicate;
  if (cueNear(tokens, start, end, categoryLexicon.casualtyCues)) return 'casualties';
  if (cueNear(tokens, start, end, categoryLexicon.displacedCues)) return 'displaced';
  if (cueNear(tokens, start, end, categoryLexicon.detainedCues)) return 'detained';
  // "the number of people out of work rose 32,000", "90,000 more people were in employment"
  if (cueNear(tokens, start, end, categoryLexicon.labourMarketCues)) return 'economy';
  return null;
}

const OF_WINDOW = 5;
/** "54% of those asked", "80% of UK adults", "a third of Iraqis": a share of people. */
function ofPeople(tokens: Token[], end: number): boolean {
  // "More than half (54%) of those asked"
  if (tokens[end]?.text === '(') {
    const close = tokens.findIndex((t, k) => k > end && t.text === ')');
    if (close > 0 && close - end <= OF_WINDOW) end = close + 1;
  }
  if (tokens[end]?.lower !== 'of') return false;
  for (let k = end + 1; k <= end + OF_WINDOW && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || clauseBreak.has(t.lower)) return false;
    const singular = singularHead(t.text);
    if (categoryLexicon.people.has(singular) || isDemonym(t.text)) return true;
    // "those asked", "those polled"
    if (t.lower === 'those' && /ed$/.test(tokens[k + 1]?.lower ?? '')) return true;
  }
  return false;
}

export interface CategoryInput {
  type: QuantityType;
  unit: string | null;
  object: CountedObject | null;
  predicate: string | null;
  tokens: Token[];
  /** Token range of the figure. */
  start: number;
  end: number;
}

/** The head the category is read from: a listed two-word head ("air strike"), the head, or a compound's last part. */
function categoryHead(object: CountedObject): string {
  const head = object.categoryHead ?? object.head;
  const words = object.words.filter((t) => t.kind === 'word');
  const lastTwo = words.slice(-2).map((t) => t.lower).join(' ').replace(/s$/, '');
  if (object.categoryHead === undefined && words.length > 1 && (categoryLexicon.headWords.has(lastTwo) || categoryLexicon.people.has(lastTwo))) return lastTwo;
  if (categoryLexicon.headWords.has(head) || categoryLexicon.people.has(head)) return head;
  // "counter-attacks" are attacks
  return head.replace(/^.*-/, '');
}

/** Strikes, equipment and the words they share with labour, sport and trade, told apart by the sentence. */
function inContext(byHead: Category, head: string, { predicate, tokens }: CategoryInput): Category {
  const military = () => inSentence(tokens, categoryLexicon.militaryCues);
  if (byHead === 'strikes' && categoryLexicon.strikeHeads.has(head)) {
    if (inSentence(tokens, categoryLexicon.labourCues) && !military()) return 'economy';
    if (inSentence(tokens, categoryLexicon.sportsCues) && !military()) return 'other';
  }
  if (categoryLexicon.militaryOnly.has(head)) return military() ? 'strikes' : 'other';
  const fired = predicate !== null && categoryLexicon.strikePredicates.has(predicate);
  if (categoryLexicon.dualUse.has(head)) {
    if (military()) return fired ? 'strikes' : 'equipment';
    return inSentence(tokens, categoryLexicon.economyCues) ? 'economy' : 'other';
  }
  // "launched 40 rockets", "89 drones were shot down"
  if (byHead === 'equipment' && fired) return 'strikes';
  return byHead;
}

/**
 * The category of a figure (SPEC.md "Categories"): money by type; people by what happened
 * to them (killed, displaced, detained) or what they are (troops, workers, voters); other
 * things by the head noun of what is counted, told apart by the sentence where a word
 * serves both war and peace; measures by their head or unit; all from src/lexicon/categories.json.
 */
export function categorise(input: CategoryInput): Category {
  const { type, unit, object, predicate, tokens, start, end } = input;
  if (type === 'money') return 'money';
  const objectEnd = object ? tokens.findIndex((t) => t.start >= object.end) : end;
  const after = objectEnd < 0 ? tokens.length : Math.max(end, objectEnd);
  const sports = () => inSentence(tokens, categoryLexicon.sportsCues);
  if (!object) {
    // "58 wounded", "hundreds were killed", "81 had been killed"
    let k = end;
    while (k < end + 3 && auxiliaries.has(tokens[k]?.lower ?? '')) k++;
    const fate = type === 'count' ? fateOf(predicate, tokens, start, end) : null;
    if (fate && (categoryLexicon.casualtyCues.matchAt(tokens, k) || categoryLexicon.predicates.has(predicate ?? ''))) return fate;
    if (type === 'measure' && unit !== null) return sports() && categoryLexicon.sportsUnits.has(unit) ? 'other' : categoryLexicon.units.get(unit) ?? 'other';
    if (type === 'percent') return ofPeople(tokens, end) ? fateOf(predicate, tokens, start, end) ?? 'people' : 'economy';
    // a bare figure in a market report is a price, a rate or a volume
    return !sports() && inSentence(tokens, categoryLexicon.marketCues) ? 'economy' : 'other';
  }
  const head = categoryHead(object);
  const words = object.words.filter((t) => t.kind === 'word');
  const lastWord = words[words.length - 1];
  // "90 Shaheds" are drones: a listed head wins over a capitalised plural that looks like a people
  const person = categoryLexicon.people.get(head) ?? (lastWord && !categoryLexicon.headWords.has(head) && isDemonym(lastWord.text) ? 'people' : undefined);
  // "Reserves were just 5.77 billion barrels": a measure of barrels or tonnes is no count of people
  if (person !== undefined && type === 'measure' && unit !== null) return categoryLexicon.units.get(unit) ?? 'other';
  if (person !== undefined) {
    const fate = fateOf(predicate, tokens, start, after);
    return fate ?? person;
  }
  const byHead = categoryLexicon.headWords.get(head);
  // "its growth target of 3.1%", "70% of the domestic market": a share is never a place, a weapon or a strike
  if (byHead && type === 'percent' && (byHead === 'places' || byHead === 'equipment' || byHead === 'strikes')) return 'economy';
  if (byHead) return inContext(byHead, head, input);
  if (type === 'measure' && unit !== null) return sports() && categoryLexicon.sportsUnits.has(unit) ? 'other' : categoryLexicon.units.get(unit) ?? 'other';
  // "used them several times to attack ships": occasions of an attack are strikes
  if (head === 'time' && type === 'count' && attackNear(tokens, start, after)) return 'strikes';
  return type === 'percent' ? 'economy' : 'other';
}
