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

/** The date a text opens with, and the text after it. */
function dateAt(text: string): { date: string | null; rest: string } | null {
  for (const [k, pattern] of DATE.entries()) {
    const m = pattern.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (k === 2) return { date: publishedDate(m[0]), rest };
    const [month, day] = k === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
    return { date: publishedDate(`${m[3]}-${String(index).padStart(2, '0')}-${day.padStart(2, '0')}`), rest };
  }
  return null;
}

/** The date the first lines of an article body state as its publication date, or null. */
export function datelineDate(body: string): string | null {
  const lines = body.split('\n', 6).map((l) => l.trim()).filter((l) => l !== '').slice(0, 3);
  for (const line of lines) {
    const own = dateAt(line.replace(LABEL, ''));
    // a line that is the date (and perhaps a time or a byline after a separator), not a sentence that opens with one
    if (own?.date && /^[^.!?]{0,40}$/.test(own.rest)) return own.date;
    const dateline = DATELINE.exec(line);
    const inDateline = dateline ? dateAt(line.slice(dateline[0].length)) : null;
    if (inDateline?.date && /^[^.!?]*?(?:\([\p{L} ]{2,20}\))?\s*[-–—]/u.test(inDateline.rest)) return inDateline.date;
  }
  return null;
}
