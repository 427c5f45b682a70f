import Papa from 'papaparse';

/** The verdict columns of an audit sample (tests/audit/README.md), one per attribute. */
export const AUDIT_VERDICTS = ['real_fact', 'value', 'object', 'category', 'speaker', 'period'] as const;
export type AuditVerdict = (typeof AUDIT_VERDICTS)[number];

export interface AuditRow {
  fact_id: string;
  /** Every verdict column holds y or n (blank: not judged yet; "-": not applicable, as for a row that is no fact). */
  verdicts: Record<AuditVerdict, 'y' | 'n' | '-' | ''>;
  judged: boolean;
}

const verdictOf = (cell: string | undefined): AuditRow['verdicts'][AuditVerdict] => {
  const v = (cell ?? '').trim().toLowerCase();
  return v === 'y' || v === 'n' || v === '-' ? v : '';
};

/** The rows of an audit CSV; a row counts as judged once its real_fact verdict is given. */
export function readAudit(csv: string): AuditRow[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  return parsed.data.map((record) => {
    const verdicts = Object.fromEntries(AUDIT_VERDICTS.map((v) => [v, verdictOf(record[`ok_${v}`])])) as AuditRow['verdicts'];
    return { fact_id: record.fact_id ?? '', verdicts, judged: verdicts.real_fact === 'y' || verdicts.real_fact === 'n' };
  });
}

/** Wilson score interval for a proportion, 95% (z = 1.96): sound at small n and near 0 or 1. */
export function wilson(right: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = right / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return { low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}

/**
 * Accuracy of one verdict over judged rows, with its interval. `real_fact` is judged on every
 * row; the other attributes on the real facts whose verdict is y or n; `whole_row` is a real
 * fact whose every judged attribute is right.
 */
export function auditAccuracy(rows: AuditRow[], verdict: AuditVerdict | 'whole_row'): { right: number; judged: number; accuracy: number; low: number; high: number } {
  const judged = rows.filter((r) => r.judged);
  let right = 0;
  let n = 0;
  for (const r of judged) {
    if (verdict === 'real_fact') {
      n++;
      if (r.verdicts.real_fact === 'y') right++;
    } else if (verdict === 'whole_row') {
      n++;
      if (AUDIT_VERDICTS.every((v) => r.verdicts[v] !== 'n') && r.verdicts.real_fact === 'y') right++;
    } else if (r.verdicts.real_fact === 'y' && (r.verdicts[verdict] === 'y' || r.verdicts[verdict] === 'n')) {
      n++;
      if (r.verdicts[verdict] === 'y') right++;
    }
  }
  return { right, judged: n, accuracy: n === 0 ? 0 : right / n, ...wilson(right, n) };
}
