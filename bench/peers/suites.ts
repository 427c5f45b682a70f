// The suites scored: each peer model's file, its span policy, its target share and the
// facts of ours of the kind it reports.
import type { Qualifier } from '../../src/model.ts';
import { loadQuantulum } from './quantulum.ts';
import { loadRecognizers } from './recognizers.ts';
import type { SuiteAdapter } from './records.ts';

const DURATION_OR_TEMPERATURE = new Set(['yr', 'mo', 'wk', 'd', 'h', 'min', 's', '°C', '°F']);
const BOUNDED: readonly Qualifier[] = ['range', 'more_than', 'less_than', 'at_least', 'at_most'];

export const SUITES: SuiteAdapter[] = [
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
