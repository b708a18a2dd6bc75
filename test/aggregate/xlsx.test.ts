// @vitest-environment node
// .xlsx input of `npm run aggregate` (issue #20, docs/scaling.md §2): SheetJS reads the workbook, one visible sheet
// becomes CSV (numbers as numbers, dates as ISO dates), hidden sheets are never read, --sheet picks one, and a
// damaged file is refused by name. The fixture test/fixtures/aggregate/firms.xlsx is written by SheetJS
// (make-firms-xlsx.mjs); the DuckDB runs go through the command line itself and skip where DuckDB cannot load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { bundledContext } from '../data/bundled';
import { duckdbLoads, readOut, runScript, skipMessage, value } from './helpers';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { xlsxToCsv } from '../../scripts/aggregate/xlsx.mjs';
// @ts-expect-error plain ES module (written by SheetJS, run by hand)
import { FIRMS_XLSX, firmsWorkbook } from '../fixtures/aggregate/make-firms-xlsx.mjs';

const toCsv = xlsxToCsv as (from: string, to: string, sheet?: string) => { sheet: string; rows: number; hidden: string[] };
const FIXTURE = 'test/fixtures/aggregate/firms.xlsx';
const COMMAND = 'scripts/aggregate/aggregate.mjs';
const tmp = mkdtempSync(join(tmpdir(), 'htz-agg-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HEADER = '统一社会信用代码,企业名称,所在高新区,报告期,营业收入（元）,年末从业人员（人）,是否高新技术企业,成立日期';

describe('xlsx.mjs: a workbook sheet → CSV (SheetJS, no DuckDB)', () => {
  it('the committed fixture is what make-firms-xlsx.mjs writes (same sheets, same cells, the draft hidden)', () => {
    const committed = XLSX.read(readFileSync(FIXTURE), { cellNF: true });
    const made = XLSX.read(XLSX.write(firmsWorkbook(), { type: 'buffer', bookType: 'xlsx' }), { cellNF: true });
    expect(FIRMS_XLSX.endsWith(join('aggregate', 'firms.xlsx'))).toBe(true);
    expect(committed.SheetNames).toEqual(['草稿', '企业', '2023']);
    expect(committed.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([1, 0, 0]);
    for (const n of made.SheetNames) expect(XLSX.utils.sheet_to_json(committed.Sheets[n], { header: 1, raw: true })).toEqual(XLSX.utils.sheet_to_json(made.Sheets[n], { header: 1, raw: true }));
  });

  it('skips the hidden first sheet; dates as ISO dates, numbers as stored (not "120,000,000"), a formula\'s saved value, a blank row dropped', () => {
    const out = join(tmp, 'firms.csv');
    expect(toCsv(FIXTURE, out)).toEqual({ sheet: '企业', rows: 5, hidden: ['草稿'] });
    expect(readFileSync(out, 'utf8')).toBe([
      HEADER,
      'SYN0001,合成甲,郑州高新区,2022-12-31,120000000,100,是,2015-03-01',
      'SYN0002,"合成乙, ""新材料""",郑州,2022-12-31,80000000,50,否,2019-07-15',
      'SYN0003,合成丙,郑州高新区,2022-01-01,100000000,50,是,2021-11-30', // 报告期 formatted yyyy"年"; 40,000,000+60,000,000
      'SYN0004,合成丁,新乡高新区,2022-12-31,30000000,40,是,2018-05-20',
      'SYN0005,合成戊,某某科技园,2022-12-31,0.3,3,否,2020-02-29', // 0.1 + 0.2 to Excel's 15 digits
      '',
    ].join('\n'));
  });

  it('--sheet reads a visible sheet by name; a hidden or unknown one is refused, naming the visible ones', () => {
    const out = join(tmp, 'y2023.csv');
    expect(toCsv(FIXTURE, out, '2023')).toMatchObject({ sheet: '2023', rows: 3 });
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('SYN0001,合成甲,郑州高新区,2023-12-31,50000000,110,是,2015-03-01');
    expect(() => toCsv(FIXTURE, out, '草稿')).toThrow(`${FIXTURE}: the sheet "草稿" is hidden and is not read; unhide it in Excel or WPS if it is meant to be published (visible sheets: "企业", "2023")`);
    expect(() => toCsv(FIXTURE, out, '2024')).toThrow(`${FIXTURE}: no sheet "2024" (visible sheets: "企业", "2023")`);
  });

  it('a 1904-date workbook and a date with a time read as the same calendar dates', () => {
    const wb = XLSX.utils.book_new();
    // 2022-12-31 is serial 44926 in the 1900 system, 43464 in the 1904 one; 0.3541666… is 08:30
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['年份', '时间'], [{ t: 'n', v: 43464, z: 'yyyy/m/d' }, { t: 'n', v: 43464 + 8.5 / 24, z: 'yyyy-mm-dd hh:mm' }]]), 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const file = join(tmp, 'd1904.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    toCsv(file, join(tmp, 'd1904.csv'));
    expect(readFileSync(join(tmp, 'd1904.csv'), 'utf8')).toBe('年份,时间\n2022-12-31,2022-12-31 08:30:00\n');
  });

  it('refuses a 0-byte file, a text file named .xlsx, a cut-off workbook and an OLE2 file, each by name and reason', () => {
    const cases: [string, Buffer, RegExp][] = [
      ['empty.xlsx', Buffer.alloc(0), /empty\.xlsx: an empty file \(0 bytes\), not an Excel workbook/],
      ['text.xlsx', Buffer.from('园区,年份\n郑州,2022\n'), /text\.xlsx: not an \.xlsx workbook \(an \.xlsx is a zip file and text\.xlsx is not one\)/],
      ['cut.xlsx', readFileSync(FIXTURE).subarray(0, 4000), /cut\.xlsx: a damaged or cut-off \.xlsx workbook that cannot be read \(.+\); open it in Excel or WPS and save it again/],
      ['locked.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]), /locked\.xlsx: not an \.xlsx workbook but an OLE2 file — a password-protected workbook/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(tmp, name), bytes);
      expect(() => toCsv(join(tmp, name), join(tmp, 'x.csv')), name).toThrow(message);
    }
  });
});

const missing = await duckdbLoads();
if (missing) console.warn(skipMessage('test/aggregate/xlsx.test.ts', missing));

describe.skipIf(missing !== null)('npm run aggregate -- firms.xlsx (the command line, with DuckDB)', () => {
  const run = (...args: string[]) => runScript(COMMAND, args);

  it('aggregates the visible sheet: years from the 报告期 dates, 元 → 亿元, the hidden draft never counted', () => {
    const out = join(tmp, 'xlsx-long.csv');
    const r = run(FIXTURE, '--out', out, '--json', '--source', 'xlsx fixture');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('firms.xlsx: Excel sheet "企业" → CSV, 5 rows (hidden sheets not read: 草稿)');
    const json = JSON.parse(r.stdout);
    expect(json.inputs).toEqual([{ input: FIXTURE, kind: 'csv', encoding: 'xlsx', sheet: '企业' }]);
    expect(json.summary).toMatchObject({ rows_read: 5, firms: 5, zones: 2, years: 1, first_year: 2022, last_year: 2022, rows_without_year: 0, unmatched_rows: 1, suppressed_cells: 1 });
    expect(json.unmatched).toEqual([{ name: '某某科技园', rows: 1 }]);
    const rows = readOut(out);
    expect(value(rows, 'zhengzhou', 2022, 'revenue')).toBe(3); // 300,000,000 元 (the draft's 999,999,999,999 would show)
    expect(value(rows, 'zhengzhou', 2022, 'employees')).toBe(0.02); // 200 人
    expect(value(rows, 'zhengzhou', 2022, 'enterprises')).toBe(3);
    expect(value(rows, 'zhengzhou', 2022, 'hte_count')).toBe(2);
    expect(value(rows, 'zhengzhou', 2022, 'enterprises_revenue_over_100m')).toBe(1); // 丙 is exactly 1 亿元, not over
    expect(rows.filter((o) => o.zone === 'xinxiang')).toEqual([]); // 1 firm: suppressed
    expect(rows).toHaveLength(5);
    const imported = importFile('zones.csv', new Uint8Array(readFileSync(out)), bundledContext());
    expect(imported.issues).toEqual([]);
  });

  it('--sheet 2023 reads that sheet; --sheet 草稿 (hidden) and a 0-byte .xlsx stop with exit 1 and a message naming the file', () => {
    const out = join(tmp, 'xlsx-2023.csv');
    const r = run(FIXTURE, '--out', out, '--sheet', '2023', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const rows = readOut(out);
    expect(value(rows, 'zhengzhou', 2023, 'revenue')).toBe(2);
    expect(value(rows, 'zhengzhou', 2023, 'employees')).toBe(0.0225);
    expect(value(rows, 'zhengzhou', 2023, 'hte_count')).toBe(2);
    const hidden = run(FIXTURE, '--out', join(tmp, 'no.csv'), '--sheet', '草稿');
    expect(hidden.status).toBe(1);
    expect(hidden.stderr).toContain(`aggregate: ${FIXTURE}: the sheet "草稿" is hidden and is not read`);
    writeFileSync(join(tmp, 'zero.xlsx'), '');
    const zero = run(join(tmp, 'zero.xlsx'), '--out', join(tmp, 'no.csv'));
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain(`zero.xlsx: an empty file (0 bytes), not an Excel workbook`);
  });

  it('a mapping file names the workbook\'s own headers, revenue in 元', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
      ['企业', '园区', '年度', '营收（元）', '人数'],
      ['A', '郑州高新区', 2021, 120000000, 100],
      ['B', '郑州高新区', 2021, 80000000, 50],
      ['C', '郑州', 2021, 100000000, 50],
    ]), '企业');
    const x = join(tmp, 'mapped.xlsx');
    writeFileSync(x, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const m = join(tmp, 'map.json');
    writeFileSync(m, JSON.stringify({ firm_id: '企业', zone_name: '园区', year: '年度', revenue: '营收', employees: { columns: ['人数'], unit: '人' } }));
    const out = join(tmp, 'mapped.csv');
    const r = run(x, '--out', out, '--mapping', m, '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const rows = readOut(out);
    expect(value(rows, 'zhengzhou', 2021, 'revenue')).toBe(3);
    expect(value(rows, 'zhengzhou', 2021, 'employees')).toBe(0.02);
    expect(value(rows, 'zhengzhou', 2021, 'enterprises_revenue_over_100m')).toBe(1);
  });
});
