import type { Fact } from '../model.ts';

// "$1.6 billion of which", "including 300 civilians", "of whom 12", "among them 5", "7 of them"
const partCues = /\b(?:of which|of whom|including|included|includes|among them|among whom|of them|out of)\b/i;

const normalObject = (o: string | null) => (o === null ? null : o.toLowerCase().replace(/^(the|a|an|these|those)\s+/, '').trim());

/** Same figure for the same thing: value, unit and kind agree, and so do the objects where both are named. */
function restates(later: Fact, earlier: Fact, pointsBack: boolean): boolean {
  if (later.value === null || earlier.value === null || later.value !== earlier.value) return false;
  if (later.unit !== earlier.unit || later.quantity_type !== earlier.quantity_type) return false;
  const a = normalObject(later.object);
  const b = normalObject(earlier.object);
  if (a !== null && b !== null) return a === b || later.object_head === earlier.object_head && (a.endsWith(b) || b.endsWith(a));
  // Unnamed figures recur by chance ("£250,000" from two donors): a restatement keeps its
  // speaker or points back with "the".
  const sameSpeaker = later.speaker !== null && later.speaker === earlier.speaker;
  return (sameSpeaker || pointsBack) && (later.quantity_type !== 'count' || later.value >= 100);
}

/**
 * Refiner over a document's facts: `repeat_of` points a later mention of the
 * same figure for the same thing at its first mention; `part_of` points a figure
 * introduced as a part ("of which", "including") at the total before it in the sentence.
 */
export function linkFacts(facts: Fact[], documentText: string): Fact[] {
  const chars = [...documentText];
  const between = (a: number, b: number) => chars.slice(a, b).join('');
  return facts.map((fact, i) => {
    // "some 45 km (28 miles)", "$1.13bn (£600m)": a conversion in brackets restates the figure before it.
    const previous = facts[i - 1];
    if (previous && fact.quantity_type === previous.quantity_type && fact.quantity_type !== 'count' && fact.unit !== previous.unit && /^\s*\(\s*$/.test(between(previous.end, fact.start))) {
      // "some 230 km (150 miles)": the conversion is as approximate as the figure it converts
      const bounds = fact.qualifier === 'exact' && previous.qualifier !== 'exact' && previous.qualifier !== 'range' && previous.qualifier !== 'vague' ? requalify(fact, previous.qualifier) : {};
      return { ...fact, ...bounds, repeat_of: previous.repeat_of ?? previous.fact_id, part_of: null };
    }
    // "the 7,276 strikes": a definite article points back to a figure already given
    const pointsBack = /\b(?:the|this|that|these|those)\s+$/i.test(chars.slice(Math.max(0, fact.start - 8), fact.start).join(''));
    const first = facts.slice(0, i).find((earlier) => restates(fact, earlier, pointsBack));
    let part_of: string | null = null;
    for (let k = i - 1; k >= 0; k--) {
      const total = facts[k]!;
      if (total.sentence !== fact.sentence) break;
      const between = chars.slice(total.end, fact.start).join('');
      const after = chars.slice(fact.end, Math.min(chars.length, fact.end + 12)).join('');
      if (partCues.test(between) || /^\s*(?:of which|of whom)\b/i.test(after)) {
        if ((total.value ?? total.low ?? 0) >= (fact.value ?? 0) && total.quantity_type === fact.quantity_type) part_of = total.fact_id;
        break;
      }
    }
    part_of ??= includedIn(facts, i, chars);
    return { ...fact, repeat_of: first ? first.fact_id : null, part_of };
  });
}

function requalify(fact: Fact, qualifier: Fact['qualifier']): Pick<Fact, 'qualifier' | 'low' | 'high'> {
  const v = fact.value;
  if (qualifier === 'more_than' || qualifier === 'at_least') return { qualifier, low: v, high: null };
  if (qualifier === 'less_than' || qualifier === 'at_most') return { qualifier, low: null, high: v };
  return { qualifier, low: null, high: null };
}

/**
 * "He said the equipment included 2,000 AT-4 anti-tank missiles" after "thousands of tonnes
 * of equipment": the figures listed after "included" are parts of the latest earlier figure
 * whose object is the noun before the verb.
 */
function includedIn(facts: Fact[], i: number, chars: string[]): string | null {
  const fact = facts[i]!;
  // the text of the sentence before the figure
  const before = chars.slice(Math.max(0, fact.start - 300), fact.start).join('').split(/[.!?]["”]?\s+(?=\S)|\n\s*\n/).pop()!;
  const cue = /\b([\p{L}-]+)\s+(?:included|includes|include|including)\b(?![\s\S]*\b(?:included|includes|include|including)\b)/u.exec(before);
  if (!cue) return null;
  const head = cue[1]!.toLowerCase().replace(/s$/, '');
  for (let k = i - 1; k >= 0; k--) {
    const total = facts[k]!;
    if (total.sentence === fact.sentence) continue;
    if (total.object_head === head || (total.object ?? '').toLowerCase().split(/\s+/).includes(cue[1]!.toLowerCase())) return total.fact_id;
  }
  return null;
}
