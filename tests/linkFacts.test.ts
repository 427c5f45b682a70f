import { describe, expect, it } from 'vitest';
import { DEFAULT_ARTICLE, factsOf, factsOfFile } from './helpers.ts';

describe('linkFacts', () => {
  // The default article: "$2.3 billion" is restated as "more than $2.3 billion", of which "$1.6 billion".
  const { facts: articleFacts } = factsOfFile(DEFAULT_ARTICLE);

  it('links a restated total to its first mention and a part to its total', () => {
    const facts = articleFacts;
    const byMention = (m: string) => facts.find((f) => f.mention === m)!;
    expect(byMention('more than $2.3 billion').repeat_of).toBe(byMention('$2.3 billion').fact_id);
    expect(byMention('$1.6 billion').part_of).toBe(byMention('more than $2.3 billion').fact_id);
    expect(byMention('$2.3 billion').repeat_of).toBeNull();
  });

  it('keeps the same figure for different things apart ("2,000 AT-4" and "2,000 Hellfire")', () => {
    const twoThousands = articleFacts.filter((f) => f.mention === '2,000');
    expect(twoThousands.map((f) => f.repeat_of)).toEqual([null, null]);
  });

  it('treats a bracketed conversion as a restatement with the same qualifier', () => {
    const facts = factsOf('Faya Largeau lies some 230 km (150 miles) north of the line.');
    expect(facts[1]).toMatchObject({ mention: '150 miles', repeat_of: facts[0]!.fact_id, qualifier: 'approximate', low: null, high: null });
  });

  it('links "including" parts and leaves figures from different sources unlinked', () => {
    const facts = factsOf('The blast killed 40 people, including 12 children. Donor A gave £250,000. Donor B gave £250,000.');
    expect(facts[1]!.part_of).toBe(facts[0]!.fact_id);
    expect(facts[3]!.repeat_of).toBeNull();
  });
});
