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

describe('linkFacts: parts named after, by sums and in tables', () => {
  it('links "X out of Y" and "X making Y" to the total that follows (BBC, Reuters)', () => {
    const a = factsOf('The survey found 39 nations out of 65 questioned were increasing their euro holdings.');
    expect(a[0]!.part_of).toBe(a[1]!.fact_id);
    const b = factsOf('Div 11.0p making 17.4p, a 10 pct increase on 1985');
    expect(b[0]!.part_of).toBe(b[1]!.fact_id);
  });

  it('does not take "most of them" several words back as the cue of a later figure (Reuters)', () => {
    const facts = factsOf('Kuwait had asked if protection for up to a dozen vessels, most of them tankers, could be provided by three U.S. Navy destroyers and two frigates.');
    expect(facts.map((f) => f.part_of)).toEqual([null, null, null]);
  });

  it('links a breakdown whose figures add up to an earlier total (Reuters)', () => {
    const facts = factsOf(
      'Almost 150 people were killed when Afghan aircraft raided a number of Pakistani villages on Monday, Pakistani officials said. The toll in Teri Mangal in Kurram Agency rose to 81, about 45 people were killed in Lwarai Mandi and 23 died in Angur Adar, the officials said.',
    );
    expect(facts.slice(1).map((f) => f.part_of)).toEqual([facts[0]!.fact_id, facts[0]!.fact_id, facts[0]!.fact_id]);
  });

  it('links table rows under an "includes" header whose columns sum to a row, losses subtracted (Reuters results)', () => {
    const text = [
      'Trading profit 217.2 mln stg vs 211.1 mln stg',
      'Trading profit includes -',
      'Civil aircraft 7.7 mln stg loss vs 2.5 mln stg loss',
      'Military aircraft and support services 146.0 mln stg vs 148.3 mln stg',
      'Guided weapon and electronic systems 139.7 mln stg vs 127.8 mln stg',
      'Space and communications 1.9 mln stg vs 2.0 mln stg loss',
      'Company funded research and development 62.7 mln stg loss vs 54.9 mln stg',
      'Reorganisation costs nil vs 5.6 mln stg loss',
    ].join('\n\n');
    const facts = factsOf(text);
    const [first, second] = facts;
    expect(facts.slice(2).map((f) => f.part_of)).toEqual(facts.slice(2).map((_, k) => (k % 2 === 0 && k < 10 ? first : second)!.fact_id));
  });

  it('links a share of a count to the count ("two-thirds of whom", BBC politics)', () => {
    const facts = factsOf('"Two million pensioners in Britain currently live below the government\'s own poverty line - two-thirds of whom are women," he said.');
    const [count, share] = facts;
    expect(share).toMatchObject({ mention: 'two-thirds', part_of: count!.fact_id });
  });

  it('links parts listed after a small total in its own sentence when they count the same kind (the issue\'s "3 in Kharkiv, 4 in Odesa")', () => {
    const facts = factsOf('Russian strikes killed seven people on Monday, three in Kharkiv and four in Odesa, officials said.');
    const [total, ...parts] = facts;
    expect(parts.map((f) => f.part_of)).toEqual([total!.fact_id, total!.fact_id]);
  });
});
