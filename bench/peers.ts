// Scores the extractor on peers' English test suites (microsoft/Recognizers-Text,
// nielstron/quantulum3; see ../shared/data/peers/SOURCES.md) and writes bench/peers.md:
// pass shares per suite, over all cases and over the cases in scope for a news-fact
// extractor (bench/peers-scope.json), and the failure classes with examples.
//
//   cd /work/main && npx tsx bench/peers.ts
//
// One generic runner; each suite is an adapter that turns its cases into
// `BenchCase`s (expected spans in code points, a target value or interval, the
// units that count as right) and says which of our facts are of the kind the
// peer reports. The matching rules are stated in RULES below and in the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact, Qualifier } from '../src/model.ts';
import { codePointIndex, type CodePointIndex } from '../src/text/codePoints.ts';
import { factsOf } from '../tests/helpers.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PEERS = join(ROOT, '../shared/data/peers');
const SCOPE_FILE = join(ROOT, 'bench/peers-scope.json');
const REPORT_FILE = join(ROOT, 'bench/peers.md');
const TOLERANCE = 1e-6;
const MAX_CLASSES = 10;
const EXAMPLES_PER_CLASS = 3;

// ---------------------------------------------------------------- records

/** A unit that counts as right for an expectation: our `unit` and how our value relates (ours = expected × factor). */
interface UnitOption {
  /** '*' accepts any unit, null means a plain number (count). */
  unit: string | null | '*';
  factor: number;
  /** An equivalent reading, not shown as the expected unit in the report ("two thirds" as 66.67 %). */
  alt?: boolean;
}

interface Interval {
  low: number | null;
  high: number | null;
  lowOpen: boolean;
  highOpen: boolean;
}

type Target = { kind: 'point'; value: number } | ({ kind: 'interval' } & Interval);

interface Expected {
  /** Code-point offsets into the input, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** null where the peer states no figure ("dollar"): unscorable, must be out of scope. */
  target: Target | null;
  units: UnitOption[];
  /** The peer's own unit name, for the report. */
  peerUnit: string | null;
}

interface BenchCase {
  index: number;
  input: string;
  expected: Expected[];
  /** Upstream marks the case NotSupported for its javascript implementation. */
  notSupportedJs: boolean;
}

type SpanPolicy = 'contains' | 'unit-phrase';

interface SuiteAdapter {
  id: string;
  file: string;
  /** What the peer's expected span covers, hence how far our span may differ (see RULES). */
  spanPolicy: SpanPolicy;
  /** Our facts of the kind this peer model reports: they decide negative cases and count as extras. */
  relevant: (f: Fact) => boolean;
  relevantDoc: string;
  target?: number;
  load: () => BenchCase[];
}

interface ScopeEntry {
  index: number;
  input: string;
  reason: string;
  results?: string[];
  note?: string;
}

interface ScopeFile {
  reasons: Record<string, string>;
  suites: Record<string, ScopeEntry[]>;
}

type FailureKind = 'missed' | 'unit not read' | 'wrong unit' | 'span differs' | 'split' | 'partial' | 'over-extended' | 'wrong value' | 'false positive';

interface Failure {
  kind: FailureKind;
  /** The failure class: what the text does ("spelled fraction") or, for unit errors, what was misread. */
  tag: string;
  expected: Expected | null;
  produced: Fact[];
  /** What exactly was not read, where the class groups several ("cubic feet", "ml"). */
  detail?: string;
}

interface CaseResult {
  bench: BenchCase;
  facts: Fact[];
  /** null when in scope, else the scope reason key. */
  outOfScope: string | null;
  droppedTexts: string[];
  passRaw: boolean;
  pass: boolean;
  failures: Failure[];
  extras: Fact[];
}

// ---------------------------------------------------------------- text helpers

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));

/** Code-point view of an input: slices and UTF-16 conversion. */
class CodePointText {
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

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as T;
}

// ---------------------------------------------------------------- span rules

