// @vitest-environment node
// `npm run aggregate` (issue #20): enterprise-level records → the canonical long CSV with DuckDB. The parts that
// need no DuckDB (column mapping, units, GB18030) always run; the rest skip, saying why, on a machine where the
// optional dependency @duckdb/node-api cannot load. .xlsx input: xlsx.test.ts; the Done-when pipeline: done-when.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { tableRows } from '../../src/data/table';
import { bundledContext } from '../data/bundled';
import { duckdbLoads, readOut, skipMessage, value, type OutRow } from './helpers';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import * as lib from '../../scripts/aggregate/lib.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import * as gen from '../../scripts/aggregate/gen-firms.mjs';

interface FirmRow {
  code: string; name: string; zoneWritten: string; zoneId: string | null; year: number; revenue: number; rd: number | null;
  patentApps: number | null; patentGrants: number | null; employees: number; hte: boolean;
}
interface RunResult {
  summary: Record<string, number>; unmatched: { name: string; rows: number }[]; out: string; seconds: number;
  columns: Record<string, { column: string; unit: string; factor: number } | null>; inputs: { input: string; kind: string; encoding?: string }[];
}

const aggregate = lib.aggregate as (o: Record<string, unknown>) => Promise<RunResult>;
const missing = await duckdbLoads();
if (missing) console.warn(skipMessage('test/aggregate/aggregate.test.ts', missing));

