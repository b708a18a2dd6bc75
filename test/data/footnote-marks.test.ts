// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { marksOf } from '../../src/data/footnotes';
import { footerLines, footerMarks, readNumber, splitMarks } from '../../src/data/numbers';
import { stripMarks } from '../../src/data/header-rows';
import { at, tableRows } from '../../src/data/table';
import { bundledContext, utf8 } from './bundled';

/**
 * Issue #14 item 3: a yearbook value's footnote mark (`3,456*`, `812②`, `12.5△`, `7#`, `45ᵃ`, `88注1`) is kept
 * as a flag carrying the mark, never dropped, never part of the number or of a zone name; a footer line that
 * starts with the mark is attached to the value's note.
 */
const ctx = bundledContext();
const run = (name: string, text: string) => importFile(name, utf8(text), ctx);

describe('readNumber keeps the footnote mark', () => {
  it.each([
    ['3,456*', 3456, ['*']],
    ['812②', 812, ['②']],
    ['12.5△', 12.5, ['△']],
    ['3.5▲', 3.5, ['▲']],
    ['7#', 7, ['#']],
    ['45ᵃ', 45, ['ᵃ']],
    ['88注1', 88, ['注1']],
    ['88注①', 88, ['注①']],
    ['5 注 2', 5, ['注2']],
    ['12.5**', 12.5, ['**']],
    ['12.5a)', 12.5, ['a)']],
    ['100＊', 100, ['*']],
    ['1,234.5*②', 1234.5, ['*', '②']],
    ['6.2%*', 6.2, ['*']],
    ['12.5²', 12.5, ['²']],
  ])('%j → %d with marks %j and the footnote flag', (raw, value, marks) => {
    const r = readNumber(raw);
    expect(r.kind === 'number' && r.value).toBe(value);
    expect(r.kind === 'number' && r.marks).toEqual(marks);
    expect(r.kind === 'number' && r.flags).toContain('footnote');
  });

  it.each(['12.5', '1,234', '120km²', '(12.5)', '约500'])('%j has no mark', (raw) => {
    const r = readNumber(raw);
    expect(r.kind).toBe('number');
    expect(r.kind === 'number' && r.marks).toBeUndefined();
  });

  it.each(['*', '#', '12.5a', '注1', '△', '#N/A'])('%j alone or as a letter is never a number', (raw) => {
    expect(readNumber(raw).kind).not.toBe('number');
  });

  it('splits a tail into marks, one by one, in a canonical spelling', () => {
    expect(splitMarks('*②')).toEqual(['*', '②']);
    expect(splitMarks('**')).toEqual(['**']);
    expect(splitMarks('¹²')).toEqual(['¹²']);
    expect(splitMarks('注 1')).toEqual(['注1']);
    expect(splitMarks('＊')).toEqual(['*']);
  });

  it('names and headers lose their marks, but 备注 and 附注 keep their 注', () => {
    expect(stripMarks('郑州高新区*')).toEqual({ text: '郑州高新区', marked: true, marks: ['*'] });
    expect(stripMarks('营业收入注1')).toEqual({ text: '营业收入', marked: true, marks: ['注1'] });
    expect(stripMarks('备注1').marked).toBe(false);
    expect(stripMarks('附注①')).toEqual({ text: '附注', marked: true, marks: ['①'] });
    expect(stripMarks('面积km²').marked).toBe(false);
  });

  it('footer lines that start with a mark; `#郑州` is an "of which" row, not a note', () => {
    expect(footerMarks('* 为快报数')).toEqual(['*']);
    expect(footerMarks('②含托管区')).toEqual(['②']);
    expect(footerMarks('注1：含托管区')).toEqual(['注1']);
    expect(footerMarks('# 为预计数')).toEqual(['#']);
    expect(footerMarks('a) 含托管区')).toEqual(['a)']);
    expect(footerMarks('#郑州')).toBeNull();
    expect(footerMarks('注：本表数据为初步统计')).toBeNull();
    expect(footerMarks('资料来源：火炬中心')).toBeNull();
    expect(footerLines('注：①含发明专利；②不含港澳台')).toEqual(['①含发明专利', '②不含港澳台']);
    expect(footerLines('* 为快报数')).toEqual(['* 为快报数']);
  });
});

