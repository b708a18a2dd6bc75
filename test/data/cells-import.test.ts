// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tableRows } from '../../src/data/table';
import { importFile, type ImportResult } from '../../src/data/import-file';
import { bundledContext, utf8 } from './bundled';

/**
 * "Numbers as published" (docs/hostile-inputs.md N5–N12) and the yearbook conventions of docs/architecture.md §7.3, at the import level: what a
 * user's file gives, with the raw text kept beside every value and every unreadable cell listed.
 */
const ctx = bundledContext();
const run = (name: string, text: string) => importFile(name, utf8(text), ctx);
const zones = ctx.registry.zones.slice(0, 30);
const by = (r: ImportResult, row: number) => r.issues.filter((i) => i.row === row);
/** Every data row of a file is an observation or a listed issue: nothing dropped silently. */
function nothingLost(r: ImportResult, firstRow: number, lastRow: number) {
  const rows = new Set([...tableRows(r.table).map((o) => o.origin.row), ...r.issues.map((i) => i.row)]);
  for (let row = firstRow; row <= lastRow; row++) expect(rows.has(row), `row ${row}`).toBe(true);
}

describe('N1–N3 numbers and header units', () => {
  it('N1/N2 `16,284`, `"1,234,567"`, `１２３．４`, `−5`, `6.2%` read as published (never 16)', () => {
    const rows = ['专利授权量,16284', '专利授权量,"16,284"', '营业收入,"1,234,567"', '营业收入,１２３．４', 'GDP增速,−5', 'GDP增速,6.2%'];
    const r = run('n1.csv', ['zone,year,indicator,value', ...rows.map((x, i) => `郑州,${2016 + i},${x}`)].join('\n'));
    expect(tableRows(r.table).map((o) => [o.value, o.unit])).toEqual([[16284, '件'], [16284, '件'], [1234567, '亿元'], [123.4, '亿元'], [-5, '%'], [6.2, '%']]);
    expect(r.issues).toEqual([]);
  });

  it('N3 `营业收入（亿元）` and `工业总产值(万元)`: name and unit split, the unit used', () => {
    const r = run('n3.csv', '高新区,年份,营业收入（亿元）,工业总产值(万元)\n郑州,2021,100,20000\n');
    expect(r.guess?.columns.slice(2).map((c) => [c.role, c.indicator, c.unit])).toEqual([['measure', 'revenue', '亿元'], ['measure', 'industrial_output', '万元']]);
    expect(tableRows(r.table).map((o) => [o.indicator, o.value, o.unit])).toEqual([['revenue', 100, '亿元'], ['industrial_output', 2, '亿元']]);
  });
});

describe('N5 placeholders in a value column', () => {
  const cases: [raw: string, kind: RegExp][] = [
    ['—', /无此项/], ['——', /无此项/], ['-', /无此项/], ['－', /无此项/], ['一', /无此项/],
    ['NA', /无数据/], ['N/A', /无数据/], ['/', /无数据/], ['x', /无数据/],
    ['#N/A', /公式错误/], ['#DIV/0!', /公式错误/], ['#REF!', /公式错误/],
  ];
  const text = ['高新区,年份,地区生产总值（亿元）', ...cases.map(([raw], i) => `${zones[i].name},2021,${raw}`), `${zones[20].name},2021,…`, `${zones[21].name},2021,...`].join('\n');
  const r = run('n5.csv', text);

  it.each(cases.map(([raw, kind], i) => [raw, kind, i + 2] as const))('N5 %j is missing with a reason, raw kept, never a number', (raw, kind, row) => {
    const issues = by(r, row);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ raw, column: '地区生产总值（亿元）', severity: 'info' });
    expect(issues[0].reason).toMatch(/^缺失：/);
    expect(issues[0].reason).toMatch(kind);
    expect(tableRows(r.table).some((o) => o.origin.row === row)).toBe(false);
  });

  it('N5 `…` and `...` are "below the unit": observations without a number, flagged, raw kept', () => {
    expect(tableRows(r.table).map((o) => [o.zone, o.value, o.raw, o.flags])).toEqual([
      [zones[20].id, null, '…', ['below-unit']],
      [zones[21].id, null, '...', ['below-unit']],
    ]);
    expect(r.issues.some((i) => i.severity === 'error')).toBe(false);
    nothingLost(r, 2, cases.length + 3);
  });
});

