import { tokenize } from '../tokens.ts';
import type { Token } from '../model.ts';

/** A lexicon of multi-word phrases matched against tokens, longest first. */
export interface PhraseTable<T> {
  /** The longest phrase that starts at token `i`, or null. */
  matchAt(tokens: Token[], i: number): { value: T; phrase: string; end: number } | null;
  /** The longest phrase that ends just before token `i`, or null. */
  matchBefore(tokens: Token[], i: number): { value: T; phrase: string; start: number } | null;
  /** The words phrases begin with (lower case). */
  readonly firstWords: ReadonlySet<string>;
}

export function phraseTable<T>(entries: Iterable<[string, T]>, caseSensitive: Set<string> = new Set()): PhraseTable<T> {
  const phrases = [...entries]
    .map(([phrase, value]) => {
      const tokens = tokenize(phrase);
      return {
        phrase,
        value,
        words: tokens.map((t) => (caseSensitive.has(phrase) ? t.text : t.lower)),
        // "km2", "m2": a digit glued inside the phrase must be glued in the text ("12 m 2 dm" is no m2)
        glue: tokens.map((t, k) => k > 0 && t.kind === 'number' && !t.spaced),
        exact: caseSensitive.has(phrase),
      };
    })
    .sort((a, b) => b.words.length - a.words.length || b.phrase.length - a.phrase.length);
  const byFirst = new Map<string, typeof phrases>();
  const byLast = new Map<string, typeof phrases>();
  for (const p of phrases) {
    const first = p.words[0]!.toLowerCase();
    const last = p.words[p.words.length - 1]!.toLowerCase();
    byFirst.set(first, [...(byFirst.get(first) ?? []), p]);
    byLast.set(last, [...(byLast.get(last) ?? []), p]);
  }
  const matches = (p: (typeof phrases)[number], tokens: Token[], from: number) =>
    p.words.every((w, k) => {
      const t = tokens[from + k];
      return t !== undefined && (p.exact ? t.text : t.lower) === w && !(p.glue[k] && t.spaced);
    });
  return {
    firstWords: new Set([...byFirst.keys()].map((w) => w.toLowerCase())),
    matchAt(tokens, i) {
      const t = tokens[i];
      for (const p of (t && byFirst.get(t.lower)) ?? []) {
        if (matches(p, tokens, i)) return { value: p.value, phrase: p.phrase, end: i + p.words.length };
      }
      return null;
    },
    matchBefore(tokens, i) {
      const t = tokens[i - 1];
      for (const p of (t && byLast.get(t.lower)) ?? []) {
        const start = i - p.words.length;
        if (start >= 0 && matches(p, tokens, start)) return { value: p.value, phrase: p.phrase, start };
      }
      return null;
    },
  };
}
