// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { buildSql, firmsView, paramsBlock, sqlIdent, sqlString } from '../../scripts/aggregate/sql.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { checkCatalogueUnits } from '../../scripts/aggregate/units.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { inputRelation, looksUtf8 } from '../../scripts/aggregate/inputs.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { formatSummary } from '../../scripts/aggregate/summary.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { FIELDS } from '../../scripts/aggregate/fields.mjs';

/*
 * The parts of `npm run aggregate` (scripts/aggregate/*.mjs), each called directly, with no DuckDB: the SQL text,
 * the units check, the input checks and the printed summary. The runs themselves are in aggregate.test.ts.
 */
const tmp = mkdtempSync(join(tmpdir(), 'aggregate-modules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sql.mjs', () => {
  it('quotes literals and identifiers so that a quote in a name cannot end them', () => {
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
    expect(sqlIdent('营业收入"万元"')).toBe('"营业收入""万元"""');
  });

  it('the firms view: each field from its column, brought to the SQL unit; an absent field typed NULL and said so', () => {
    const cols = Object.fromEntries(FIELDS.map((f: { key: string }) => [f.key, null]));
    Object.assign(cols, {
      firm_id: { column: '统一社会信用代码', unit: '', factor: 1 },
      zone_name: { column: '园区', unit: '', factor: 1 },
      year: { column: '年份', unit: '', factor: 1 },
      revenue: { column: '营业收入(元)', unit: '元', factor: 1e-4 },
      employees: { column: '从业人员', unit: '人', factor: 1 },
    });
    const view: string = firmsView(cols, new Map([['从业人员', 'BIGINT']]));
    expect(view.startsWith('CREATE OR REPLACE TEMP VIEW firms AS\nSELECT\n')).toBe(true);
    expect(view).toContain(`TRY_CAST(replace(CAST("营业收入(元)" AS VARCHAR), ',', '') AS DECIMAL(18,4)) * 0.0001 AS revenue_wan,  -- 元 → 万元`);
    // a numeric column (Parquet) is cast, not cleaned as text
    expect(view).toContain('CAST("从业人员" AS DOUBLE) AS employees_person,  -- 人');
    expect(view).toContain(`nullif(trim(CAST("园区" AS VARCHAR)), '') AS zone_name,`);
    expect(view).toContain('CAST(NULL AS DECIMAL(18,4)) AS rd_wan,  -- not in the input');
    expect(view).toMatch(/AS is_hte {2}-- not in the input\nFROM firms_raw;$/);
  });

  it('the params block and to_long.sql with both blocks replaced, the rest as it is', () => {
    const params: string = paramsBlock({ relations: ['SELECT 1', 'SELECT 2'], view: '-- view', zonesFile: "z'.csv", minFirms: 3.7, source: 's', basis: 'reported' });
    expect(params).toContain('SET VARIABLE min_firms = 3;');
    expect(params).toContain('  SELECT 1\n  UNION ALL BY NAME\n  SELECT 2;');
    expect(params).toContain("read_csv('z''.csv'");
    const sql: string = buildSql(params, '/out/long.csv');
    const original = readFileSync('scripts/aggregate/to_long.sql', 'utf8');
    expect(sql).toContain(`-- @params-begin (written by npm run aggregate)\n${params}\n-- @params-end\n`);
    expect(sql).toContain(`COPY htz_long TO '/out/long.csv' (HEADER, DELIMITER ',', QUOTE '"');`);
    const tail = original.slice(original.indexOf('-- @params-end'));
    expect(sql.slice(sql.indexOf('-- @params-end'), sql.indexOf('-- @output-begin'))).toBe(tail.slice(0, tail.indexOf('-- @output-begin')));
  });
});

describe('units.mjs', () => {
  it('passes on the repo catalogue and names each disagreement with another one', () => {
    expect(() => checkCatalogueUnits()).not.toThrow();
    const cat = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { id: string; unit: string; kind: string }[];
    const changed = cat.filter((x) => x.id !== 'patent_apps').map((x) => (x.id === 'revenue' ? { ...x, unit: '万元' } : x.id === 'net_profit' ? { ...x, kind: 'ratio' } : x));
    const file = join(tmp, 'indicators.json');
    writeFileSync(file, JSON.stringify(changed));
    expect(() => checkCatalogueUnits(file)).toThrow('to_long.sql and data/indicators.json disagree: revenue: the SQL writes 亿元, the catalogue says 万元; net_profit: kind ratio is not additive; patent_apps: not in the catalogue');
  });
});

describe('inputs.mjs', () => {
  it('tells UTF-8 from GB18030, and a character cut at the 1 MB sample edge is not an error', () => {
    const utf8 = join(tmp, 'u.csv');
    writeFileSync(utf8, '园区,年份\n郑州,2020\n');
    const gbk = join(tmp, 'g.csv');
    writeFileSync(gbk, Buffer.from([0xd4, 0xb0, 0xc7, 0xf8, 0x2c, 0x0a])); // 园区, in GB18030
    const edge = join(tmp, 'edge.csv');
    writeFileSync(edge, Buffer.concat([Buffer.alloc((1 << 20) - 1, 0x61), Buffer.from('园', 'utf8')]));
    expect([looksUtf8(utf8), looksUtf8(gbk), looksUtf8(edge)]).toEqual([true, false, true]);
  });

  it('refuses .xls, a missing file and a folder without Parquet, saying which', async () => {
    const empty = join(tmp, 'empty-dir');
    mkdirSync(empty);
    writeFileSync(join(tmp, 'old.xls'), 'not read');
    await expect(inputRelation(join(tmp, 'old.xls'), tmp)).rejects.toThrow('the old Excel format (.xls) is not read; save it as .xlsx or CSV');
    await expect(inputRelation(join(tmp, 'nope.csv'), tmp)).rejects.toThrow('nope.csv: no such file');
    await expect(inputRelation(empty, tmp)).rejects.toThrow('a folder with no .parquet file in it');
  });

  it('reads a UTF-8 CSV in place, all columns as text', async () => {
    const file = join(tmp, 'u2.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const rel = await inputRelation(file, tmp);
    expect(rel).toEqual({ kind: 'csv', encoding: 'utf-8', sql: `SELECT * FROM read_csv('${file}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8')` });
  });
});

describe('summary.mjs', () => {
  it('says what was read, written and suppressed, and lists unmatched names with their rows', () => {
    const summary = { rows_read: 12345, firms: 100, firm_years: 300, duplicate_rows: 2, zones: 3, years: 2, first_year: 2021, last_year: 2022, unmatched_rows: 7, rows_without_year: 0, suppressed_cells: 1, suppressed_values: 4, values_written: 50 };
    const text: string = formatSummary({ summary, unmatched: [{ name: '某园', rows: 5 }, { name: '', rows: 2 }], seconds: 1.23, peakMB: 99.6, out: 'long.csv' }, 3);
    expect(text.split('\n')).toEqual([
      'rows read 12,345 · firms 100 (300 firm-years in matched zones) · zones 3 · years 2 (2021–2022) · 1.2 s, peak memory 100 MB',
      'wrote 50 values to long.csv',
      'suppressed (fewer than 3 firms): 4 values, of which 1 whole zone-year cells',
      'note: 2 rows repeat a firm within its zone and year; they are summed, counted once as a firm',
      'unmatched zone names (7 rows left out; fix the name or add an alias to data/zones.csv):',
      '  某园\t5 rows',
      '  (empty)\t2 rows',
    ]);
  });
});
