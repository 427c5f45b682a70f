// Why an expected result was not matched: the kind of failure (missed, wrong unit, partial ...)
// and its class, named by what the text does ("spelled fraction").
import type { Fact } from '../../src/model.ts';
import type { CodePointText } from './codePointText.ts';
import { rangeEndsWith, unitMatches, valueMatches } from './matching.ts';
import type { Expected, Failure } from './records.ts';

const LETTER_SCALE = "letter scale after the figure ('1MM', '10M', '2.33 k', '1.2b', '$2.174T')";

// What the text does, to name a failure class. First match wins; tested on the expected text.
const PHENOMENA: [string, RegExp][] = [
  ['scientific or power notation', /\d\s*(?:e[+-]?\d|[x×]\s*10|\^)/i],
  ['symbolic comparator (<, >, =, ~)', /[<>=~]/],
  ["open bound after the figure ('or more', 'or less', 'or equal')", /\bor (?:more|less|greater|fewer|equal)\b|\bequal to or\b/i],
  ["two bounds joined ('more than 10 and less than 20')", /\b(?:than|above|below|least|most)\b.*\b(?:and|but)\b.*\b(?:than|above|below|least|most)\b/i],
  ["tolerance ('2,000.45±0.01')", /±|\+\/-/],
  ["comparative word not read ('exceed', 'larger than', 'equal to', 'through')", /\b(?:exceed|surpass|larger|bigger|higher|lower|smaller|equals?|equaling|through)\b/i],
  ["ratio ('one out of three', '1 in 21')", /\s(?:out of|in|over)\s+\S/i],
  ['spelled fraction', /\b(?:half|halves|thirds?|quarters?|(?:four|fif|six|seven|eigh|nin|ten|hundred|thousand|million|billion|trillion)ths?|twentieths?|thirtieths?|firsts?)\b/i],
  ['digit or vulgar fraction (3/4, 2 1/4, ½)', /\d\s*\/\s*\d|[½⅓⅔¼¾⅕⅙⅛]/],
  ["'minus' / 'negative' word", /\b(?:minus|negative)\b/i],
  ["spelled decimal ('two point five')", /\bpoint\b/i],
  ["'nought' / 'naught'", /\b(?:nought|naught)\b/i],
  ['Indian scale word (lakh, crore)', /\b(?:lakh|crore)s?\b/i],
  ["dozen multiple ('3 dozens', '5 dozs')", /\b(?:dozens|dzs|dozs)\b/i],
  ["digits mixed with scale words ('4 thousand 3 hundred and 21')", /\d\s+(?:hundred|thousand)\s+(?:and\s+)?[\da-z]/i],
  ["scale word without a leading number ('hundred thousand')", /^(?:hundred|thousand|million|billion)\b/i],
  ["Indian digit grouping ('12,34,567.89')", /\d,\d\d,\d{3}/],
  ["space-grouped thousands ('1 234 567', also with thin or no-break spaces)", /\d(?:[ \u00a0\u2009\u202f]\d{3})+\b/],
  ["decimal comma ('1,3', '5,00', '1.111,11')", /^\d+,\d{1,2}$|\d\.\d{3},\d/],
  ["leading-dot decimal ('.08')", /^\.\d/],
  ["currency letters before '$' ('c $', 'hk $', 'us $', 'usd$')", /^[a-z.]+\s*\$/i],
  ["M-prefixed currency code ('30 MUSD', 'MAUD 60')", /\bm(?:usd|eur|gbp|aud)\b/i],
  ["currency code glued to the figure ('USD115', 'usd50')", /\b[a-z]{3}\d/i],
  ["scale word after the currency code ('75 USD million')", /\b[a-z]{3}\s+(?:thousand|million|billion)\b/i],
  ["sign after the currency symbol ('$-99.99')", /[$€£]\s*[-−]\d/],
  ["amount with a sub-unit ('3 dollars 50 cents')", /\b(?:dollars?|usd)\b.*(?:\d|cents?)$/i],
  ["postfix or uncommon currency symbol ('10 €', '100₾', '₿21,000,000')", /\d\s*(?:[$€£¥₡₾₭₿元]|ரூ)|^[₡₾₭₿元]/],
  [LETTER_SCALE, /\d\s*(?:[mM]{2}|[mMkKbB]|T)$/],
  ["figure glued to a unit ('75ml', '10kmph')", /^[\d.,]+[a-zμ]+$/i],
  ["hyphenated figure-unit adjective ('one-yen', '12-cent')", /^\S+-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)\p{L}+$/iu],
  ["hyphenated range ('8- to 16-meter')", /\d-\s+to\s+\d/],
  ["rate unit ('miles an hour', 'per kg', '$15.4/hour')", /\bper\s+[a-z]+|\b(?:a|an)\s+(?:hour|day|week|year)\b|\/\s*[a-z]+\b/i],
  ["range with the unit on both ends ('44 mg to 50 mg')", /\d\s*([a-zμ°]+)\s*(?:to|and|-|–)\s*-?\d+(?:\.\d+)?\s*\1\b/i],
  ["compound measure ('5 ft 2 in', '12 m 2 dm')", /\d\s*[a-z]+\s+(?:and\s+)?\d+\s*[a-z]+$/i],
];