describe('import: the mark is a flag, the footer line its note', () => {
  const text = [
    '高新区,年份,营业收入（亿元）,专利授权量（件）',
    '郑州,2021,"3,456*",812②',
    '洛阳,2021,12.5△,7#',
    '新乡,2021,45ᵃ,88注1',
    '',
    '* 为快报数',
    '注：①含托管区；②含发明专利和实用新型专利',
    '注1：按新口径统计',
    '资料来源：火炬中心',
  ].join('\n');
  const r = run('marks.csv', text);
  const rows = tableRows(r.table);
  const get = (zone: string, indicator: string) => rows.find((o) => o.zone === zone && o.indicator === indicator)!;

  it('every value is read as its number with its mark as a flag; nothing lost', () => {
    expect(r.blocked).toBe(false);
    expect(rows.map((o) => [o.zone, o.value, marksOf(o.flags)])).toEqual([
      ['zhengzhou', 3456, ['*']],
      ['zhengzhou', 812, ['②']],
      ['luoyang', 12.5, ['△']],
      ['luoyang', 7, ['#']],
      ['xinxiang', 45, ['ᵃ']],
      ['xinxiang', 88, ['注1']],
    ]);
    expect(rows.every((o) => o.flags.includes('footnote'))).toBe(true);
    expect(get('zhengzhou', 'patent_grants').raw).toBe('812②');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a footer line starting with the mark becomes the value\'s note; footer lines are not data rows', () => {
    expect(get('zhengzhou', 'revenue').note).toBe('* 为快报数');
    expect(get('zhengzhou', 'patent_grants').note).toBe('②含发明专利和实用新型专利');
    expect(get('xinxiang', 'patent_grants').note).toBe('注1：按新口径统计');
    expect(get('luoyang', 'revenue').note).toBe('');
    expect(r.issues.filter((i) => /表注行/.test(i.reason)).map((i) => i.row)).toEqual([6, 7, 8, 9]);
    expect(at(r.table.source, 0)).toBe('火炬中心');
  });

  it('a mark on a zone name is a flag on the row\'s values, never part of the name', () => {
    const z = run('z.csv', '高新区,年份,营业收入（亿元）\n郑州*,2021,100\n\n* 为快报数\n');
    expect(tableRows(z.table).map((o) => [o.zone, o.value, marksOf(o.flags), o.note])).toEqual([['zhengzhou', 100, ['*'], '* 为快报数']]);
  });

  it('a mark on a header is a flag on every value of its column', () => {
    const h = run('h.csv', '高新区,年份,营业收入（亿元）①\n郑州,2021,100\n洛阳,2021,200\n注：①含托管区\n');
    expect(tableRows(h.table).map((o) => [o.zone, marksOf(o.flags), o.note])).toEqual([['zhengzhou', ['①'], '注：①含托管区'], ['luoyang', ['①'], '注：①含托管区']]);
  });
});

describe('flags are never shared between values (issue #14 item 4)', () => {
  it('a value next to a unit-converted one (same zone, same file) carries no conversion flag', () => {
    // 营业收入 is catalogued in 亿元: the 万元 row is converted; the next rows of the same zone are not
    const r = run('units.csv', [
      'zone,year,indicator,value,unit',
      '郑州,2019,营业收入,20000,万元',
      '郑州,2020,营业收入,3,亿元',
      '郑州,2021,专利授权量,100,件',
      '郑州,2021,营业收入,4,',
    ].join('\n'));
    const flags = tableRows(r.table).map((o) => [o.year, o.indicator, o.value, o.flags]);
    expect(flags).toEqual([
      [2019, 'revenue', 2, ['unit-converted:万元']],
      [2020, 'revenue', 3, []],
      [2021, 'patent_grants', 100, []],
      [2021, 'revenue', 4, []],
    ]);
  });

  it('the flags kept in the table cannot be pushed to', () => {
    const r = run('w.csv', '高新区,年份,营业收入（万元）,专利授权量（件）\n郑州,2020,20000,100\n郑州,2021,30000,200\n');
    expect(tableRows(r.table).map((o) => [o.indicator, o.flags])).toEqual([
      ['revenue', ['unit-converted:万元']], ['patent_grants', []], ['revenue', ['unit-converted:万元']], ['patent_grants', []],
    ]);
    for (const f of r.table.flags.dict) if (f.length === 0) expect(Object.isFrozen(f)).toBe(true);
  });
});
