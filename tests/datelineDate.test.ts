import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { datelineDate } from '../src/ingest/datelineDate.ts';
import { readPlainText } from '../src/ingest/readPlainText.ts';
import { DEFAULT_ARTICLE } from './helpers.ts';

describe('datelineDate', () => {
  it('reads a line that is only a date, labelled or not, with a time after it', () => {
    expect(datelineDate('Published: 17 March 2014 10:02 GMT\n\nThe coalition said...')).toBe('2014-03-17');
    expect(datelineDate('Tuesday, March 25, 1987\n\nChad said its troops...')).toBe('1987-03-25');
    expect(datelineDate('Updated 2016-01-05T10:00:00Z\nText.')).toBe('2016-01-05');
  });

  it('reads a wire dateline that opens the first paragraph', () => {
    expect(datelineDate('BAGHDAD, March 17, 2014 (AFP) - A top leader of Iraq\'s Popular Mobilisation said...')).toBe('2014-03-17');
    expect(datelineDate('LONDON (Reuters), 3 February 2005 — The UK\'s jobless total rose...')).toBe('2005-02-03');
  });

  it('never takes a date that a sentence merely mentions, and never guesses a year', () => {
    // the default article's caption mentions March 17, 2014: the video's date, not the article's
    const doc = readPlainText('iraq.txt', readFileSync(DEFAULT_ARTICLE, 'utf8'));
    expect('published' in doc && doc.published).toBe(null);
    expect(datelineDate('March 17, 2014 was the day the video was released by the group.')).toBe(null);
    expect(datelineDate('WASHINGTON, March 3 (Reuters) - The dollar rose 2 pct.')).toBe(null);
    expect(datelineDate('The ministry said on 17 March 2014 that it had spent $2.3 billion.')).toBe(null);
  });
});
