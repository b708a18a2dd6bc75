// @vitest-environment node
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile, type ImportResult } from '../../src/data/import-file';
import { checkImportOptions } from '../../src/data/import-options';
import { LIMITS, type Limits } from '../../src/data/limits';
import { tableRows } from '../../src/data/table';
import { readWorkbook } from '../../src/data/workbook/read-workbook';
import { unpackWorkbook } from '../../src/data/workbook/unpack';
import { bundledContext, readBytes, utf8 } from './bundled';

/** docs/hostile-inputs.md W1–W7 through importFile, on the golden files of scripts/make-xlsx-fixtures.mjs. */
const ctx = { ...bundledContext(), readWorkbook };
const fixture = (name: string) => readBytes(`test/fixtures/xlsx/${name}`);
const small = (patch: Partial<Limits>): Limits => ({ ...LIMITS, ...patch });
const obs = (r: ImportResult) => tableRows(r.table).map((o) => [o.zone, o.year, o.indicator, o.value, o.unit]);
const reasons = (r: ImportResult) => r.issues.map((i) => `${i.severity} ${i.row} ${i.column} ${i.reason.replace(/ \(.*$/, '')}`);

/** The yearbook sheet's values, as the fixture script wrote them (row 7, 新乡, is hidden in the .xlsx). */
const YEARBOOK = [
  ['zhengzhou', 2019, 'revenue', 1234.5, '亿元'],
  ['zhengzhou', 2019, 'exports', 56.7, '亿元'],
  ['zhengzhou', 2019, 'gdp_growth', 6.2, '%'],
  ['zhengzhou', 2020, 'revenue', 1300.2, '亿元'],
  ['zhengzhou', 2020, 'exports', 61.3, '亿元'],
  ['zhengzhou', 2020, 'gdp_growth', 7.1, '%'],
  ['luoyang', 2019, 'revenue', 500, '亿元'],
  ['luoyang', 2019, 'exports', 20.5, '亿元'],
  ['luoyang', 2019, 'gdp_growth', 4.8, '%'],
  ['luoyang', 2020, 'revenue', 550, '亿元'],
  ['luoyang', 2020, 'exports', 22, '亿元'],
  ['luoyang', 2020, 'gdp_growth', 5, '%'],
];
const XINXIANG = [
  ['xinxiang', 2019, 'revenue', 300, '亿元'],
  ['xinxiang', 2019, 'exports', 9.9, '亿元'],
  ['xinxiang', 2019, 'gdp_growth', 3, '%'],
  ['xinxiang', 2020, 'revenue', 320, '亿元'],
  ['xinxiang', 2020, 'exports', 10, '亿元'],
  ['xinxiang', 2020, 'gdp_growth', 4, '%'],
];