describe('N6 empty, hex and infinite cells', () => {
  it('N6 in a wide file: empty is counted as empty, `0x1A` and `Infinity` are errors with raw; never 0 or 26', () => {
    const r = run('n6.csv', `高新区,年份,专利授权量\n${zones[0].name},2021,\n${zones[1].name},2021,0x1A\n${zones[2].name},2021,Infinity\n${zones[3].name},2021,1e999\n`);
    expect(tableRows(r.table)).toEqual([]);
    expect(r.emptyCells).toBe(1);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.raw])).toEqual([[3, '0x1A'], [4, 'Infinity'], [5, '1e999']]);
    expect(by(r, 3)[0].reason).toMatch(/十六进制/);
  });

  it('N6 in a long file, an empty value is listed as missing', () => {
    const r = run('n6.csv', 'zone,year,indicator,value\n郑州,2020,rank_overall,\n');
    expect(tableRows(r.table)).toEqual([]);
    expect(by(r, 2)[0]).toMatchObject({ column: 'value', raw: '', severity: 'info' });
    expect(by(r, 2)[0].reason).toMatch(/空值/);
  });
});

describe('N8 and N9', () => {
  it('N8 `(12.5)` in a growth column is −12.5, flagged (the policy pinned at the import level)', () => {
    const r = run('n8.csv', `高新区,年份,GDP增速(%)\n郑州,2021,(12.5)\n洛阳,2021,（3.5）\n新乡,2021,(-1)\n`);
    expect(tableRows(r.table).map((o) => [o.zone, o.value, o.raw, o.flags.includes('parenthesised-negative')])).toEqual([
      ['zhengzhou', -12.5, '(12.5)', true],
      ['luoyang', -3.5, '（3.5）', true],
    ]);
    // a sign inside the brackets leaves the meaning open: listed, not guessed
    expect(by(r, 4)[0]).toMatchObject({ raw: '(-1)', severity: 'error' });
  });

  it('N9 a rank column: `第17位`, `17名` are rank 17; `top10`, `前20` stay bands; bands elsewhere are refused', () => {
    const r = run('n9.csv', `高新区,年份,综合排名,专利授权量\n${zones[0].name},2021,第17位,top10\n${zones[1].name},2021,17名,\n${zones[2].name},2021,top10,\n${zones[3].name},2021,前20,\n`);
    const ranks = tableRows(r.table).filter((o) => o.indicator === 'rank_overall');
    expect(ranks.map((o) => [o.value, o.band?.label ?? null, o.raw])).toEqual([[17, null, '第17位'], [17, null, '17名'], [null, 'top10', 'top10'], [null, 'top20', '前20']]);
    expect(by(r, 2).find((i) => i.column === '专利授权量')).toMatchObject({ raw: 'top10', severity: 'error' });
  });
});

describe('N10 code columns', () => {
  const text = [
    '高新区,年份,division_code,代码,区号,专利授权量',
    `${zones[0].name},2021,0012,410100,0371,10`,
    `${zones[1].name},2021,08123,1.10108E+11,0379,20`,
    `${zones[2].name},2021,110108,4.1E+05,0373,30`,
  ].join('\n');
  const r = run('n10.csv', text);

  it('N10 a code column (by name, or by leading zeros) is never an indicator and keeps its text', () => {
    expect(r.guess?.columns.slice(2, 5).map((c) => [c.header, c.role, c.code])).toEqual([
      ['division_code', 'extra', true],
      ['代码', 'extra', true],
      ['区号', 'extra', true],
    ]);
    expect(tableRows(r.table).map((o) => o.indicator)).toEqual(['patent_grants', 'patent_grants', 'patent_grants']);
    expect(tableRows(r.table)[0].note).toBe('division_code: 0012; 代码: 410100; 区号: 0371');
    expect(tableRows(r.table)[1].note).toBe('division_code: 08123; 代码: 1.10108E+11; 区号: 0379');
  });

  it('N10 codes Excel turned into scientific notation get a precision-lost warning with row and column', () => {
    const lost = r.issues.filter((i) => /科学计数法/.test(i.reason));
    expect(lost.map((i) => [i.row, i.column, i.raw, i.severity])).toEqual([[3, '代码', '1.10108E+11', 'warning'], [4, '代码', '4.1E+05', 'warning']]);
    expect(r.issues.filter((i) => /代码列/.test(i.reason) && i.severity === 'info').map((i) => i.column)).toEqual(['division_code', '代码', '区号']);
  });
});

