import { predicateLexicon } from '../lexicon/index.ts';
import type { QuantityMatch, Status, Token } from '../model.ts';
import { verbLemma } from './verbs.ts';

const { statusCues, clauseBreaks, reportedFuture, reporting } = predicateLexicon;
// When cues of several kinds share a clause: "could not" is negated, "would pledge" conditional.
const precedence: Status[] = ['negated', 'conditional', 'pledged', 'planned'];

const breaksClause = (t: Token) => clauseBreaks.has(t.lower) || t.text === '.' || t.text === '?' || t.text === '!';

/** The figure's own clause: from the clause break before it to the one after it, without the figure. */
function clauseAround(tokens: Token[], match: QuantityMatch): { from: number; to: number } {
  let from = match.start;
  while (from > 0 && !breaksClause(tokens[from - 1]!)) from--;
  let to = match.end;
  while (to < tokens.length && !breaksClause(tokens[to]!)) to++;
  return { from, to };
}

/**
 * SPEC.md `status` from cues inside the figure's own clause: planned (will, plans to, is
 * expected to, budgeted), pledged (pledged, promised), conditional (if, could, would, may),
 * negated (did not, denied, no); else actual. "said it would cut 4,000 jobs" is reported
 * future, a plan. A cue in another clause of the sentence does not count.
 */
export function findStatus(tokens: Token[], match: QuantityMatch, predicate: string | null = null, moneyHead: string | null = null): Status {
  const { from, to } = clauseAround(tokens, match);
  const found = new Set<Status>();
  for (const cue of cuesOf(tokens)) {
    if (cue.start < from || cue.start >= to || (cue.start >= match.start && cue.start < match.end)) continue;
    found.add(cue.status);
  }
  // "announced a new aid package totaling $1.7 billion": aid announced is pledged, not yet spent
  if (moneyHead !== null && predicate !== null && predicateLexicon.pledgedPredicates.has(predicate) && predicateLexicon.pledgedHeads.has(moneyHead)) found.add('pledged');
  return precedence.find((s) => found.has(s)) ?? 'actual';
}

// Every figure of a sentence asks about the same cues: they are found once per sentence.
const cuesBySentence = new WeakMap<Token[], { start: number; status: Status }[]>();

/** The status cues of a sentence with their places ("said it would" already read as a plan). */
function cuesOf(tokens: Token[]): { start: number; status: Status }[] {
  let cues = cuesBySentence.get(tokens);
  if (cues) return cues;
  cues = [];
  for (let k = 0; k < tokens.length; k++) {
    // "in May": the month is no modal
    if (tokens[k]!.text === 'May') continue;
    const cue = statusCues.matchAt(tokens, k);
    if (!cue) continue;
    let status = cue.value;
    // "better profit than analysts expected", "skill levels expected of school-leavers": not the figure's future
    const before = tokens.slice(Math.max(0, k - 3), k).map((t) => t.lower);
    if (status === 'planned' && (before.some((w) => predicateLexicon.cueNotBefore.has(w)) || predicateLexicon.cueNotAfter.has(tokens[cue.end]?.lower ?? ''))) {
      k = cue.end - 1;
      continue;
    }
    if (status === 'conditional' && reportedFuture.has(cue.phrase) && tokens.slice(0, k).some((t) => reporting.has(verbLemma(t.text) ?? ''))) status = 'planned';
    cues.push({ start: k, status });
    k = cue.end - 1;
  }
  cuesBySentence.set(tokens, cues);
  return cues;
}
