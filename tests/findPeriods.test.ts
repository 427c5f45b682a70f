import { describe, expect, it } from 'vitest';
import { findPeriods } from '../src/enrich/findPeriods.ts';
import { factsOf } from './helpers.ts';

const periodOf = (text: string, published: string | null) =>
  findPeriods(text, 0, published).map((p) => [p.text, p.period_start, p.period_end]);

describe('findPeriods', () => {
  it.each([
    ['It has conducted strikes since August 2014.', '2015-10-12', ['since August 2014', '2014-08-01', '2015-10-12']],
    ['It has conducted strikes since August 2014.', null, ['since August 2014', '2014-08-01', null]],
    ['It spent $2.3 billion over the past year.', '2015-10-12', ['over the past year', '2014-10-12', '2015-10-12']],
    ['Russian warplanes began air strikes last week.', '2015-10-12', ['last week', '2015-10-05', '2015-10-11']],
    ['The deficit widened in 1986.', null, ['in 1986', '1986-01-01', '1986-12-31']],
    ['Exports were 4.29 billion dlrs in December 1985.', null, ['in December 1985', '1985-12-01', '1985-12-31']],
    ['The claimant total fell 11,000 last month.', '2005-01-19', ['last month', '2004-12-01', '2004-12-31']],
    ['Troops captured the base on Sunday.', '1987-03-25', ['on Sunday', '1987-03-22', '1987-03-22']],
    ['Output fell in the last three months of 2004.', null, ['in the last three months of 2004', '2004-10-01', '2004-12-31']],
    ['Some 120 ships were hit since January last year.', '1987-03-29', ['since January last year', '1986-01-01', '1987-03-29']],
    ['Sales rose 5% so far this year.', '2015-10-12', ['so far this year', '2015-01-01', '2015-10-12']],
    ['Fighting raged between January and March.', '2015-10-12', ['between January and March', '2015-01-01', '2015-03-31']],
    ['Workers were axed during the last quarter of 2004.', null, ['during the last quarter of 2004', '2004-10-01', '2004-12-31']],
  ] as [string, string | null, string[]][])('%s (published %s)', (text, published, expected) => {
    expect(periodOf(text, published)).toEqual([expected]);
  });
});

describe('period on facts', () => {
  it('scopes each figure by the period of its own clause', () => {
    const facts = factsOf("Turkey's trade deficit rose to 3.65 billion dlrs in 1986 from 3.39 billion in 1985.", '1987-03-16');
    expect(facts.map((f) => [f.mention, f.period_text])).toEqual([
      ['3.65 billion dlrs', 'in 1986'],
      ['3.39 billion', 'in 1985'],
    ]);
  });

  it('does not give a figure a period that another figure stands between', () => {
    const facts = factsOf("The jobless rate rose to 4.7% from 4.6% in the previous quarter.", null);
    expect(facts.map((f) => [f.mention, f.period_text])).toEqual([
      ['4.7%', null],
      ['4.6%', 'in the previous quarter'],
    ]);
  });

  it('applies a period that opens the sentence', () => {
    const facts = factsOf('Throughout 2004, the number in work rose by 296,000 to 28.52 million - the highest since records began in 1971.');
    expect(facts.map((f) => f.period_text)).toEqual(['Throughout 2004', 'Throughout 2004']);
  });
});
