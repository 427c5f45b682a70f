import { numberWords, vaguePhraseWords } from '../lexicon/index.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = [
  ...numberWords.ones.keys(),
  ...numberWords.tens.keys(),
  ...numberWords.multiples.keys(),
  ...numberWords.scales.keys(),
  ...numberWords.fractions.keys(),
  ...vaguePhraseWords,
].filter((w) => /^\p{L}{2,}$/u.test(w));
const vulgar = [...numberWords.vulgarFractions.keys()].join('');
const pattern = new RegExp(`[0-9${vulgar}]|\\b(?:${[...new Set(words)].sort().map(escape).join('|')})\\b`, 'iu');

/**
 * Whether a sentence can hold a quantity at all: a digit, a vulgar fraction or a
 * number word of the lexicon. Most sentences of news hold none; they are spared
 * tokenising and matching (a fifth of extraction time).
 */
export const mayHoldQuantity = (text: string): boolean => pattern.test(text);
