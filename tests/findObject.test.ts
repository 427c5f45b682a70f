// Objects and categories read from the figures around a figure, on real news sentences
// (BBC news 2225, Reuters-21578). Each row: sentence, mention, expected attributes.
import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers.ts';
import type { Fact } from '../src/model.ts';

// a results table in sterling: the lines below carry its currency
const TABLE = 'Turnover 3.14 billion stg vs 2.65 billion\n\n';

const cases: [string, string, Partial<Fact>][] = [
  // a subject before a count, across a verb of change; "the number of X" counts X
  ['The number of people out of work rose 32,000 to 1.41 million in the last three months of 2004.', '32,000', { object_head: 'person' }],
  ['Meanwhile, the benefit claimant total fell 11,000 to 813,200 last month.', '11,000', { object_head: 'claimant' }],
  ['Officials said the death toll from yesterday\'s Afghan bombing in Teri Mangal to the north had risen to at least 70 as more bodies were recovered.', 'at least 70', { object_head: 'toll', category: 'casualties' }],
  ['Total vehicle exports fell to 449,200 from 473,500.', '473,500', { object_head: 'export' }],
  // a count chained to the one before by "to"/"from"
  ['The proposals include cutting Scotland\'s six single-battalion regiments to five and merging these into a super regiment.', 'five', { object_head: 'regiment', category: 'personnel' }],
  // a label before a percent or money figure, through prepositional phrases
  ['Allied Domecq shares in London rose 4% by 1200 GMT, while Pernod shares in Paris slipped 1.2%.', '4%', { object_head: 'share' }],
  ['Profits at Indian drugmaker Dr Reddy\'s fell 93% as research costs rose and sales flagged.', '93%', { object_head: 'profit' }],
  ['Total trade with Mid-East Gulf states fell some 40 pct due to lower oil prices.', 'some 40 pct', { object_head: 'trade', category: 'economy' }],
  ['Exports to Organisation for Economic Cooperation and Development countries rose to 4.29 billion dlrs from 4.11 billion in 1985.', '4.29 billion dlrs', { object_head: 'export' }],
  ['State Administration of Taxation head Xie Xuren said a tightening of controls had produced a 25.7% rise in tax revenues to 2.572 trillion yuan.', '2.572 trillion yuan', { object_head: 'revenue' }],
  ['The Conservatives were in second place with donations totalling £4,610,849, while the Liberal Democrats received just over £1m.', '£4,610,849', { object_head: 'donation' }],
  ['The amount was 1.7 billion dlrs less than the administration request of 5.2 billion dlrs.', '1.7 billion dlrs', { object_head: null }],
  ['Maize covered from Nantes to Egypt at 15 dlrs.', '15 dlrs', { object_head: null }],
  // the subject of the clause whose verb of change or level the figure completes, past modifiers and a relative clause
  ['The Federal Statistics Office said growth for the whole of 2004 was 1.6%, after a year of contraction in 2003.', '1.6%', { object_head: 'growth' }],
  ['The Dow Jones industrial average fell 0.4%, and the Nasdaq composite edged down by less than 0.1%.', 'less than 0.1%', { object_head: 'composite', predicate: 'edge down' }],
  ['Falling energy prices, which dropped 2.1% from May, continued to help put a damper on overall inflation in June.', '2.1%', { object_head: 'price' }],
  ['It closed up 0.7%.', '0.7%', { object_head: null }],
  ['France Telecom\'s broadband customers also increased, rising to 5.1 million across Europe by the end of the year.', '5.1 million', { object_head: 'customer' }],
  // a past-tense verb ends the noun phrase; plurals in -ies that are -ie nouns; adjectives are no heads
  ['A cargo ship carrying nine crew sank off Taiwan’s coast in rough seas on Thursday.', 'nine', { object_head: 'crew' }],
  ['Films will range in price from £1 or £2 for archived movies to £3.50 for current releases.', '£2', { object_head: 'movie' }],
  // a count after "of" counts the noun before it; a figure owned by a period continues the list before it
  ['“We only brought our most important possessions,” Berthine Razafiarisoa, who sheltered in a gym with his family of 10, told AFP news agency.', '10', { object_head: 'family' }],
  ['Consumer spending grew 4.2% in the final quarter, down from the third quarter\'s 5.1%.', '5.1%', { object_head: 'spending' }],
  // a share of people is about people, not the economy
  ['The city government said in a post on X that more than 55,000 people, including nearly 16,000 families, had been evacuated and were sheltering in evacuation centers.', 'more than 55,000', { category: 'displaced' }],
  ['The number of people out of work rose 32,000 to 1.41 million in the last three months of 2004, even as 90,000 more people were in employment.', '32,000', { category: 'economy' }],
  ['During his 49 minute speech Mr Brown told MPs he had defied the pundits by hitting his growth target of 3.1% for 2004.', '3.1%', { category: 'economy' }],
  ['Reserves were just 5.77 billion barrels in 1974, rose sharply to 40.19 billion in 1978.', '5.77 billion barrels', { category: 'economy' }],
  ['About 80% of UK adults own at least one mobile, according to official figures.', 'About 80%', { category: 'people' }],
  ['More than half (54%) of those asked in a poll for mobile firm Intervoice said that they do not have another address book.', 'More than half', { category: 'people' }],
  ['A barrel of Brent crude, the international standard, leaped 5% to $77.62 after starting the week below $72.', '$77.62', { object_head: 'barrel' }],
  // a base-form verb after a plural noun ends the noun phrase
  ['Some 26 million adults lack maths or English skill levels expected of school-leavers.', 'Some 26 million', { object_head: 'adult', predicate: 'lack' }],
  ['Every Friday, hundreds of people gather in Luanda\'s Independence Square to record a message in front of the TV cameras.', 'hundreds', { object_head: 'person', predicate: 'gather' }],
  // later figures of a list or comparison share the first one's label
  ['While the UK\'s jobless rate rose to 4.7% from 4.6% in the previous quarter, the rate still remains one of the lowest in the world, compared with 12.1% in Germany, 10.4% in Spain and 9.7% in France.', '9.7%', { object_head: 'rate' }],
  ['Average earnings rose by 4.3% in the year to December up from November\'s 4.2%, the Office for National Statistics (ONS) added.', '4.2%', { object_head: 'earnings' }],
  ['Reserves were just 5.77 billion barrels in 1974, rose sharply to 40.19 billion in 1978 and flattened out at 72 billion in both 1981 and 1982.', '72 billion', { object_head: 'reserve' }],
  ['Suez owns 40% of Aguas Argentinas (39.9%), while Spain\'s Aguas de Barcelona is its second biggest shareholder with 25.01%.', '25.01%', { object_head: null }],
  // results-table lines
  [TABLE + 'Launching costs 47.6 mln vs 51.6 mln', '47.6 mln', { object_head: 'cost' }],
  [TABLE + 'Military aircraft and support services 146.0 mln vs 148.3 mln', '148.3 mln', { object_head: 'aircraft' }],
  [TABLE + 'Civil aircraft 7.7 mln loss vs 2.5 mln loss', '2.5 mln', { object_head: 'aircraft' }],
  // what money is for or in
  ['The committee approved 3.5 billion dlrs for SDI, a land- and space-based anti-missile defense program.', '3.5 billion dlrs', { object_head: 'sdi' }],
  ['The Labour Party received more than £5m in donations in the final quarter of 2004, new figures show.', 'more than £5m', { object_head: 'donation' }],
  ['Registered political parties are required to set out each quarter all donations over £5,000 to their headquarters and over £1,000 to local constituency parties they receive.', 'over £1,000', { object_head: 'donation' }],
  ['The first annual increment will be for 948.8 mln dlrs for 810 missiles.', '948.8 mln dlrs', { object_head: 'increment' }],
  // measures of a thing's dimensions
  ['The 100-kg bomb went off, ripping a crater half a meter (1.5 feet) deep and three meters (nine feet) wide in the ground.', 'three meters', { object_head: 'crater' }],
  // people of an earlier count, left out
  ['In its first published casualty list, the high command said 438 Libyans were taken prisoner, while 29 Chadian soldiers were killed and 58 wounded.', '58', { object_head: 'soldier', category: 'casualties' }],
  ['Chadian troops killed 384 Libyans and captured 48 in fighting near the key Libyan air base of Ouadi Doum.', '48', { object_head: 'libyan', category: 'detained' }],
  ['Seventeen people were killed and 22 are missing after a dam collapsed following heavy rains in Soviet Tadzhikistan.', '22', { object_head: 'person', category: 'casualties' }],
  ['Iraqi naval units sank six Iranian out of 28 Iranian boats attempting to attack an offshore terminal.', 'six', { object_head: 'boat', category: 'equipment' }],
  ['Four people, two of them partly paralysed wheelchair users, successfully moved a computer cursor.', 'two', { object_head: 'person' }],
  ['Mr Mubanga, 32, said he would stay for one more year, and 90,000 more people were in employment.', '90,000', { object_head: 'person' }],
  // heads: compounds, kinds, a count glued to a noun
  ['The Iranian news agency IRNA quoted the commander as saying nine Iraqi counter-attacks had been repulsed.', 'nine', { object_head: 'counter-attack', category: 'strikes' }],
  ['The budget will help finance three new types of nuclear weapons, a military reconnaissance satellite.', 'three', { object_head: 'type', category: 'equipment' }],
  ['The administration requested 590 mln dlrs specifically for a rail-mobile system for the 10-warhead MX missile.', '10', { object_head: 'warhead', category: 'equipment' }],
  ['Hunter Helicopter builds two-passenger helicopters that retail for about 50,000 dlrs.', 'two', { object_head: 'passenger', category: 'economy' }],
  ['The Army said that the multi-year contract would result in savings in excess of 12 pct.', 'in excess of 12 pct', { object_head: 'saving' }],
  // categories
  ['Mr Mubanga is the first of the four detainees freed last month to give a media interview.', 'four', { category: 'detained' }],
  ['It was the highest number of Libyan casualties reported since January 2, when Chadian troops overran Fada with the loss of more than 700 Libyan troops.', 'more than 700', { category: 'casualties' }],
  ['"We know that the Iranians used them several times to attack ships belonging to Arab states in the Gulf," he said.', 'several', { category: 'strikes' }],
  [TABLE + 'ATP 10.8 mln vs 15.9 mln REUTER', '15.9 mln', { object_head: 'atp' }],
];

describe('objects and categories from context', () => {
  it.each(cases)('%s [%s]', (sentence, mention, expected) => {
    const fact = factsOf(sentence).find((f) => f.mention === mention);
    expect(fact, `no fact "${mention}"`).toBeDefined();
    expect(fact).toMatchObject(expected);
  });
});
