import type { Period } from '../model.ts';

/**
 * The period that scopes a figure: the nearest one in the same clause with no
 * other figure between them (after it on a tie), else one that opens the
 * sentence ("Throughout 2004, ..."). A date elsewhere in the sentence is not it.
 */
export function scopingPeriod(periods: Period[], figure: { start: number; end: number }, figures: { start: number; end: number }[], text: string, sentenceStart: number): Period | null {
  let best: Period | null = null;
  let bestDistance = Infinity;
  for (const p of periods) {
    if (p.start < figure.end && figure.start < p.end) continue;
    const [from, to] = p.start >= figure.end ? [figure.end, p.start] : [p.end, figure.start];
    // "18 warships, including the aircraft carrier Kitty Hawk, into the Arabian Sea in the past month":
    // an inserted "including ..." phrase; "exploded ... last night, injuring about 30 people": a
    // participle clause hanging on the one the period scopes.
    const inside = figures.filter((f) => f !== figure && f.start >= from && f.end <= to);
    // the figures in between are judged below, not their thousands separators
    let stretch = text.slice(from - sentenceStart, to - sentenceStart);
    for (const f of inside) stretch = stretch.slice(0, f.start - from) + ' '.repeat(f.end - f.start) + stretch.slice(f.end - from);
    const between = stretch
      .replace(/,\s+(?:including|includes|excluding|among them)\b[^,;:()]*,/g, ' ')
      .replace(p.start >= figure.end ? /^$/ : /^[^,;:()]*,\s+(?:killing|injuring|wounding|leaving|bringing|taking|pushing|raising|lifting|cutting)\b/, ' ');
    if (/[,;:()–—]|\s-{1,2}\s/.test(between)) continue;
    // "rose 32,000 to 1.41 million in the last three months", "three destroyers and two frigates now in the Gulf":
    // a figure chained to the next by "to" or "and" shares its period; "4.29 billion from 4.11 billion in 1985" does not.
    const chained = p.start >= figure.end && inside.length > 0 && /^\s*(?:[\p{L}.\-]+\s+){0,4}?(?:to|and)\s+$/u.test(text.slice(figure.end - sentenceStart, inside[0]!.start - sentenceStart));
    if (inside.length > 0 && !chained) continue;
    const distance = to - from + (p.start >= figure.end ? 0 : 0.5);
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  // "Throughout 2004, ...", "In other action today, the committee approved ...": a period in the
  // opening phrase of the sentence scopes all of it.
  const opening = /^(?:(?:in|on|at|during|over|for|throughout|since|after|before|by|earlier|later|meanwhile|also)\b[^,;:()]*)?,/i.exec(text);
  const openingEnd = sentenceStart + (opening ? opening[0].length : 1);
  return best ?? periods.find((p) => p.start - sentenceStart <= 1 || (p.end <= openingEnd && !figures.some((f) => f.start < openingEnd))) ?? null;
}
