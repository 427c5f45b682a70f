/**
 * JavaScript strings index UTF-16 code units; SPEC.md offsets are code points
 * (Python's `text[start:end]`). This maps one to the other for a given text.
 */
export interface CodePointIndex {
  toCodePoint(utf16Offset: number): number;
  toUtf16(codePointOffset: number): number;
}

const hasSurrogate = /[\uD800-\uDFFF]/;

export function codePointIndex(text: string): CodePointIndex {
  if (!hasSurrogate.test(text)) {
    const same = (offset: number) => offset;
    return { toCodePoint: same, toUtf16: same };
  }
  // Offsets of the low halves of surrogate pairs, in UTF-16 units, ascending.
  const lowHalves: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) lowHalves.push(++i);
    }
  }
  const pairsBefore = (limit: number, key: (k: number) => number) => {
    let lo = 0;
    let hi = lowHalves.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(mid) < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    toCodePoint: (u16) => u16 - pairsBefore(u16, (k) => lowHalves[k]!),
    // The k-th pair's low half sits at code point lowHalves[k] - k.
    toUtf16: (cp) => cp + pairsBefore(cp + 1, (k) => lowHalves[k]! - k),
  };
}

/** `text` between two code point offsets (clamped to the text, like `Array.prototype.slice`). */
export type CodePointSlice = (start: number, end: number) => string;

export function codePointSlicer(text: string): CodePointSlice {
  const index = codePointIndex(text);
  return (start, end) => text.slice(index.toUtf16(start), index.toUtf16(end));
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
