// The predicate (SPEC.md): the lemma of the verb or deverbal noun that governs a figure, on real news
// sentences (the default article, BBC 2004-05, Reuters-21578 and the modern corpus).
import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/model.ts';
import { factsOf } from './helpers.ts';

const cases: [string, string, Partial<Fact>][] = [
  // the verb the figure is the object of, with its particle
  ['The coalition has carried out 7,276 strikes since August 2014.', '7,276', { predicate: 'carry out' }],
  ['Mr Brown clawed back £265m through a clampdown on tax avoidance.', '£265m', { predicate: 'claw back' }],
  // the verb the figure is the subject of, across auxiliaries, modifiers and an aside
  ['Some 12,500 civil servant posts have been axed.', 'Some 12,500', { predicate: 'axe' }],
  // a measure that modifies a noun has none; a base form after a verb is a noun ('raised interest rates')
  ['In southern Ukraine, a 68-year-old man in Kherson was killed in a drone strike on Wednesday morning, according to the region’s military head.', '68-year-old', { predicate: null }],
  ['As part of the decision, the Bank of Japan (BOJ) raised interest rates for the first time in 17 years.', '17 years', { predicate: 'raise' }],
  ['Over 150 countries, including Kazakhstan, have signed a Global Methane Pledge at last year\'s Cop28 climate summit.', 'Over 150', { predicate: 'sign' }],
  ['Three United Steelworkers of America locals on strike at Cominco Ltd rejected a tentative three-year contract offer.', 'Three', { predicate: 'reject' }],
  ['About 80% of UK adults own at least one mobile, according to official figures.', 'About 80%', { predicate: 'own' }],
  ['But Warren said the coalition had over the past year allocated more than $2.3 billion -- $1.6 billion of which was provided by the United States -- to its "train and equip" programme.', '$1.6 billion', { predicate: 'provide' }],
  // participles lemmatised by compromise's model, irregular ones too
  ['Twelve were taken to hospital, an ambulance spokesperson said.', 'Twelve', { predicate: 'take' }],
  // a deverbal noun: before "of", or the subject of a copula
  ['The initial death toll in the southern African country was estimated at seven.', 'seven', { predicate: 'die' }],
  ['The Federal Statistics Office said growth for the whole of 2004 was 1.6%, after a year of contraction in 2003.', '1.6%', { predicate: 'grow' }],
  // a verb after a pronoun is a verb, not a noun after an article
  ['The IEA analysis showed that it rose by 410 million tonnes, or 1.1%, in 2023 to 37.4 billion tonnes.', '410 million tonnes', { predicate: 'rise', aspect: 'change', direction: 'up' }],
  // a participle after a noun phrase is its verb
  ['The IMF sees the global economy expanding 3.2% this year, as it forecast in April.', '3.2%', { predicate: 'expand', aspect: 'change', direction: 'up' }],
  // the particle of a phrasal verb is no change
  ['She racked up five Mobo nominations in 2000, winning one for best video.', 'five', { predicate: 'rack up', aspect: 'level', direction: null }],
  // a length that places something, an age, and a results line have none
  ['Iraqi warplanes also struck Iran\'s offshore oilfields at Nowruz, Cyrus and Ardeshir in northern gulf, some 80 km (50 miles) west of Kharg island, today\'s communique said.', 'some 80 km', { predicate: null }],
  ['According to the report, "more than half" the qualifications achieved were by learners aged 16 to 18.', '16 to 18', { predicate: null }],
  ['Military aircraft and support services 146.0 mln vs 148.3 mln', '146.0 mln', { predicate: null }],
  // a reporting verb is never the predicate
  ['Afghan warplanes killed 22 people in a second bombing, official Radio Pakistan said.', '22', { predicate: 'kill' }],
];

describe('findPredicate', () => {
  it.each(cases)('%s [%s]', (sentence, mention, expected) => {
    const fact = factsOf(sentence).find((f) => f.mention === mention);
    expect(fact, `no fact "${mention}"`).toBeDefined();
    expect(fact).toMatchObject(expected);
  });
});
