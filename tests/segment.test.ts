import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model.ts';
import { parseDocument } from '../src/text/parseDocument.ts';

const parse = (text: string) => {
  const doc: Document = { doc_id: 'd', source: 's', title: null, published: null, text };
  const parsed = parseDocument(doc);
  const chars = [...text];
  return {
    parsed,
    sentences: parsed.sentences.map((s) => chars.slice(s.start, s.end).join('')),
    paragraphs: parsed.paragraphs.map((p) => chars.slice(p.start, p.end).join('')),
  };
};

describe('parseDocument', () => {
  it('splits paragraphs on blank lines', () => {
    const { paragraphs } = parse('First one.\n\nSecond one.\n  \nThird.');
    expect(paragraphs).toEqual(['First one.', 'Second one.', 'Third.']);
  });

  it('does not split after titles and initials (the article: "Colonel Steve Warren", "Col. Warren")', () => {
    const { sentences } = parse('US military spokesman Col. Steve Warren said so. Mr. Ameri disagreed with George W. Bush.');
    expect(sentences).toEqual(['US military spokesman Col. Steve Warren said so.', 'Mr. Ameri disagreed with George W. Bush.']);
  });

  it('keeps "U.S." inside a sentence but ends a sentence before a new one', () => {
    const { sentences } = parse('The U.S. military said 7,276 strikes were made. It spent $2.3 billion in the U.S. The next day it stopped.');
    expect(sentences).toEqual([
      'The U.S. military said 7,276 strikes were made.',
      'It spent $2.3 billion in the U.S.',
      'The next day it stopped.',
    ]);
  });

  it('gives offsets in code points with accents and emoji', () => {
    const text = 'Le café 😀 a vendu 300 croissants. Ça coûte €2,5 millions! 🚀 Fin.';
    const { parsed, sentences } = parse(text);
    expect(sentences[0]).toBe('Le café 😀 a vendu 300 croissants.');
    expect(parsed.sentences[1]!.start).toBe([...'Le café 😀 a vendu 300 croissants. '].length);
    expect(sentences.length).toBe(3);
  });

  it('numbers sentences across paragraphs and records each paragraph', () => {
    const { parsed } = parse('One. Two.\n\nThree.');
    expect(parsed.sentences.map((s) => [s.index, s.paragraph])).toEqual([[0, 0], [1, 0], [2, 1]]);
  });
});

describe('sentenceSegments', () => {
  it('finds the same sentences window by window as Intl.Segmenter in one pass, on a long text of real articles', async () => {
    const { readFileSync } = await import('node:fs');
    const { sentenceSegments } = await import('../src/text/segment.ts');
    const articles = ['../data/iraq-militia-us-coalition.txt', './fixtures/delimited/articles.tsv'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'));
    // one paragraph of ~40,000 characters (five windows), and the same with its paragraphs kept
    let text = '';
    while (text.length < 40_000) text += articles.join(' ');
    for (const t of [text.replace(/\s+/g, ' '), text]) {
      const oneGo = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(t)].map(({ index, segment }) => ({ index, segment }));
      expect([...sentenceSegments(t)]).toEqual(oneGo);
    }
  });

  it('splits a 2,000,000-character paragraph into sentences that cover it', () => {
    const sentence = 'The army said 1,200 soldiers and 35 tanks moved north on Tuesday. ';
    const { parsed } = parse(sentence.repeat(Math.ceil(2_000_000 / sentence.length)).slice(0, 2_000_000));
    expect(parsed.sentences).toHaveLength(Math.ceil(2_000_000 / sentence.length));
  });
});
