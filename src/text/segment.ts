import abbreviations from '../lexicon/abbreviations.json' with { type: 'json' };
import type { Span } from '../model.ts';

const titles = new Set(abbreviations.titles.map((a) => a.toLowerCase()));
const others = new Set(abbreviations.others.map((a) => a.toLowerCase()));
const starters = new Set(abbreviations.sentenceStarters);
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Paragraphs are separated by blank lines; spans exclude surrounding white space. UTF-16 offsets. */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  const separator = /\n[ \t\r\f\v]*\n\s*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    const chunk = text.slice(start, end);
    const lead = chunk.length - chunk.trimStart().length;
    const trail = chunk.length - chunk.trimEnd().length;
    if (end - trail > start + lead) paragraphs.push({ start: start + lead, end: end - trail });
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return paragraphs;
}

/**
 * Hard-wrapped prose ("... after July\n23, 1981 ...") breaks lines inside sentences, and the
 * segmenter treats every line break as a sentence end. A break between two lines of prose
 * becomes a space (same length, so offsets hold); lines of a table (runs of spaces, dot
 * leaders) or short lines keep their breaks.
 */
export function unwrapLines(body: string): string {
  if (!body.includes('\n')) return body;
  const lines = body.split('\n');
  const table = (line: string) => / {3,}|\.{4,}|\t/.test(line);
  return lines
    .map((line, k) => {
      const next = lines[k + 1];
      if (next === undefined) return line;
      const prose = line.trim().length >= 40 && !table(line) && !table(next) && !/[.!?:"”]\s*$/.test(line);
      return line + (prose ? ' ' : '\n');
    })
    .join('');
}

/** The word (with inner dots) that ends a segment just before its final full stop. */
function wordBeforeStop(segment: string): string | null {
  const m = /(?:^|[\s("'])([A-Za-z][A-Za-z.]*)\.\s*$/.exec(segment);
  return m ? m[1]! : null;
}

function isFalseBreak(before: string, after: string): boolean {
  const word = wordBeforeStop(before);
  if (word === null) return false;
  const lower = word.toLowerCase();
  // "Col. Steve Warren": a title always precedes a name.
  if (titles.has(lower)) return true;
  // A single initial: "George W. Bush".
  if (/^[A-Z]$/.test(word)) return true;
  if (!others.has(lower)) return false;
  // "the U.S. military said" continues; "... in the U.S. The next day" does not.
  const next = /^\s*["'(]?([\p{L}\p{N}]+)/u.exec(after);
  if (!next) return false;
  const first = next[1]!;
  return !/^\p{Lu}/u.test(first) || !starters.has(first);
}

/**
 * Sentences of each paragraph, with Intl.Segmenter, merging the breaks it makes
 * after abbreviations such as "Mr." and "U.S.". Offsets are UTF-16, absolute.
 * One segmenter pass covers the whole text (a pass per paragraph cost a third
 * more): a line break always ends a sentence, so no sentence spans two paragraphs.
 */
export function splitSentences(text: string, paragraphs: Span[]): Span[][] {
  // the text with each paragraph's hard-wrapped lines joined (same length, so offsets hold)
  const parts: string[] = [];
  let at = 0;
  for (const p of paragraphs) {
    parts.push(text.slice(at, p.start), unwrapLines(text.slice(p.start, p.end)));
    at = p.end;
  }
  parts.push(text.slice(at));
  const raw: Span[][] = paragraphs.map(() => []);
  let k = 0;
  for (const s of sentenceSegments(parts.join(''))) {
    const end = s.index + s.segment.length;
    while (k < paragraphs.length && paragraphs[k]!.end <= s.index) k++;
    const paragraph = paragraphs[k];
    if (!paragraph) break;
    // a segment reaches into the white space around its paragraph at most
    const start = Math.max(s.index, paragraph.start);
    const stop = Math.min(end, paragraph.end);
    if (stop > start) raw[k]!.push({ start: start - paragraph.start, end: stop - paragraph.start });
  }
  return paragraphs.map((paragraph, p) => mergeFalseBreaks(text.slice(paragraph.start, paragraph.end), raw[p]!, paragraph.start));
}

const AFTER_CHARS = 256;

/** Characters segmented at a time: V8's Intl.Segmenter takes time quadratic in the string it walks. */
const SEGMENT_WINDOW = 8192;

/**
 * Intl.Segmenter's sentences of `text`, found window by window: V8's segmenter
 * slows with the square of the string's length (400,000 characters of news took
 * 4.0 s, 2,000,000 would take minutes), so it walks 8,192 characters at a time
 * and starts each window again at the last (possibly cut) sentence of the one
 * before. On 2,000,000 characters of BBC news the segments are the same as with
 * windows of 2,048 to 131,072 characters, in 0.19 s.
 */
export function* sentenceSegments(text: string): Generator<{ index: number; segment: string }> {
  let from = 0;
  while (from < text.length) {
    const to = Math.min(text.length, from + SEGMENT_WINDOW);
    let last: Intl.SegmentData | null = null;
    for (const s of sentenceSegmenter.segment(text.slice(from, to))) {
      if (last) yield { index: from + last.index, segment: last.segment };
      last = s;
    }
    // the window's last sentence may be cut: unless it is the text's last, or the window's only one, segment again from it
    if (to === text.length || last!.index === 0) {
      yield { index: from + last!.index, segment: last!.segment };
      from = to;
    } else from += last!.index;
  }
}

/** Spans of one paragraph's segments (relative to `body`), false breaks merged, trimmed, made absolute. */
function mergeFalseBreaks(body: string, raw: Span[], offset: number): Span[] {
  const merged: Span[] = [];
  for (const span of raw) {
    const last = merged[merged.length - 1];
    // the next word is all isFalseBreak reads: a bounded slice, since a regex over the rest of a long
    // paragraph flattens it each time (a 2,000,000-character paragraph took minutes)
    if (last && isFalseBreak(body.slice(last.start, last.end), body.slice(span.start, span.start + AFTER_CHARS))) {
      last.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged
    .map((s) => {
      const chunk = body.slice(s.start, s.end);
      const lead = chunk.length - chunk.trimStart().length;
      const trail = chunk.length - chunk.trimEnd().length;
      return { start: offset + s.start + lead, end: offset + s.end - trail };
    })
    .filter((s) => s.end > s.start);
}
