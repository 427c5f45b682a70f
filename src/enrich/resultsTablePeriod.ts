import { resultsPeriodHeadingUnits, resultsPeriodHeadings } from '../lexicon/index.ts';
import type { Fact } from '../model.ts';
import { codePointSlicer } from '../text/codePoints.ts';

const LOOK_BACK = 4000;
const MAX_LINES = 60;
const tableLine = (line: string) => /^\s*\S.*\svs\.?\s/i.test(line);

/** "Year", "Six mths", "12 wks": a line that only names the period of the lines below it. */
function periodHeading(line: string): string | null {
  const heading = line.trim().replace(/[:.]$/, '');
  const lower = heading.toLowerCase().replace(/\s+/g, ' ');
  if (resultsPeriodHeadings.has(lower)) return heading;
  const [number, unit, ...rest] = lower.split(' ');
  return rest.length === 0 && /^\d+$/.test(number ?? '') && resultsPeriodHeadingUnits.has(unit ?? '') ? heading : null;
}

/**
 * Fact refiner: a figure on a results-table line ("Net 2,043,000 vs 2,183,000") covers the period its
 * table's heading names ("Nine mths"), both columns alike; lines above it up to the heading are table
 * lines or blank. A figure whose own sentence gave a period keeps it. The heading names no year, so the
 * dates stay null; the heading itself is no fact.
 */
export function resultsTablePeriod(facts: Fact[], documentText: string): Fact[] {
  const slice = codePointSlicer(documentText);
  const headingOf = new Map<number, string | null>();
  // the heading itself ("Nine mths" over the table) is the period of the lines below, not a fact
  const isHeading = (fact: Fact) => {
    if (fact.quantity_type !== 'measure') return false;
    const line = slice(Math.max(0, fact.start - 40), fact.end + 40);
    const own = line.slice(0, fact.start - Math.max(0, fact.start - 40)).split('\n').pop()! + fact.mention + slice(fact.end, fact.end + 40).split('\n')[0]!;
    if (periodHeading(own) === null) return false;
    const below = slice(fact.end, fact.end + 400).split('\n').slice(1).find((l) => l.trim() !== '');
    return below !== undefined && tableLine(below);
  };
  return facts.filter((fact) => !isHeading(fact)).map((fact) => {
    if (fact.period_text !== null) return fact;
    let heading = headingOf.get(fact.sentence);
    if (heading === undefined) {
      const lines = slice(Math.max(0, fact.start - LOOK_BACK), fact.start).split('\n');
      const own = lines.pop()!;
      heading = null;
      if (tableLine(own + slice(fact.start, fact.end + 40).split('\n')[0]!)) {
        for (let k = lines.length - 1, seen = 0; k >= 0 && seen < MAX_LINES; k--, seen++) {
          const line = lines[k]!;
          if (line.trim() === '' || tableLine(line)) continue;
          heading = periodHeading(line);
          break;
        }
      }
      headingOf.set(fact.sentence, heading);
    }
    return heading === null ? fact : { ...fact, period_text: heading };
  });
}