// Words that qualify a figure. Peers that leave them out of their span (Currency,
// Dimension, Percent, quantulum) still match our span that includes them, and a
// peer span that includes one ("equal to 20") matches ours without it.
const QUALIFIER_PHRASE = new RegExp(
  '^(?:' +
    [
      '(?:just |well )?(?:more|less|fewer|greater|higher|lower) th[ae]n',
      '(?:just |well )?(?:over|above|under|below)',
      'about', 'around', 'roughly', 'approximately', 'approx\\.', 'nearly', 'almost', 'some', 'circa', 'close to', 'more or less',
      '(?:an )?estimated', 'a reported',
      'at least', 'at most', 'up to', 'as (?:many|much|high|few|little) as', '(?:no|not) (?:more|less|fewer) than',
      'in excess of', 'upwards? of', 'exceeding', '(?:a )?(?:minimum|maximum) of',
      'from', 'between',
      '(?:is )?equal(?:s|ing)?(?: to)?',
    ].join('|') +
    ')$',
  'i',
);
const RATE_SUFFIX = /^\s+(?:a|an|per)\s+(?:day|week|month|year|hour)$/i;
// The other end of a range of ours, when it is a bare figure: "eight to " in "eight to 10 feet".
// A unit or symbol there ("2 % to $ 1.45 billion") means the range joins two different quantities.
const RANGE_HEAD = /^(?:between\s+|from\s+)?(?:[\p{L}\d.,-]+\s+)*?[\p{L}\d.,]+-?\s*(?:to|and|-|–)\s*$/u;
const RANGE_TAIL = /^\s*(?:to|and|-|–)\s*(?:[\p{L}\d.,-]+\s+)*?[\p{L}\d.,-]+$/u;

const isQualifierGap = (gap: string) => gap === '' || QUALIFIER_PHRASE.test(gap.trim());

/** Our range has the expected quantity at one end and a bare figure at the other ("eight to 10 feet" for "10 feet"). */
function rangeEndsWith(f: Fact, e: Expected, text: CodePointText): boolean {
  if (f.qualifier !== 'range') return false;
  if (f.end === e.end && f.start < e.start) return RANGE_HEAD.test(text.slice(f.start, e.start));
  return f.start === e.start && f.end > e.end && RANGE_TAIL.test(text.slice(e.end, f.end));
}

function spanAccepted(f: Fact, e: Expected, text: CodePointText, policy: SpanPolicy): boolean {
  if (f.start === e.start && f.end === e.end) return true;
  const ours = f.start <= e.start && f.end >= e.end;
  // The peer's span includes a qualifier ours leaves out ("equal to 20" vs "20").
  if (f.end === e.end && e.start < f.start && isQualifierGap(text.slice(e.start, f.start))) return true;
  if (policy === 'contains') return ours;
  if (!ours) return false;
  const rightOk = f.end === e.end || RATE_SUFFIX.test(text.slice(e.end, f.end));
  return (rightOk && isQualifierGap(text.slice(f.start, e.start))) || rangeEndsWith(f, e, text);
}

// ---------------------------------------------------------------- value rules

function pointMatches(f: Fact, value: number): boolean {
  if (f.value !== null && close(f.value, value)) return true;
  // One end of a range of ours ("8 to 10 feet" holds "10 feet").
  return f.qualifier === 'range' && [f.low, f.high].some((b) => b !== null && close(b, value));
}

const lowBound = (open: boolean): Qualifier => (open ? 'more_than' : 'at_least');
const highBound = (open: boolean): Qualifier => (open ? 'less_than' : 'at_most');

function intervalMatches(f: Fact, t: Interval, factor: number): boolean {
  const low = t.low === null ? null : t.low * factor;
  const high = t.high === null ? null : t.high * factor;
  if (low !== null && high !== null) {
    if (close(low, high)) return f.qualifier === 'exact' && f.value !== null && close(f.value, low);
    // Two-sided: bounds only; peers differ on whether "between 20 and 30" is [20,30] or [20,30).
    return f.low !== null && f.high !== null && close(f.low, low) && close(f.high, high);
  }
  if (low !== null) return f.high === null && f.low !== null && close(f.low, low) && f.qualifier === lowBound(t.lowOpen);
  if (high !== null) return f.low === null && f.high !== null && close(f.high, high) && f.qualifier === highBound(t.highOpen);
  return false;
}

function valueMatches(f: Fact, target: Target, factor: number): boolean {
  return target.kind === 'point' ? pointMatches(f, target.value * factor) : intervalMatches(f, target, factor);
}

const unitMatches = (f: Fact, u: UnitOption) => u.unit === '*' || f.unit === u.unit;

function factMatches(f: Fact, e: Expected, text: CodePointText, policy: SpanPolicy): boolean {
  const target = e.target;
  if (!target || !spanAccepted(f, e, text, policy)) return false;
  return e.units.some((u) => unitMatches(f, u) && valueMatches(f, target, u.factor));
}

// ---------------------------------------------------------------- unit maps

