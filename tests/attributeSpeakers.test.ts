import { describe, expect, it } from 'vitest';
import { attributeSpeakers } from '../src/enrich/attributeSpeakers.ts';
import { factsOf } from './helpers.ts';

const speakersOf = (...sentences: string[]) =>
  attributeSpeakers(sentences.map((text, i) => ({ paragraph: i, text }))).map((a) => [a.speaker, a.speaker_role]);

describe('attributeSpeakers', () => {
  it('splits a titled name from its role ("US military spokesman Colonel Steve Warren said")', () => {
    expect(speakersOf('The coalition has conducted 7,276 strikes since August 2014, US military spokesman Colonel Steve Warren said.')).toEqual([
      ['Colonel Steve Warren', 'US military spokesman'],
    ]);
  });

  it('expands a surname and resolves "he" to the latest named person', () => {
    expect(
      speakersOf(
        'US military spokesman Colonel Steve Warren said the coalition was serious.',
        'But Warren said the coalition had allocated more than $2.3 billion.',
        '"The programme has trained more than 15,000 Iraqi security forces," he told AFP.',
      ).map(([s]) => s),
    ).toEqual(['Colonel Steve Warren', 'Colonel Steve Warren', 'Colonel Steve Warren']);
  });

  it('resolves "a spokesman for X" to the speaker named later with the same role', () => {
    expect(
      speakersOf(
        'A spokesman for the US-led coalition retorted that it had spent $2.3 billion.',
        'Hadi al-Ameri said the coalition was not serious.',
        'It has conducted 7,276 strikes, US military spokesman Colonel Steve Warren said.',
      ).map(([s]) => s),
    ).toEqual(['Colonel Steve Warren', 'Hadi al-Ameri', 'Colonel Steve Warren']);
  });

  it('takes "said X" and "according to X", bodies that speak for themselves, and the reporter\'s own voice', () => {
    expect(speakersOf('At least 30 people were hurt, said Defence Minister Ash Carter.').map(([s]) => s)).toEqual(['Ash Carter']);
    expect(speakersOf("Chad's military high command said troops killed 1,269 Libyan soldiers.").map(([s]) => s)).toEqual([
      "Chad's military high command",
    ]);
    expect(speakersOf('Russian warplanes began air strikes in Syria last week.')).toEqual([[null, null]]);
  });

  it('attributes a whole quoted paragraph to the speaker named at its end', () => {
    const result = attributeSpeakers([
      { paragraph: 0, text: '"We have lost 12 tanks.' },
      { paragraph: 0, text: 'We will lose more," Colonel Steve Warren said.' },
    ]);
    expect(result.map((r) => r.speaker)).toEqual(['Colonel Steve Warren', 'Colonel Steve Warren']);
  });
});

describe('attributeSpeakers on wire copy', () => {
  it('skips a parenthetical back to the subject, resolves "the company" and carries within a paragraph', () => {
    const result = attributeSpeakers([
      { paragraph: 0, text: 'Raytheon, in a separate release, said its division is prime contractor.' },
      { paragraph: 1, text: 'The company also said more than 4500 vendors in 34 U.S. states take part.' },
      { paragraph: 2, text: 'It said 81 Iraqi brigades were destroyed.' },
      { paragraph: 2, text: 'The victory list also included 80 warplanes downed.' },
    ]);
    expect(result.map((r) => r.speaker)).toEqual(['Raytheon', 'Raytheon', 'Raytheon', 'Raytheon']);
  });

  it('reads "figures from X show" and leaves a clause with "authority" unattributed', () => {
    expect(speakersOf("Turkey's deficit rose to 3.65 billion dlrs, figures from the State Statistics Institute show.").map(([s]) => s)).toEqual([
      'the State Statistics Institute',
    ]);
    expect(speakersOf('This is the first time any person of authority has said Iran fired the missiles.')).toEqual([[null, null]]);
  });
});

describe('speaker on facts', () => {
  it('gives every figure of the sentence its speaker', () => {
    const facts = factsOf('Ameri said fighters came from 108 countries.');
    expect(facts.map((f) => [f.mention, f.speaker])).toEqual([['108', 'Ameri']]);
  });
});
