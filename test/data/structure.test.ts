// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tableRows } from '../../src/data/table';
import { cleanHeaders } from '../../src/data/header-rows';
import { importFile, type ImportResult } from '../../src/data/import-file';
import { delimiterName } from '../../src/data/delimiters';
import { bundledContext, utf8 } from './bundled';

/** docs/hostile-inputs.md "Structure" at the import level: S2, S4, S6, S7, S9, title rows and two-row headers. */
const ctx = bundledContext();
const run = (name: string, text: string, options = {}) => importFile(name, utf8(text), ctx, options);
const errors = (r: ImportResult) => r.issues.filter((i) => i.severity === 'error');
const warnings = (r: ImportResult) => r.issues.filter((i) => i.severity === 'warning');
const values = (r: ImportResult) => tableRows(r.table).map((o) => [o.zone, o.year, o.indicator, o.value]);
const HEADER = 'zone,year,indicator,value';

describe('S2 quotes', () => {
  it('S2 `"x"y,2`: blocked, the row cited, nothing read, the preview stops before the fault', () => {
    const r = run('q.csv', `${HEADER}\n郑州,2020,rank_overall,17\n"x"y,2\n洛阳,2020,rank_overall,37\n`);
    expect(r.blocked).toBe(true);
    expect(tableRows(r.table)).toEqual([]);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatchObject({ row: 3, severity: 'error' });
    expect(errors(r)[0].reason).toMatch(/第 3 行.*引号/);
    expect(r.sample).toEqual([HEADER.split(','), ['郑州', '2020', 'rank_overall', '17']]);
  });

  it.each([2, 500, 1000])('S2 an unterminated quote on line %i of 1,000: blocked with that line, rows not merged into the preview', (bad) => {
    const lines = [HEADER];
    for (let i = 2; i <= 1000; i++) lines.push(i === bad ? '郑州,2020,rank_overall,"17' : '洛阳,2020,rank_overall,37');
    const r = run('quote.csv', lines.join('\n'));
    expect(r.blocked).toBe(true);
    expect(tableRows(r.table)).toHaveLength(0);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0].row).toBe(bad);
    expect(errors(r)[0].reason).toContain(`第 ${bad} 行`);
    expect(r.sample.length).toBe(Math.min(12, bad - 1));
    expect(r.sample.flat().some((c) => c.includes('\n'))).toBe(false);
  });

  it('S2 after a cell spanning two lines, the message cites the row and the line of the text', () => {
    const r = run('q.csv', `${HEADER},note\n郑州,2020,rank_overall,17,"两行\n的备注"\n"x"y,2\n`);
    expect(errors(r)[0].row).toBe(3);
    expect(errors(r)[0].reason).toMatch(/第 3 行（文本第 4 行）/);
  });
});

describe('S4 duplicate and empty headers', () => {
  it('S4 cleanHeaders: `2023年,2023年` → `2023年_1`, an empty header → `列N`, never a collision', () => {
    const body = [['a', 'b', 'c', 'd', 'e', 'f']];
    expect(cleanHeaders(['2023年', '2023年', '', 'GDP', 'GDP_1', 'gdp'], body).headers).toEqual(['2023年', '2023年_1', '列3', 'GDP', 'GDP_1', 'gdp_2']);
    expect(cleanHeaders(['a', 'a', 'a'], body).headers).toEqual(['a', 'a_1', 'a_2']);
    // full-width and half-width spellings of one name are one name
    expect(cleanHeaders(['营业收入(亿元)', '营业收入（亿元）'], body).renamed).toEqual([{ index: 1, from: '营业收入（亿元）', to: '营业收入（亿元）_1', reason: 'duplicate' }]);
  });

  it('S4 a duplicated year in a year matrix: renamed visibly, reported, and both values kept (never overwritten)', () => {
    const r = run('综合排名.csv', '高新区,2022年,2023年,2023年\n郑州,20,17,18\n新乡,70,66,66\n');
    expect(r.blocked).toBe(false);
    expect(r.guess?.columns.map((c) => [c.header, c.role, c.year])).toEqual([
      ['高新区', 'zone', undefined],
      ['2022年', 'yearColumn', 2022],
      ['2023年', 'yearColumn', 2023],
      ['2023年_1', 'yearColumn', 2023],
    ]);
    const renamed = warnings(r).find((i) => i.column === '2023年_1' && i.row === 1);
    expect(renamed?.raw).toBe('2023年');
    expect(renamed?.reason).toMatch(/重复.*2023年_1/);
    const zz2023 = tableRows(r.table).filter((o) => o.zone === 'zhengzhou' && o.year === 2023);
    expect(zz2023.map((o) => [o.value, o.origin.column])).toEqual([[17, '2023年'], [18, '2023年_1']]);
    // the two different values are named as a conflict on the row; equal ones (新乡 66, 66) are not
    expect(warnings(r).filter((i) => /数值不同/.test(i.reason)).map((i) => [i.row, i.column])).toEqual([[2, '2023年_1']]);
  });

  it('S4 an empty header with data becomes `列3`, reported, and its cells are kept in the note', () => {
    const r = run('wide.csv', '高新区,年份,,专利授权量（件）\n郑州,2021,含分支机构,16284\n');
    expect(r.guess?.columns[2]).toMatchObject({ header: '列3', role: 'extra' });
    expect(warnings(r).find((i) => i.column === '列3')?.reason).toMatch(/没有列名.*列3/);
    expect(tableRows(r.table)[0]).toMatchObject({ value: 16284, note: '列3: 含分支机构' });
  });

  it('S4 trailing empty columns (Excel\'s `,,`) are ignored without a warning', () => {
    const r = run('wide.csv', '高新区,年份,专利授权量,,\n郑州,2021,5,,\n');
    expect(r.guess?.columns.slice(3).map((c) => [c.header, c.role])).toEqual([['列4', 'ignore'], ['列5', 'ignore']]);
    expect(warnings(r)).toEqual([]);
  });
});