describe('N12 a mostly-numeric column', () => {
  it('N12 92 % numbers and 8 % text: read as numbers, the text cells listed as errors with their raw text', () => {
    const rows = zones.slice(0, 25).map((z, i) => `${z.name},2021,${i === 7 ? '见附注' : i === 19 ? '待核实' : 100 + i}`);
    const r = run('n12.csv', `高新区,年份,专利授权量\n${rows.join('\n')}\n`);
    expect(r.blocked).toBe(false);
    expect(tableRows(r.table)).toHaveLength(23);
    expect(tableRows(r.table).every((o) => typeof o.value === 'number' && o.raw === String(o.value))).toBe(true);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.column, i.raw])).toEqual([[9, '专利授权量', '见附注'], [21, '专利授权量', '待核实']]);
    expect(r.issues.find((i) => i.severity === 'info' && /8%/.test(i.reason))?.reason).toMatch(/25 个数值单元格中有 2 个/);
    nothingLost(r, 2, 26);
  });
});

describe('yearbook conventions (docs/architecture.md §7.3)', () => {
  const text = [
    '表 2-1 国家高新区主要经济指标',
    '高新区,年份,地区生产总值（亿元）,专利授权量（件）①',
    '合　　计,2021,5000,30000',
    '郑州*,2021,"1,234.5*",16284',
    '#新乡,2021,…,—',
    '其中：洛阳,2021,567.8①,2000',
    '全省合计,2021,9999,9999',
    '注：①含发明专利和实用新型专利',
  ].join('\n');
  const r = run('yearbook.csv', text);
  const obs = (zone: string) => tableRows(r.table).filter((o) => o.zone === zone).map((o) => [o.indicator, o.value, o.raw, o.flags]);

  it('§7 合计 rows are totals: not zones, listed', () => {
    expect(by(r, 3)[0].reason).toMatch(/合计行/);
    expect(by(r, 7)[0].reason).toMatch(/合计行/);
    expect(tableRows(r.table).some((o) => o.origin.row === 3 || o.origin.row === 7)).toBe(false);
  });

  it('§7 footnote marks (`*`, `①`) on names, values and headers are flags; the value is kept', () => {
    expect(obs('zhengzhou')).toEqual([
      ['gdp', 1234.5, '1,234.5*', ['footnote', 'footnote:*', 'thousands-separator']],
      ['patent_grants', 16284, '16284', ['footnote', 'footnote:*', 'footnote:①']],
    ]);
  });

  it('§7 `#` and `其中：` rows are "of which": flagged and read; `…` below the unit; `—` no such item', () => {
    expect(obs('xinxiang')).toEqual([['gdp', null, '…', ['of-which', 'below-unit']]]);
    expect(by(r, 5).find((i) => i.raw === '—')?.reason).toMatch(/无此项/);
    expect(obs('luoyang')).toEqual([
      ['gdp', 567.8, '567.8①', ['of-which', 'footnote', 'footnote:①']],
      ['patent_grants', 2000, '2000', ['of-which', 'footnote', 'footnote:①']],
    ]);
    expect(by(r, 8)[0].reason).toMatch(/表注行/);
  });
});

describe('names as pasted', () => {
  it('zone names carrying zero-width spaces, bidi controls or a BOM still match; the raw text is kept in the report', () => {
    const r = run('z.csv', '高新区,年份,综合排名\n郑州\u200b,2020,17\n\u202e洛阳\u202c,2020,37\n新乡\ufeff,2020,60\n');
    expect(tableRows(r.table).map((o) => [o.zone, o.value])).toEqual([['zhengzhou', 17], ['luoyang', 37], ['xinxiang', 60]]);
  });

  it('a `计量单位：万元` title gives the unit of a wide file\'s money columns, not of its counts', () => {
    const r = run('w.csv', '计量单位：万元\n高新区,年份,营业收入,专利授权量\n郑州,2021,20000,5\n');
    expect(tableRows(r.table).map((o) => [o.indicator, o.value, o.unit])).toEqual([['revenue', 2, '亿元'], ['patent_grants', 5, '件']]);
  });
});

