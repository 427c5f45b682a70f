import { describe, expect, it } from 'vitest';
import { mayHoldQuantity } from '../src/extract/mayHoldQuantity.ts';

describe('mayHoldQuantity', () => {
  it('passes every sentence with a digit, a vulgar fraction or a number word', () => {
    for (const s of [
      'It has conducted 7,276 strikes on Iraq and Syria.',
      'Tens of thousands of people fled.',
      'They seized a dozen tanks.',
      'Nearly half the respondents agreed.',
      'The plant runs at ¾ of its capacity.',
      'Twenty-five soldiers were killed.',
      'Several people were hurt.',
    ]) expect(mayHoldQuantity(s), s).toBe(true);
  });

  it('spares sentences that cannot hold a figure, and is not fooled by number words inside other words', () => {
    for (const s of [
      'A spokesman for the coalition retorted that the claims were baseless.',
      'Someone left the gate open, officials said.',
      'The Oneida tribe often meets in Tenafly.',
      // "of" and "few" belong to vague phrases ("tens of thousands", "a few hundred") but hold no figure alone
      'Few of the members of the board said anything of note.',
    ]) expect(mayHoldQuantity(s), s).toBe(false);
  });
});