describe('W1 a yearbook workbook imports without conversion', () => {
  it('yearbook.xlsx: the first visible sheet with values, its two-row merged header, the 合计 row and the source line', () => {
    const r = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx);
    expect(r).toMatchObject({ blocked: false, format: 'xlsx', sheet: '表3-1 主要经济指标' });
    // 空白 is empty and 草稿 hidden: neither is the default, and the hidden one is not offered at all
    expect(r.sheets).toEqual([
      { name: '空白', rows: 0, columns: 0, empty: true },
      { name: '表3-1 主要经济指标', rows: 9, columns: 10, empty: false },
      { name: '长表', rows: 4, columns: 5, empty: false },
    ]);
    expect(obs(r)).toEqual(YEARBOOK);
    // the merged 2019年 / 2020年 are unmerged into the header the shape detector saw
    expect(r.sample[2]).toEqual(['高新区', '统计截止', '2019年', '2019年', '2019年', '2020年', '2020年', '2020年', '备注', '']);
    expect(r.guess).toMatchObject({ shape: 'wide', headerRow: 2, subHeaderRow: 3 });
    expect(r.guess!.columns.filter((c) => c.role === 'measure').map((c) => [c.header, c.indicator, c.year])).toEqual([
      ['2019年 营业收入（亿元）', 'revenue', 2019],
      ['2019年 出口总额（亿元）', 'exports', 2019],
      ['2019年 地区生产总值增速', 'gdp_growth', 2019],
      ['2020年 营业收入（亿元）', 'revenue', 2020],
      ['2020年 出口总额（亿元）', 'exports', 2020],
      ['2020年 地区生产总值增速', 'gdp_growth', 2020],
    ]);
    const first = tableRows(r.table)[0];
    expect(first.source).toBe('测试夹具，数值为虚构（test fixture, invented numbers）');
    expect(first.origin).toEqual({ file: 'yearbook.xlsx', row: 5, column: '2019年 营业收入（亿元）' });
    expect(reasons(r)).toEqual([
      'info 0  工作表“草稿”是隐藏的，未读取',
      'info 7  第 7 行是隐藏行，未导入',
      'info 0 J 第 J 列是隐藏列，未导入',
      'info 4  第 3–4 行是两行表头，已合并为列名（如“2019年 营业收入（亿元）”），年份 2019、2020 取自表头',
      'info 3 C3 单元格 C3 的批注，作为说明保留：2019年为调整后口径',
      'info 5 A5 单元格 A5 的批注，作为说明保留：含航空港区',
      'info 5 C5 单元格 C5 的批注，作为说明保留：快报数，待年鉴核定',
      'info 8 高新区 合计行，不是高新区，未导入',
      'info 9  表注行，作为文件说明保留',
    ]);
  });

  it('yearbook.xls (BIFF8): the same table; its writer keeps no row visibility, so 新乡 is read there', () => {
    const r = importFile('yearbook.xls', fixture('yearbook.xls'), ctx);
    expect(r).toMatchObject({ blocked: false, format: 'xls', sheet: '表3-1 主要经济指标' });
    expect(obs(r)).toEqual([...YEARBOOK.slice(0, 6), ...YEARBOOK.slice(6), ...XINXIANG]);
    expect(reasons(r)).toContain('info 0 J 第 J 列是隐藏列，未导入');
    expect(reasons(r)).toContain('info 8 高新区 合计行，不是高新区，未导入');
  });

  it('the same yearbook saved as CSV (merged cells left empty) reads the same: the group label carries right', () => {
    const csv = [
      '表3-1 国家高新区主要经济指标（2019—2020年）,,,,,,,',
      '高新区,2019年,,,2020年,,,备注',
      ',营业收入（亿元）,出口总额（亿元）,地区生产总值增速,营业收入（亿元）,出口总额（亿元）,地区生产总值增速,',
      '郑州,1234.5,56.7,6.2%,1300.2,61.3,7.1%,',
      '洛阳,500,20.5,4.8%,550,22,5%,含新区',
      '合计,1734.5,77.2,,1850.2,83.3,,',
    ].join('\n');
    const r = importFile('yearbook.csv', utf8(csv), ctx);
    expect(r.blocked).toBe(false);
    expect(obs(r)).toEqual(YEARBOOK);
  });

  it('a year matrix is still a matrix: a data row under the years is not a second header row', () => {
    const r = importFile('综合排名.csv', utf8('高新区,2019年,2020年\n郑州,17,15\n洛阳,37,35\n'), ctx);
    expect(r.guess).toMatchObject({ shape: 'matrix' });
    expect(r.guess!.subHeaderRow).toBeUndefined();
    expect(obs(r).map((o) => o.slice(0, 4))).toEqual([['zhengzhou', 2019, 'rank_overall', 17], ['zhengzhou', 2020, 'rank_overall', 15], ['luoyang', 2019, 'rank_overall', 37], ['luoyang', 2020, 'rank_overall', 35]]);
  });
});

describe('W2 cell values', () => {
  const r = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx);
  const rows = tableRows(r.table);
  const find = (zone: string, year: number, indicator: string) => rows.find((o) => o.zone === zone && o.year === year && o.indicator === indicator)!;

  it('a percentage stored as a fraction (0.062 with a % format) reads as 6.2 %; numbers stored as text as numbers', () => {
    expect(find('zhengzhou', 2019, 'gdp_growth')).toMatchObject({ value: 6.2, unit: '%', raw: '6.2%' });
    expect(find('luoyang', 2020, 'gdp_growth')).toMatchObject({ value: 5, raw: '5%' });
    expect(find('zhengzhou', 2019, 'exports')).toMatchObject({ value: 56.7, raw: '56.7' });
  });

  it('a formula gives the value Excel saved for it; a date the ISO text; comments join the notes of the values they sit on', () => {
    expect(find('luoyang', 2020, 'revenue')).toMatchObject({ value: 550, raw: '550' });
    const marked = find('zhengzhou', 2019, 'revenue');
    expect(marked.note).toBe('统计截止: 2020-12-31; 批注: 含航空港区; 批注: 快报数，待年鉴核定');
    // the zone's comment is every value of the row's; the value's own only that value's
    expect(find('zhengzhou', 2020, 'revenue').note).toBe('统计截止: 2020-12-31; 批注: 含航空港区');
  });

  it('the long sheet: years stored as dates shown `yyyy年`, a filing date, `1,401.6` typed as text, a `—`', () => {
    const long = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, { sheet: '长表' });
    expect(long.sheet).toBe('长表');
    expect(tableRows(long.table).map((o) => [o.zone, o.year, o.indicator, o.value, o.note])).toEqual([
      ['zhengzhou', 2021, 'revenue', 1401.6, '填报日期: 2022-03-15'],
      ['luoyang', 2021, 'revenue', 612, '填报日期: 2022-03-16'],
    ]);
    expect(reasons(long)).toContain('info 4 数值 缺失：无此项（“—”）(no such item)');
  });
});

