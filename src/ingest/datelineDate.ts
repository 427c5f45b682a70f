// The publication date a plain-text article states at its top: a line that is
// only a date ("Published: 17 March 2014 10:02 GMT") or a wire dateline
// ("BAGHDAD, March 17, 2014 (AFP) -"). Only dates with a year: never a guess.
import { publishedDate } from './publishedDate.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?';
const YEAR = '((?:19|20)\\d\\d)';
const DATE = [
  new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2}),?\\s+${YEAR}\\b`, 'i'), // March 17, 2014
  new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+${YEAR}\\b`, 'i'), // 17 March 2014
  /^(\d{4})-(\d{2})-(\d{2})(?!\d)/, // 2014-03-17, 2014-03-17T10:00Z
];
const LABEL = /^(?:(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*)?/i;
// "BAGHDAD, March 17, 2014 (AFP) -", "LONDON (Reuters), 17 March 2014 —"
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M} .'-]{1,40}(?:\s*\([\p{L} ]{2,20}\))?,\s*/u;

function dateAt(text: string): string | null {
  for (const [k, pattern] of DATE.entries()) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (k === 2) return publishedDate(m[0]);
    const [month, day] = k === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
    return publishedDate(`${m[3]}-${String(index).padStart(2, '0')}-${day.padStart(2, '0')}`);
  }
  return null;
}

/** The date the first lines of an article body state as its publication date, or null. */
export function datelineDate(body: string): string | null {
  const lines = body.split('\n', 6).map((l) => l.trim()).filter((l) => l !== '').slice(0, 3);
  for (const line of lines) {
    const labelled = line.replace(LABEL, '');
    const date = dateAt(labelled);
    // a line that is the date (and perhaps a time or a byline after a separator), not a sentence that opens with one
    if (date && /^[^.!?]{0,40}$/.test(labelled.replace(DATE.find((p) => p.test(labelled))!, ''))) return date;
    const dateline = DATELINE.exec(line);
    if (dateline) {
      const rest = line.slice(dateline[0].length);
      const inDateline = dateAt(rest);
      if (inDateline && /^[^.!?]*?(?:\([\p{L} ]{2,20}\))?\s*[-–—]/u.test(rest.replace(DATE.find((p) => p.test(rest))!, ''))) return inDateline;
    }
  }
  return null;
}
