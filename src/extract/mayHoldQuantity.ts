import { numberWords, quantityWords } from '../lexicon/index.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = [...quantityWords].filter((w) => /^\p{L}{2,}$/u.test(w)).sort();
const vulgar = [...numberWords.vulgarFractions.keys()].join('');
const pattern = new RegExp(`[0-9${vulgar}]|\\b(?:${words.map(escape).join('|')})\\b`, 'iu');

/**
 * Whether a sentence can hold a quantity at all: a digit, a vulgar fraction or a
 * quantity word of the lexicon. Most sentences of news hold none; they are spared
 * tokenising and matching.
 */
export const mayHoldQuantity = (text: string): boolean => pattern.test(text);
