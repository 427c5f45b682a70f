-- Summing figures without counting any twice, for DuckDB (README "Summing figures"):
--   duckdb -c ".read examples/summing-figures.sql"   (from the repository root, after `make`)
-- A figure is distinct when repeat_of, part_of and same_as are all empty: not restated in its
-- document, not a part of a total given there, not the same figure from an earlier document.
-- Sum only within one category, predicate and unit: tonnes never add to counts.

-- 1. People killed per week across a corpus (by the period a figure covers, else by publication).
SELECT date_trunc('week', coalesce(f.period_end, d.published)) AS week,
       sum(coalesce(f.value, f.low)) AS killed,
       count(*) AS figures
FROM 'output/facts.parquet' f JOIN 'output/documents.parquet' d USING (doc_id)
WHERE f.category = 'casualties' AND f.predicate IN ('kill', 'die') AND f.unit IS NULL
  AND f.status = 'actual' AND f.aspect = 'level'
  AND f.repeat_of IS NULL AND f.part_of IS NULL AND f.same_as IS NULL
GROUP BY ALL
ORDER BY week NULLS LAST;

-- 2. Drones and missiles launched against those intercepted or shot down.
SELECT object_head AS weapon,
       sum(coalesce(value, low)) FILTER (WHERE predicate IN ('launch', 'fire')) AS launched,
       sum(coalesce(value, low)) FILTER (WHERE predicate IN ('intercept', 'shoot down', 'down', 'destroy')) AS intercepted
FROM 'output/facts.parquet'
WHERE category IN ('strikes', 'equipment') AND unit IS NULL
  AND object_head IN ('drone', 'shahed', 'missile', 'rocket')
  AND status = 'actual' AND repeat_of IS NULL AND part_of IS NULL AND same_as IS NULL
GROUP BY ALL
ORDER BY weapon;

-- 3. Money pledged against money delivered or spent, by currency.
SELECT unit AS currency,
       sum(coalesce(value, low)) FILTER (WHERE status = 'pledged' OR predicate IN ('pledge', 'promise', 'commit')) AS pledged,
       sum(coalesce(value, low)) FILTER (WHERE status = 'actual' AND predicate IN ('deliver', 'spend', 'pay', 'disburse', 'provide', 'send')) AS delivered_or_spent
FROM 'output/facts.parquet'
WHERE quantity_type = 'money' AND repeat_of IS NULL AND part_of IS NULL AND same_as IS NULL
GROUP BY ALL
ORDER BY currency;

-- 4. In business copy, the change against the level: "rose 32,000 to 1.41 million" is a change
--    of 32,000 (up) and a level of 1.41 million; never add the two.
SELECT aspect,
       coalesce(direction, '-') AS direction,
       count(*) AS figures,
       string_agg(DISTINCT unit, ', ' ORDER BY unit) AS units
FROM 'output/facts.parquet'
WHERE category = 'economy' AND repeat_of IS NULL AND part_of IS NULL AND same_as IS NULL
GROUP BY ALL
ORDER BY aspect, direction;
