import { describe, expect, it } from 'vitest';
import { codePointIndex, codePointLength, codePointSlicer } from '../src/text/codePoints.ts';

describe('codePointIndex', () => {
  it('is the identity on text without astral characters', () => {
    const index = codePointIndex('Café 7,276 strikes');
    expect(index.toCodePoint(5)).toBe(5);
    expect(index.toUtf16(5)).toBe(5);
  });

  it('maps UTF-16 offsets to code points past emoji', () => {
    const text = 'A 💥 strike, then 😀😀 2,000 missiles';
    const index = codePointIndex(text);
    const u16 = text.indexOf('2,000');
    const cp = [...text.slice(0, u16)].length;
    expect(index.toCodePoint(u16)).toBe(cp);
    expect(index.toUtf16(cp)).toBe(u16);
    expect([...text].slice(cp, cp + 5).join('')).toBe('2,000');
  });

  it('round-trips every boundary', () => {
    const text = '𝟙 é 😀x😀 y';
    const index = codePointIndex(text);
    for (let cp = 0; cp <= codePointLength(text); cp++) expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
  });
});

describe('codePointSlicer', () => {
  it('slices like an array of code points, clamped at both ends', () => {
    const text = 'A 💥 strike, then 😀😀 2,000 missiles';
    const chars = [...text];
    const slice = codePointSlicer(text);
    for (const [a, b] of [[0, 5], [3, 20], [17, 22], [20, 200], [30, 10], [0, 0]] as const) {
      expect(slice(a, b)).toBe(chars.slice(a, b).join(''));
    }
  });
});
