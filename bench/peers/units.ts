// The peers' unit names mapped to ours, with the factor between the values
// (ours = expected × factor).
import type { UnitOption } from './records.ts';

export const ANY_UNIT: UnitOption[] = [{ unit: '*', factor: 1 }];
export const sym = (...units: (string | null)[]): UnitOption[] => units.map((unit) => ({ unit, factor: 1 }));
const scaled = (factor: number, ...units: (string | null)[]): UnitOption[] => units.map((unit) => ({ unit, factor }));
/** A fraction may also be read as a percent: "two thirds" = 66.67 %. */
export const FRACTION_AS_PERCENT: UnitOption = { unit: '%', factor: 100, alt: true };
const DOLLAR_CODES = ['USD', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD', 'TWD'];

/** Recognizers-Text currency names without an ISO code (with one, the code decides). */
export const CURRENCY_NAMES: Record<string, UnitOption[]> = {
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
export const DIMENSION_UNITS: Record<string, UnitOption[]> = {
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

export const QUANTULUM_UNITS: Record<string, UnitOption[]> = {
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

export function lookupUnit(table: Record<string, UnitOption[]>, name: string, suite: string): UnitOption[] {
  const options = table[name];
  if (!options) throw new Error(`${suite}: no mapping for peer unit "${name}"; add it to the unit table in bench/peers/units.ts`);
  return options;
}
