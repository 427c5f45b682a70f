// The quantulum3 adapter: its cases as BenchCases (surfaces located in the input, value ±
// uncertainty as an interval, unit names mapped to ours).
import { join } from 'node:path';
import { CodePointText } from './codePointText.ts';
import { PEERS, readJson } from './files.ts';
import type { BenchCase, Expected, Target } from './records.ts';
import { FRACTION_AS_PERCENT, lookupUnit, QUANTULUM_UNITS } from './units.ts';

interface QuantulumCase {
  req: string;
  res: { value: number; unit: string; surface: string; uncertainty?: number | null }[];
}

/** Where `surface` occurs in `input` at or after `from` (UTF-16), preferring whole-token occurrences. */
function locate(input: string, surface: string, from: number): number {
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  const occurrences: number[] = [];
  for (let i = input.indexOf(surface); i >= 0; i = input.indexOf(surface, i + 1)) occurrences.push(i);
  const whole = (i: number) => !(isWord(surface[0]) && isWord(input[i - 1])) && !(isWord(surface.at(-1)) && isWord(input[i + surface.length]));
  const ordered = [...occurrences.filter((i) => i >= from), ...occurrences.filter((i) => i < from)];
  const found = ordered.find(whole) ?? ordered[0];
  if (found === undefined) throw new Error(`quantulum3: surface "${surface}" not found in "${input}"`);
  return found;
}

export function loadQuantulum(file: string): BenchCase[] {
  return readJson<QuantulumCase[]>(join(PEERS, 'quantulum3', file)).map((c, index) => {
    const text = new CodePointText(c.req);
    let cursor = 0;
    const expected = c.res.map((r): Expected => {
      const at = locate(c.req, r.surface, cursor);
      cursor = at + r.surface.length;
      const start = text.fromUtf16(at);
      const end = text.fromUtf16(at + r.surface.length);
      const u = r.uncertainty ?? 0;
      const target: Target = u > 0 ? { kind: 'interval', low: r.value - u, high: r.value + u, lowOpen: false, highOpen: false } : { kind: 'point', value: r.value };
      let units = lookupUnit(QUANTULUM_UNITS, r.unit, 'quantulum3');
      // A dimensionless fraction ("two thirds") may be read as a percent (66.67 %).
      if (r.unit === 'dimensionless' && !Number.isInteger(r.value)) units = [...units, FRACTION_AS_PERCENT];
      return { start, end, text: r.surface, target, units, peerUnit: r.unit };
    });
    return { index, input: c.req, expected, notSupportedJs: false };
  });
}
