import * as chrono from 'chrono-node';
import type { Period } from '../model.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const UNIT = '(?:year|month|week|day|decade|quarter)';
const COUNT = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|18|24|36|48)';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

// Ordered: the first pattern that matches a stretch of text wins it.
const patterns: { name: string; regex: RegExp }[] = [
  // "at end-1986", "by the end of last year": the state of things on that date
  { name: 'end-of', regex: new RegExp(`\\b(?:by|at|until|to) (?:the )?end(?:-| of )(?:(?:last|this|next) (?:year|month|quarter)|(?:${MONTH} )?${YEAR})\\b`, 'gi') },
  // "in the year to December", "in the three months to June 30": a span ending with a month
  { name: 'span-to', regex: new RegExp(`\\b(?:(?:in|during|for|over) )?the (?:year|quarter|(${COUNT}) (month|week)s) (?:to|ended|ending) (?:end-)?(${MONTH})(?: \\d{1,2})?(?:,? (${YEAR}))?\\b`, 'gi') },
  // "over a five-year period starting next year": a stated span, anchored when its start is given
  { name: 'span-period', regex: new RegExp(`\\b(?:over|during|in|for|within) an? (${COUNT})[- ](year|month|week|day) period(?: (?:starting|beginning) (?:(next|this|last) year|in (${YEAR})))?\\b`, 'gi') },
  // "during the life of the contract", "over the term of the loan": the thing's own duration (no dates known)
  { name: 'life-of', regex: /\b(?:during|over|for|throughout) the (?:life|lifetime|term|duration) of the [\p{L}-]+(?: (?!(?:from|to|in|on|at|for|with|by|and|of|was|is|will|would)\b)[\p{L}-]+){0,2}(?![\p{L}-])/giu },
  // "in both 1981 and 1982"
  { name: 'years', regex: new RegExp(`\\b(?:in|during) (?:both )?(${YEAR}) and (${YEAR})\\b`, 'gi') },
  { name: 'past-of-year', regex: new RegExp(`\\b(?:in|during|over) the (?:last|first|final) (?:(${COUNT}) )?(month|quarter)s? of (${YEAR})\\b`, 'gi') },
  { name: 'since', regex: new RegExp(`\\bsince (?:(?:early|late|mid)[- ])?(?:${MONTH}(?: \\d{1,2})?,? )?${YEAR}\\b|\\bsince ${MONTH} (?:last|this) year\\b|\\bsince (?:(?:early|late|mid)[- ])?${MONTH}(?: \\d{1,2})?\\b|\\bsince (?:last|this) (?:week|month|year)\\b|\\bsince ${WEEKDAY}\\b`, 'gi') },
  { name: 'between', regex: new RegExp(`\\b(?:between|from) ${MONTH}(?: ${YEAR})? (?:and|to|until) ${MONTH}(?: ${YEAR})?\\b`, 'gi') },
  { name: 'past', regex: new RegExp(`\\b(?:(?:over|in|during|for|within|throughout) )?the (?:past|last|previous|preceding) (?:(${COUNT}) )?(${UNIT})s?\\b`, 'gi') },
  // "over 15 years", "in the next two to five years": a span of a stated length, anchored only when it says which way
  { name: 'span-count', regex: new RegExp(`\\b(?:(?:over|during) (?:the )?(?:(next|coming|following) )?|in the (next|coming|following) )(?:${COUNT} (?:to|or) )?(${COUNT}) (${UNIT})s\\b`, 'gi') },
  { name: 'so-far', regex: /\b(?:so far|thus far|to date) this year\b|\bso far in \d{4}\b|\byear to date\b/gi },
  // "earlier this year", "later this month": the same span, said of a part of it
  { name: 'relative', regex: new RegExp(`\\b(?:(?:earlier|later) )?(?:last|this|next) (?:week|month|year|quarter|weekend|${MONTH}|${WEEKDAY})\\b`, 'gi') },
  { name: 'ago', regex: new RegExp(`\\b(?:a|an|one|${COUNT}) (${UNIT})s? ago\\b`, 'gi') },
  { name: 'quarter', regex: new RegExp(`\\b(?:in|during) the (first|second|third|fourth|1st|2nd|3rd|4th|final) quarter(?: of ${YEAR})?\\b`, 'gi') },
  { name: 'in-year', regex: new RegExp(`\\b(?:in|during|for|throughout|in fiscal|in calendar|for the whole of|for all of) (?:${MONTH} )?${YEAR}\\b`, 'gi') },
  { name: 'in-month', regex: new RegExp(`\\b(?:in|during|throughout) ${MONTH}\\b`, 'gi') },
  // "on Tuesday", "Wednesday morning", "late on Thursday", "on March 17, 2014"
  { name: 'on-day', regex: new RegExp(`\\b(?:(?:late|early) )?on ${WEEKDAY}(?: (?:morning|afternoon|evening|night))?\\b|\\b(?:by )?${WEEKDAY} (?:morning|afternoon|evening|night)\\b|\\b(?:late|early) ${WEEKDAY}\\b|\\bon ${MONTH} \\d{1,2}(?:, ${YEAR})?\\b`, 'gi') },
  // "by 2008", "by 2030": a state reached by the end of that year
  { name: 'by-year', regex: new RegExp(`\\bby ${YEAR}\\b`, 'gi') },
  { name: 'day-word', regex: /\b(?:yesterday|today|tonight|last night|overnight)(?:['’]s)?(?![\p{L}'’])/giu },
  // "November's 4.2%": a month named as the owner of the figure
  { name: 'month-of', regex: new RegExp(`\\b${MONTH}['’]s\\b`, 'g') },
  // "108 countries ... currently", "two frigates now in the Gulf": the state on the day of the report
  { name: 'now', regex: /\b(?:currently|at present|presently)\b|(?<!\b(?:until|till|up to|to|by|from|right|just|even|for|than)\s)\bnow\b(?!\s+(?:that|and then)\b)/gi },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const endOfMonth = (y: number, m: number) => utc(y, m + 1, 0);
const countOf = (word: string | undefined) => (word === undefined ? 1 : NUMBER_WORDS[word.toLowerCase()] ?? Number(word));
const monthIndex = (text: string) => MONTHS.findIndex((m) => m.startsWith(text.toLowerCase().replace(/\.$/, '').slice(0, 3)));

function shift(date: Date, unit: string, n: number): Date {
  const d = new Date(date);
  switch (unit) {
    case 'decade': d.setUTCFullYear(d.getUTCFullYear() - 10 * n); break;
    case 'year': d.setUTCFullYear(d.getUTCFullYear() - n); break;
    case 'quarter': d.setUTCMonth(d.getUTCMonth() - 3 * n); break;
    case 'month': d.setUTCMonth(d.getUTCMonth() - n); break;
    case 'week': d.setUTCDate(d.getUTCDate() - 7 * n); break;
    default: d.setUTCDate(d.getUTCDate() - n);
  }
  return d;
}

/** A month named without a year is the latest such month on or before the reference date. */
function latestMonth(month: number, ref: Date): [Date, Date] {
  const year = month <= ref.getUTCMonth() ? ref.getUTCFullYear() : ref.getUTCFullYear() - 1;
  return [utc(year, month, 1), endOfMonth(year, month)];
}

/** Start of an absolute date phrase read by chrono ("August 2014", "March 17, 2014"), with its precision. */
function absolute(text: string, ref: Date | null): { date: Date; precision: 'day' | 'month' | 'year' } | null {
  const year = /^\D*(\d{4})\D*$/.exec(text);
  // "since May" with no publication date: never resolve against the day the program runs
  if (!ref && !/\d{4}/.test(text)) return null;
  const parsed = chrono.parse(text, ref ?? undefined)[0];
  if (!parsed) return year ? { date: utc(Number(year[1]), 0, 1), precision: 'year' } : null;
  const c = parsed.start;
  const date = utc(c.get('year')!, c.get('month')! - 1, c.get('day')!);
  if (c.isCertain('day')) return { date, precision: 'day' };
  if (c.isCertain('month')) return { date: utc(date.getUTCFullYear(), date.getUTCMonth(), 1), precision: 'month' };
  return { date: utc(date.getUTCFullYear(), 0, 1), precision: 'year' };
}

function endOf(a: { date: Date; precision: 'day' | 'month' | 'year' }): Date {
  if (a.precision === 'day') return a.date;
  if (a.precision === 'month') return endOfMonth(a.date.getUTCFullYear(), a.date.getUTCMonth());
  return utc(a.date.getUTCFullYear(), 11, 31);
}

/** The dates a period expression covers, given the publication date (null where it cannot be known). */
export function resolvePeriod(name: string, match: RegExpExecArray, published: string | null): [string | null, string | null] {
  const ref = published ? new Date(`${published}T00:00:00Z`) : null;
  const text = match[0].replace(/['’]s$/, '');
  const lower = text.toLowerCase();
  const refIso = ref ? iso(ref) : null;
  switch (name) {
    case 'end-of': {
      const rest = text.replace(/^(?:by|at|until|to) (?:the )?end(?:-| of )/i, '');
      const end = /^(?:last|this|next) /i.test(rest) ? resolveRelative(rest, ref)[1] : (() => {
        const a = absolute(rest, ref);
        return a ? iso(endOf(a)) : null;
      })();
      return [end, end];
    }
    case 'span-to': {
      const [, n, unit, month, y] = match;
      const m = monthIndex(month!);
      const year = y ? Number(y) : ref ? latestMonth(m, ref)[0].getUTCFullYear() : null;
      if (year === null) return [null, null];
      const end = endOfMonth(year, m);
      if (unit?.toLowerCase() === 'week') return [iso(shift(end, 'week', countOf(n))), iso(end)];
      const months = unit ? countOf(n) : /quarter/i.test(text) ? 3 : 12;
      return [iso(utc(year, m - months + 1, 1)), iso(end)];
    }
    case 'span-period': {
      const [, n, unit, relative, y] = match;
      const year = y ? Number(y) : relative && ref ? ref.getUTCFullYear() + (relative.toLowerCase() === 'next' ? 1 : relative.toLowerCase() === 'last' ? -1 : 0) : null;
      if (year === null) return [null, null];
      const start = utc(year, 0, 1);
      return [iso(start), iso(shift(shift(start, unit!.toLowerCase(), -countOf(n)), 'day', 1))];
    }
    case 'life-of':
      return [null, null];
    case 'years': {
      // "in 1986 and 1985": the span both years cover, in order
      const [from, to] = [Number(match[1]), Number(match[2])].sort((x, y) => x - y);
      return [iso(utc(from!, 0, 1)), iso(utc(to!, 11, 31))];
    }
    case 'month-of': {
      if (!ref) return [null, null];
      const [s, e] = latestMonth(monthIndex(text), ref);
      return [iso(s), iso(e)];
    }
    case 'now':
      return [refIso, refIso];
    case 'past-of-year': {
      const [, n, unit, y] = match;
      const months = countOf(n) * (unit!.toLowerCase() === 'quarter' ? 3 : 1);
      const year = Number(y);
      return /first/i.test(text) ? [iso(utc(year, 0, 1)), iso(endOfMonth(year, months - 1))] : [iso(utc(year, 12 - months, 1)), iso(utc(year, 11, 31))];
    }
    case 'since': {
      const rest = text.replace(/^since\s+/i, '').replace(/^(early|late|mid)[- ]/i, '');
      const monthLastYear = /^(\S+) (last|this) year$/i.exec(rest);
      if (monthLastYear && ref) {
        const year = ref.getUTCFullYear() - (monthLastYear[2]!.toLowerCase() === 'last' ? 1 : 0);
        return [iso(utc(year, monthIndex(monthLastYear[1]!), 1)), refIso];
      }
      if (/^(last|this) /i.test(rest) || new RegExp(`^${WEEKDAY}$`, 'i').test(rest)) {
        const [start] = resolveRelative(rest, ref);
        return [start, refIso];
      }
      // "since May", "since mid-November": the latest such month on or before the report
      if (ref && new RegExp(`^${MONTH}(?: \\d{1,2})?$`, 'i').test(rest)) {
        const [start] = latestMonth(monthIndex(rest.split(/\s+/)[0]!), ref);
        const day = /\d{1,2}$/.exec(rest);
        return [iso(day ? utc(start.getUTCFullYear(), start.getUTCMonth(), Number(day[0])) : start), refIso];
      }
      const a = absolute(rest, ref);
      return [a ? iso(a.date) : null, refIso];
    }
    case 'between': {
      const [first, second] = text.replace(/^(between|from)\s+/i, '').split(/\s+(?:and|to|until)\s+/i);
      // "between January and April 2019": a year written once, at the end, holds for both months
      const written = /\d{4}/.exec(second!)?.[0];
      const b = absolute(second!, ref);
      const firstYear = written && !/\d{4}/.test(first!) && b ? String(monthIndex(first!.split(/\s+/)[0]!) <= b.date.getUTCMonth() ? Number(written) : Number(written) - 1) : null;
      const a = absolute(firstYear ? `${first} ${firstYear}` : first!, ref);
      if (!a || !b) return [null, null];
      const explicitYear = /\d{4}/.test(text);
      if (!explicitYear && ref) {
        const [aStart] = latestMonth(a.date.getUTCMonth(), ref);
        const [, bEnd] = latestMonth(b.date.getUTCMonth(), ref);
        return aStart <= bEnd ? [iso(aStart), iso(bEnd)] : [null, null];
      }
      return explicitYear ? [iso(a.date), iso(endOf(b))] : [null, null];
    }
    case 'past': {
      if (!ref) return [null, null];
      const [, n, unit] = match;
      return [iso(shift(ref, unit!.toLowerCase(), countOf(n))), refIso];
    }
    case 'span-count': {
      const [, over, inThe, n, unit] = match;
      const which = over ?? inThe;
      if (!ref || !which) return [null, null];
      return [refIso, iso(shift(ref, unit!.toLowerCase(), -countOf(n)))];
    }
    case 'so-far': {
      if (!ref) return [null, null];
      return [iso(utc(ref.getUTCFullYear(), 0, 1)), refIso];
    }
    case 'relative': {
      // "earlier this year" ends on the day of the report, "later this month" starts on it
      const [start, end] = resolveRelative(text.replace(/^(?:earlier|later)\s+/i, ''), ref);
      if (ref && /^earlier\s/i.test(text)) return [start, iso(ref)];
      if (ref && /^later\s/i.test(text)) return [iso(ref), end];
      return [start, end];
    }
    case 'ago': {
      if (!ref) return [null, null];
      const d = shift(ref, match[1]!.toLowerCase(), countOf(lower.split(' ')[0] === 'a' || lower.split(' ')[0] === 'an' ? '1' : lower.split(' ')[0]));
      return [iso(d), iso(d)];
    }
    case 'quarter': {
      const q = match[1]!.toLowerCase() === 'final' ? 3 : ['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'].indexOf(match[1]!.toLowerCase()) % 4;
      // a quarter without a year is the latest one begun by the day of the report
      const named = /\d{4}/.exec(text)?.[0];
      const y = named !== undefined ? Number(named) : ref ? ref.getUTCFullYear() - (utc(ref.getUTCFullYear(), 3 * q, 1) > ref ? 1 : 0) : null;
      if (y === null) return [null, null];
      return [iso(utc(y, 3 * q, 1)), iso(endOfMonth(y, 3 * q + 2))];
    }
    case 'in-year': {
      const a = absolute(text.replace(/^(in fiscal|in calendar|in|during|for the whole of|for all of|for|throughout)\s+/i, ''), ref);
      return a ? [iso(a.date), iso(endOf(a))] : [null, null];
    }
    case 'in-month': {
      if (!ref) return [null, null];
      const [s, e] = latestMonth(monthIndex(text.split(/\s+/)[1]!), ref);
      return [iso(s), iso(e)];
    }
    case 'by-year': {
      const year = Number(/\d{4}/.exec(text)![0]);
      return [null, iso(utc(year, 11, 31))];
    }
    case 'on-day': {
      const rest = text.replace(/^(?:(?:late|early|by)\s+)?(?:on\s+)?/i, '').replace(/\s+(?:morning|afternoon|evening|night)$/i, '');
      if (new RegExp(`^${WEEKDAY}$`, 'i').test(rest)) return resolveRelative(rest, ref);
      const a = absolute(rest, ref);
      return a ? [iso(a.date), iso(a.date)] : [null, null];
    }
    case 'day-word': {
      if (!ref) return [null, null];
      const d = lower === 'yesterday' || lower === 'last night' ? shift(ref, 'day', 1) : ref;
      return [iso(d), iso(d)];
    }
  }
  return [null, null];
}

function resolveRelative(text: string, ref: Date | null): [string | null, string | null] {
  if (!ref) return [null, null];
  const lower = text.toLowerCase();
  const [which, what] = lower.includes(' ') ? (lower.split(/\s+/) as [string, string]) : ['bare', lower];
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth();
  const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  if (what === 'year') return [iso(utc(y + offset, 0, 1)), iso(utc(y + offset, 11, 31))];
  if (what === 'month') return [iso(utc(y, m + offset, 1)), iso(endOfMonth(y, m + offset))];
  if (what === 'quarter') {
    const q = Math.floor(m / 3) + offset;
    return [iso(utc(y, 3 * q, 1)), iso(endOfMonth(y, 3 * q + 2))];
  }
  if (what === 'week' || what === 'weekend') {
    // ISO weeks start on Monday.
    const monday = shift(ref, 'day', (ref.getUTCDay() + 6) % 7);
    const start = shift(monday, 'day', -7 * offset);
    return what === 'week' ? [iso(start), iso(shift(start, 'day', -6))] : [iso(shift(start, 'day', -5)), iso(shift(start, 'day', -6))];
  }
  const month = monthIndex(what);
  if (month >= 0 && !/day$/.test(what)) {
    if (which === 'this') return [iso(utc(y, month, 1)), iso(endOfMonth(y, month))];
    const year = which === 'last' ? (month < m ? y : y - 1) : month > m ? y : y + 1;
    return [iso(utc(year, month, 1)), iso(endOfMonth(year, month))];
  }
  const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  const day = weekdays.indexOf(what);
  if (day >= 0) {
    // "on Sunday" in a report: the latest such day on or before the report (a Thursday report's
    // "on Thursday" is that day); "last Thursday" is a week back.
    const back = (ref.getUTCDay() - day + 7) % 7 || (which === 'last' ? 7 : 0);
    const d = which === 'next' ? shift(ref, 'day', -((day - ref.getUTCDay() + 7) % 7 || 7)) : shift(ref, 'day', back);
    return [iso(d), iso(d)];
  }
  return [null, null];
}

// The same phrases recur across a corpus ("last year", "in 1986" with one publication date), and
// resolving them through chrono is a third of findPeriods: resolutions are kept, up to a bound.
const resolutions = new Map<string, readonly [string | null, string | null]>();
function resolvedPeriod(name: string, match: RegExpExecArray, published: string | null): readonly [string | null, string | null] {
  const key = `${name}\u0000${published}\u0000${match[0]}`;
  let resolved = resolutions.get(key);
  if (resolved === undefined) {
    resolved = resolvePeriod(name, match, published);
    if (resolutions.size >= 20_000) resolutions.clear();
    resolutions.set(key, resolved);
  }
  return resolved;
}

// Every pattern above needs one of these: a unit of time (plurals too), a month, a weekday, a
// year, or one of its own words. A sentence with none is spared running them all.
const anyPeriodWord = new RegExp(
  `\\b(?:year|month|week|day|decade|quarter|period|life|lifetime|term|duration|since|far|date|ago|yesterday|today|tonight|night|overnight|now|currently|present|presently|end)|\\b${MONTH}|\\b${WEEKDAY}|\\b${YEAR}\\b`,
  'i',
);

/** Every period expression of a sentence, left to right, not overlapping. */
export function findPeriods(text: string, offset: number, published: string | null): Period[] {
  const taken: Period[] = [];
  if (!anyPeriodWord.test(text)) return taken;
  for (const { name, regex } of patterns) {
    // exec, not matchAll: matchAll clones the regex on every call, a tenth of this function's time
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const start = offset + m.index;
      const end = start + m[0].length;
      if (taken.some((p) => p.start < end && start < p.end)) continue;
      const [period_start, period_end] = resolvedPeriod(name, m, published);
      taken.push({ start, end, text: m[0], period_start, period_end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
