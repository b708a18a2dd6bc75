-- Enterprise-level records → the dashboard's canonical long table (docs/scaling.md).
-- 企业级记录 → 看板规范长表。
--
-- `npm run aggregate` runs this file. It replaces the block between `-- @params-begin` and `-- @params-end`
-- with one written for the inputs, the mapping file and the options it was given, and the block between
-- `-- @output-begin` and `-- @output-end` with a COPY to the --out path; everything else runs as it is here.
-- A DuckDB CLI user edits the two blocks by hand and runs `duckdb < scripts/aggregate/to_long.sql`.
-- Spark SQL: the differences are listed in docs/scaling.md §6 (below the params block, only getvariable(),
-- string_split/unnest, CREATE TEMP TABLE, VARCHAR and COPY differ).
--
-- What the params block must provide:
--   variables  min_firms (INTEGER), source (VARCHAR), basis (VARCHAR)
--   view       firms(firm_id VARCHAR, zone_name VARCHAR, year VARCHAR,
--                    revenue_wan, industrial_output_wan, net_profit_wan, taxes_wan, rd_wan  -- 万元, DECIMAL(18,4)
--                    patent_apps, patent_grants                                          -- 件, DOUBLE
--                    employees_person                                                    -- 人, DOUBLE
--                    is_hte VARCHAR)    -- a column that is not in the input is NULL
--   view       zones_raw(id, name, short, aliases)  -- data/zones.csv as text, aliases separated by |