describe('S6 line endings, long lines, trailing blank lines', () => {
  // longer than the 1,024 characters papaparse looks at to guess the line end, within the cell limit
  const title = `河南省高新区主要指标${'（续表）'.repeat(2_400)}`;
  const lines = [title, '高新区,年份,地区生产总值（亿元）,备注', '郑州,2021,"1,234.5","第一行', '第二行"', '洛阳,2021,567.8,'];
  const variants: [string, string][] = [
    ['LF', lines.join('\n')],
    ['CRLF', lines.join('\r\n')],
    ['CR only', lines.join('\r')],
    ['LF with trailing blank lines', `${lines.join('\n')}\n\n\n  \n`],
    ['CRLF with trailing empty rows', `${lines.join('\r\n')}\r\n,,,\r\n\r\n`],
  ];
  const reference = run('s6.csv', variants[0][1]);

  it('S6 the reference reads the 9,600-character title, two rows and a two-line note', () => {
    expect(title.length).toBeGreaterThan(9_600);
    expect(reference.guess?.headerRow).toBe(1);
    expect(reference.rowCount).toBe(4);
    expect(values(reference)).toEqual([['zhengzhou', 2021, 'gdp', 1234.5], ['luoyang', 2021, 'gdp', 567.8]]);
    expect(tableRows(reference.table)[0].note).toBe('第一行\n第二行');
  });

  it.each(variants)('S6 %s: identical rows, no stray \\r, no phantom rows', (_name, text) => {
    const r = run('s6.csv', text);
    expect(r.rowCount).toBe(reference.rowCount);
    expect(r.sample).toEqual(reference.sample);
    expect(tableRows(r.table)).toEqual(tableRows(reference.table));
    expect(r.issues).toEqual(reference.issues);
    expect(JSON.stringify(tableRows(r.table))).not.toContain('\\r');
  });
});

describe('S7 delimiters', () => {
  it.each([
    [';', '分号'],
    ['\t', '制表符'],
    ['|', '竖线'],
    ['，', '全角逗号'],
  ])('S7 %j is detected and named in a notice', (d, zh) => {
    const text = ['高新区', '年份', '综合排名', '备注'].join(d) + '\n' + ['郑州', '2020', '17', '1,2'].join(d) + '\n' + ['洛阳', '2020', '37', ''].join(d) + '\n';
    const r = run('d.csv', text);
    expect(r.delimiter).toBe(d);
    expect(r.notices).toContain(`分隔符：${delimiterName(d)} (delimiter: ${delimiterName(d, 'en')})`);
    expect(delimiterName(d)).toContain(zh);
    expect(values(r)).toEqual([['zhengzhou', 2020, 'rank_overall', 17], ['luoyang', 2020, 'rank_overall', 37]]);
    expect(warnings(r)).toEqual([]);
  });

  it('S7 a TSV whose numbers carry thousands separators is still a TSV', () => {
    const r = run('t.txt', '高新区\t年份\t专利授权量\n郑州\t2021\t16,284\n洛阳\t2021\t2,345\n');
    expect(r.delimiter).toBe('\t');
    expect(tableRows(r.table).map((o) => o.value)).toEqual([16284, 2345]);
  });

  it('S7 an ambiguous delimiter gives a warning naming both; an explicit delimiter re-parses without it', () => {
    const text = 'a,b;c\n1,2;3\n4,5;6\n';
    const guessed = run('amb.csv', text);
    expect(guessed.delimiter).toBe(',');
    const warning = warnings(guessed).find((i) => /分隔符不确定/.test(i.reason));
    expect(warning?.reason).toContain('逗号');
    expect(warning?.reason).toContain('分号');
    const forced = run('amb.csv', text, { delimiter: ';' });
    expect(forced.delimiter).toBe(';');
    expect(forced.sample[1]).toEqual(['1,2', '3']);
    expect(forced.issues.some((i) => /分隔符/.test(i.reason))).toBe(false);
    expect(forced.notices.some((n) => /分隔符/.test(n))).toBe(false);
  });

  it('S7 the override works on a file the guess reads wrongly: a `;` file read with `,`', () => {
    const text = '高新区;年份;地区生产总值\n郑州;2020;1234,5\n洛阳;2020;567,8\n';
    const guessed = run('eu.csv', text);
    expect(guessed.delimiter).toBe(';');
    expect(guessed.sample[1]).toEqual(['郑州', '2020', '1234,5']);
    // a European decimal comma is never read as 12345: listed with its raw text instead
    expect(tableRows(guessed.table)).toEqual([]);
    expect(errors(guessed).map((i) => i.raw)).toEqual(['1234,5', '567,8']);
    const comma = run('eu.csv', text, { delimiter: ',' });
    expect(comma.delimiter).toBe(',');
    expect(comma.sample[1]).toEqual(['郑州;2020;1234', '5']);
  });
});