describe('W3, W4 limits before and while a workbook is unpacked', () => {
  const part = (s: string) => strToU8(s);
  const book = (extra: Record<string, Uint8Array>) =>
    zipSync({ '[Content_Types].xml': part('<Types/>'), 'xl/workbook.xml': part('<workbook><sheets/></workbook>'), ...extra });

  it('a zip bomb: a workbook declaring more than the limit is refused before anything is inflated, naming the file', () => {
    const bomb = book({ 'xl/sharedStrings.xml': new Uint8Array(3 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(10_000);
    const r = importFile('bomb.xlsx', bomb, ctx, {}, small({ workbookBytes: 1024 * 1024 }));
    expect(r.blocked).toBe(true);
    expect(r.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/^“bomb\.xlsx”解压后超过 3\.0 MB（上限 1\.0 MB），可能是“压缩炸弹”/)]);
  });

  it('a zip bomb whose headers lie about its size is stopped by counting what really comes out, long before its end', () => {
    const zip = book({ 'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024) });
    lieAboutSize(zip, 'xl/worksheets/sheet1.xml', 1000);
    const declared: number[] = [];
    unzipSync(zip, { filter: (f) => (declared.push(f.originalSize), false) });
    expect(Math.max(...declared)).toBe(1000);
    const r = importFile('liar.xlsx', zip, ctx, {}, small({ workbookBytes: 8 * 1024 * 1024 }));
    const mb = Number(/解压后超过 ([\d.]+) MB（上限 8\.0 MB）/.exec(r.issues[0]?.reason ?? '')?.[1]);
    // 16 KB of input inflates to at most ~16 MB: the count stops between 8 and 24 MB of the 40
    expect(mb).toBeGreaterThan(8);
    expect(mb).toBeLessThan(24.1);
  });

  it('a huge shared-strings table is refused with its count', () => {
    const sst = `<sst uniqueCount="1500">${'<si><t>x</t></si>'.repeat(1500)}</sst>`;
    const r = importFile('strings.xlsx', book({ 'xl/sharedStrings.xml': part(sst) }), ctx, {}, small({ sharedStrings: 1000 }));
    expect(r.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/^“strings\.xlsx”的共享字符串表有 1,500 项，超过上限 1,000 项/)]);
  });

  it('a sheet declaring the whole of Excel (A1:XFD1048576) is refused before it is read; so is an .xls over the cell limit', () => {
    const sheet = part('<worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>');
    const r = importFile('huge.xlsx', book({ 'xl/worksheets/sheet1.xml': sheet }), ctx);
    expect(r.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/^“huge\.xlsx”的工作表声明了 17,179,869,184 个单元格（范围 A1:XFD1048576），超过上限 4,000,000 个/)]);
    const xls = importFile('yearbook.xls', fixture('yearbook.xls'), ctx, {}, small({ workbookCells: 50 }));
    expect(xls.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/^“yearbook\.xls”的工作表声明了 \d+ 个单元格（范围 A1:J9），超过上限 50 个/)]);
  });

  it('the CSV limits hold for the grid of a sheet: columns and cell length', () => {
    const wide = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, {}, small({ columns: 8 }));
    expect(wide.blocked).toBe(true);
    expect(wide.issues.filter((i) => i.severity === 'error').map((i) => i.reason)).toEqual([expect.stringMatching(/^第 1 行有 10 列，超过上限 8 列/)]);
    const long = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, {}, small({ cellChars: 20 }));
    expect(long.issues.filter((i) => i.severity === 'error').map((i) => i.reason)).toEqual([expect.stringMatching(/^第 1 行第 1 列的单元格有 \d+ 个字符，超过上限 20 个字符/)]);
  });
});

