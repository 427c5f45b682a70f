import { objectLexicon, wordList } from '../lexicon/index.ts';
import type { CountedObject, Token } from '../model.ts';
import { edIng, gluedTo, headOfLabel, isHyphen } from './nounPhrase.ts';

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
