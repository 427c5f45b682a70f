// A figure restated as a conversion in brackets or as ", or" a share says what happened to the same thing
// (sentences from the modern corpus: CNN on Typhoon Gaemi, DW on the IEA's emissions report; BBC business).
import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers.ts';

describe('shareRestatedContext', () => {
  it('gives a bracketed conversion the predicate, object and category of the figure it converts', () => {
    const facts = factsOf('Some mountainous regions have reported up to 1,219 mm (48 inches) of rain.');
    const [mm, inches] = [facts.find((f) => f.mention === 'up to 1,219 mm'), facts.find((f) => f.mention === '48 inches')];
    expect(inches).toMatchObject({ predicate: mm!.predicate, object_head: mm!.object_head, category: mm!.category, repeat_of: mm!.fact_id });
    expect(mm!.predicate).toBe('report');
    expect(mm!.object_head).toBe('rain');
  });

  it('gives ", or 1.1%" the predicate, aspect and direction of the amount it restates as a share', () => {
    const facts = factsOf('The IEA analysis showed that it rose by 410 million tonnes, or 1.1%, in 2023 to 37.4 billion tonnes.');
    expect(facts.find((f) => f.mention === '410 million tonnes')).toMatchObject({ predicate: 'rise', aspect: 'change', direction: 'up' });
    expect(facts.find((f) => f.mention === '1.1%')).toMatchObject({ predicate: 'rise', aspect: 'change', direction: 'up' });
  });

  it('leaves a figure that is not a restatement as it reads it', () => {
    const facts = factsOf('The vote was 1,229 against and 1,028 for the contract.');
    expect(facts.map((f) => f.repeat_of)).toEqual([null, null]);
  });

  it('reads the object past the brackets, and links both conversions in them to the figure they convert (BBC)', () => {
    const facts = factsOf('It said Fiat was set to restructure its business after reaching a $2bn (1.53bn euros; £1.05bn) settlement with GM about Fiat\'s ownership.');
    const dollars = facts.find((f) => f.mention === '$2bn')!;
    expect(dollars.object_head).toBe('settlement');
    for (const mention of ['1.53bn euros', '£1.05bn']) expect(facts.find((f) => f.mention === mention)).toMatchObject({ repeat_of: dollars.fact_id, object_head: 'settlement' });
  });
});
