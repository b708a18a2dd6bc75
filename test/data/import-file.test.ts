import { readFileSync } from 'node:fs';
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { tableRows } from '../../src/data/table';
import { findConflicts } from '../../src/model/cells';
import { readWorkbook } from '../../src/data/workbook/read-workbook';
import { bundledContext, readBytes, utf8 } from './bundled';

const ctx = bundledContext();
const run = (name: string, text: string) => importFile(name, utf8(text), ctx);

/** Data rows of a CSV as a spreadsheet counts them (records after the header). */
function dataRowCount(path: string): number {
  const r = importFile(path, readBytes(path), ctx);
  return r.rowCount - 1;
}

describe('bundled and reference files lose nothing', () => {
  it.each([
    'data/reported/rankings.csv',
    'data/reported/seed_facts.csv',
    'data/reported/zone_indicators.csv',
    'data/reported/national.csv',
    'data/sources/seed_facts.csv',
    'data/sources/rankings.csv',
  ])('%s: every row becomes an observation or a listed issue', (path) => {
    const r = importFile(path, readBytes(path), ctx);
    expect(r.blocked).toBe(false);
    const rowsWithObs = new Set(tableRows(r.table).map((o) => o.origin.row));
    const rowsWithError = new Set(r.issues.filter((i) => i.severity !== 'info' || /缺失|合计/.test(i.reason)).map((i) => i.row));
    const lost: number[] = [];
    for (let row = 2; row <= dataRowCount(path) + 1; row++) if (!rowsWithObs.has(row) && !rowsWithError.has(row)) lost.push(row);
    expect(lost).toEqual([]);
  });

  it('the shared rankings.csv reads as a wide file whose year comes from the evaluation label', () => {
    const r = importFile('rankings.csv', readBytes('data/sources/rankings.csv'), ctx);
    expect(r.guess?.shape).toBe('wide');
    expect(r.guess?.columns.find((c) => c.header === 'evaluation')?.role).toBe('yearText');
    const zz = tableRows(r.table).filter((o) => o.zone === 'zhengzhou' && o.year === 2020);
    expect(zz.map((o) => o.value)).toEqual([17]);
    // the evaluation label, the publication date and the quote are kept in the note
    expect(zz[0].note).toMatch(/^郑州、洛阳.*evaluation: 2020年国家高新区总体排名.*published: 2021-02/);
    // the ambiguous 2016 "苏州" row is listed with its reason, not guessed
    expect(r.issues.some((i) => i.raw.startsWith('苏州(ambiguous') && i.severity === 'error')).toBe(true);
  });

  it('seed_facts.csv keeps both Zhengzhou 2019 ranks and marks them as a conflict', () => {
    const r = importFile('seed_facts.csv', readBytes('data/sources/seed_facts.csv'), ctx);
    expect(tableRows(r.table)).toHaveLength(31);
    const conflicts = findConflicts(r.table);
    const zz = conflicts.find((c) => c.zone === 'zhengzhou' && c.year === 2019 && c.indicator === 'rank_overall');
    expect(zz?.rows).toHaveLength(2);
    const bases = tableRows(r.table).filter((o) => o.zone === 'zhengzhou' && o.year === 2019 && o.indicator === 'rank_overall').map((o) => `${o.value}:${o.basis}`);
    expect(bases.sort()).toEqual(['17:reported', '20:derived']);
  });
});

