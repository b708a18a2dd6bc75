// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { ISSUE_CAP, IssueLog, clipRaw, joinClipped } from '../../src/data/issue-log';
import { jsonToRows } from '../../src/data/json-rows';
import { LIMITS } from '../../src/data/limits';
import { inLang } from '../../src/i18n/bilingual';
import { bundledContext, utf8 } from './bundled';

const ctx = bundledContext();

describe('J1: JSON keys are counted against the column limit before any grid is built', () => {
  it('J1 4,000 objects of one new key each (47 KB) are refused at the column limit, naming it, without a 16 M-cell grid', () => {
    const text = `[${Array.from({ length: 4000 }, (_, i) => `{"k${i}":1}`).join(',')}]`;
    expect(text.length).toBeLessThan(48_000);
    const r = jsonToRows(text);
    expect('error' in r && r.error).toMatch(/2,001 个不同的键.*超过上限 2,000 列.*limit of 2,000 columns/);
    // the refusal comes at the object that brought the 2,001st key, not after the last one
    expect('error' in r && r.row).toBe(2002);
    const imported = importFile('keys.json', utf8(text), ctx);
    expect(imported.blocked).toBe(true);
    expect(imported.issues).toHaveLength(1);
    expect(imported.issues[0]).toMatchObject({ row: 2002, severity: 'error' });
    expect(imported.sample).toEqual([]);
  });

  it('J1 fewer keys than the limit, but spread so thin that the grid would dwarf the file, are refused too', () => {
    // 1,500 keys, one per object: 1,500 × 1,501 = 2.25 M cells from 17 KB of text
    const text = `[${Array.from({ length: 1500 }, (_, i) => `{"k${i}":1}`).join(',')}]`;
    const r = jsonToRows(text);
    expect('error' in r && r.error).toMatch(/单元格，超过上限 1,000,000 个.*more than the limit of 1,000,000/);
  });

  it('J1 a dense JSON export, and a small sparse one, still read', () => {
    const dense = `[${Array.from({ length: 3000 }, (_, i) => `{"zone":"郑州","year":${2000 + (i % 20)},"indicator":"gdp","value":${i}}`).join(',')}]`;
    expect(jsonToRows(dense)).toMatchObject({ rows: expect.any(Array) });
    const sparse = '[{"zone":"郑州","year":2020,"gdp":1},{"zone":"洛阳","year":2020,"patents":2},{"zone":"新乡","year":2020,"rank_overall":3}]';
    const r = jsonToRows(sparse, LIMITS);
    expect('rows' in r && r.rows[0]).toEqual(['zone', 'year', 'gdp', 'patents', 'rank_overall']);
  });
});

describe('R1: issues are capped per file, the rest counted per column and reason', () => {
  it('R1 a 1,000 × 1,000 file of `x` keeps the first 1,000 issues and one summary row counting the rest', () => {
    const header = ['高新区', '年份', ...Array(998).fill('营业收入')].join(',');
    const row = ['中关村', '2020', ...Array(998).fill('x')].join(',');
    const text = [header, ...Array(999).fill(row)].join('\n');
    expect(text.length).toBeGreaterThan(1_990_000);
    const r = importFile('wide.csv', utf8(text), ctx);
    const listed = r.issues.filter((i) => !i.count);
    const summaries = r.issues.filter((i) => i.count);
    expect(listed).toHaveLength(ISSUE_CAP);
    expect(summaries).toHaveLength(1);
    // every issue is either listed or counted: 997 renamed headers + 998 × 999 missing cells
    expect(listed.length + summaries[0].count!).toBe(997 + 998 * 999);
    expect(summaries[0]).toMatchObject({ row: 0, severity: 'info' });
    expect(summaries[0].reason).toMatch(/^另有 996,999 个同类问题未逐一列出：列“营业收入_\d+”‘缺失：无数据’ 999 个；/);
    expect(inLang(summaries[0].reason, 'en')).toMatch(/^996,999 more issues not listed: column “营业收入_\d+” ‘not available’ 999; /);
    // small enough to send to the page and keep: the whole report under 1 MB of JSON
    expect(JSON.stringify(r).length).toBeLessThan(1_000_000);
  });

  it('R1 the N12 count of unreadable cells still counts every cell, listed or not', () => {
    const header = '高新区,年份,营业收入';
    const names = ctx.registry.zones.slice(0, 150).map((z) => z.name);
    expect(names).toHaveLength(150);
    const rows = Array.from({ length: 3000 }, (_, i) => `${names[i % 150]},${2000 + Math.floor(i / 150)},${i % 3 ? 'abc' : '12'}`);
    const r = importFile('n12.csv', utf8([header, ...rows].join('\n')), ctx);
    expect(r.issues.filter((i) => !i.count).length).toBeLessThanOrEqual(ISSUE_CAP + 1);
    expect(r.issues.find((i) => /个数值单元格中有/.test(i.reason))?.reason).toMatch(/3000 个数值单元格中有 2000 个/);
    expect(r.issues.find((i) => i.count)?.count).toBe(1000);
  });

  it('R1 raw text in an issue is cut to 200 characters with its full length said', () => {
    expect(clipRaw('a'.repeat(240))).toBe('a'.repeat(240));
    expect(clipRaw('a'.repeat(1_000_000))).toBe(`${'a'.repeat(200)}…（共 1,000,000 字符）`);
    expect(clipRaw(clipRaw('a'.repeat(5000)))).toBe(clipRaw('a'.repeat(5000)));
    expect(joinClipped(['a'.repeat(300), 'b'], ' | ')).toBe(`${'a'.repeat(200)}…（共 304 字符）`);
    expect(joinClipped(['a', 'b'], ' | ')).toBe('a | b');
    // a long row's extra cells: the issue holds the first 200 characters and the length, not the row
    const long = `高新区,年份,营业收入\n中关村,2020,12,${Array(900).fill('x'.repeat(1000)).join(',')}\n`;
    const r = importFile('long.csv', utf8(long), ctx);
    const issue = r.issues.find((i) => /多于表头/.test(i.reason))!;
    expect(issue.raw).toBe(`${'x'.repeat(200)}…（共 902,697 字符）`);
  });

  it('R1 reasons that name their cell stay a bounded number of groups', () => {
    const log = new IssueLog(1);
    for (let i = 0; i < 100_000; i++) log.add({ file: 'f', row: i, column: `c${i % 500}`, raw: '', reason: `原因 ${i} (reason ${i})`, severity: 'warning' });
    const list = log.list('f');
    expect(list).toHaveLength(2);
    expect(list[1].count).toBe(99_999);
    expect(list[1].reason.length).toBeLessThan(2000);
    expect(list[1].reason).toMatch(/其他原因|其他列/);
  });
});