-- @params-begin
SET VARIABLE min_firms = 3;
SET VARIABLE source = '某市统计局 高新区企业统计年报，2024-06 导出';
SET VARIABLE basis = 'reported';
CREATE OR REPLACE TEMP VIEW firms_raw AS
  SELECT * FROM read_parquet('firms/**/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE OR REPLACE TEMP VIEW firms AS
SELECT
  CAST("统一社会信用代码" AS VARCHAR)                                            AS firm_id,
  CAST("所在高新区" AS VARCHAR)                                                  AS zone_name,
  CAST("年份" AS VARCHAR)                                                        AS year,
  TRY_CAST(replace(CAST("营业收入（万元）" AS VARCHAR), ',', '') AS DECIMAL(18,4))      AS revenue_wan,
  CAST(NULL AS DECIMAL(18,4))                                                    AS industrial_output_wan,
  CAST(NULL AS DECIMAL(18,4))                                                    AS net_profit_wan,
  CAST(NULL AS DECIMAL(18,4))                                                    AS taxes_wan,
  TRY_CAST(replace(CAST("R&D经费支出（万元）" AS VARCHAR), ',', '') AS DECIMAL(18,4))   AS rd_wan,
  TRY_CAST(replace(CAST("专利申请数" AS VARCHAR), ',', '') AS DOUBLE)            AS patent_apps,
  TRY_CAST(replace(CAST("专利授权数" AS VARCHAR), ',', '') AS DOUBLE)            AS patent_grants,
  TRY_CAST(replace(CAST("年末从业人员（人）" AS VARCHAR), ',', '') AS DOUBLE)    AS employees_person,
  CAST("是否高新技术企业" AS VARCHAR)                                            AS is_hte
FROM firms_raw;
CREATE OR REPLACE TEMP VIEW zones_raw AS
  SELECT id, name, short, aliases FROM read_csv('data/zones.csv', header = true, all_varchar = true);
-- @params-end

-- 1. Every name a zone goes by (id, full name, short name, aliases), normalised: no spaces, ids lower-case.
--    A name that two zones share is left out (it would be ambiguous) and so reported as unmatched.
CREATE OR REPLACE TEMP TABLE zone_names AS
SELECT key, min(id) AS zone_id
FROM (
  SELECT id, lower(replace(replace(trim(id), ' ', ''), '　', '')) AS key FROM zones_raw
  UNION ALL
  SELECT id, lower(replace(replace(trim(name), ' ', ''), '　', '')) AS key FROM zones_raw
  UNION ALL
  SELECT id, lower(replace(replace(trim(short), ' ', ''), '　', '')) AS key FROM zones_raw
  UNION ALL
  SELECT id, lower(replace(replace(trim(alias), ' ', ''), '　', '')) AS key
  FROM (SELECT id, unnest(string_split(aliases, '|')) AS alias FROM zones_raw) a
) n
WHERE key IS NOT NULL AND key <> ''
GROUP BY key
HAVING count(DISTINCT id) = 1;

-- 2. One pass over the records: per zone name as written × year, the row count, the firm count and the sums
--    in the records' own units (万元, 人, 件). Only additive quantities are summed; each measure also counts
--    the firms that reported it (for suppression). The grouping set () is the whole input (rows, firms).
--    A row without a firm id counts as a firm of its own.
CREATE OR REPLACE TEMP TABLE cells_raw AS
SELECT
  grouping(zone_name)                                               AS is_total,
  zone_name,
  yr,
  count(*)                                                          AS n_rows,
  count(DISTINCT firm_id) + count(*) - count(firm_id)               AS n_firms,
  sum(CASE WHEN upper(trim(is_hte)) IN ('是', '1', '1.0', 'TRUE', 'T', 'Y', 'YES') THEN 1 ELSE 0 END) AS n_hte,
  count(is_hte)                                                     AS c_hte,
  sum(CASE WHEN revenue_wan > 10000 THEN 1 ELSE 0 END)              AS n_revenue_over_100m,
  sum(revenue_wan)            AS revenue_wan,            count(revenue_wan)            AS c_revenue,
  sum(industrial_output_wan)  AS industrial_output_wan,  count(industrial_output_wan)  AS c_industrial_output,
  sum(net_profit_wan)         AS net_profit_wan,         count(net_profit_wan)         AS c_net_profit,
  sum(taxes_wan)              AS taxes_wan,              count(taxes_wan)              AS c_taxes,
  sum(rd_wan)                 AS rd_wan,                 count(rd_wan)                 AS c_rd,
  sum(patent_apps)            AS patent_apps,            count(patent_apps)            AS c_patent_apps,
  sum(patent_grants)          AS patent_grants,          count(patent_grants)          AS c_patent_grants,
  sum(employees_person)       AS employees_person,       count(employees_person)       AS c_employees,
  sum(CASE WHEN revenue_wan IS NOT NULL AND rd_wan IS NOT NULL THEN revenue_wan END) AS revenue_wan_with_rd,
  sum(CASE WHEN revenue_wan IS NOT NULL AND rd_wan IS NOT NULL THEN rd_wan END)      AS rd_wan_with_revenue,
  sum(CASE WHEN revenue_wan IS NOT NULL AND rd_wan IS NOT NULL THEN 1 ELSE 0 END)    AS c_rd_intensity
FROM (
  SELECT f.*, TRY_CAST(regexp_extract(year, '(19|20)[0-9][0-9]', 0) AS INTEGER) AS yr
  FROM firms f
) r
GROUP BY GROUPING SETS ((zone_name, yr), ());

-- 3. Zone names the registry does not know, with their row counts (should be empty; fix the name or add an
--    alias to data/zones.csv). Their rows are left out of the output.
CREATE OR REPLACE TEMP TABLE unmatched AS
SELECT c.zone_name, sum(c.n_rows) AS n_rows
FROM cells_raw c
LEFT JOIN zone_names z ON z.key = lower(replace(replace(trim(c.zone_name), ' ', ''), '　', ''))
WHERE c.is_total = 0 AND z.zone_id IS NULL
GROUP BY c.zone_name;

-- 4. Per zone × year (a zone written two ways adds up), with the year readable.
CREATE OR REPLACE TEMP TABLE cells AS
SELECT
  z.zone_id AS zone, c.yr AS year,
  sum(n_rows) AS n_rows, sum(n_firms) AS n_firms, sum(n_hte) AS n_hte, sum(c_hte) AS c_hte, sum(n_revenue_over_100m) AS n_revenue_over_100m,
  sum(revenue_wan) AS revenue_wan, sum(c_revenue) AS c_revenue,
  sum(industrial_output_wan) AS industrial_output_wan, sum(c_industrial_output) AS c_industrial_output,
  sum(net_profit_wan) AS net_profit_wan, sum(c_net_profit) AS c_net_profit,
  sum(taxes_wan) AS taxes_wan, sum(c_taxes) AS c_taxes,
  sum(rd_wan) AS rd_wan, sum(c_rd) AS c_rd,
  sum(patent_apps) AS patent_apps, sum(c_patent_apps) AS c_patent_apps,
  sum(patent_grants) AS patent_grants, sum(c_patent_grants) AS c_patent_grants,
  sum(employees_person) AS employees_person, sum(c_employees) AS c_employees,
  sum(revenue_wan_with_rd) AS revenue_wan_with_rd, sum(rd_wan_with_revenue) AS rd_wan_with_revenue,
  sum(c_rd_intensity) AS c_rd_intensity
FROM cells_raw c
JOIN zone_names z ON z.key = lower(replace(replace(trim(c.zone_name), ' ', ''), '　', ''))
WHERE c.is_total = 0 AND c.yr IS NOT NULL
GROUP BY z.zone_id, c.yr;

-- 5. Wide → long in the catalogue's units (万元 → 亿元, 人 → 万人), one row per indicator and cell, with the
--    number of firms that contributed. A ratio comes from the sums, over the firms that reported both parts.
CREATE OR REPLACE TEMP TABLE long_all AS
SELECT zone, year, 'enterprises' AS indicator, CAST(n_firms AS DOUBLE) AS v, '家' AS unit, n_firms AS n_contrib, n_firms, 0 AS decimals FROM cells
UNION ALL SELECT zone, year, 'hte_count', CAST(n_hte AS DOUBLE), '家', c_hte, n_firms, 0 FROM cells WHERE c_hte > 0
UNION ALL SELECT zone, year, 'enterprises_revenue_over_100m', CAST(n_revenue_over_100m AS DOUBLE), '家', c_revenue, n_firms, 0 FROM cells WHERE c_revenue > 0
UNION ALL SELECT zone, year, 'revenue', revenue_wan / 10000, '亿元', c_revenue, n_firms, 4 FROM cells WHERE c_revenue > 0
UNION ALL SELECT zone, year, 'industrial_output', industrial_output_wan / 10000, '亿元', c_industrial_output, n_firms, 4 FROM cells WHERE c_industrial_output > 0
UNION ALL SELECT zone, year, 'net_profit', net_profit_wan / 10000, '亿元', c_net_profit, n_firms, 4 FROM cells WHERE c_net_profit > 0
UNION ALL SELECT zone, year, 'taxes_paid', taxes_wan / 10000, '亿元', c_taxes, n_firms, 4 FROM cells WHERE c_taxes > 0
UNION ALL SELECT zone, year, 'rd_expenditure', rd_wan / 10000, '亿元', c_rd, n_firms, 4 FROM cells WHERE c_rd > 0
UNION ALL SELECT zone, year, 'rd_intensity_revenue', 100 * rd_wan_with_revenue / revenue_wan_with_rd, '%', c_rd_intensity, n_firms, 2 FROM cells WHERE c_rd_intensity > 0 AND revenue_wan_with_rd > 0
UNION ALL SELECT zone, year, 'patent_apps', patent_apps, '件', c_patent_apps, n_firms, 0 FROM cells WHERE c_patent_apps > 0
UNION ALL SELECT zone, year, 'patent_grants', patent_grants, '件', c_patent_grants, n_firms, 0 FROM cells WHERE c_patent_grants > 0
UNION ALL SELECT zone, year, 'employees', employees_person / 10000, '万人', c_employees, n_firms, 4 FROM cells WHERE c_employees > 0;

-- 6. Confidentiality: a value is written only when at least min_firms firms are in its cell and at least
--    min_firms firms reported it; the rest are counted (suppressed) and never written.
CREATE OR REPLACE TEMP TABLE htz_long AS
SELECT
  zone,
  year,
  indicator,
  -- (round's scale is a constant in each branch: Spark wants it so)
  CASE decimals WHEN 0 THEN CAST(CAST(round(v, 0) AS BIGINT) AS VARCHAR)
                WHEN 2 THEN CAST(round(v, 2) AS VARCHAR)
                ELSE CAST(round(v, 4) AS VARCHAR) END                                        AS value,
  unit,
  CAST(NULL AS VARCHAR) AS period,
  getvariable('basis') AS basis,
  getvariable('source') AS source,
  CASE WHEN n_contrib = n_firms
    THEN concat('由 ', CAST(n_firms AS VARCHAR), ' 家企业记录汇总 (aggregated from ', CAST(n_firms AS VARCHAR), ' firms)')
    ELSE concat('由 ', CAST(n_firms AS VARCHAR), ' 家企业中填报此项的 ', CAST(n_contrib AS VARCHAR), ' 家汇总 (aggregated from the ',
                CAST(n_contrib AS VARCHAR), ' of ', CAST(n_firms AS VARCHAR), ' firms that reported it)')
  END AS note
FROM long_all
WHERE n_firms >= getvariable('min_firms') AND n_contrib >= getvariable('min_firms')
ORDER BY zone, year, indicator;

-- 7. What the run did: the figures the command prints (a CLI user reads them here).
CREATE OR REPLACE TEMP TABLE run_summary AS
SELECT
  (SELECT sum(n_rows) FROM cells_raw WHERE is_total = 1)                                   AS rows_read,
  (SELECT sum(n_firms) FROM cells_raw WHERE is_total = 1)                                  AS firms,
  (SELECT sum(n_firms) FROM cells)                                                          AS firm_years,
  (SELECT sum(n_rows) - sum(n_firms) FROM cells)                                            AS duplicate_rows,
  (SELECT count(DISTINCT zone) FROM cells)                                                  AS zones,
  (SELECT count(DISTINCT year) FROM cells)                                                  AS years,
  (SELECT min(year) FROM cells)                                                             AS first_year,
  (SELECT max(year) FROM cells)                                                             AS last_year,
  (SELECT coalesce(sum(n_rows), 0) FROM unmatched)                                          AS unmatched_rows,
  (SELECT coalesce(sum(c.n_rows), 0) FROM cells_raw c
     JOIN zone_names z ON z.key = lower(replace(replace(trim(c.zone_name), ' ', ''), '　', ''))
     WHERE c.is_total = 0 AND c.yr IS NULL)                                                 AS rows_without_year,
  (SELECT count(*) FROM cells WHERE n_firms < getvariable('min_firms'))                     AS suppressed_cells,
  (SELECT count(*) FROM long_all
     WHERE n_firms < getvariable('min_firms') OR n_contrib < getvariable('min_firms'))      AS suppressed_values,
  (SELECT count(*) FROM htz_long)                                                           AS values_written;

SELECT * FROM run_summary;
SELECT zone_name, n_rows FROM unmatched ORDER BY n_rows DESC, zone_name;

-- @output-begin
COPY htz_long TO 'htz_long.csv' (HEADER, DELIMITER ',');
-- @output-end
