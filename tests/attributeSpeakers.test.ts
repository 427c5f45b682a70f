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

describe('attributeSpeakers: appositions, quotes and unnamed sources', () => {
  it('takes the name before a comma-enclosed apposition or relative clause (BBC)', () => {
    expect(speakersOf('Peter Tom, who will remain as Aggregate chief executive, said the 138p a share offer provided "significant value" for shareholders.').map(([s]) => s)).toEqual(['Peter Tom']);
    expect(speakersOf('David Cummings, head of UK equities for Standard Life Investments, said he believed a "well funded" 300p a share bid would be enough.')).toEqual([
      ['David Cummings', 'head of UK equities for Standard Life Investments'],
    ]);
  });

  it('reads "X was quoted as saying" and "quoted Y as saying" (Reuters)', () => {
    expect(speakersOf('Iraqi Foreign Minister Tareq Aziz was quoted as saying Iran has attacked several ships.').map(([s]) => s)).toEqual(['Tareq Aziz']);
    expect(
      speakersOf(
        'An Iranian military commander said Iraqi troops suffered 3,000 casualties.',
        'The Iranian news agency IRNA quoted the commander in the Kurdish border village of Haj Omran as saying nine Iraqi counter-attacks had been repulsed.',
        'He said Iraq lost at least 3,000 men killed or wounded and another 289 captured, IRNA said.',
      ).map(([s]) => s),
    ).toEqual(['Iranian military commander', 'Iranian military commander', 'Iranian military commander']);
  });

  it('drops an adverb between subject and verb and does not read "said the Iranians had" as a speaker', () => {
    expect(speakersOf('Iran earlier today said its forces launched fresh attacks near Basra last night.').map(([s]) => s)).toEqual(['Iran']);
    expect(speakersOf('Adbul-Jabbar Mohsen, chief of the defence ministry political department, said the Iranians had 15,000 casualties.').map(([s]) => s)).toEqual([
      'Adbul-Jabbar Mohsen',
    ]);
  });

  it('takes a bare plural ("Officials said") as a new source and a qualified reference as generic', () => {
    expect(
      speakersOf(
        'Afghan warplanes killed 22 people in a second bombing, official Radio Pakistan said.',
        'Officials said the death toll from yesterday\'s Afghan bombing had risen to at least 70.',
      ).map(([s]) => s),
    ).toEqual(['Radio Pakistan', 'Officials']);
    expect(speakersOf('A British naval source in the Gulf said last week Iran had fired one test missile.').map(([s]) => s)).toEqual(['British naval source in the Gulf']);
  });

  it('continues a paragraph only into a sentence that adds to the report, not an agentless one', () => {
    const result = attributeSpeakers([
      { paragraph: 0, text: 'Officials said the death toll had risen to at least 70 as more bodies were recovered.' },
      { paragraph: 0, text: 'Fifty-one people were reported killed yesterday.' },
      { paragraph: 1, text: 'Following Sunday\'s battle, French officers said the fall of Ouadi Doum deprived Libya of its only hard runway air base in Chad.' },
      { paragraph: 1, text: 'Its main strongpoint, Faya Largeau some 230 km (150 miles) north of the so-called "red line", was left increasingly exposed.' },
    ]);
    expect(result.map((r) => r.speaker)).toEqual(['Officials', null, 'French officers', null]);
  });

  it('writes "Mr Brown" out as the one Brown the article names in full, and reads past a bracketed acronym (BBC, IOM)', () => {
    expect(
      speakersOf(
        'Gordon Brown has doubled the level at which house buyers pay stamp duty to £120,000.',
        'Mr Brown said he had met his financial "golden rule" with a £6bn surplus.',
        'The International Organization for Migration (IOM) said more than 86,000 people had fled.',
      ).map(([s]) => s),
    ).toEqual([null, 'Gordon Brown', 'International Organization for Migration']);
  });

  it('takes an unnamed plural source and a generic "according to", never a possessive or a bare "report" (Reuters, modern)', () => {
    expect(speakersOf('However, some traders said new crop prices above 5.00 dlrs a bushel could encourage some farmers to plant more soybean acres.').map(([s]) => s)).toEqual(['some traders']);
    expect(speakersOf('A drop in inputs accounted for about one-third of Kimberly Clark’s profits, company executives said.').map(([s]) => s)).toEqual(['company executives']);
    expect(speakersOf("Federal Industries Ltd's earlier announced commercial paper issue of up to 440 mln dlrs, will be made only in Canada, a company spokesman said.").map(([s]) => s)).toEqual(['Federal Industries Ltd']);
    expect(speakersOf('Profits drove just 11% of price growth in the 40 years prior to the pandemic, according to the report.').map(([s]) => s)).toEqual([null]);
  });

  it('reads a forecaster, a body\'s own documents and "according to" its data (modern corpus, BBC politics)', () => {
    expect(speakersOf('The IMF thinks global inflation will slow to 5.9% this year, from 6.7% last year, in line with its forecast in April.').map(([s]) => s)).toEqual(['IMF']);
    expect(speakersOf('In June, the personal saving rate dipped to 3.4%, its lowest level since December 2022, according to the latest Commerce Department data.').map(([s]) => s)).toEqual(['Commerce Department']);
    expect(speakersOf('At least five stories of a section of the targeted building were destroyed in the strike, CNN analysis of images shows.').map(([s]) => s)).toEqual(['CNN']);
  });

  it('reads no speaker from "All told", "an estimated" or a verb of speech that adds a figure (AP, BBC)', () => {
    expect(speakersOf('All told, the S&P 500 slipped 9.60 points to 5,699.94.').map(([s]) => s)).toEqual([null]);
    expect(speakersOf('An estimated 5.2 million adults have worse literacy than that expected of 11 year olds.').map(([s]) => s)).toEqual([null]);
    expect(speakersOf('Orange added more than five million new customers in 2004, leading to a 10% increase in its revenues.').map(([s]) => s)).toEqual([null]);
  });

  it('gives the sentences of a quote left open to its speaker, and stops where it closes (BBC politics)', () => {
    const result = attributeSpeakers([
      { paragraph: 0, text: 'Lib Dem home affairs spokesman Mark Oaten said: "There\'s a lot of talking left.' },
      { paragraph: 0, text: 'I would be uneasy about supporting a very bad bill even if it was just for eight months."' },
      { paragraph: 0, text: 'Some £3.7bn will be spent on implementing the programme by 2006.' },
    ]);
    expect(result.map((r) => r.speaker)).toEqual(['Mark Oaten', 'Mark Oaten', null]);
  });
});
