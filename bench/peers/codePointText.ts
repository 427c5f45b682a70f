import { codePointIndex, type CodePointIndex } from '../../src/text/codePoints.ts';

/** Code-point view of an input: slices and UTF-16 conversion. */
export class CodePointText {
  private readonly index: CodePointIndex;
  constructor(readonly text: string) {
    this.index = codePointIndex(text);
  }
  slice(start: number, end: number): string {
    return this.text.slice(this.index.toUtf16(start), this.index.toUtf16(end));
  }
  fromUtf16(offset: number): number {
    return this.index.toCodePoint(offset);
  }
}
