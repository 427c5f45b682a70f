// Ages are measures in years (SPEC.md `time`), not counts: sentences from the modern corpus (AP, CNN, CBC) and BBC politics.
import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers.ts';

describe('readAges', () => {
  it.each([
    ['The three soldiers were Sgt. William Jerome Rivers, 46, of Carrollton, Georgia; Spc. Kennedy Ladon Sanders, 24, of Waycross, Georgia.', '46'],
    ['Brian Paré, 38, pleaded guilty Monday to 13 counts of arson.', '38'],
    ['According to the report, "more than half" the qualifications achieved were by learners aged 16 to 18.', '16 to 18'],
    ['At least 14 Houston-area deaths were confirmed, including seven people – ranging in age from 50 to 110 – who died from heat exposure.', 'from 50 to 110'],
  ])('%s [%s] is an age', (sentence, mention) => {
    expect(factsOf(sentence).find((f) => f.mention === mention)).toMatchObject({ quantity_type: 'measure', unit: 'yr', category: 'time' });
  });

  it('leaves a count after a capitalised word and a comma alone', () => {
    expect(factsOf('However, 13 houses were damaged and rescuers extinguished one fire caused by the downed drones.').find((f) => f.mention === '13')).toMatchObject({ quantity_type: 'count', unit: null });
  });
});
