// Results tables (Reuters-21578 earnings reports): the heading over a block of lines is their period.
import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers.ts';

// reuters21578-20364, ALLIANCE FINANCIAL CORP <ALFL.O> 3RD QTR NET
const TABLE = 'Shr 45 cts vs 61 cts\n\nNet 504,000 vs 683,000\n\nNine mths\n\nShr 1.83 dlrs vs 2.42 dlrs\n\nNet 2,043,000 vs 2,183,000\n';

describe('resultsTablePeriod', () => {
  it('gives the lines under "Nine mths" that period, both columns, and leaves the lines above it alone', () => {
    const facts = factsOf(TABLE);
    const period = (mention: string) => facts.find((f) => f.mention === mention)?.period_text;
    expect(['1.83 dlrs', '2.42 dlrs', '2,043,000', '2,183,000'].map(period)).toEqual(['Nine mths', 'Nine mths', 'Nine mths', 'Nine mths']);
    expect(['45 cts', '504,000'].map(period)).toEqual([null, null]);
  });

  it('does not keep the heading as a fact of its own', () => {
    expect(factsOf(TABLE).map((f) => f.mention)).not.toContain('Nine mths');
  });

  it('reads no heading into prose', () => {
    const facts = factsOf('Year\n\nThe company said sales rose 5% to 2.1 billion dlrs.');
    expect(facts.find((f) => f.mention === '5%')?.period_text).toBeNull();
  });
});
