import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers.ts';

// Input sentence -> the one expected row (fields that matter for the rule).
// Sentences are from the default article and the Reuters/BBC corpora in ../shared/data/news.
const cases: [string, string, Record<string, unknown>][] = [
  ['A spokesman said it had spent $2.3 billion to train Iraqi forces.', '$2.3 billion', { value: 2.3e9, quantity_type: 'money', unit: 'USD', qualifier: 'exact', rule: 'money/symbol-scale' }],
  ['The coalition allocated more than $2.3 billion to the programme.', 'more than $2.3 billion', { value: 2.3e9, low: 2.3e9, high: null, qualifier: 'more_than' }],
  ['It has conducted 7,276 strikes on Iraq and Syria.', '7,276', { value: 7276, quantity_type: 'count', unit: null, object: 'strikes', object_head: 'strike' }],
  ['Raytheon Co said it received a 3.5 billion dlr contract.', '3.5 billion dlr', { value: 3.5e9, unit: 'USD', object: 'contract' }],
  ['The company will pay 15 mln stg for the stake.', '15 mln stg', { value: 15e6, unit: 'GBP', quantity_type: 'money' }],
  ['Shr 28 cts vs 22 cts.', '28 cts', { value: 0.28, unit: 'USD' }],
  ['Shr 51.4p vs 56.4p', '51.4p', { value: 0.514, unit: 'GBP' }],
  ['Profits rose to £1.13bn in the year.', '£1.13bn', { value: 1.13e9, unit: 'GBP' }],
  ['Time Warner said it had lost 5m subscribers.', '5m', { value: 5e6, quantity_type: 'count' }],
  // a glued "m" before a unit or an unmarked plural is millions (BBC)
  ["China's oil imports will be 110m tons, up 21% on the previous year.", '110m tons', { value: 1.1e8, unit: 't', quantity_type: 'measure' }],
  ['About 85% of this group, 18m people, expect to do a lot of their Christmas gift buying online.', '18m', { value: 1.8e7, unit: null, object_head: 'person' }],
  ['The Larne athlete dominated the race although he had to hold off a late challenge from Welshman Jimmy Watkins in the final 100 metres.', '100 metres', { value: 100, unit: 'm', quantity_type: 'measure' }],
  ['The price of inkjet printers has come down to as little as £34 but it could cost up to £1,700 in running costs over an 18-month period.', 'as little as £34', { qualifier: 'at_least', low: 34, high: null }],
  ['The deal was worth €40m.', '€40m', { value: 4e7, unit: 'EUR' }],
  ['Salaries were paid in 50,000 Iraqi dinars a month.', '50,000 Iraqi dinars', { value: 50000, unit: 'IQD' }],
  ['Average earnings rose by 4.3% in the year to December.', '4.3%', { value: 4.3, unit: '%', quantity_type: 'percent' }],
  ['Exports rose 10 pct on 1985.', '10 pct', { value: 10, unit: '%' }],
  ['Support fell 12 per cent.', '12 per cent', { value: 12, unit: '%' }],
  ['The rate rose two percentage points.', 'two percentage points', { value: 2, unit: 'pp', quantity_type: 'percent' }],
  ['Iran said it had liberated 155 square kilometers of territory.', '155 square kilometers', { value: 155, unit: 'km2', quantity_type: 'measure', object: 'territory', category: 'places' }],
  ['Faya Largeau lies some 230 km north of the line.', 'some 230 km', { value: 230, unit: 'km', qualifier: 'approximate', low: null, high: null }],
  ['It has provided thousands of tonnes of equipment.', 'thousands of tonnes', { value: null, low: 2000, unit: 't', qualifier: 'vague', object: 'equipment', category: 'equipment' }],
  ['The programme saw thousands of military advisers deployed to Iraq.', 'thousands', { value: null, low: 2000, qualifier: 'vague', object: 'military advisers', object_head: 'adviser', category: 'personnel' }],
  ['Tens of thousands of people fled.', 'Tens of thousands', { low: 20000, qualifier: 'vague' }],
  ['Three Soviet MI-24 fighter helicopters were captured.', 'Three', { value: 3, object: 'Soviet MI-24 fighter helicopters', object_head: 'helicopter', category: 'equipment' }],
  ['Twenty-five soldiers were killed.', 'Twenty-five', { value: 25, category: 'casualties' }],
  ['The town has one hundred and twenty houses.', 'one hundred and twenty', { value: 120 }],
  ['They seized a dozen tanks.', 'a dozen', { value: 12, object: 'tanks', category: 'equipment' }],
  ['Half a million people were displaced.', 'Half a million', { value: 5e5 }],
  ['Between 5 and 10 ships were hit.', 'Between 5 and 10', { qualifier: 'range', value: null, low: 5, high: 10 }],
  ['Prices ranged from 3 to 4 million dollars.', 'from 3 to 4 million dollars', { qualifier: 'range', low: 3e6, high: 4e6, unit: 'USD' }],
  ['Some 5-10 villages were shelled.', '5-10', { qualifier: 'range', low: 5, high: 10 }],
  ['Two or three rockets landed nearby.', 'Two or three', { qualifier: 'range', low: 2, high: 3 }],
  ['The train and equip programme has trained more than 15,000 Iraqi security forces.', 'more than 15,000', { qualifier: 'more_than', low: 15000, object: 'Iraqi security forces', category: 'personnel' }],
  ['At least 30 people were injured in the blast.', 'At least 30', { qualifier: 'at_least', low: 30, category: 'casualties' }],
  ['Nearly 1,000 troops were sent.', 'Nearly 1,000', { qualifier: 'approximate', low: null }],
  ['Up to 500 troops could be sent.', 'Up to 500', { qualifier: 'at_most', high: 500, low: null }],
  ['Fewer than 20 civilians remained.', 'Fewer than 20', { qualifier: 'less_than', high: 20 }],
  ['As many as 80 warplanes were downed.', 'As many as 80', { qualifier: 'at_most', object: 'warplanes', object_head: 'warplane' }],
  ['Temperatures fell to -4 overnight.', '-4', { value: -4 }],
  ['Several ships were attacked.', 'Several', { qualifier: 'vague', low: 3, object: 'ships', category: 'equipment' }],
  ['Two-thirds of the budget went to defence.', 'Two-thirds', { quantity_type: 'percent', unit: '%', value: 66.6666666667 }],
  ['The seven-week offensive ended.', 'seven-week', { value: 7, unit: 'wk', quantity_type: 'measure' }],
  ['Troops killed 1,269 Libyan soldiers in routing a 5,000-strong force.', '1,269', { object: 'Libyan soldiers', category: 'casualties' }],
  // Recognizers-Text CurrencyModel: "a $" is an article, not "A$" (Australian dollars)
  ['General Dynamics won a $48.2 million army contract.', '$48.2 million', { unit: 'USD', value: 48.2e6, object: 'army contract' }],
  ['The fund raised A$5 million and C$2 million.', 'A$5 million', { unit: 'AUD' }],
  ['Five more losses in excess of 30 MUSD were reported.', 'in excess of 30 MUSD', { unit: 'USD', value: 30e6, qualifier: 'more_than' }],
  ['It only cost thirteen dollars and forty-five cents.', 'thirteen dollars and forty-five cents', { value: 13.45, unit: 'USD' }],
  ['The firm paid 420 million Finnish markka.', '420 million Finnish markka', { unit: 'FIM' }],
  ['Ticket prices were 10 € each.', '10 €', { unit: 'EUR' }],
  ['One in five adults smoke.', 'One in five', { quantity_type: 'percent', value: 20 }],
  ['Two thirds voted yes.', 'Two thirds', { quantity_type: 'percent' }],
  ['Attendance was 500 or more.', '500 or more', { qualifier: 'at_least', low: 500, high: null }],
  ['The interest rate was .08 at the time.', '.08', { value: 0.08 }],
  ['Temperatures fell to minus 5 degrees celsius.', 'minus 5 degrees celsius', { value: -5, unit: '°C' }],
  ['He lost 25 pounds after he started to weigh himself.', '25 pounds', { unit: 'lb', quantity_type: 'measure' }],
  ['The rate rose 6.2% to $1.45 billion.', '$1.45 billion', { value: 1.45e9, low: 1.45e9 }],
  ['The blast left a crater half a meter deep.', 'half a meter', { value: 0.5, unit: 'm', quantity_type: 'measure' }],
  // Spelled fractions: a whole and a fraction (Reuters), a scale and a fraction, a bound before a bare fraction
  ['The plan called for limiting its debt payments to two and one half pct of GNP.', 'two and one half pct', { value: 2.5, unit: '%' }],
  ['The approval ended three and one-half years of laboratory and greenhouse tests.', 'three and one-half years', { value: 3.5, unit: 'yr' }],
  ['"Eleven and three-quarters pct is way above money market rates," he said.', 'Eleven and three-quarters pct', { value: 11.75 }],
  ['The census put the population of the city at 3 million and a half.', '3 million and a half', { value: 3.5e6 }],
  ['Officials said one million and a half people had fled the floods.', 'one million and a half', { value: 1.5e6 }],
  ['The company said it would spend a quarter million dollars on the study.', 'a quarter million dollars', { value: 250000, unit: 'USD' }],
  ['In addition to a half dozen ships in the U.S. Navy\'s Middle East force, other ships patrol the Gulf.', 'a half dozen', { value: 6 }],
  ['Nearly half the respondents said the commissions were too low.', 'Nearly half', { value: 50, unit: '%', qualifier: 'approximate' }],
  ['Exports totalled 5.5 mln bags, more than half the 9.9 mln exported in 1985/86.', 'more than half', { low: 50, qualifier: 'more_than' }],
  ['The figures reduced the number of jobless by a sixth, a spokesman said.', 'a sixth', { value: 16.6666666667, unit: '%' }],
  ['Sales fell by a half.', 'a half', { value: 50, unit: '%' }],
  ['Growers planted about 3.2 mln hectares, or one-fourth of total agricultural land.', 'one-fourth', { value: 25 }],
  ['About ⅔ of the voters backed the plan.', 'About ⅔', { value: 66.6666666667, qualifier: 'approximate' }],
  ['Light travels about 1/40 of the distance in that time.', 'about 1/40', { value: 2.5, unit: '%' }],
  // Digits mixed with scale words; Indian scales multiply ("lakh crore")
  ['The council said 4 thousand 3 hundred and 21 homes were damaged.', '4 thousand 3 hundred and 21', { value: 4321 }],
  ['The fund has 6 crore and two hundred members.', '6 crore and two hundred', { value: 60000200 }],
  ['The budget allocates three lakh crore rupees to infrastructure.', 'three lakh crore rupees', { value: 3e12, unit: 'INR' }],
  ['Expectations had been for a rise of between one billion and three billion dlrs.', 'between one billion and three billion dlrs', { qualifier: 'range', low: 1e9, high: 3e9 }],
  // Number formats: Indian grouping, dotted thousands with a decimal comma (Reuters results and coffee tables)
  ['Net 45,00,000 vs 56,928,000.', '45,00,000', { value: 4.5e6 }],
  ['Prices in cruzados per 60 kg: Estilo Santos 1.883,33.', '1.883,33', { value: 1883.33 }],
  // Spelled decimals
  ['The index stood at two hundred point seventy-one.', 'two hundred point seventy-one', { value: 200.71 }],
  ['Temperatures fell to minus five point five overnight.', 'minus five point five', { value: -5.5 }],
  ['The growth rate was naught point five.', 'naught point five', { value: 0.5 }],
  // Letter scales: glued "b" or capital "M" after a written amount, "k" spaced at the end of a clause, "MM" and "$...T"
  ['The service now has 1.2b users.', '1.2b', { value: 1.2e9 }],
  ['The target for the account is US$ 1MM', 'US$ 1MM', { value: 1e6, unit: 'USD' }],
  ['Italy\'s GDP is $2.174T.', '$2.174T', { value: 2.174e12, unit: 'USD' }],
  ['The fund raised 25M.', '25M', { value: 25e6 }],
  ['Downloads reached 2.33 k.', '2.33 k', { value: 2330 }],
  ['The egg price was 1.20 dlrs a doz, or 14.40 dlrs for 12 doz.', '12 doz', { value: 144 }],
  // Currency: lower-cased wire copy, codes glued to the figure or to "$", scale after the code, M-prefixed codes
  ['mr . bowder said the c $ 300 million charge to earnings would cut profit.', 'c $ 300 million', { value: 3e8, unit: 'CAD' }],
  ['The fare is AUD$15 for adults.', 'AUD$15', { value: 15, unit: 'AUD' }],
  ['Shares were priced at USD115.5 each.', 'USD115.5', { value: 115.5, unit: 'USD' }],
  ['They lost 75 USD million in the past three years.', '75 USD million', { value: 75e6, unit: 'USD' }],
  ['The company has annual revenues of about MAUD 60.', 'about MAUD 60', { value: 60e6, unit: 'AUD' }],
  ['Nokia agreed to pay 420 million finnish markka for the company.', '420 million finnish markka', { unit: 'FIM' }],
  ['The revenue line showed ($-99.99) for the month.', '$-99.99', { value: -99.99, unit: 'USD' }],
  // Bounds: an "or greater" that belongs to the next figure, open bounds that make no range, a comparator glued to a figure
  ['His score is equal to 5000 or less than 6000.', 'less than 6000', { qualifier: 'less_than', high: 6000 }],
  ['Yields of more than 40 and less than 10 were both recorded.', 'more than 40', { qualifier: 'more_than', low: 40 }],
  ['The rule applies when the count is >30.', '>30', { qualifier: 'more_than', low: 30 }],
  ['This number is higher or equal than one hundred.', 'higher or equal than one hundred', { qualifier: 'at_least', low: 100 }],
  // Measures: two units, sizes, suspended hyphens, rates and units the lexicon lacked
  ['"Patrick Vieira is 6ft 4in and having a go at Gary Neville," he said.', '6ft 4in', { value: 6.3333333333, unit: 'ft' }],
  ['The champion is 5 feet and 2 inches tall.', '5 feet and 2 inches', { value: 5.1666666667, unit: 'ft' }],
  ['The door is 2 1/2 in thick.', '2 1/2 in', { value: 2.5, unit: 'in' }],
  ['The cell measured 3 m x 4 m.', '4 m', { value: 4, unit: 'm' }],
  ['Each will be available in the 200- to 300-seat sector.', '200- to 300', { qualifier: 'range', low: 200, high: 300 }],
  ['Telescopes include a conceptualized 8- to 16-meter optical space telescope.', '8- to 16-meter', { qualifier: 'range', low: 8, high: 16, unit: 'm' }],
  ['GUADALCO has a processing capacity of 250 tonnes a day of sunflower seeds.', '250 tonnes a day', { unit: 't/d' }],
  ['The dose from a CT scan of the abdomen is 14 mGy.', '14 mGy', { unit: 'mGy' }],
  ['Add ½ teaspoon baking powder.', '½ teaspoon', { value: 0.5, unit: 'tsp' }],
  ['Monsanto also agreed to three years\' close monitoring of its sales.', 'three years\'', { value: 3, unit: 'yr' }],
];

