-- Three analyst questions on newsfacts output, for DuckDB:
--   duckdb -c ".read examples/analyst-questions.sql"   (from the repository root, after `make`)
-- Each query reads the Parquet files in output/; restated figures (repeat_of) and
-- parts of a total (part_of) are left out so nothing is counted twice.

-- 1. Total money by speaker and currency: who claims how much was spent, paid or allocated.
SELECT coalesce(speaker, '(reporter)') AS speaker,
       unit AS currency,
       count(*) AS figures,
       sum(coalesce(value, low)) AS total
FROM 'output/facts.parquet'
WHERE quantity_type = 'money' AND repeat_of IS NULL AND part_of IS NULL
GROUP BY ALL
ORDER BY total DESC;

-- 2. Strikes by period: how many strikes were reported for which time span.
SELECT coalesce(period_text, '(no period given)') AS period,
       period_start,
       period_end,
       sum(coalesce(value, low)) AS strikes,
       string_agg(DISTINCT coalesce(speaker, '(reporter)'), '; ') AS according_to
FROM 'output/facts.parquet'
WHERE category = 'strikes' AND repeat_of IS NULL
GROUP BY ALL
ORDER BY period_start NULLS LAST;

-- 3. Equipment by type: counts of weapons and vehicles by what they are.
SELECT coalesce(object_head, '(unnamed)') AS equipment,
       sum(coalesce(value, low)) AS quantity,
       count(*) AS mentions,
       string_agg(DISTINCT object, '; ') AS as_written
FROM 'output/facts.parquet'
WHERE category = 'equipment' AND quantity_type = 'count' AND repeat_of IS NULL
GROUP BY ALL
ORDER BY quantity DESC;