describe('W5 sheets, W6 broken files, W7 links, progress', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a sheet asked for that does not exist, or is hidden, is not read: the default is, with a warning', () => {
    for (const sheet of ['没有这张表', '草稿']) {
      const r = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, { sheet });
      expect(r.sheet).toBe('表3-1 主要经济指标');
      expect(r.issues.filter((i) => i.severity === 'warning')).toEqual([expect.objectContaining({ raw: sheet, reason: expect.stringMatching(/^工作簿中没有可见的工作表“.+”，改读“表3-1 主要经济指标”/) })]);
      expect(obs(r)).toEqual(YEARBOOK);
    }
  });

  it('an empty visible sheet chosen in the preview says so', () => {
    const r = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, { sheet: '空白' });
    expect(r).toMatchObject({ blocked: true, sheet: '空白' });
    expect(r.issues.map((i) => i.reason)).toContain('工作表“空白”是空的，没有数据行 (sheet "空白" is empty: no data rows)');
  });

  it('a 0-byte and a cut-off workbook: one clear message each, naming the file', () => {
    expect(importFile('empty.xlsx', fixture('empty.xlsx'), ctx).issues.map((i) => i.reason)).toEqual([
      '“empty.xlsx”是 0 字节的空文件，不是有效的 Excel 工作簿；请重新保存或重新下载 (the file "empty.xlsx" is empty, 0 bytes: not a valid Excel workbook)',
    ]);
    const cut = importFile('corrupt.xlsx', fixture('corrupt.xlsx'), ctx);
    expect(cut).toMatchObject({ blocked: true, sample: [] });
    expect(cut.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/^“corrupt\.xlsx”看起来是 Excel 工作簿，但文件已损坏或不完整，无法读取/)]);
  });

  it('an external link is never followed: the saved value is read and its part is not even unpacked', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const r = importFile('external-link.xlsx', fixture('external-link.xlsx'), ctx);
    expect(obs(r)).toEqual([['zhengzhou', 2020, 'rank_overall', 17, '位']]);
    expect(fetchSpy).not.toHaveBeenCalled();
    const unpacked = unpackWorkbook('external-link.xlsx', fixture('external-link.xlsx'), LIMITS);
    expect('zip' in unpacked && Object.keys(unzipSync(unpacked.zip)).filter((p) => /external/i.test(p))).toEqual([]);
  });

  it('progress is reported from the start of the read to the observations', () => {
    const seen: number[] = [];
    importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, {}, LIMITS, (d) => seen.push(d));
    expect(seen[0]).toBe(0.02);
    expect(seen).toContain(0.45);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('a saved workbook re-imports with the same sheet and mapping after a reload (options checked as from IndexedDB)', () => {
    const first = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, { sheet: '长表' });
    const stored = JSON.parse(JSON.stringify({ sheet: first.sheet, mapping: first.guess }));
    const { options, dropped } = checkImportOptions(stored);
    expect(dropped).toEqual([]);
    expect(importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx, options).table).toEqual(first.table);
    const yearbook = importFile('yearbook.xlsx', fixture('yearbook.xlsx'), ctx);
    const back = checkImportOptions(JSON.parse(JSON.stringify({ mapping: yearbook.guess })));
    expect(back.options.mapping).toEqual(yearbook.guess);
    for (const bad of ['a/b', 'x'.repeat(32), '', 42, '表[1]', 'tab\u0000']) expect(checkImportOptions({ sheet: bad }).dropped).toEqual([`sheet ${JSON.stringify(bad)}`]);
  });
});

/** Rewrites the uncompressed size of one entry in its local header and the central directory. */
function lieAboutSize(zip: Uint8Array, name: string, size: number) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const enc = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = view.getUint32(i, true);
    const [nameAt, sizeAt] = sig === 0x04034b50 ? [i + 30, i + 22] : sig === 0x02014b50 ? [i + 46, i + 24] : [-1, -1];
    if (nameAt < 0 || !enc.every((b, k) => zip[nameAt + k] === b)) continue;
    view.setUint32(sizeAt, size, true);
  }
}