describe('units and formula-looking cells', () => {
  it('a header in 万元 converts to the catalogue\'s 亿元, flagged, with one notice for the column', () => {
    const r = run('u.csv', `高新区,年份,营业收入（万元）\n郑州,2021,123456\n洛阳,2021,"1,000"\n`);
    expect(tableRows(r.table).map((o) => [o.value, o.unit, o.raw, o.flags])).toEqual([
      [12.3456, '亿元', '123456', ['unit-converted:万元']],
      [0.1, '亿元', '1,000', ['thousands-separator', 'unit-converted:万元']],
    ]);
    expect(r.notices.filter((n) => /万元 已换算为 亿元/.test(n))).toHaveLength(1);
  });

  it('a unit that cannot be converted (亿美元 for 亿元) is kept as written and warned about; 名 takes the catalogue spelling 位', () => {
    const r = run('u.csv', 'zone,year,indicator,value,unit\n郑州,2021,出口总额,12.5,亿美元\n郑州,2021,综合排名,17,名\n');
    expect(tableRows(r.table).map((o) => [o.value, o.unit])).toEqual([[12.5, '亿美元'], [17, '位']]);
    expect(r.issues.filter((i) => i.severity === 'warning').map((i) => i.row)).toEqual([2]);
  });

  it('X4 formula-looking cells are text, never evaluated: `=1+1`, `+1+1`, `@SUM(A1)` are not numbers', () => {
    const r = run('x4.csv', `高新区,年份,专利授权量,备注\n${zones[0].name},2021,=1+1,=HYPERLINK("http://x")\n${zones[1].name},2021,+1+1,\n${zones[2].name},2021,@SUM(A1),\n`);
    expect(tableRows(r.table)).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.raw)).toEqual(['=1+1', '+1+1', '@SUM(A1)']);
  });

  it('X4 an exporter\'s `\'` neutralisation is undone on re-import: the text and numbers come back, raw keeps the file', () => {
    const r = run('x4.csv', `高新区,年份,GDP增速(%),备注,来源\n郑州,2021,'-3.5,"'=cmd|' /C calc'!A0",'@公报\n`);
    expect(tableRows(r.table)).toHaveLength(1);
    expect(tableRows(r.table)[0]).toMatchObject({ value: -3.5, raw: "'-3.5", note: "=cmd|' /C calc'!A0", source: '@公报' });
  });

  it('X8 the full-width `＝ ＋ － ＠` neutralised by an export are recognised on re-import: the `\'` is removed again', () => {
    const r = run('x8.csv', `高新区,年份,GDP增速(%),备注,来源\n郑州,2021,'－3.5,"'＝cmd|' /C calc'!A0",'＠公报\n洛阳,2021,'＋2,'＋note,x\n`);
    expect(tableRows(r.table).map((o) => [o.value, o.raw, o.note, o.source])).toEqual([
      [-3.5, "'－3.5", "＝cmd|' /C calc'!A0", '＠公报'],
      [2, "'＋2", '＋note', 'x'],
    ]);
  });

  it('a header named __proto__, constructor or toString is just a name (prototype safety)', () => {
    const r = run('proto.csv', 'zone,year,indicator,value,unit,__proto__,constructor,toString,hasOwnProperty\n郑州,2020,rank_overall,17,,a,b,c,d\nconstructor,2020,__proto__,1,toString,,,,\n');
    expect(r.guess?.columns.slice(5).map((c) => [c.header, c.role])).toEqual([['__proto__', 'extra'], ['constructor', 'extra'], ['toString', 'extra'], ['hasOwnProperty', 'extra']]);
    expect(tableRows(r.table)).toHaveLength(1);
    expect(tableRows(r.table)[0].note).toBe('__proto__: a; constructor: b; toString: c; hasOwnProperty: d');
    expect(by(r, 3)[0]).toMatchObject({ column: 'zone', raw: 'constructor', severity: 'error' });
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    expect(Object.getPrototypeOf(tableRows(r.table)[0])).toBe(Object.prototype);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });
});
