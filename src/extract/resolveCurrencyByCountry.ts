import currencies from '../lexicon/currencies.json' with { type: 'json' };
import type { QuantityMatch, SentenceQuantities } from '../model.ts';

const byStem = currencies.countries as Record<string, Record<string, string[]>>;
const stemOf = (word: string) => word.toLowerCase().replace(/(?:es|s)$/, '').replace(/^lire$/, 'lira').replace(/^rupe$/, 'rupee');

function mentions(text: string, names: string[]): number {
  let n = 0;
  for (const name of names) {
    const pattern = new RegExp(`\\b${name.replace(/ /g, '\\s+')}\\b`, 'g');
    n += text.match(pattern)?.length ?? 0;
  }
  return n;
}

/**
 * Refiner: a bare currency word that several countries use ("francs", "dinars",
 * "pounds") takes the currency of the country the document names most, when it
 * names one ("474 billion francs" in a story about France is FRF).
 */
export function resolveCurrencyByCountry(sentences: SentenceQuantities[], text: string): SentenceQuantities[] {
  const cache = new Map<string, string | null>();
  const resolve = (m: QuantityMatch): QuantityMatch => {
    if (!m.currencyWord) return m;
    const stem = stemOf(m.currencyWord);
    const options = byStem[stem];
    if (!options) return m;
    if (!cache.has(stem)) {
      const counts = Object.entries(options).map(([code, names]) => [code, mentions(text, names)] as const);
      const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
      const tied = counts.filter((c) => c[1] === best[1]).length > 1;
      cache.set(stem, best[1] > 0 && !tied ? best[0] : null);
    }
    const code = cache.get(stem);
    return code ? { ...m, currency: code } : m;
  };
  return sentences.map(({ tokens, matches }) => ({ tokens, matches: matches.map(resolve) }));
}
