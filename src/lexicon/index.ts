// Lexicons are data (the JSON files beside this one); this module only
// indexes them for the extractor and the enrichers.
import categories from './categories.json' with { type: 'json' };
import currencies from './currencies.json' with { type: 'json' };
import notFacts from './notFacts.json' with { type: 'json' };
import numbers from './numbers.json' with { type: 'json' };
import objectWords from './objectWords.json' with { type: 'json' };
import percent from './percent.json' with { type: 'json' };
import qualifiers from './qualifiers.json' with { type: 'json' };
import units from './units.json' with { type: 'json' };
import vague from './vague.json' with { type: 'json' };
import wordLists from './wordLists.json' with { type: 'json' };
import predicates from './predicates.json' with { type: 'json' };
import resultsTable from './resultsTable.json' with { type: 'json' };
import type { Category, Qualifier, Status } from '../model.ts';
import { phraseTable } from './phrases.ts';

const entries = <T>(record: Record<string, T>) => Object.entries(record).filter(([k]) => k !== '_doc') as [string, T][];
const lowerMap = <T>(record: Record<string, T>) => new Map(entries(record).map(([k, v]) => [k.toLowerCase(), v]));

export const numberWords = {
  ones: lowerMap(numbers.ones),
  tens: lowerMap(numbers.tens),
  multiples: lowerMap(numbers.multiples),
  scales: lowerMap(numbers.scales),
  abbreviatedScales: lowerMap(numbers.abbreviatedScales),
  fractions: lowerMap(numbers.fractions),
  vulgarFractions: new Map(entries(numbers.vulgarFractions)),
  upperCaseScales: new Map(entries(numbers.upperCaseScales)),
};

export const qualifierPhrases = phraseTable(entries(qualifiers.phrases as Record<string, Qualifier>));
export const qualifierSuffixes = phraseTable(entries(qualifiers.suffixes as Record<string, Qualifier>));
export const vaguePhrases = phraseTable(entries(vague.phrases));
export const vagueBareAfter = new Set(vague.bareAfter);
export const phrasalOver = new Set(qualifiers.phrasalOver);
/**
 * The words without which no quantity is written: number words, and the word that ends each vague
 * phrase ("several", "thousands" of "tens of thousands", "hundred" of "a few hundred").
 */
export const quantityWords: ReadonlySet<string> = new Set([
  ...['ones', 'tens', 'multiples', 'scales', 'abbreviatedScales', 'fractions'].flatMap((k) => [...numberWords[k as keyof typeof numberWords].keys()].map((w) => w.toLowerCase())),
  ...entries(vague.phrases).map(([phrase]) => phrase.toLowerCase().split(/\s+/).pop()!),
]);

// Case-insensitive: lower-cased copy writes 'hk $ 10' and 'c $ 16.4 million'.
export const currencySymbols = phraseTable(entries(currencies.symbols));
export const currencyCodes = new Set(currencies.codes);
export const currencyWords = phraseTable(entries(currencies.words));
export const currencySubunits = phraseTable(entries(currencies.subunits));
/** Nationality adjective -> (currency word stem -> ISO code). */
export const currencyNationalities = phraseTable(entries(currencies.nationalities as Record<string, Record<string, string>>));

export const percentWords = phraseTable(percent.percent.map((p) => [p, '%'] as [string, string]));
export const pointWords = phraseTable(
  entries(percent.pointUnits as Record<string, string>),
);

const caseSensitiveUnits = new Set(units.caseSensitive);
export const unitPhrases = phraseTable(
  entries(units.units).flatMap(([symbol, spellings]) => spellings.map((s) => [s, symbol] as [string, string])),
  caseSensitiveUnits,
);
export const durationUnits = new Set(units.durations);
export const attachedOnlyUnits = new Map(entries(units.attachedOnly as Record<string, string>));
export const dimensionWords = phraseTable(units.dimensionWords.map((w) => [w, true] as [string, boolean]));
/** Larger unit -> (smaller unit -> its size in the larger). */
export const compoundUnits = new Map(entries(units.compounds as unknown as Record<string, Record<string, number>>));

export const notFactWords = {
  months: new Set(notFacts.months),
  weekdays: new Set(notFacts.weekdays),
  labels: new Set(notFacts.labels),
  timeWords: phraseTable(notFacts.timeWords.map((w) => [w, true] as [string, boolean])),
  ordinalSuffixes: new Set(notFacts.ordinalSuffixes),
  speechVerbs: new Set(notFacts.speechVerbs),
  raceEvents: new Set(notFacts.raceEvents),
  scopePrepositions: new Set(notFacts.scopePrepositions),
  clauseBreaks: new Set(notFacts.clauseBreaks),
  rankVerbs: new Set(notFacts.rankVerbs),
  roundFollowers: new Set(notFacts.roundFollowers),
  afterPronounOne: new Set(notFacts.afterPronounOne),
};

