import type { Fact } from '../model.ts';
import { codePointSlicer } from '../text/codePoints.ts';

/**
 * "more than 300 mm (12 inches) of rain", "rose by 410 million tonnes, or 1.1%": a figure that restates
 * the one right before it, as a conversion in brackets or as ", or" a share, says what happened to the
 * same thing. It takes the predicate, aspect, direction and status of the figure it restates, and a
 * conversion also its object, category and period, wherever its own reading found none.
 */
export function shareRestatedContext(facts: Fact[], documentText: string): Fact[] {
  const slice = codePointSlicer(documentText);
  const out: Fact[] = [];
  facts.forEach((fact, i) => {
    const first = out[i - 1];
    if (!first || first.sentence !== fact.sentence) return void out.push(fact);
    const between = slice(first.end, fact.start);
    const conversion = /^\s*\(\s*$/.test(between) && fact.repeat_of === (first.repeat_of ?? first.fact_id);
    const share = /^\s*,?\s+or\s+$/.test(between) && fact.quantity_type === 'percent' && first.quantity_type !== 'percent';
    if (!conversion && !share) return void out.push(fact);
    const shared: Partial<Fact> = {
      predicate: fact.predicate ?? first.predicate,
      ...(fact.predicate === null ? { aspect: first.aspect, direction: first.direction } : {}),
      status: fact.status === 'actual' ? first.status : fact.status,
    };
    if (conversion) {
      if (fact.object === null) Object.assign(shared, { object: first.object, object_head: first.object_head, category: first.category });
      if (fact.period_text === null) Object.assign(shared, { period_text: first.period_text, period_start: first.period_start, period_end: first.period_end });
    }
    out.push({ ...fact, ...shared });
  });
  return out;
}
