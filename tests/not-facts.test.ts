import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers.ts';

// SPEC.md "Not facts": each sentence must yield no row for the listed text.
const notFacts: [string, string][] = [
  ['An image grab taken from a video released on March 17, 2014 shows fighters.', '17'],
  ['An image grab taken from a video released on March 17, 2014 shows fighters.', '2014'],
  ['The coalition has struck since August 2014.', '2014'],
  ['The operation launched on January 9 was over.', '9'],
  ['He arrived on 17 March with aides.', '17'],
  ['The equipment included 2,000 AT-4 anti-tank missiles.', '4'],
  ['It included more than 10,000 M16 assault rifles.', '16'],
  ['Turkey bought F-16 jets and T-72 tanks.', '16'],
  ['Turkey bought F-16 jets and T-72 tanks.', '72'],
  ['Russia deployed Su-24 bombers, MiG-29 fighters and S-400 systems.', '24'],
  ['Russia deployed Su-24 bombers, MiG-29 fighters and S-400 systems.', '29'],
  ['Russia deployed Su-24 bombers, MiG-29 fighters and S-400 systems.', '400'],
  ['A-10 aircraft flew over the city.', '10'],
  ['The airline ordered a Boeing 737 jet.', '737'],
  ['The COVID-19 pandemic hit the G7 economies.', '19'],
  ['The COVID-19 pandemic hit the G7 economies.', '7'],
  ['The 5th Division and the 101st Airborne moved north.', '5'],
  ['The 5th Division and the 101st Airborne moved north.', '101'],
  ['Call 555-1234 for details.', '555-1234'],
  ['Under Article 5 of the treaty, allies must respond.', '5'],
  // durations that scope another figure or name a reporting period (CNN, Reuters)
  ['The settlement would reduce the fees merchants pay by $30 billion over five years, according to a press release.', 'over five years'],
  ['In the six months to end-September, Norcros reported a rise in pretax profits.', 'six months'],
  // races named by their distance, positions and rounds (BBC sport)
  ['He is the 800m hope for Athens.', '800m'],
  ['Derval O\'Rourke won the national 60m hurdles title.', '60m'],
  ['Aoife Byrne took silver in the 800m in a personal best of 2:06.73.', '800m'],
  ['Gillick was a genuine medal contender by claiming an impressive 400m victory.', '400m'],
  ['Garcia-Lopez, ranked 106 in the world, dominated from the outset.', '106'],
  ['Henman, seeded three, then held his serve comfortably.', 'three'],
  ['Henman, who now faces Russian Igor Andreev in the last 16, admitted afterwards it was difficult.', '16'],
  // stock indices and installations named by a number (AP, CNN), a year past 2099, "one" standing for a noun already named
  ['All told, the S&P 500 slipped 9.60 points to 5,699.94.', '500'],
  ['The Standard & Poor’s 500 fell 0.2% amid a shaky week.', '500'],
  ['In stock markets abroad, Japan’s Nikkei 225 jumped 2% as its sharp swings continue.', '225'],
  ['A U.S. drone was returning to the small installation known as Tower 22, according to a preliminary report.', '22'],
  ['Parts of Asia’s largest cities could be under water by 2100 due to rising sea levels.', '2100'],
  ['U.S. forces may have mistaken an enemy drone for an American one and let it pass unchallenged.', 'one'],
  ['We are only evacuating from one place to another.', 'one'],
  ['Resolution 2254 was adopted.', '2254'],
  ['See page 12 for the table.', '12'],
  ['The attack began at 10:30 local time.', '10'],
  ['Fighting resumed at 0800 GMT.', '0800'],
  ['Iraq agreed to set up a cell in Baghdad.', 'a'],
  ['It dealt one of the severest blows on the Iraqi war machine.', 'one'],
  ['The 1986/87 crop was smaller.', '1986'],
  ['Prices in the 1980s were lower.', '1980'],
  ['BRITISH AEROSPACE PLC 1986 YEAR results were out.', '1986'],
  ['The L-39 bombers were captured.', '39'],
  ['Launch costs include BAe 146 17.1 mln vs 27.3 mln.', '146'],
  ['Iran launched the Karbala-5 offensive.', '5'],
  ['See https://doi.org/10.1016/issn%280024 for the paper.', '280024'],
  ['Call +1-222-2222-2222 now.', '222'],
  ['Music of the 1960s was louder.', '1960'],
  ['Launch costs include BAe 125-800 0.3 mln vs 1.5 mln.', '125-800'],
  ['Iraq launched a three-pronged thrust.', 'three'],
  // An ordinal or a period, not a share: "a third" alone needs "of", a bound or "by" before it
  ['A third, El Paso Gas, a subsidiary, is also a bidder.', 'A third'],
  ['The company was losing about 140,000 dlrs a quarter.', 'a quarter'],
  ['Dealers said the dispute was settled by a third party.', 'a third'],
  ['Rates would have to exceed half a point to give rise to concern.', 'exceed half'],
  // Letter scales that are names or marks: a company, a standard, bid/asked marks, a cup tie
  ['It will operate as an independent subsidiary of 3M.', '3M'],
  ['It includes a 802.11b wireless network.', '802.11b'],
  ['FEED PELLETS APRIL - 110.00B/115.00A.', '110.00B'],
  ['We are still involved in two cup competitions.', 'two cup'],
  // A small number closing a capitalised name is part of the name (BBC)
  ['Half-Life 2 is out now for the PC.', '2'],
  ['Spider-Man 2 on UMD will be given to the first million customers in the US.', '2'],
  ['Newcomers Keane came in third place for their August gig at the V Festival, followed by Maroon 5 and Snow Patrol.', '5'],
  // A misspelt month still makes a date ("Sepember" in the Reuters corpus)
  ['Shareholders of record on Sepember 30, 1987, will receive the dividend.', '30'],
  ['The tender closes Febuary 3, 2004, the agency said.', '3'],
];

describe('not facts', () => {
  it.each(notFacts)('%s has no row for "%s"', (sentence, text) => {
    const facts = factsOf(sentence);
    const overlapping = facts.filter((f) => f.mention === text || f.mention.split(/[\s-]+/).includes(text));
    expect(overlapping.map((f) => f.mention)).toEqual([]);
  });

  it('keeps the real figure next to a designator', () => {
    expect(factsOf('The equipment included 2,000 AT-4 anti-tank missiles.').map((f) => f.mention)).toEqual(['2,000']);
  });
});