describe('shapes', () => {
  it('long (canonical) with id, alias and full-name zones, bands and basis', () => {
    const r = run('long.csv', 'zone,year,indicator,value,unit,basis,source\nzhengzhou,2020,rank_overall,17,位,,公报\n郑州高新区,2021,综合排名,前20,,reported (preliminary),公报\n洛阳高新技术产业开发区,2020,R&D经费投入占GDP比重,6.2%,,estimate,x\n');
    expect(tableRows(r.table).map((o) => [o.zone, o.year, o.indicator, o.value, o.band?.label ?? null, o.basis])).toEqual([
      ['zhengzhou', 2020, 'rank_overall', 17, null, 'reported'],
      ['zhengzhou', 2021, 'rank_overall', null, 'top20', 'preliminary'],
      ['luoyang', 2020, 'rd_ratio', 6.2, null, 'estimate'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('wide with a title row above the header, units in headers and a 资料来源 footnote', () => {
    const text = '2021年河南省高新区主要指标,,\n高新区,年份,地区生产总值（亿元）,专利授权量（件）\n郑州,2021,"1,234.5",16284\n新乡,2021,…,—\n资料来源：河南省科技厅,,,\n';
    const r = run('wide.csv', text);
    expect(r.guess?.headerRow).toBe(1);
    expect(r.guess?.shape).toBe('wide');
    const zz = tableRows(r.table).filter((o) => o.zone === 'zhengzhou');
    expect(zz.map((o) => [o.indicator, o.value, o.unit, o.source])).toEqual([
      ['gdp', 1234.5, '亿元', '河南省科技厅'],
      ['patent_grants', 16284, '件', '河南省科技厅'],
    ]);
    // "…" is below the unit: an observation without a number, not a gap; "—" is "no such item"
    const xx = tableRows(r.table).filter((o) => o.zone === 'xinxiang');
    expect(xx.map((o) => [o.indicator, o.value, o.flags])).toEqual([['gdp', null, ['below-unit']]]);
    expect(r.issues.some((i) => i.row === 4 && i.raw === '—' && /无此项/.test(i.reason))).toBe(true);
    expect(r.issues.some((i) => i.row === 5 && /表注行/.test(i.reason))).toBe(true);
  });

  it('takes the file source only from footnotes below the last data row', () => {
    const header = '高新区,年份,地区生产总值（亿元）\n';
    // below the data, with a note and a blank row under it: the file's source
    const below = run('a.csv', `${header}郑州,2021,1234.5\n资料来源：河南省科技厅,,\n,,\n注：初步统计,,\n`);
    expect(tableRows(below.table).map((o) => o.source)).toEqual(['河南省科技厅']);
    // between data rows it is a footnote of those rows, not a source for the whole file (which then
    // falls back to the file's name)
    const between = run('b.csv', `${header}郑州,2021,1234.5\n资料来源：河南省科技厅,,\n新乡,2021,300\n`);
    expect(tableRows(between.table).map((o) => o.source)).toEqual(['b.csv', 'b.csv']);
    expect(between.issues.some((i) => i.row === 3 && /表注行/.test(i.reason))).toBe(true);
  });

  it('year matrix: the indicator comes from the file name', () => {
    const r = run('2017-2020综合排名.csv', '高新区,2017,2018年,2019,2020\n新乡,92,84,76,66\n郑州,,,20,17\n');
    expect(r.guess?.shape).toBe('matrix');
    expect(tableRows(r.table).filter((o) => o.zone === 'xinxiang').map((o) => [o.year, o.value])).toEqual([[2017, 92], [2018, 84], [2019, 76], [2020, 66]]);
    expect(r.emptyCells).toBe(2);
  });

  it('year matrix without an indicator in its name asks for one', () => {
    const r = run('data.csv', '高新区,2019,2020\n郑州,20,17\n');
    expect(r.blocked).toBe(true);
    expect(r.issues[0].reason).toMatch(/年份矩阵文件需要指定指标/);
  });

  it('JSON array of canonical objects; a __proto__ key is just a name', () => {
    const r = run('x.json', JSON.stringify([{ zone: '郑州', year: 2020, indicator: 'rank_overall', value: 17 }]).replace('}', ',"__proto__":{"polluted":1}}'));
    expect(r.format).toBe('json');
    expect(tableRows(r.table)).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(tableRows(r.table)[0].note).toContain('__proto__');
  });
});

describe('rows and cells that cannot be read are listed with file, row, column, raw text and reason', () => {
  it('unknown zone, 合计 row, bad year, bad number', () => {
    const r = run('bad.csv', 'zone,year,indicator,value\n火星高新区,2020,gdp,1\n合计,2020,gdp,9\n郑州,二〇二〇,gdp,1\n郑州,2020,gdp,0x1A\n郑州,2020,不存在的指标,1\n');
    const by = (row: number) => r.issues.find((i) => i.row === row)!;
    expect(by(2)).toMatchObject({ file: 'bad.csv', column: 'zone', raw: '火星高新区', severity: 'error' });
    expect(by(3).reason).toMatch(/合计行/);
    expect(by(4)).toMatchObject({ column: 'year', raw: '二〇二〇' });
    expect(by(5)).toMatchObject({ column: 'value', raw: '0x1A', severity: 'error' });
    expect(by(6)).toMatchObject({ column: 'indicator', raw: '不存在的指标' });
    expect(tableRows(r.table)).toHaveLength(0);
  });

  it('S3: short and long rows are read and listed', () => {
    const r = run('ragged.csv', 'zone,year,indicator,value\n郑州,2020,rank_overall\n洛阳,2020,rank_overall,37,extra\n');
    expect(r.issues.find((i) => i.row === 2)?.reason).toMatch(/只有 3 个单元格/);
    expect(r.issues.find((i) => i.row === 3 && /多于表头/.test(i.reason))?.raw).toBe('extra');
    expect(tableRows(r.table).map((o) => o.zone)).toEqual(['luoyang']);
  });

  it('S2: an unterminated quote blocks the file and cites the row; rows are not merged', () => {
    const lines = ['zone,year,indicator,value', '郑州,2020,rank_overall,"17'];
    for (let i = 0; i < 998; i++) lines.push('洛阳,2020,rank_overall,37');
    const r = run('quote.csv', lines.join('\n'));
    expect(r.blocked).toBe(true);
    expect(tableRows(r.table)).toHaveLength(0);
    expect(r.issues[0]).toMatchObject({ row: 2, severity: 'error' });
  });

  it('S9: an empty file and a header-only file say there are no data rows', () => {
    expect(run('empty.csv', '').issues[0].reason).toMatch(/空|没有数据行/);
    expect(run('header.csv', 'zone,year,indicator,value\n').issues[0].reason).toMatch(/没有数据行/);
  });

  it('E10, W1: a workbook renamed .csv is read as the workbook it is — the bytes decide, not the name', () => {
    const bytes = readBytes('test/fixtures/xlsx/yearbook.xlsx');
    const r = importFile('book.csv', bytes, { ...ctx, readWorkbook });
    expect(r).toMatchObject({ blocked: false, format: 'xlsx', sheet: '表3-1 主要经济指标' });
    expect(tableRows(r.table).length).toBe(12);
    // without the reader (the worker loads it only when a workbook arrives) it is a clear error, never text rows
    const bare = importFile('book.csv', bytes, ctx);
    expect(bare.blocked).toBe(true);
    expect(bare.issues.map((i) => i.reason)).toEqual(['无法读取 Excel 工作簿：读取程序未加载 (the workbook reader is not loaded)']);
    expect(bare.sample).toEqual([]);
  });

  it('E3: a GBK file from Excel on Chinese Windows reads exactly', () => {
    const r = importFile('henan.csv', readBytes('test/fixtures/e2e-henan-gbk.csv'), ctx);
    expect(r.encoding).toBe('gb18030');
    expect(tableRows(r.table).filter((o) => o.indicator === 'rank_overall').map((o) => [o.zone, o.value])).toEqual([['zhengzhou', 15], ['luoyang', 35], ['xinxiang', 60]]);
  });

  it('E8: a UTF-8 file with one GBK line is blocked with an error naming that line', () => {
    const r = importFile('mixed.csv', readBytes('test/fixtures/decode-utf8-gbk-line-e8.csv'), ctx);
    expect(r.encoding).toBe('utf-8');
    expect(r.blocked).toBe(true);
    expect(tableRows(r.table)).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.severity])).toEqual([[4, 'error']]);
    expect(r.issues[0].reason).toMatch(/第 4 行不是 utf-8 编码/);
    expect(r.notices.some((n) => /第 4 行不是有效的 UTF-8/.test(n))).toBe(true);
  });

  it('units are converted openly between files (万家 → 家), never mixed silently', () => {
    const r = run('u.csv', 'zone,year,indicator,value,unit\n中关村,2022,高新技术企业数,1.7,万家\n');
    expect(tableRows(r.table)[0]).toMatchObject({ value: 17000, unit: '家' });
    expect(tableRows(r.table)[0].flags).toContain('unit-converted:万家');
    expect(r.issues.some((i) => /已换算/.test(i.reason))).toBe(true);
  });
});

describe('units spelt differently', () => {
  it('个 for 家 takes the catalogue spelling, so the value is ranked with the others', () => {
    const r = run('u2.csv', 'zone,year,indicator,value,unit\n郑州,2020,高新技术企业数,1200,个\n洛阳,2020,高新技术企业数,800,家\n');
    expect(tableRows(r.table).map((o) => o.unit)).toEqual(['家', '家']);
    expect(tableRows(r.table)[0].flags).toContain('unit-spelling:个');
  });
});

describe('the published rankings (data/reported/rankings.csv, 144 rows)', () => {
  it('reads every row as an observation, except the rows whose evaluation year no source states, each listed with its reason', () => {
    const r = importFile('rankings.csv', readBytes('data/reported/rankings.csv'), ctx);
    const rows = tableRows(r.table);
    const lines = readFileSync('data/reported/rankings.csv', 'utf8').split('\n').slice(1).filter(Boolean);
    const noYear = lines.filter((l) => /^(?:"[^"]*"|[^,]*),,rank_overall,/.test(l)).length;
    expect([lines.length, noYear]).toEqual([144, 18]);
    const observed = new Set(rows.map((o) => o.origin.row));
    const unread = new Map(r.issues.filter((i) => i.severity !== 'info').map((i) => [i.row, i.reason]));
    // 125 observations + 18 rows without a year + the 2016 "苏州" that names no single zone = 144, none in both
    expect([observed.size, unread.size]).toEqual([125, 19]);
    expect([...unread.keys()].filter((k) => observed.has(k))).toEqual([]);
    expect([...unread.values()].filter((x) => /年份为空/.test(x))).toHaveLength(18);
    // 2024: 30 zones of the top 50, 9 with an exact place, bands kept as bands
    const y2024 = rows.filter((o) => o.year === 2024);
    expect(y2024).toHaveLength(30);
    expect(y2024.filter((o) => o.value !== null && o.value <= 50)).toHaveLength(9);
    expect(new Set(y2024.filter((o) => o.band).map((o) => o.band!.label))).toEqual(new Set(['top3', 'top10', 'top50']));
    // derived places (from a stated change) stay marked as derived
    expect(rows.filter((o) => o.basis === 'derived').length).toBeGreaterThan(15);
  });
});
