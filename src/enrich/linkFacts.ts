import type { Fact } from '../model.ts';
import { codePointSlicer, type CodePointSlice } from '../text/codePoints.ts';

// "$1.6 billion of which", "including 300 civilians", "of whom 12", "among them 5", "7 of them"
const partCues = /\b(?:of which|of whom|including|included|includes|among them|among whom|of them|out of)\b/i;

const normalObject = (o: string | null) => (o === null ? null : o.toLowerCase().replace(/^(the|a|an|these|those)\s+/, '').trim());

/** Same figure for the same thing: value, unit and kind agree, and so do the objects where both are named. */
function restates(later: Fact, earlier: Fact, pointsBack: boolean): boolean {
  if (later.value === null || earlier.value === null || later.value !== earlier.value) return false;
  if (later.unit !== earlier.unit || later.quantity_type !== earlier.quantity_type) return false;
  const a = normalObject(later.object);
  const b = normalObject(earlier.object);
  if (a !== null && b !== null) {
    if (a === b || (later.object_head === earlier.object_head && (a.endsWith(b) || b.endsWith(a)))) return true;
    // "four people killed" ... "the four victims": reworded, but about the same people and the same event
    return pointsBack && later.category === earlier.category && later.category !== 'other';
  }
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
  const slice = codePointSlicer(documentText);
  // A restatement has the same value: earlier facts by value, so a document of thousands of figures
  // is not compared pair by pair (a 2,000,000-character document took minutes).
  const byValue = new Map<number, number[]>();
  facts.forEach((fact, i) => {
    if (fact.value === null) return;
    const same = byValue.get(fact.value);
    if (same) same.push(i);
    else byValue.set(fact.value, [i]);
  });
  const firstRestated = (fact: Fact, i: number, pointsBack: boolean): Fact | undefined => {
    for (const k of fact.value === null ? [] : byValue.get(fact.value)!) {
      if (k >= i) return undefined;
      if (restates(fact, facts[k]!, pointsBack)) return facts[k];
    }
    return undefined;
  };
  const linked = facts.map((fact, i) => {
    // "some 45 km (28 miles)", "$1.13bn (£600m)": a conversion in brackets restates the figure before it.
    // "$2bn (1.53bn euros; £1.05bn)": a second conversion in the brackets restates the same figure
    const secondConversion = i > 1 && /^\s*;\s*$/.test(slice(facts[i - 1]!.end, fact.start)) && /^\s*\(\s*$/.test(slice(facts[i - 2]!.end, facts[i - 1]!.start));
    const previous = secondConversion ? facts[i - 2] : facts[i - 1];
    if (previous && fact.quantity_type === previous.quantity_type && fact.quantity_type !== 'count' && fact.unit !== previous.unit && (secondConversion || /^\s*\(\s*$/.test(slice(previous.end, fact.start)))) {
      // "some 230 km (150 miles)": the conversion is as approximate as the figure it converts
      const bounds = fact.qualifier === 'exact' && previous.qualifier !== 'exact' && previous.qualifier !== 'range' && previous.qualifier !== 'vague' ? requalify(fact, previous.qualifier) : {};
      return { ...fact, ...bounds, repeat_of: previous.repeat_of ?? previous.fact_id, part_of: null };
    }
    // "the 7,276 strikes": a definite article points back to a figure already given
    // (and "a total of 12" restates the 12 given before)
    const pointsBack = /\b(?:the|this|that|these|those|total of|totalling|totaling)\s+$/i.test(slice(Math.max(0, fact.start - 12), fact.start));
    const first = firstRestated(fact, i, pointsBack);
    let part_of: string | null = null;
    for (let k = i - 1; k >= 0; k--) {
      const total = facts[k]!;
      if (total.sentence !== fact.sentence) break;
      const between = slice(total.end, fact.start);
      const after = slice(fact.end, fact.end + 12);
      // The cue introduces this figure: "40 people, including 12 children", not "a dozen vessels,
      // most of them tankers, could be provided by three destroyers".
      const tail = between.split(/[,;:(—–]|\s-{1,2}\s/).pop()!;
      const cue = partCues.exec(tail);
      const introduces = cue !== null && words(tail.slice(cue.index + cue[0].length)) <= 3;
      if (introduces || /^\s*(?:of which|of whom|of them)\b/i.test(after)) {
        // "27 people, a third of whom were women": a share of the count is a part of it
        const share = fact.quantity_type === 'percent' && total.quantity_type === 'count';
        if (share || ((total.value ?? total.low ?? 0) >= (fact.value ?? 0) && total.quantity_type === fact.quantity_type)) part_of = total.fact_id;
        break;
      }
    }
    part_of ??= includedIn(facts, i, slice) ?? partBefore(facts, i, slice) ?? partOfTheWhole(facts, i, slice);
    const repeat_of = first ? first.fact_id : null;
    // most figures link to nothing: those keep their row rather than get a copy
    return fact.repeat_of === repeat_of && fact.part_of === part_of ? fact : { ...fact, repeat_of, part_of };
  });
  const byId = factsById(facts);
  // SPEC.md: a part joins only a total of the same kind and unit
  return partsBySum(linked, slice).map((f) => (f.part_of !== null && !commensurable(f, byId(f.part_of)!) ? { ...f, part_of: null } : f));
}

/** A document's facts by id, indexed when first asked: most documents have no part to look up. */
export function factsById(facts: Fact[]): (id: string) => Fact | undefined {
  let byId: Map<string, Fact> | undefined;
  return (id) => (byId ??= new Map(facts.map((f) => [f.fact_id, f]))).get(id);
}

/**
 * Whether summing both would count the same thing twice: the same kind and unit, or a
 * share of a count ("a third of whom"). A count inside a total of tonnes or dollars is not a part.
 */
function commensurable(part: Fact, total: Fact): boolean {
  if (part.quantity_type === total.quantity_type && part.unit === total.unit) return true;
  return part.quantity_type === 'percent' && total.quantity_type === 'count';
}

/** "31 of the 47 prefectural assemblies", "two of the 14 fires", "five of the nine tournaments". */
function partOfTheWhole(facts: Fact[], i: number, slice: CodePointSlice): string | null {
  const fact = facts[i]!;
  const next = facts[i + 1];
  if (!next || next.sentence !== fact.sentence || next.quantity_type !== fact.quantity_type) return null;
  if (!/^\s+of\s+(?:the|its|their|his|her|our|these|those)\s+$/i.test(slice(fact.end, next.start))) return null;
  return (next.value ?? next.low ?? 0) > (fact.value ?? Infinity) ? next.fact_id : null;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * "sank six Iranian out of 28 Iranian boats", "Div 11.0p making 17.4p": the total follows the part.
 */
function partBefore(facts: Fact[], i: number, slice: CodePointSlice): string | null {
  const fact = facts[i]!;
  const next = facts[i + 1];
  if (!next || next.sentence !== fact.sentence || next.quantity_type !== fact.quantity_type) return null;
  const between = slice(fact.end, next.start);
  if (!/^\s*(?:[\p{L}-]+\s+){0,3}?(?:out of|making|bringing (?:the|its|their) total to|taking (?:the|its|their) total to|of a total of)\s+$/iu.test(between)) return null;
  return (next.value ?? next.low ?? 0) >= (fact.value ?? 0) ? next.fact_id : null;
}

const amount = (f: Fact) => f.value ?? f.low;
const close = (sum: number, total: number, approximate: boolean) => Math.abs(sum - total) <= (approximate ? Math.max(1, 0.02 * total) : Math.max(0.05, 1e-6 * total));

/**
 * A breakdown adds up to a total given before it: "Almost 150 people were killed ... The toll in
 * Teri Mangal rose to 81, about 45 people were killed in Lwarai Mandi and 23 died in Angur Adar";
 * in a results table, the rows under "Trading profit 217.2 mln vs 211.1 mln" whose columns sum
 * (losses subtracted) to it. A sum that matches is the evidence; nothing else is assumed.
 */
function partsBySum(facts: Fact[], slice: CodePointSlice): Fact[] {
  const result = facts.slice();
  const bySentence = new Map<number, number[]>();
  facts.forEach((f, i) => {
    const indexes = bySentence.get(f.sentence);
    if (indexes) indexes.push(i);
    else bySentence.set(f.sentence, [i]);
  });
  const sentences = [...bySentence.keys()].sort((a, b) => a - b);
  const same = (a: Fact, b: Fact) => a.quantity_type === b.quantity_type && a.unit === b.unit;
  const unlinked = (i: number) => result[i]!.part_of === null && result[i]!.repeat_of === null;

  // Prose: one later sentence lists the parts.
  facts.forEach((total, t) => {
    const v = amount(total);
    if (v === null || total.quantity_type !== 'count' || v < 3) return;
    // (in the total's own sentence, and under 10, its parts are of its category: "seven people ... three in Kharkiv and four in Odesa")
    const ofKind = (f: Fact) => f.category === total.category && total.category !== 'other';
    const kind = (f: Fact) => (f.sentence !== total.sentence && v >= 10) || ofKind(f);
    for (let s = total.sentence; s <= total.sentence + 3; s++) {
      if (!bySentence.has(s)) continue;
      const parts = bySentence.get(s)!.filter((i) => i > t && unlinked(i) && same(facts[i]!, total) && kind(facts[i]!) && amount(facts[i]!) !== null);
      if (parts.length < 2 || parts.some((i) => amount(facts[i]!)! >= v)) continue;
      const sum = parts.reduce((n, i) => n + amount(facts[i]!)!, 0);
      if (close(sum, v, true)) for (const i of parts) result[i] = { ...result[i]!, part_of: total.fact_id };
    }
  });

  // Tables: "Label A vs B" rows; a run of later rows whose columns add up to a row's columns.
  const sentenceText = (i: number) => facts[i]!.sentence_text;
  const rows = sentences.filter((s) => /\svs\.?\s/.test(sentenceText(bySentence.get(s)![0]!)));
  // Table rows are lines: what stands before a figure on its line, and the line before that.
  const lineBefore = (i: number) => slice(Math.max(0, facts[i]!.start - 300), facts[i]!.start).split('\n');
  const column = (i: number) => (/\svs\.?\s/.test(lineBefore(i).pop()!) ? 1 : 0);
  // the line before a row: "Trading profit includes -", "Sales by region:"
  const header = (i: number) => {
    const lines = lineBefore(i);
    lines.pop();
    const previous = lines.reverse().find((l) => l.trim() !== '') ?? '';
    return /\b(?:includ\w*|compris\w*|consist\w*|breakdown|made up of)\b|[-:]\s*$/i.test(previous);
  };
  const loss = (i: number) => /^\s*(?:mln|billion|m|bn)?\s*loss\b/i.test(slice(facts[i]!.end, facts[i]!.end + 12));
  for (const totalRow of rows) {
    const totals = bySentence.get(totalRow)!;
    if (totals.length !== 2 || column(totals[0]!) !== 0 || column(totals[1]!) !== 1) continue;
    const later = rows.filter((r) => r > totalRow && r <= totalRow + 20);
    search: for (let a = 0; a < later.length; a++) {
      // the breakdown is set off by a header line with no figures ("Trading profit includes -")
      if (bySentence.has(later[a]! - 1) || !header(bySentence.get(later[a]!)![0]!)) continue;
      for (let b = a + 1; b < later.length; b++) {
        if (later[b]! - later[b - 1]! !== 1) break; // a run of consecutive rows
        const cells = later.slice(a, b + 1).flatMap((r) => bySentence.get(r)!);
        if (!cells.every((i) => unlinked(i) && same(facts[i]!, facts[totals[0]!]!))) continue;
        const fits = [0, 1].every((c) => {
          const col = cells.filter((i) => column(i) === c);
          return col.length >= 2 && col.length <= 10 && signedSum(col.map((i) => ({ v: amount(facts[i]!)!, negative: loss(i) })), amount(facts[totals[c]!]!)!);
        });
        if (fits) {
          for (const i of cells) result[i] = { ...result[i]!, part_of: facts[totals[column(i)]!]!.fact_id };
          break search;
        }
      }
    }
  }
  return result;
}

/** Whether the cells add up to the total, losses subtracted and any other cell possibly a loss not marked as one. */
function signedSum(cells: { v: number; negative: boolean }[], total: number): boolean {
  const free = cells.filter((c) => !c.negative);
  const fixed = cells.filter((c) => c.negative).reduce((n, c) => n - c.v, 0);
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const sum = free.reduce((n, c, k) => n + (mask & (1 << k) ? -c.v : c.v), fixed);
    if (close(sum, total, false)) return true;
  }
  return false;
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
function includedIn(facts: Fact[], i: number, slice: CodePointSlice): string | null {
  const fact = facts[i]!;
  const preceding = slice(Math.max(0, fact.start - 300), fact.start);
  // (most figures have no "include" before them: spared the split and the pattern)
  if (!preceding.includes('includ')) return null;
  // the text of the sentence before the figure
  const before = preceding.split(/[.!?]["”]?\s+(?=\S)|\n\s*\n/).pop()!;
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
