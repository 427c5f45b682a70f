import { categoryLexicon, durationUnits, wordList } from '../lexicon/index.ts';
import type { Category, QuantityType } from '../model.ts';
import type { Token } from '../model.ts';
import type { CountedObject } from '../model.ts';

// A clause ends at these; casualty and strike cues are looked for inside it.
const clauseBreak: ReadonlySet<string> = wordList('category', 'clauseBreak');
const CUE_WINDOW = 8;

function cueNear(tokens: Token[], start: number, end: number, table: typeof categoryLexicon.casualtyCues): boolean {
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

const auxiliaries: ReadonlySet<string> = wordList('category', 'auxiliaries');
const attackVerbs = /^(attack|attacked|attacking|struck|strike|hit|bombed|bomb|shelled|raided|fired|launched)$/;

function attackNear(tokens: Token[], start: number, end: number): boolean {
  for (let k = Math.max(0, start - 4); k < Math.min(tokens.length, end + 4); k++) {
    if (clauseBreak.has(tokens[k]!.lower)) continue;
    if (attackVerbs.test(tokens[k]!.lower)) return true;
  }
  return false;
}

/** A capitalised plural such as "Libyans" or "Iraqis" counts people. */
const isDemonym = (word: string) => /^\p{Lu}\p{Ll}+(?:ans|ians|is|ese|ers|ites|s)$/u.test(word);

/**
 * The category of a figure: money by type, else from the head noun of its
 * object via the documented lexicon, with people becoming casualties when the
 * clause says they were killed, wounded, captured...
 */
export function categorise(
  type: QuantityType,
  unit: string | null,
  object: CountedObject | null,
  tokens: Token[],
  mentionStart: number,
  mentionEnd: number,
): Category {
  if (type === 'money') return 'money';
  // "a seven-week offensive" measures time, not the offensive.
  if (type === 'measure' && unit !== null && durationUnits.has(unit)) return 'other';
  const objectEnd = object ? tokens.findIndex((t) => t.start >= object.end) : mentionEnd;
  const after = objectEnd < 0 ? tokens.length : objectEnd;
  const casualty = () => cueNear(tokens, mentionStart, after, categoryLexicon.casualtyCues);
  if (!object) {
    // "58 wounded", "hundreds were killed", "81 had been killed"
    let k = mentionEnd;
    while (k < mentionEnd + 3 && auxiliaries.has(tokens[k]?.lower ?? '')) k++;
    if (type === 'count' && categoryLexicon.casualtyCues.matchAt(tokens, k)) return 'casualties';
    return 'other';
  }
  // "three new types of nuclear weapons" are weapons; "counter-attacks" are attacks
  const head = categoryLexicon.headWords.has(object.categoryHead ?? object.head) || categoryLexicon.people.has(object.categoryHead ?? object.head)
    ? (object.categoryHead ?? object.head)
    : (object.categoryHead ?? object.head).replace(/^.*-/, '');
  // two-word heads first: "air strike", "border crossing"
  const words = object.words.filter((t) => t.kind === 'word');
  const lastTwo = words.slice(-2).map((t) => t.lower).join(' ');
  const byHead = categoryLexicon.headWords.get(lastTwo.replace(/s$/, '')) ?? categoryLexicon.headWords.get(head);
  const person = categoryLexicon.people.get(head) ?? (isDemonym(words[words.length - 1]!.text) ? 'other' : undefined);
  if (person !== undefined) return casualty() ? 'casualties' : person;
  if (byHead === 'equipment' && (head === 'missile' || head === 'rocket' || head === 'shell' || head === 'bomb')) {
    if (cueNear(tokens, mentionStart, after, categoryLexicon.strikeCues)) return 'strikes';
  }
  if (byHead) return byHead;
  // "used them several times to attack ships": occasions of an attack are strikes
  if (head === 'time' && type === 'count' && attackNear(tokens, mentionStart, after)) return 'strikes';
  return 'other';
}
