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
    ['Earlier this year, the EPA permanently approved year-round E15 sales in eight Midwestern states.', '2024-04-19', ['Earlier this year', '2024-01-01', '2024-04-19']],
    ['UK Chancellor Gordon Brown has offered £960m ($1.8bn) over 15 years to an international scheme.', null, ['over 15 years', null, null]],
    ['France Telecom forecast growth of between 3% and 5% over the next three years.', '2005-02-10', ['over the next three years', '2005-02-10', '2008-02-10']],
    ['Russia has launched one of the largest drone attacks on Ukraine, mainly targeting overnight the region around Kyiv.', '2024-07-31', ['overnight', '2024-07-31', '2024-07-31']],
    ['In the six months to end-September, Norcros reported a rise in pretax profits.', '1986-12-01', ['In the six months to end-September', '1986-04-01', '1986-09-30']],
    ['It slid 1% to 150.69 per US dollar by Tuesday evening.', '2024-03-20', ['by Tuesday evening', '2024-03-19', '2024-03-19']],
    ['The Federal Statistics Office said growth for the whole of 2004 was 1.6%.', null, ['for the whole of 2004', '2004-01-01', '2004-12-31']],
    ['Consumer spending grew 4.2% in the final quarter.', '2005-01-28', ['in the final quarter', '2004-10-01', '2004-12-31']],
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

describe('findPeriods: spans, ends, possessives and the present', () => {
  it.each([
    ['Proven, probable and possible reserves at end-1986 totalled about 700 mln barrels.', '1987-03-18', ['at end-1986', '1986-12-31', '1986-12-31']],
    ['Average earnings rose by 4.3% in the year to December.', '2005-01-19', ['in the year to December', '2004-01-01', '2004-12-31']],
    ['Capital expenditure of about 18 mln dlrs will be required over the life of the new plan, RGC said.', '1987-03-18', ['over the life of the new plan', null, null]],
    ['The bill provides 474 billion francs for defence expenditure over a five-year period starting next year.', '1987-04-09', ['over a five-year period starting next year', '1988-01-01', '1992-12-31']],
    ['Reserves flattened out at 72 billion in both 1981 and 1982.', '1987-03-18', ['in both 1981 and 1982', '1981-01-01', '1982-12-31']],
    ["Earthquakes are still shaking areas of New Zealand following yesterday's strong tremor which left 3,000 people homeless.", '1987-03-03', ["yesterday's", '1987-03-02', '1987-03-02']],
    ['"They are currently recruiting fighters from 108 countries," he said.', '2015-10-12', ['currently', '2015-10-12', '2015-10-12']],
  ] as [string, string | null, (string | null)[]][])('%s (published %s)', (text, published, expected) => {
    expect(periodOf(text, published)).toEqual([expected]);
  });

  it('ends "the life of the contract" before a preposition', () => {
    expect(periodOf('Ionics said it received a contract valued at more than 50 mln dlrs over the life of the contract from Electrica Maspalomas SA.', '1987-03-18')).toEqual([
      ['over the life of the contract', null, null],
    ]);
  });

  it('does not read "until now" or "now that" as the present', () => {
    expect(periodOf('Until now the company employed 500 people, and now that sales have fallen it will cut 50 jobs.', '1987-03-18')).toEqual([]);
  });
});

describe('period on facts: chains, insertions and openings', () => {
  it('gives figures chained by "to" or "and" the period after them (BBC, Reuters)', () => {
    const a = factsOf('Meanwhile, the benefit claimant total fell 11,000 to 813,200 last month.', '2005-01-19');
    expect(a.map((f) => f.period_text)).toEqual(['last month', 'last month']);
    const b = factsOf('Defence officials said protection could be provided by three U.S. Navy destroyers and two frigates now in the southern Gulf.', '1987-03-24');
    expect(b.map((f) => [f.mention, f.period_text, f.period_start])).toEqual([
      ['three', 'now', '1987-03-24'],
      ['two', 'now', '1987-03-24'],
    ]);
  });

  it('looks past an "including ..." insertion, a participle clause and an opening phrase (Reuters)', () => {
    const a = factsOf('The Pentagon has moved 18 warships, including the aircraft carrier Kitty Hawk, into the northern Arabian Sea in the past month.', '1987-03-24');
    expect(a.map((f) => f.period_text)).toEqual(['in the past month']);
    const b = factsOf('A huge car bomb exploded at the headquarters of the British Army of the Rhine last night, injuring about 30 people.', '1987-03-24');
    expect(b.map((f) => [f.period_text, f.period_start])).toEqual([['last night', '1987-03-23']]);
    const c = factsOf('In other action today, the committee approved 250 mln dlrs for a rail system for inter-continental ballistic missiles.', '1987-04-07');
    expect(c.map((f) => f.period_text)).toEqual(['today']);
  });
});
