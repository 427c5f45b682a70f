import type { Fact } from '../model.ts';
import { codePointSlicer } from '../text/codePoints.ts';

/**
 * "more than 300 mm (12 inches) of rain", "rose by 410 million tonnes, or 1.1%": a figure that restates
 * the one right before it, as a conversion in brackets or as ", or" a share, says what happened to the
 * same thing. A conversion takes the predicate, aspect, direction and status of the figure it converts,
 * and its object, category and period wherever its own reading found none; a share takes them where
 * it found no predicate of its own.
 */
export function shareRestatedContext(facts: Fact[], documentText: string): Fact[] {
  const slice = codePointSlicer(documentText);
  const out: Fact[] = [];
  facts.forEach((fact, i) => {
    // "$2bn (1.53bn euros; £1.05bn)": both conversions restate the figure before the brackets
    const converted = fact.repeat_of === null ? undefined : out.slice(Math.max(0, i - 2), i).find((f) => f.fact_id === fact.repeat_of);
    const first = converted ?? out[i - 1];
    if (!first || first.sentence !== fact.sentence) return void out.push(fact);
    const between = slice(first.end, fact.start);
    const conversion = converted !== undefined && /^\s*\(/.test(between);
    const share = /^\s*,?\s+or\s+$/.test(between) && fact.quantity_type === 'percent' && first.quantity_type !== 'percent';
    if (!conversion && !share) return void out.push(fact);
    // inside brackets a conversion's own reading sees only the brackets: the converted figure's wins
    const shared: Partial<Fact> =
      conversion || fact.predicate === null
        ? { predicate: first.predicate ?? fact.predicate, aspect: first.aspect, direction: first.direction, status: first.status }
        : { status: fact.status === 'actual' ? first.status : fact.status };
    if (conversion) {
      if (fact.object === null) Object.assign(shared, { object: first.object, object_head: first.object_head, category: first.category });
      if (fact.period_text === null) Object.assign(shared, { period_text: first.period_text, period_start: first.period_start, period_end: first.period_end });
    }
    out.push({ ...fact, ...shared });
  });
  return out;
}