describe('findQuantities + resolveValue', () => {
  it.each(cases)('%s -> %s', (sentence, mention, expected) => {
    const facts = factsOf(sentence);
    const fact = facts.find((f) => f.mention === mention);
    expect(fact, `found: ${facts.map((f) => f.mention).join(' | ')}`).toBeDefined();
    for (const [key, value] of Object.entries(expected)) {
      if (typeof value === 'number' && !Number.isInteger(value)) expect(fact![key as keyof typeof fact], key).toBeCloseTo(value, 6);
      else expect(fact![key as keyof typeof fact], key).toEqual(value);
    }
  });

  it('reads a change and its result as two figures, not a range', () => {
    const facts = factsOf('The number of people out of work rose 32,000 to 1.41 million.');
    expect(facts.map((f) => [f.mention, f.value])).toEqual([['32,000', 32000], ['1.41 million', 1410000]]);
  });

  it('carries the currency to a bare figure it is compared with, marked implied', () => {
    const facts = factsOf('Turnover 3.14 billion stg vs 2.65 billion');
    expect(facts.map((f) => [f.mention, f.unit, f.unit_implied])).toEqual([
      ['3.14 billion stg', 'GBP', false],
      ['2.65 billion', 'GBP', true],
    ]);
  });

  it('carries the currency to a bare figure that names money ("7.7 mln loss")', () => {
    const facts = factsOf('Turnover 3.14 billion stg vs 2.65 billion.\n\nCivil aircraft 7.7 mln loss vs 2.5 mln loss');
    expect(facts.map((f) => [f.mention, f.unit])).toEqual([
      ['3.14 billion stg', 'GBP'], ['2.65 billion', 'GBP'], ['7.7 mln', 'GBP'], ['2.5 mln', 'GBP'],
    ]);
    expect(factsOf('Sales were 3 billion dlrs. The army has 1.2 million soldiers.').map((f) => f.unit)).toEqual(['USD', null]);
  });

  it('resolves a bare currency word by the country the story names', () => {
    const france = factsOf('The French parliament approved the bill. It provides 474 billion francs for defence, France said.');
    expect(france.map((f) => f.unit)).toEqual(['FRF']);
    const egypt = factsOf('Egypt raised bread prices. Cairo will spend 2 billion pounds on subsidies.');
    expect(egypt.map((f) => f.unit)).toEqual(['EGP']);
    expect(factsOf('The club paid 5 million pounds for him.').map((f) => f.unit)).toEqual(['GBP']);
  });

  it('offsets index the text in code points', () => {
    const text = '😀 Officials said 😀 2,000 missiles and €5m arrived.';
    const chars = [...text];
    for (const f of factsOf(text)) expect(chars.slice(f.start, f.end).join('')).toBe(f.mention);
  });
});