const ANY_UNIT: UnitOption[] = [{ unit: '*', factor: 1 }];
const sym = (...units: (string | null)[]): UnitOption[] => units.map((unit) => ({ unit, factor: 1 }));
const scaled = (factor: number, ...units: (string | null)[]): UnitOption[] => units.map((unit) => ({ unit, factor }));
/** A fraction may also be read as a percent: "two thirds" = 66.67 %. */
const FRACTION_AS_PERCENT: UnitOption = { unit: '%', factor: 100, alt: true };
const DOLLAR_CODES = ['USD', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD', 'TWD'];

/** Recognizers-Text currency names without an ISO code (with one, the code decides). */
const CURRENCY_NAMES: Record<string, UnitOption[]> = {
  Dollar: sym(...DOLLAR_CODES),
  Pound: sym('GBP', 'EGP', 'LBP', 'SYP'),
  Cent: scaled(0.01, 'USD', 'EUR', ...DOLLAR_CODES.slice(1)),
  Pence: scaled(0.01, 'GBP'),
  Penny: scaled(0.01, 'GBP'),
  Franc: sym('CHF', 'FRF', 'BEF', 'XOF'),
  Rupee: sym('INR', 'PKR', 'LKR', 'NPR'),
  'Finnish markka': sym('FIM'),
  Peseta: sym('ESP'),
  'Netherlands guilder': sym('NLG'),
  Bitcoin: sym('BTC', 'XBT'),
  Satoshi: scaled(1e-8, 'BTC', 'XBT'),
  Sen: sym('sen'),
};

// Peer unit name -> our symbol. Symbols of units our lexicon lacks are the
// conventional ones (what we would expect once the unit is added).
const DIMENSION_UNITS: Record<string, UnitOption[]> = {
  Foot: sym('ft'), Inch: sym('in'), Mile: sym('mi'), Meter: sym('m'), Kilometer: sym('km'), Millimeter: sym('mm'),
  Decimeter: sym('dm'), Picometer: sym('pm'), Pound: sym('lb'), Ounce: sym('oz'), Kilogram: sym('kg'), Gram: sym('g'),
  Microgram: sym('µg', 'μg', 'mcg'), Ton: sym('t'), 'Metric ton': sym('t'), Dram: sym('dr'),
  Gallon: sym('gal'), Milliliter: sym('ml', 'mL'), Barrel: sym('bbl', 'bbl/d'), 'Cubic foot': sym('ft3', 'cu ft'),
  Tablespoon: sym('tbsp'), Teaspoon: sym('tsp'), Cup: sym('cup'),
  Acre: sym('acre'), 'Square meter': sym('m2'), 'Square kilometer': sym('km2'),
  'Kilometer per hour': sym('km/h'), 'Mile per hour': sym('mph'), 'Meter per millisecond': sym('m/ms'),
  'Centimeter per millisecond': sym('cm/ms'), 'Kilometer per millisecond': sym('km/ms'),
  Bit: sym('bit'), Megabit: sym('Mb', 'Mbit'), Megabyte: sym('MB'),
  Degree: sym('°', 'deg'), Radian: sym('rad'), Turn: sym('turn'),
};

const QUANTULUM_UNITS: Record<string, UnitOption[]> = {
  dimensionless: sym(null), percentage: sym('%'), dozen: scaled(12, null),
  dollar: sym(...DOLLAR_CODES), euro: sym('EUR'), 'pound sterling': sym('GBP'),
  cent: scaled(0.01, 'USD', 'EUR'), penny: scaled(0.01, 'GBP'), dime: scaled(0.1, 'USD'),
  'dollar per hour': sym('USD/h'), 'dollar per kilogram': sym('USD/kg'),
  metre: sym('m'), kilometre: sym('km'), mile: sym('mi'), inch: sym('in'), nanometre: sym('nm'), picometre: sym('pm'), attometre: sym('am'),
  'square kilometre': sym('km2'), 'square mile': sym('mi2'), 'cubic kilometre': sym('km3'),
  litre: sym('l'), centilitre: sym('cl'), gallon: sym('gal'), 'cubic centimetre': sym('cm3', 'ml', 'mL'),
  cup: sym('cup'), tablespoon: sym('tbsp'),
  kilogram: sym('kg'), milligram: sym('mg'), tonne: sym('t'), 'pound-mass': sym('lb'), 'ton per day': sym('t/d'),
  year: sym('yr'), month: sym('mo'), week: sym('wk'), day: sym('d'), hour: sym('h'), minute: sym('min'),
  'count per week': sym('/wk'), 'kilometre per hour': sym('km/h'), 'litre per kilometre': sym('l/km'),
  'degree Celsius': sym('°C'), 'degree fahrenheit': sym('°F'), 'degree Fahrenheit': sym('°F'), kelvin: sym('K'),
  watt: sym('W'), 'watt hour': sym('Wh'), 'megawatt hour': sym('MWh'), 'british thermal unit': sym('BTU'),
  gigahertz: sym('GHz'), bit: sym('bit'), byte: sym('B'), megabyte: sym('MB'), exabyte: sym('EB'), kibibyte: sym('KiB'),
  'kilobit per second': sym('kbps', 'kb/s'),
  gray: sym('Gy'), milligray: sym('mGy'), electronvolt: sym('eV'), teraelectronvolt: sym('TeV'), barn: sym('b'),
  'inverse femtobarn': sym('fb-1'), 'inverse second': sym('s-1'), 'joule second': sym('J s'), 'candela second': sym('cd s'),
  'watt per minute': sym('W/min'), 'kilometre per square second': sym('km/s2'), 'kilogram per cubic centimetre': sym('kg/cm3'),
  'joule per square metre per year': sym('J/m2/yr'), 'minute of arc': sym('arcmin'), 'second of arc': sym('arcsec'),
  gigayear: sym('Gyr'), megayear: sym('Myr'), "baker's dozen": scaled(13, null), gross: scaled(144, null),
};

function lookupUnit(table: Record<string, UnitOption[]>, name: string, suite: string): UnitOption[] {
  const options = table[name];
  if (!options) throw new Error(`${suite}: no mapping for peer unit "${name}"; add it to the unit table in bench/peers.ts`);
  return options;
}

// ---------------------------------------------------------------- Recognizers-Text adapters

interface RecognizersCase {
  Input: string;
  NotSupported?: string;
  Results: { Text: string; Start: number; End: number; Resolution: { value?: string | null; unit?: string; isoCurrency?: string; subtype?: string } }[];
}

type Resolution = RecognizersCase['Results'][number]['Resolution'];
type RecognizersKind = 'number' | 'currency' | 'dimension' | 'percent' | 'range';

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

function loadRecognizers(file: string, kind: RecognizersKind): BenchCase[] {
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

// ---------------------------------------------------------------- quantulum3 adapter

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

function loadQuantulum(file: string): BenchCase[] {
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

// ---------------------------------------------------------------- suites

const DURATION_OR_TEMPERATURE = new Set(['yr', 'mo', 'wk', 'd', 'h', 'min', 's', '°C', '°F']);
const BOUNDED: readonly Qualifier[] = ['range', 'more_than', 'less_than', 'at_least', 'at_most'];

const SUITES: SuiteAdapter[] = [
  {
    id: 'Number', file: 'Recognizers-Text/NumberModel.json', spanPolicy: 'contains', target: 0.95,
    relevant: (f) => f.quantity_type === 'count', relevantDoc: 'count facts (the model reports no number glued to a unit: "the 180ml liquid")',
    load: () => loadRecognizers('NumberModel.json', 'number'),
  },
  {
    id: 'Currency', file: 'Recognizers-Text/CurrencyModel.json', spanPolicy: 'unit-phrase', target: 0.9,
    relevant: (f) => f.quantity_type === 'money', relevantDoc: 'money facts',
    load: () => loadRecognizers('CurrencyModel.json', 'currency'),
  },
  {
    id: 'Dimension', file: 'Recognizers-Text/DimensionModel.json', spanPolicy: 'unit-phrase', target: 0.85,
    relevant: (f) => f.quantity_type === 'measure' && !DURATION_OR_TEMPERATURE.has(f.unit ?? ''),
    relevantDoc: 'measure facts other than durations and temperatures (Recognizers-Text has separate models for those)',
    load: () => loadRecognizers('DimensionModel.json', 'dimension'),
  },
  {
    id: 'Percent', file: 'Recognizers-Text/PercentModel.json', spanPolicy: 'unit-phrase', target: 0.9,
    relevant: (f) => f.quantity_type === 'percent', relevantDoc: 'percent facts',
    load: () => loadRecognizers('PercentModel.json', 'percent'),
  },
  {
    id: 'NumberRange', file: 'Recognizers-Text/NumberRangeModel.json', spanPolicy: 'contains',
    relevant: (f) => BOUNDED.includes(f.qualifier), relevantDoc: 'facts with a bound (range, more_than, less_than, at_least, at_most)',
    load: () => loadRecognizers('NumberRangeModel.json', 'range'),
  },
  {
    id: 'quantulum3', file: 'quantulum3/quantities.json', spanPolicy: 'unit-phrase',
    relevant: () => true, relevantDoc: 'every fact',
    load: () => loadQuantulum('quantities.json'),
  },
  {
    id: 'quantulum3-ambiguity', file: 'quantulum3/quantities.ambiguity.json', spanPolicy: 'unit-phrase',
    relevant: () => true, relevantDoc: 'every fact',
    load: () => loadQuantulum('quantities.ambiguity.json'),
  },
];

// ---------------------------------------------------------------- scope

interface CaseScope {
  /** Reason key when the whole case is out of scope. */
  whole: string | null;
  /** Expected texts (lower case) out of scope, with their reason. */
  dropped: Map<string, string>;
}

function scopeOf(suite: string, cases: BenchCase[], scope: ScopeFile): Map<number, CaseScope> {
  const byIndex = new Map<number, CaseScope>();
  for (const entry of scope.suites[suite] ?? []) {
    const c = cases[entry.index];
    if (!c || c.input !== entry.input) throw new Error(`peers-scope.json: ${suite} #${entry.index} does not match the suite's input "${entry.input}"`);
    if (!scope.reasons[entry.reason]) throw new Error(`peers-scope.json: unknown reason "${entry.reason}"`);
    const s = byIndex.get(entry.index) ?? { whole: null, dropped: new Map<string, string>() };
    if (!entry.results) s.whole = entry.reason;
    for (const r of entry.results ?? []) {
      if (!c.expected.some((e) => e.text.toLowerCase() === r.toLowerCase())) throw new Error(`peers-scope.json: ${suite} #${entry.index} has no expected result "${r}"`);
      s.dropped.set(r.toLowerCase(), entry.reason);
    }
    byIndex.set(entry.index, s);
  }
  return byIndex;
}

// ---------------------------------------------------------------- diagnosis

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

function falsePositiveTag(input: string, f: Fact): string {
  if (/https?:\/\//.test(input)) return 'figures read inside a URL';
  if (/\+?\d+(?:-\d{3,})+/.test(input)) return 'phone number read as a figure or range';
  return `${f.quantity_type} read where the peer expects none`;
}

const overlaps = (f: Fact, e: Expected) => f.start < e.end && e.start < f.end;

function diagnose(e: Expected, facts: Fact[], text: CodePointText): Failure {
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

// ---------------------------------------------------------------- running

function runCase(suite: SuiteAdapter, bench: BenchCase, scope: CaseScope | undefined): CaseResult {
  const facts = factsOf(bench.input);
  const text = new CodePointText(bench.input);
  const matched = (e: Expected) => facts.some((f) => factMatches(f, e, text, suite.spanPolicy));
  const negative = bench.expected.length === 0;
  const relevant = facts.filter(suite.relevant);

  const passRaw = negative ? relevant.length === 0 : bench.expected.every(matched);

  const kept = bench.expected.filter((e) => !scope?.dropped.has(e.text.toLowerCase()));
  const droppedTexts = bench.expected.filter((e) => !kept.includes(e)).map((e) => e.text);
  const outOfScope = scope?.whole ?? (!negative && kept.length === 0 ? [...scope!.dropped.values()][0]! : null);
  for (const e of kept) {
    if (!e.target && !outOfScope) throw new Error(`${suite.id} #${bench.index}: expected "${e.text}" states no figure; list it in peers-scope.json`);
  }

  const failures: Failure[] = negative
    ? relevant.map((f) => ({ kind: 'false positive' as const, tag: falsePositiveTag(bench.input, f), expected: null, produced: [f] }))
    : kept.filter((e) => !matched(e)).map((e) => diagnose(e, facts, text));
  const extras = negative ? [] : relevant.filter((f) => !kept.some((e) => overlaps(f, e)));
  return { bench, facts, outOfScope, droppedTexts, passRaw, pass: failures.length === 0, failures, extras };
}

interface SuiteResult {
  suite: SuiteAdapter;
  cases: CaseResult[];
}

function runSuite(suite: SuiteAdapter, scope: ScopeFile): SuiteResult {
  const cases = suite.load();
  const scopes = scopeOf(suite.id, cases, scope);
  return { suite, cases: cases.map((c) => runCase(suite, c, scopes.get(c.index))) };
}

// ---------------------------------------------------------------- summary

interface Summary {
  cases: number;
  inScope: number;
  passed: number;
  passedRaw: number;
  negatives: number;
  negativesWithAnyFact: number;
  notSupportedJs: number;
  notSupportedJsPassed: number;
  extras: number;
}

function summarise({ cases }: SuiteResult): Summary {
  const inScope = cases.filter((c) => !c.outOfScope);
  const negatives = inScope.filter((c) => c.bench.expected.length === 0);
  const ns = inScope.filter((c) => c.bench.notSupportedJs);
  return {
    cases: cases.length,
    inScope: inScope.length,
    passed: inScope.filter((c) => c.pass).length,
    passedRaw: cases.filter((c) => c.passRaw).length,
    negatives: negatives.length,
    negativesWithAnyFact: negatives.filter((c) => c.facts.length > 0).length,
    notSupportedJs: ns.length,
    notSupportedJsPassed: ns.filter((c) => c.pass).length,
    extras: inScope.reduce((n, c) => n + c.extras.length, 0),
  };
}

type ClassMember = { c: CaseResult; failure: Failure };

/** Failures grouped by what the text does (the tag); the kinds say how we got it wrong. */
interface FailureClass {
  tag: string;
  failures: ClassMember[];
  caseCount: number;
}

function failureClasses(cases: CaseResult[]): FailureClass[] {
  const classes = new Map<string, FailureClass>();
  for (const c of cases) {
    if (c.outOfScope || c.pass) continue;
    const seen = new Set<string>();
    for (const failure of c.failures) {
      const cls = classes.get(failure.tag) ?? { tag: failure.tag, failures: [], caseCount: 0 };
      cls.failures.push({ c, failure });
      if (!seen.has(failure.tag)) cls.caseCount++;
      seen.add(failure.tag);
      classes.set(failure.tag, cls);
    }
  }
  return [...classes.values()].sort((a, b) => b.caseCount - a.caseCount || b.failures.length - a.failures.length || a.tag.localeCompare(b.tag));
}

/** "partial 14, missed 12": how the failures of a class went wrong. */
function kindCounts(cls: FailureClass): string {
  const counts = new Map<FailureKind, number>();
  for (const { failure } of cls.failures) counts.set(failure.kind, (counts.get(failure.kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}

/** Examples of a class: one per kind first, then in order; distinct cases where possible. */
function examples(cls: FailureClass, n: number): ClassMember[] {
  const picked: ClassMember[] = [];
  const take = (m: ClassMember) => picked.length < n && !picked.includes(m) && picked.push(m);
  const kinds = new Set<FailureKind>();
  for (const m of cls.failures) if (!kinds.has(m.failure.kind)) kinds.add(m.failure.kind) && take(m);
  const cases = new Set(picked.map((m) => m.c));
  for (const m of cls.failures) if (!cases.has(m.c)) cases.add(m.c) && take(m);
  for (const m of cls.failures) take(m);
  return picked;
}

// ---------------------------------------------------------------- formatting

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((n / d) * 100).toFixed(1)}%`);
const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(10))));
const quote = (s: string) => `\`${s.replace(/`/g, "'").replace(/\s+/g, ' ')}\``;

function describeFact(f: Fact): string {
  const unit = f.unit ? ` ${f.unit}` : '';
  let value: string;
  if (f.qualifier === 'range') value = `${f.low === null ? '?' : num(f.low)}–${f.high === null ? '?' : num(f.high)}`;
  else if (f.value === null) value = `≥${f.low === null ? '?' : num(f.low)}`;
  else value = num(f.value);
  const qualifier = f.qualifier === 'exact' ? '' : ` (${f.qualifier})`;
  return `${quote(f.mention)} = ${value}${unit}${qualifier}`;
}

function describeTarget(e: Expected): string {
  const t = e.target;
  if (!t) return `${quote(e.text)} (no figure)`;
  const units = e.units.filter((u) => !u.alt && u.unit !== '*' && u.unit !== null).map((u) => (u.factor === 1 ? u.unit : `${u.unit}×${u.factor}`));
  const unit = units.length ? ` ${units.slice(0, 3).join('|')}` : '';
  if (t.kind === 'point') return `${quote(e.text)} = ${num(t.value)}${unit}`;
  const lo = t.low === null ? '' : num(t.low);
  const hi = t.high === null ? '' : num(t.high);
  return `${quote(e.text)} = ${t.lowOpen ? '(' : '['}${lo},${hi}${t.highOpen ? ')' : ']'}${unit}`;
}

/** The input, shortened around the span of interest. */
function excerpt(input: string, at: { start: number; end: number } | null): string {
  const text = new CodePointText(input);
  const chars = [...input];
  if (chars.length <= 140 || !at) return quote(chars.length <= 140 ? input : chars.slice(0, 140).join('') + '…');
  const from = Math.max(0, at.start - 60);
  const to = Math.min(chars.length, at.end + 60);
  return quote(`${from > 0 ? '…' : ''}${text.slice(from, to)}${to < chars.length ? '…' : ''}`);
}

function describeFailure({ c, failure }: ClassMember): string {
  const where = failure.expected ?? failure.produced[0] ?? null;
  const produced = failure.produced.length ? failure.produced.map(describeFact).join('; ') : 'nothing';
  const expected = failure.expected ? describeTarget(failure.expected) : 'nothing';
  const js = c.bench.notSupportedJs ? ' (upstream: NotSupported javascript)' : '';
  return `  - ${failure.kind}: #${c.bench.index} ${excerpt(c.bench.input, where)}${js} — expected ${expected}; produced ${produced}`;
}

/** The distinct details of a class, most frequent first: "cubic feet ×2, ml". */
function detailList(cls: FailureClass): string {
  const counts = new Map<string, number>();
  for (const { failure } of cls.failures) if (failure.detail) counts.set(failure.detail, (counts.get(failure.detail) ?? 0) + 1);
  if (!counts.size) return '';
  const items = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${quote(d)}${n > 1 ? ` ×${n}` : ''}`);
  return ` — ${items.join(', ')}`;
}

function tableRow(r: SuiteResult): string[] {
  const s = summarise(r);
  const target = r.suite.target === undefined ? '–' : `≥${r.suite.target * 100}% ${s.inScope && s.passed / s.inScope >= r.suite.target ? 'met' : 'not met'}`;
  return [r.suite.id, String(s.cases), String(s.inScope), String(s.passed), pct(s.passed, s.inScope), String(s.passedRaw), pct(s.passedRaw, s.cases), String(s.extras), target];
}

const TABLE_HEAD = ['suite', 'cases', 'in scope', 'passed', 'share in scope', 'passed (all, full gold)', 'share overall', 'extra facts', 'target'];

function markdownTable(rows: string[][]): string[] {
  return [`| ${TABLE_HEAD.join(' | ')} |`, `|${TABLE_HEAD.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function plainTable(rows: string[][]): string {
  const all = [TABLE_HEAD, ...rows];
  const widths = TABLE_HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

const RULES = [
  'A case passes when every expected result (minus those out of scope) has a fact of ours that matches it, and, for a case with empty `Results`, when we produce no fact of the kind the peer reports (column "relevant" below).',
  'Value: relative tolerance 1e-6. Percent: 12 for "12%". NumberRange: interval notation; a two-sided interval matches our `low`/`high` (open or closed ends not compared, peers differ on them), a one-sided one also needs the qualifier (`(30,)` more_than, `[30,)` at_least, `(,30)` less_than, `(,30]` at_most), a degenerate `[20,20]` an exact 20. quantulum3 ranges (value ± uncertainty) match our `low`/`high`.',
  'Unit: Currency needs our ISO code to equal the peer\'s `isoCurrency`; without one the peer\'s name is mapped (`Dollar` any dollar code, `Pound` GBP, `Franc` any franc, `Cent` USD/EUR × 0.01 so "50 cents" = 0.5 USD, `Pence`/`Penny` GBP × 0.01). Dimension and quantulum3 unit names are mapped to our symbols (tables in bench/peers.ts; units our lexicon lacks get their usual symbol). quantulum3 `dimensionless` needs a plain count (a fraction may also be our percent × 100: "two thirds" = 66.67 %); `dozen` = count × 12. Number: any unit (the model also reports the number inside "$20" and "3 years"); a fraction may be our percent × 100.',
  'Span (offsets converted to code points): exact, or our span = a qualifier phrase + the expected span ("about $ 14 million" for "$ 14 million"), or the expected span = a qualifier/equality phrase + ours ("equal to 20" for "20"), or our range contains the expected figure as one of its ends ("eight to 10 feet" for "10 feet"), or our span adds a rate ("500,000 barrels a day" for "500,000 barrels"). Number and NumberRange (whose spans leave units out): our span may contain the expected one ("$20" for "20", "more than thirty years" for "more than thirty").',
  'quantulum3 gives no offsets: each `surface` is located in order in the input (whole-token occurrences first).',
  'Extra facts: facts of the relevant kind in in-scope positive cases that overlap no in-scope expected span. Reported, never failed.',
  '"share overall" scores every case against the full peer gold (nothing out of scope); "share in scope" scores the in-scope cases with out-of-scope results removed. Cases marked NotSupported for javascript upstream stay in scope and are counted separately.',
];

function suiteSection(r: SuiteResult): string[] {
  const s = summarise(r);
  const lines = [`## ${r.suite.id}`, '', `Source: \`${r.suite.file}\`. Relevant facts: ${r.suite.relevantDoc}.`, ''];
  lines.push(`- ${s.cases} cases, ${s.inScope} in scope, ${s.passed} passed (${pct(s.passed, s.inScope)} in scope; ${s.passedRaw} = ${pct(s.passedRaw, s.cases)} of all cases against the full gold).`);
  if (s.negatives) lines.push(`- Negative cases (empty \`Results\`) in scope: ${s.negatives}; under the strict reading "no fact at all" ${s.negativesWithAnyFact} of them would fail.`);
  if (s.notSupportedJs) lines.push(`- In scope and NotSupported for javascript upstream: ${s.notSupportedJs}, of which we pass ${s.notSupportedJsPassed}.`);
  const outOfScope = r.cases.filter((c) => c.outOfScope);
  const byReason = new Map<string, CaseResult[]>();
  for (const c of outOfScope) byReason.set(c.outOfScope!, [...(byReason.get(c.outOfScope!) ?? []), c]);
  if (outOfScope.length) {
    const parts = [...byReason.entries()].map(([reason, cs]) => `${reason} ${cs.length} (we pass ${cs.filter((c) => c.passRaw).length})`);
    lines.push(`- Out of scope: ${outOfScope.length} cases — ${parts.join(', ')}.`);
  }
  const partial = r.cases.filter((c) => !c.outOfScope && c.droppedTexts.length);
  if (partial.length) lines.push(`- In-scope cases with some results out of scope: ${partial.map((c) => `#${c.bench.index} (${c.droppedTexts.map(quote).join(', ')})`).join(', ')}.`);

  const classes = failureClasses(r.cases);
  lines.push('', `### Failure classes (${r.cases.filter((c) => !c.outOfScope && !c.pass).length} failing in-scope cases)`, '');
  if (!classes.length) lines.push('None.');
  for (const cls of classes.slice(0, MAX_CLASSES)) {
    const results = cls.failures.length > cls.caseCount ? `, ${cls.failures.length} results` : '';
    lines.push(`- **${cls.tag}**: ${cls.caseCount} case${cls.caseCount === 1 ? '' : 's'}${results} (${kindCounts(cls)})${detailList(cls)}`);
    lines.push(...examples(cls, EXAMPLES_PER_CLASS).map(describeFailure));
  }
  const rest = classes.slice(MAX_CLASSES);
  if (rest.length) {
    const cases = (cls: FailureClass) => [...new Set(cls.failures.map((f) => `#${f.c.bench.index}`))].join(', ');
    lines.push(`- Further classes: ${rest.map((cls) => `${cls.tag} (${kindCounts(cls)}: ${cases(cls)})`).join('; ')}.`);
  }

  const extras = r.cases.filter((c) => !c.outOfScope && c.extras.length);
  if (extras.length) {
    lines.push('', `### Extra facts (${s.extras}, not failed)`, '');
    for (const c of extras.slice(0, 8)) lines.push(`- #${c.bench.index} ${excerpt(c.bench.input, c.extras[0]!)}: ${c.extras.map(describeFact).join('; ')}`);
    if (extras.length > 8) lines.push(`- … and ${extras.slice(8).reduce((n, c) => n + c.extras.length, 0)} more in ${extras.length - 8} cases.`);
  }
  lines.push('');
  return lines;
}

function report(results: SuiteResult[], scope: ScopeFile): string {
  const rows = results.map(tableRow);
  const lines = ['# Peer test suites', '', 'Our extractor scored on the English test suites of microsoft/Recognizers-Text and nielstron/quantulum3 (`../shared/data/peers/`, see SOURCES.md there). Generated by `npx tsx bench/peers.ts`; the cases judged out of scope for a news-fact extractor, each with its reason, are in `bench/peers-scope.json`.', ''];
  lines.push(...markdownTable(rows), '');
  lines.push('## How cases are scored', '', ...RULES.map((r) => `- ${r}`), '');
  lines.push('Out-of-scope reasons:', '', ...Object.entries(scope.reasons).map(([k, v]) => `- \`${k}\`: ${v}`), '');
  for (const r of results) lines.push(...suiteSection(r));
  return lines.join('\n');
}

function main() {
  const scope = readJson<ScopeFile>(SCOPE_FILE);
  const unknown = Object.keys(scope.suites).filter((id) => !SUITES.some((s) => s.id === id));
  if (unknown.length) throw new Error(`peers-scope.json: unknown suites ${unknown.join(', ')}`);
  const results = SUITES.map((suite) => runSuite(suite, scope));
  writeFileSync(REPORT_FILE, report(results, scope));
  console.log(plainTable(results.map(tableRow)));
  console.log(`\nwrote ${REPORT_FILE}`);
}

main();
