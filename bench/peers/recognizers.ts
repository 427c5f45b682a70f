// The Recognizers-Text adapter: its JSON cases as BenchCases (UTF-16 offsets, End inclusive,
// converted to code points; values and intervals as targets; unit names mapped to ours).
import { join } from 'node:path';
import { CodePointText } from './codePointText.ts';
import { PEERS, readJson } from './files.ts';
import type { BenchCase, Expected, Interval, Target, UnitOption } from './records.ts';
import { ANY_UNIT, CURRENCY_NAMES, DIMENSION_UNITS, FRACTION_AS_PERCENT, lookupUnit, sym } from './units.ts';

interface RecognizersCase {
  Input: string;
  NotSupported?: string;
  Results: { Text: string; Start: number; End: number; Resolution: { value?: string | null; unit?: string; isoCurrency?: string; subtype?: string } }[];
}

type Resolution = RecognizersCase['Results'][number]['Resolution'];
export type RecognizersKind = 'number' | 'currency' | 'dimension' | 'percent' | 'range';

const parseNumber = (s: string | null | undefined): number | null => (s === null || s === undefined || s === '' || s === 'null' ? null : Number(s));

function parseInterval(s: string): Interval {
  const m = /^([[(])\s*([^,]*?)\s*,\s*([^,]*?)\s*([\])])$/.exec(s);
  if (!m) throw new Error(`NumberRange: cannot read interval "${s}"`);
  return { low: parseNumber(m[2]), high: parseNumber(m[3]), lowOpen: m[1] === '(', highOpen: m[4] === ')' };
}

function recognizersTarget(kind: RecognizersKind, r: Resolution): { target: Target | null; units: UnitOption[]; peerUnit: string | null } {
  const raw = r.value ?? null;
  switch (kind) {
    case 'range':
      return { target: raw ? { kind: 'interval', ...parseInterval(raw) } : null, units: ANY_UNIT, peerUnit: null };
    case 'percent': {
      const value = parseNumber(raw?.replace(/%$/, ''));
      return { target: value === null ? null : { kind: 'point', value }, units: sym('%'), peerUnit: '%' };
    }
    case 'number': {
      const value = parseNumber(raw);
      const units = r.subtype === 'fraction' ? [...ANY_UNIT, FRACTION_AS_PERCENT] : ANY_UNIT;
      return { target: value === null ? null : { kind: 'point', value }, units, peerUnit: null };
    }
    case 'currency':
    case 'dimension': {
      const value = parseNumber(raw);
      const name = r.unit ?? '';
      const units = kind === 'currency' ? (r.isoCurrency ? sym(r.isoCurrency) : lookupUnit(CURRENCY_NAMES, name, 'Currency')) : lookupUnit(DIMENSION_UNITS, name, 'Dimension');
      return { target: value === null ? null : { kind: 'point', value }, units, peerUnit: r.isoCurrency ? `${name} (${r.isoCurrency})` : name };
    }
  }
}

export function loadRecognizers(file: string, kind: RecognizersKind): BenchCase[] {
  return readJson<RecognizersCase[]>(join(PEERS, 'Recognizers-Text', file)).map((c, index) => {
    const text = new CodePointText(c.Input);
    const expected = c.Results.map((r): Expected => {
      if (c.Input.slice(r.Start, r.End + 1).toLowerCase() !== r.Text.toLowerCase()) throw new Error(`${file} #${index}: offsets of "${r.Text}" do not match the input`);
      // Start/End are UTF-16 offsets, End inclusive.
      const start = text.fromUtf16(r.Start);
      const end = text.fromUtf16(r.End + 1);
      return { start, end, text: text.slice(start, end), ...recognizersTarget(kind, r.Resolution) };
    });
    return { index, input: c.Input, expected, notSupportedJs: /javascript/i.test(c.NotSupported ?? '') };
  });
}