describe('S9 no data rows', () => {
  it.each([
    ['an empty file', ''],
    ['blank lines only', '\n\n  \r\n\t\n'],
    ['a header only', `${HEADER}\n`],
    ['a header only, with BOM, CRLF and trailing blank lines', `\ufeff${HEADER}\r\n\r\n\r\n`],
    ['a header and trailing empty rows', `${HEADER}\n,,,\n,,,\n`],
    ['title, header and unit row only', '2021年主要指标\n高新区,年份,地区生产总值\n,,（亿元）\n'],
    ['a JSON empty array', '[]'],
  ])('S9 %s: "文件没有数据行"', (_name, text) => {
    const r = run(text === '[]' ? 'x.json' : 'x.csv', text);
    expect(r.blocked).toBe(true);
    expect(tableRows(r.table)).toEqual([]);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0].reason).toMatch(/没有数据行/);
  });
});

describe('title rows and two-row headers', () => {
  it('a unit row below the names is merged into the column units and never read as data', () => {
    const r = run('wide.csv', '2021年河南省国家高新区主要经济指标\n\n高新区,年份,地区生产总值,专利授权量\n,,（亿元）,（件）\n郑州,2021,"1,234.5",16284\n');
    expect(r.guess).toMatchObject({ headerRow: 2, unitRow: 3, shape: 'wide' });
    expect(r.guess?.columns.map((c) => c.unit)).toEqual([undefined, undefined, '亿元', '件']);
    expect(tableRows(r.table).map((o) => [o.indicator, o.value, o.unit, o.origin.row])).toEqual([['gdp', 1234.5, '亿元', 5], ['patent_grants', 16284, '件', 5]]);
    expect(errors(r)).toEqual([]);
    expect(r.issues.find((i) => i.row === 4)?.reason).toMatch(/单位行/);
  });

  it('a unit row with a 单位 label in a year matrix', () => {
    const r = run('综合排名.csv', '高新区,2019,2020\n单位,位,位\n郑州,20,17\n');
    expect(r.guess?.unitRow).toBe(1);
    expect(values(r)).toEqual([['zhengzhou', 2019, 'rank_overall', 20], ['zhengzhou', 2020, 'rank_overall', 17]]);
    expect(errors(r)).toEqual([]);
  });

  it('a unit row in 万元 converts to the catalogue\'s 亿元, with a notice', () => {
    const r = run('wide.csv', '高新区,年份,营业收入\n,,万元\n郑州,2021,"12,345"\n洛阳,2021,500\n');
    expect(tableRows(r.table).map((o) => [o.value, o.unit, o.raw, o.flags.includes('unit-converted:万元')])).toEqual([[1.2345, '亿元', '12,345', true], [0.05, '亿元', '500', true]]);
    expect(r.notices.some((n) => /万元 已换算为 亿元.*2 个/.test(n))).toBe(true);
  });

  it('a 单位：万元 title row gives the unit of a year matrix', () => {
    const r = run('营业收入.csv', '表3 各高新区营业收入\n单位：万元\n高新区,2020,2021\n郑州,10000,25000\n');
    expect(r.guess?.headerRow).toBe(2);
    expect(tableRows(r.table).map((o) => [o.year, o.value, o.unit])).toEqual([[2020, 1, '亿元'], [2021, 2.5, '亿元']]);
  });

  it('a year matrix whose zone column has no header (empty top-left cell) finds the zones by their names', () => {
    const r = run('综合排名.csv', ',2019,2020\n郑州,20,17\n新乡,76,66\n');
    expect(r.guess?.columns[0]).toMatchObject({ header: '列1', role: 'zone' });
    expect(tableRows(r.table)).toHaveLength(4);
  });
});

describe('S7 delimiter guess, edge cases', () => {
  it('S7 a comma file whose notes hold one full-width comma each is a comma file, without a warning', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `郑州,${1990 + i},${i + 1},第一，第二`);
    const r = run('c.csv', `高新区,年份,综合排名,备注\n${rows.join('\n')}\n`);
    expect(r.delimiter).toBe(',');
    expect(warnings(r)).toEqual([]);
  });

  it('S7 a TSV whose every row (header included) holds one comma is still a TSV', () => {
    const r = run('t.txt', '高新区\t年份\t专利授权量(件,含外观)\n郑州\t2021\t16,284\n洛阳\t2021\t2,345\n');
    expect(r.delimiter).toBe('\t');
    expect(warnings(r)).toEqual([]);
  });
});
