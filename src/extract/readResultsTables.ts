import { resultsCountLabels, resultsTableLabels } from '../lexicon/index.ts';
import type { CountedObject, QuantityMatch, SentenceQuantities, Token } from '../model.ts';

/** The label a results-table line starts with ("Shr", "Net", "Revs"), if the line is one. */
export function resultsLabel(tokens: Token[]): { phrase: string; end: number; object: string; head: string } | null {
  const label = resultsTableLabels.matchAt(tokens, 0);
  if (!label) return null;
  // "Net 7,255,000 vs 7,856,000": a figure follows the label, and the line compares or lists figures
  const next = tokens[label.end];
  const figureNext = next !== undefined && (next.kind === 'number' || next.kind === 'symbol' || /^(?:loss|profit|nil)$/.test(next.lower));
  const compares = tokens.some((t) => t.lower === 'vs' || t.lower === 'vs.' || t.lower === 'versus');
  if (!figureNext || !compares) return null;
  return { phrase: label.phrase, end: label.end, object: label.value[0], head: label.value[1] };
}

/** The label of a results line as the object of its figures, spelled out ("Revs" -> "revenues"). */
export function resultsLabelObject(tokens: Token[]): CountedObject | null {
  const label = resultsLabel(tokens);
  if (!label) return null;
  const words = tokens.slice(0, label.end);
  return { start: words[0]!.start, end: words[words.length - 1]!.end, words, head: label.head, text: label.object };
}

const bare = (m: QuantityMatch) => m.currency === null && m.unit === null && m.qualifier !== 'vague';

/**
 * Document refiner: the figures of a results table ("Net 6,150,000 vs 4,743,000", "Loans
 * 2.88 billion vs 2.94 billion") are money in the article's currency, the first one it
 * writes ("Shr 94 cts" is USD); marked as implied. Share counts ("Avg shrs") stay counts.
 */
export function readResultsTables(sentences: SentenceQuantities[]): SentenceQuantities[] {
  const written = sentences.flatMap((s) => s.matches).find((m) => m.currency !== null && !m.currencyImplied);
  if (!written) return sentences;
  return sentences.map((sentence) => {
    const label = resultsLabel(sentence.tokens);
    if (!label || resultsCountLabels.has(label.phrase) || !sentence.matches.some(bare)) return sentence;
    const matches = sentence.matches.map((m) =>
      bare(m) ? { ...m, currency: written.currency, subunit: false, currencyImplied: true, rule: `${m.rule.replace(/^count\//, 'money/')}+table` } : m,
    );
    return { ...sentence, matches };
  });
}
