// SPEC.md `status`, from cues in the figure's own clause, on real sentences (BBC politics, the modern corpus).
import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/model.ts';
import { factsOf } from './helpers.ts';

const cases: [string, string, Fact['status']][] = [
  ['The Biden administration announced on Monday a new lethal aid package for Ukraine totaling about $1.7 billion.', 'about $1.7 billion', 'pledged'],
  ['Some 26 million adults lack maths or English skill levels expected of school-leavers.', 'Some 26 million', 'actual'],
  ['On Wall Street, Levi Strauss dropped 7.7% despite reporting better profit for the latest quarter than analysts expected.', '7.7%', 'actual'],
  ['During his 49 minute speech Mr Brown told MPs he had defied the pundits by hitting his growth target of 3.1% for 2004.', '3.1%', 'actual'],
  ['The death toll from devastating landslides in southern Ethiopia has climbed to more than 250 and could rise as high as 500, the UN warned.', 'as high as 500', 'conditional'],
];

describe('findStatus', () => {
  it.each(cases)('%s [%s] is %s', (sentence, mention, status) => {
    expect(factsOf(sentence).find((f) => f.mention === mention)?.status).toBe(status);
  });
});