describe('column mapping and units (no DuckDB needed)', () => {
  it('reads the unit a header carries, in either width of bracket or after / and _', () => {
    expect(lib.splitUnit('营业收入（万元）')).toEqual({ name: '营业收入', unit: '万元' });
    expect(lib.splitUnit('营业收入(元)')).toEqual({ name: '营业收入', unit: '元' });
    expect(lib.splitUnit('年末从业人员/人')).toEqual({ name: '年末从业人员', unit: '人' });
    expect(lib.splitUnit('营收_千元')).toEqual({ name: '营收', unit: '千元' });
    expect(lib.splitUnit('专利申请数')).toEqual({ name: '专利申请数', unit: '' });
  });

  it('maps the Torch survey\'s usual headers by default, preferring the credit code to the name', () => {
    const cols = lib.resolveColumns(['企业名称', '统一社会信用代码', '所在高新区', '年份', '营业收入（元）', 'R&D经费支出（万元）', '年末从业人员（万人）', '是否高新技术企业'], lib.loadMapping());
    expect(cols.firm_id.column).toBe('统一社会信用代码');
    expect(cols.revenue).toEqual({ column: '营业收入（元）', unit: '元', factor: 1e-4 });
    expect(cols.rd).toEqual({ column: 'R&D经费支出（万元）', unit: '万元', factor: 1 });
    expect(cols.employees).toEqual({ column: '年末从业人员（万人）', unit: '万人', factor: 1e4 });
    expect(cols.patent_apps).toBeNull();
  });

  it('a mapping file names other columns; an unknown unit or a missing zone column is an error that says what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'htz-agg-map-'));
    try {
      const f = join(dir, 'm.json');
      writeFileSync(f, JSON.stringify({ zone_name: '园区', revenue: { columns: ['营收'], unit: '千元' } }));
      const cols = lib.resolveColumns(['园区', '年份', '营收'], lib.loadMapping(f));
      expect(cols.zone_name.column).toBe('园区');
      expect(cols.revenue).toEqual({ column: '营收', unit: '千元', factor: 0.1 });
      expect(() => lib.resolveColumns(['园区', '年份', '营收（美元）'], lib.loadMapping(f))).toThrow(/unit "美元"/);
      expect(() => lib.resolveColumns(['地方', '年份'], lib.loadMapping())).toThrow(/no zone column/);
      writeFileSync(f, JSON.stringify({ turnover: 'x' }));
      expect(() => lib.loadMapping(f)).toThrow(/unknown field "turnover"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the units the SQL writes are the catalogue\'s (data/indicators.json)', () => {
    expect(() => lib.checkCatalogueUnits()).not.toThrow();
  });

  it('the generator\'s GB18030 is what iconv writes, and Node decodes it back', () => {
    const text = '统一社会信用代码,所在高新区,年份\nSYN1,郑州高新技术产业开发区,2022\n合成企业,新乡国家高新区,是\n';
    const bytes = gen.encodeGb18030(text) as Buffer;
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    const iconv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
    if (iconv.status === 0) expect(Buffer.compare(iconv.stdout, bytes)).toBe(0);
  });
});

describe.skipIf(missing !== null)('npm run aggregate with DuckDB', () => {
  const ctx = bundledContext();
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'htz-agg-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a hand-checkable fixture (test/fixtures/aggregate/small.csv)', () => {
    let r: RunResult;
    let rows: OutRow[];
    beforeAll(async () => {
      r = await aggregate({ inputs: ['test/fixtures/aggregate/small.csv'], out: join(dir, 'small.csv'), source: '测试 fixture' });
      rows = readOut(r.out);
    });

    it('sums what adds up, in the catalogue\'s units (万元 → 亿元, 人 → 万人), and derives the ratio from the sums', () => {
      // 郑州 2022: 甲 12000, 乙 8000, 丙 30000, 丁 "50,000" 万元 (three zone spellings)
      expect(value(rows, 'zhengzhou', 2022, 'revenue')).toBe(10); // 100,000 万元
      expect(value(rows, 'zhengzhou', 2022, 'rd_expenditure')).toBe(0.35); // 600 + 400 + 2500 (丙 left it empty)
      expect(value(rows, 'zhengzhou', 2022, 'rd_intensity_revenue')).toBe(5); // 3500 / (12000 + 8000 + 50000), not 丙's revenue
      expect(value(rows, 'zhengzhou', 2022, 'patent_grants')).toBe(20);
      expect(value(rows, 'zhengzhou', 2022, 'employees')).toBe(0.2); // 2000 人
      expect(value(rows, 'zhengzhou', 2022, 'hte_count')).toBe(3);
      expect(value(rows, 'zhengzhou', 2022, 'enterprises')).toBe(4);
      expect(value(rows, 'zhengzhou', 2022, 'enterprises_revenue_over_100m')).toBe(3);
      expect(value(rows, 'zhengzhou', 2023, 'revenue')).toBe(5.3);
      expect(value(rows, 'zhengzhou', 2023, 'rd_intensity_revenue')).toBe(5.19); // 2750 / 53000
      expect(value(rows, 'zhengzhou', 2023, 'employees')).toBe(0.154);
      expect(value(rows, 'xinxiang', 2023, 'revenue')).toBe(1.9);
      expect(value(rows, 'xinxiang', 2023, 'employees')).toBe(0.028);
      expect(value(rows, 'zhengzhou', 2022, 'patent_apps')).toBeUndefined(); // no such column: no value, never 0
      const z = rows.find((o) => o.zone === 'zhengzhou' && o.year === '2022' && o.indicator === 'revenue');
      expect(z).toMatchObject({ unit: '亿元', period: '', basis: 'reported', source: '测试 fixture', note: '由 4 家企业记录汇总 (aggregated from 4 firms)' });
      expect(rows.find((o) => o.zone === 'zhengzhou' && o.year === '2022' && o.indicator === 'rd_expenditure')?.note).toBe('由 4 家企业中填报此项的 3 家汇总 (aggregated from the 3 of 4 firms that reported it)');
      expect(rows.find((o) => o.indicator === 'employees')?.unit).toBe('万人');
    });

    it('suppresses cells and values from fewer than 3 firms and counts them', () => {
      expect(rows.filter((o) => o.zone === 'xinxiang' && o.year === '2022')).toEqual([]); // 2 firms
      expect(value(rows, 'xinxiang', 2023, 'rd_expenditure')).toBeUndefined(); // 3 firms, 1 reported R&D
      expect(value(rows, 'xinxiang', 2023, 'rd_intensity_revenue')).toBeUndefined();
      expect(value(rows, 'xinxiang', 2023, 'enterprises')).toBe(3);
      expect(r.summary.suppressed_cells).toBe(1);
      expect(r.summary.suppressed_values).toBe(10); // 8 of 新乡 2022 + 2 of 新乡 2023
      expect(r.summary.values_written).toBe(22);
      expect(rows).toHaveLength(22);
    });

    it('reports the unmatched names with their rows, and rows without a year', () => {
      expect(r.unmatched).toEqual([{ name: '某某科技园', rows: 2 }]);
      expect(r.summary).toMatchObject({ rows_read: 15, firms: 10, zones: 2, years: 2, first_year: 2022, last_year: 2023, unmatched_rows: 2, rows_without_year: 1 });
    });

    it('--min-firms 1 writes the small cells too', async () => {
      const r1 = await aggregate({ inputs: ['test/fixtures/aggregate/small.csv'], out: join(dir, 'small1.csv'), minFirms: 1 });
      expect(r1.summary.suppressed_values).toBe(0);
      expect(value(readOut(r1.out), 'xinxiang', 2022, 'revenue')).toBe(1.1);
    });
  });

  describe('a generated fixture of a few thousand synthetic firm-rows, as CSV (UTF-8, GB18030) and Parquet', () => {
    const firms: FirmRow[] = [...gen.firmRows({ firms: 600, years: [2018, 2022], seed: 7, zones: 24 })];
    const results: Record<string, { r: RunResult; rows: OutRow[] }> = {};
    beforeAll(async () => {
      const csv = join(dir, 'firms.csv');
      await gen.writeFirmsCsv(firms, csv, 'utf-8');
      await gen.writeFirmsCsv(firms, join(dir, 'firms-gbk.csv'), 'gb18030');
      await gen.csvToParquet(csv, join(dir, 'firms.parquet'));
      await gen.csvToParquet(csv, join(dir, 'firms_by_year'), true);
      for (const [k, input] of Object.entries({ utf8: 'firms.csv', gb18030: 'firms-gbk.csv', parquet: 'firms.parquet', partitioned: 'firms_by_year' })) {
        const r = await aggregate({ inputs: [join(dir, input)], out: join(dir, `out-${k}.csv`), source: 'synthetic test', basis: 'estimate' });
        results[k] = { r, rows: readOut(r.out) };
      }
    }, 60000);

    it('has a few thousand rows over a couple of dozen zones', () => {
      expect(firms.length).toBeGreaterThan(2000);
      expect(firms.length).toBeLessThan(5000);
      expect(results.gb18030.r.inputs[0].encoding).toBe('gb18030');
      expect(results.utf8.r.inputs[0].encoding).toBe('utf-8');
    });

    it('every value equals the sum computed here in JS, and every suppression is counted', () => {
      const cells = new Map<string, FirmRow[]>();
      for (const f of firms) {
        if (!f.zoneId) continue;
        const k = `${f.zoneId}|${f.year}`;
        cells.set(k, [...(cells.get(k) ?? []), f]);
      }
      const expected = new Map<string, number>();
      let suppressed = 0;
      let suppressedCells = 0;
      const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
      for (const [k, fs] of cells) {
        const n = fs.length;
        const rd = fs.filter((f) => f.rd !== null);
        const pat = fs.filter((f) => f.patentApps !== null);
        const vals: [string, number, number][] = [
          ['enterprises', n, n],
          ['hte_count', fs.filter((f) => f.hte).length, n],
          ['enterprises_revenue_over_100m', fs.filter((f) => f.revenue > 10000).length, n],
          ['revenue', sum(fs.map((f) => f.revenue)) / 1e4, n],
          ['rd_expenditure', sum(rd.map((f) => f.rd)) / 1e4, rd.length],
          ['rd_intensity_revenue', (100 * sum(rd.map((f) => f.rd))) / sum(rd.map((f) => f.revenue)), rd.length],
          ['patent_apps', sum(pat.map((f) => f.patentApps)), pat.length],
          ['patent_grants', sum(pat.map((f) => f.patentGrants)), pat.length],
          ['employees', sum(fs.map((f) => f.employees)) / 1e4, n],
        ];
        if (n < 3) suppressedCells++;
        for (const [ind, v, c] of vals) {
          if (c === 0) continue;
          if (n < 3 || c < 3) suppressed++;
          else expected.set(`${k}|${ind}`, v);
        }
      }
      expect(suppressed).toBeGreaterThan(0);
      expect(expected.size).toBeGreaterThan(500);
      for (const [kind, { r, rows }] of Object.entries(results)) {
        expect(r.summary.suppressed_values, kind).toBe(suppressed);
        expect(r.summary.suppressed_cells, kind).toBe(suppressedCells);
        expect(rows.length, kind).toBe(expected.size);
        for (const o of rows) {
          const want = expected.get(`${o.zone}|${o.year}|${o.indicator}`);
          expect(want, `${kind} ${o.zone} ${o.year} ${o.indicator}`).toBeDefined();
          const decimals = o.indicator === 'rd_intensity_revenue' ? 2 : ['revenue', 'rd_expenditure', 'employees'].includes(o.indicator) ? 4 : 0;
          expect(Math.abs(Number(o.value) - (want as number)), `${kind} ${o.zone} ${o.year} ${o.indicator}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
        }
        expect(r.summary.rows_read).toBe(firms.length);
        expect(r.summary.firms).toBe(600);
        expect(r.summary.zones).toBe(new Set([...cells.keys()].map((k) => k.split('|')[0])).size);
        expect(r.summary.years).toBe(5);
      }
    });

    it('lists the unknown parks with their row counts', () => {
      const want = new Map<string, number>();
      for (const f of firms) if (!f.zoneId) want.set(f.zoneWritten, (want.get(f.zoneWritten) ?? 0) + 1);
      expect(want.size).toBeGreaterThan(0);
      const sorted = [...want].map(([name, rows]) => ({ name, rows })).sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
      for (const { r } of Object.values(results)) expect([...r.unmatched].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name))).toEqual(sorted);
    });

    it('UTF-8, GB18030, Parquet and partitioned Parquet give the same file, byte for byte', () => {
      const texts = Object.values(results).map(({ r }) => readFileSync(r.out, 'utf8'));
      for (const t of texts) expect(t).toBe(texts[0]);
    });

    it('imports into the dashboard through importFile with no issues, every value read', () => {
      const { r } = results.parquet;
      const res = importFile('zones.csv', new Uint8Array(readFileSync(r.out)), ctx);
      expect(res.blocked).toBe(false);
      expect(res.issues).toEqual([]);
      const obs = tableRows(res.table);
      expect(obs.length).toBe(r.summary.values_written);
      expect(new Set(obs.map((o) => o.basis))).toEqual(new Set(['estimate']));
      const one = obs.find((o) => o.indicator === 'revenue');
      expect(one?.source).toBe('synthetic test');
    });
  });

  it('to_long.sql runs as it is, as a DuckDB CLI user would run it, and gives the command\'s numbers', async () => {
    const cli = join(dir, 'cli');
    mkdirSync(join(cli, 'data'), { recursive: true });
    copyFileSync('data/zones.csv', join(cli, 'data/zones.csv'));
    const firms = [...gen.firmRows({ firms: 300, years: [2020, 2022], seed: 3, zones: 10 })];
    await gen.writeFirmsCsv(firms, join(cli, 'f.csv'));
    await gen.csvToParquet(join(cli, 'f.csv'), join(cli, 'firms'), true);
    // the default params block reads firms/**/*.parquet and data/zones.csv relative to where it runs
    const runner = `const { DuckDBInstance } = await import(process.argv[2]); import { readFileSync } from 'node:fs';
      const c = await (await DuckDBInstance.create(':memory:')).connect(); await c.run(readFileSync(process.argv[3], 'utf8'));`;
    writeFileSync(join(cli, 'run.mjs'), runner);
    const api = pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href;
    execFileSync(process.execPath, ['run.mjs', api, resolve('scripts/aggregate/to_long.sql')], { cwd: cli });
    expect(existsSync(join(cli, 'htz_long.csv'))).toBe(true);
    const r = await aggregate({ inputs: [join(cli, 'firms')], out: join(dir, 'cmd.csv'), source: '某市统计局 高新区企业统计年报，2024-06 导出' });
    expect(readFileSync(join(cli, 'htz_long.csv'), 'utf8')).toBe(readFileSync(r.out, 'utf8'));
  }, 60000);
});