const phenomenon = (text: string) => PHENOMENA.find(([, re]) => re.test(text))?.[0] ?? 'other';

export function falsePositiveTag(input: string, f: Fact): string {
  if (/https?:\/\//.test(input)) return 'figures read inside a URL';
  if (/\+?\d+(?:-\d{3,})+/.test(input)) return 'phone number read as a figure or range';
  return `${f.quantity_type} read where the peer expects none`;
}

export const overlaps = (f: Fact, e: Expected) => f.start < e.end && e.start < f.end;

export function diagnose(e: Expected, facts: Fact[], text: CodePointText): Failure {
  const produced = facts.filter((f) => overlaps(f, e));
  const base = { expected: e, produced };
  const target = e.target;
  if (produced.length === 0 || !target) return { ...base, kind: 'missed', tag: phenomenon(e.text) };
  const rightValue = produced.find((f) => e.units.some((u) => valueMatches(f, target, u.factor)) || valueMatches(f, target, 1));
  if (rightValue) {
    const reachesOut = rightValue.start < e.start || rightValue.end > e.end;
    if (rightValue.qualifier === 'range' && reachesOut && !rangeEndsWith(rightValue, e, text)) {
      return { ...base, kind: 'over-extended', tag: "range joining two different quantities ('2 % to $ 1.45 billion')" };
    }
    if (e.units.some((u) => unitMatches(rightValue, u) && valueMatches(rightValue, target, u.factor))) return { ...base, kind: 'span differs', tag: phenomenon(e.text) };
    if (rightValue.unit === null) {
      const unread = `${text.slice(e.start, Math.max(e.start, rightValue.start))} ${text.slice(Math.min(e.end, rightValue.end), e.end)}`.trim();
      const tag = !unread
        ? "unit written once for two figures ('45 and 50 mg')"
        : /\p{L}/u.test(unread)
          ? 'unit word not read (the figure is found)'
          : 'unit symbol not read (the figure is found)';
      return { ...base, kind: 'unit not read', tag, detail: unread || (e.peerUnit ?? '') };
    }
    const wanted = e.units.filter((u) => !u.alt).map((u) => u.unit).filter((u, i, all) => all.indexOf(u) === i).join('/');
    const mapping = `${e.peerUnit?.includes(`(${wanted})`) ? e.peerUnit : `${e.peerUnit} (${wanted})`} read as ${rightValue.unit}`;
    // A unit misread is named by the wording that caused it ("c $" read as USD), else by the mapping itself.
    const tag = phenomenon(e.text);
    return tag === 'other' || tag === LETTER_SCALE ? { ...base, kind: 'wrong unit', tag: mapping } : { ...base, kind: 'wrong unit', tag, detail: mapping };
  }
  const tag = phenomenon(e.text);
  if (produced.length > 1) return { ...base, kind: 'split', tag };
  const f = produced[0]!;
  if (f.start === e.start && f.end === e.end) return { ...base, kind: 'wrong value', tag };
  return { ...base, kind: f.start >= e.start && f.end <= e.end ? 'partial' : 'over-extended', tag };
}