const cueTable = (words: string[]) => phraseTable(words.map((c) => [c, true] as [string, boolean]));
export const categoryLexicon = {
  heads: phraseTable(entries(categories.heads as Record<string, Category>)),
  headWords: lowerMap(categories.heads as Record<string, Category>),
  people: lowerMap(categories.people as Record<string, Category>),
  dualUse: new Set(categories.dualUse),
  militaryOnly: new Set(categories.militaryOnly),
  strikeHeads: new Set(categories.strikeHeads),
  predicates: new Map(entries(categories.predicates).flatMap(([category, lemmas]) => lemmas.map((l) => [l, category as Category] as const))),
  strikePredicates: new Set(categories.strikePredicates),
  casualtyCues: cueTable(categories.cues.casualties),
  displacedCues: cueTable(categories.cues.displaced),
  detainedCues: cueTable(categories.cues.detained),
  labourMarketCues: cueTable(categories.cues.economy),
  strikeCues: cueTable(categories.strikeCues),
  militaryCues: cueTable(categories.militaryCues),
  labourCues: cueTable(categories.labourCues),
  sportsCues: cueTable(categories.sportsCues),
  economyCues: cueTable(categories.economyCues),
  units: new Map(entries(categories.units as Record<string, Category>)),
  sportsUnits: new Set(categories.sportsUnits),
  attackWords: new Set(categories.attackWords),
  marketCues: cueTable(categories.marketCues),
};

export const objectLexicon = {
  stop: new Set(objectWords.stop),
  nounsInEdIng: new Set(objectWords.nounsInEdIng),
  partitives: new Set(objectWords.partitives),
  irregularPlurals: lowerMap(objectWords.irregularPlurals),
  irregularVerbs: new Set(objectWords.irregularVerbs),
  compoundAdjectives: new Set(objectWords.compoundAdjectives),
  moneyNouns: new Set(objectWords.moneyNouns),
  junkHeads: new Set(objectWords.junkHeads),
  tollNouns: phraseTable(objectWords.tollNouns.map((w) => [w, true] as [string, boolean])),
  tollVerbs: new Set(objectWords.tollVerbs),
  pluralModifiers: new Set(objectWords.pluralModifiers),
};

type WordLists = Omit<typeof wordLists, '_doc'>;
/** One list of src/lexicon/wordLists.json as a set: `wordList('object', 'determiners')`. */
export function wordList<G extends keyof WordLists>(group: G, name: keyof WordLists[G]): ReadonlySet<string> {
  return new Set(wordLists[group][name] as string[]);
}

export const predicateLexicon = {
  reporting: new Set(predicates.reporting),
  copulas: new Set(predicates.copulas),
  auxiliaries: new Set(predicates.auxiliaries),
  notVerbs: new Set(predicates.notVerbs),
  verbForms: new Map(entries(predicates.verbForms)),
  particles: new Set(predicates.particles),
  phrasalVerbs: new Set(predicates.phrasalVerbs),
  nominalisations: new Map(entries(predicates.nominalisations as Record<string, string>)),
  eventNouns: new Set(predicates.eventNouns),
  changeVerbs: new Map(entries(predicates.changeVerbs as Record<string, 'up' | 'down'>)),
  changeWords: new Map(entries(predicates.changeWords as Record<string, 'up' | 'down'>)),
  changeAfter: new Set(predicates.changeAfter),
  ratePer: new Set(predicates.ratePer),
  rateUnits: new Set(predicates.rateUnits),
  rateWords: new Set(predicates.rateWords),
  rateBefore: phraseTable(predicates.rateBefore.map((p) => [p, true] as [string, boolean])),
  statusCues: phraseTable(entries(predicates.statusCues as Record<string, Status>)),
  reportedFuture: new Set(predicates.reportedFuture),
  clauseBreaks: new Set(predicates.clauseBreaks),
  pledgedPredicates: new Set(predicates.pledgedMoney.predicates),
  pledgedHeads: new Set(predicates.pledgedMoney.heads),
  articles: new Set(predicates.articles),
  postModifiers: new Set(predicates.postModifiers),
  locatingUnits: new Set(predicates.locatingUnits),
  cueNotBefore: new Set(predicates.cueNotBefore),
  cueNotAfter: new Set(predicates.cueNotAfter),
  locatingWords: new Set(predicates.locatingWords),
  subjectPronouns: new Set(predicates.subjectPronouns),
  beforeFigure: new Set(predicates.beforeFigure),
  chainWords: new Set(predicates.chainWords),
  linkingWords: new Set(predicates.linkingWords),
  levelPrepositions: new Set(predicates.levelPrepositions),
};

/** Labels of results tables ("Shr", "Net", "Revs") with the object and head they stand for. */
export const resultsTableLabels = phraseTable(entries(resultsTable.labels as unknown as Record<string, [string, string]>));
export const resultsCountLabels = new Set(resultsTable.countLabels);
export const resultsPeriodHeadings = new Set(resultsTable.periodHeadings);
export const resultsPeriodHeadingUnits = new Set(resultsTable.periodHeadingUnits);

/** Rough dollar value of a currency unit, for flagging implausible amounts (currencies.json `usdPerUnit`). */
export const usdPerUnit = new Map(entries(currencies.usdPerUnit as unknown as Record<string, number>));
