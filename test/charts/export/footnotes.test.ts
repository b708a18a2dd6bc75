// @vitest-environment node
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tooltipHtml } from '../../../src/charts/context';
import { provenanceLines } from '../../../src/charts/rankings-input';
import { importFile } from '../../../src/data/import-file';
import { at } from '../../../src/data/table';
import { observationSpec, rowsFor } from '../../../src/features/export/observation-spec';
import { dataCsv, dataJson } from '../../../src/features/export/render';
import { translator } from '../../../src/i18n';
import { bundledContext, utf8 } from '../../data/bundled';

/**
 * Issue #14 item 3, end to end: a footnoted value (`3,456*`) keeps its mark from the import through the table
 * to the chart tooltip (escaped text) and to the CSV and JSON exports (a 脚注 / footnote column).
 */
const ctx = bundledContext();
const r = importFile('marks.csv', utf8([
  '高新区,年份,地区生产总值（亿元）',
  '郑州,2020,"3,456*"',
  '郑州,2021,3600',
  '洛阳,2021,812②',
  '',
  '* 为快报数 <img src=x onerror=alert(1)>',
  '② 含托管区',
].join('\n')), ctx);
const table = r.table;
const row = (zone: string, year: number) => Array.from({ length: table.size }, (_, i) => i).find((i) => at(table.zone, i) === zone && table.year[i] === year)!;
const gdp = ctx.catalogue.byId.get('gdp')!;
// a variable, not a literal: provenanceLines may take fewer options than a chart's
const opts = { lang: 'zh' as const, t: translator('zh'), zonesById: ctx.registry.byId, home: null, selected: new Set<string>() };

function spec(lang: 'zh' | 'en') {
  const chosen = ['zhengzhou', 'luoyang'].map((id) => ctx.registry.byId.get(id)!);
  return observationSpec(
    table,
    { id: 'trends', title: 'GDP', when: '2020—2021', unit: '亿元', rows: rowsFor(table, ['gdp'], null, [2020, 2021]), chosen, universe: 169, demo: false, build: () => ({}) },
    { lang, t: translator(lang), zonesById: ctx.registry.byId, catalogue: ctx.catalogue },
  );
}

describe('footnote marks through import → table → tooltip → export', () => {
  it('the table keeps the value, the raw text, the mark flags and the footer line', () => {
    const i = row('zhengzhou', 2020);
    expect([table.value[i], at(table.flags, i), at(table.note, i)]).toEqual([3456, ['footnote', 'thousands-separator', 'footnote:*'], '* 为快报数 <img src=x onerror=alert(1)>']);
    expect(at(table.flags, row('zhengzhou', 2021))).toEqual([]);
  });

  it('the tooltip shows the mark beside the value and the footer line as escaped text, never markup', () => {
    const lines = provenanceLines(table, row('zhengzhou', 2020), gdp, opts);
    expect(lines[0]).toMatch(/^3,456(\.0)?\* 亿元/);
    expect(lines.some((l) => l.includes('* 为快报数'))).toBe(true);
    const html = tooltipHtml(lines);
    expect(html).not.toContain('<img');
    expect(html).toContain('* 为快报数 &#60;img src=x onerror=alert(1)&#62;');
    expect(provenanceLines(table, row('zhengzhou', 2021), gdp, opts)[0]).not.toMatch(/\*/);
  });

  it('CSV: a 脚注 column holding the mark, empty for an unmarked value', async () => {
    const csv = new TextDecoder().decode(await dataCsv(spec('zh')).arrayBuffer());
    const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const h = rows[0];
    const col = (name: string) => h.indexOf(name);
    expect(col('脚注')).toBeGreaterThan(0);
    const data = rows.slice(1).map((x) => [x[col('高新区')], x[col('年份')], x[col('数值')], x[col('原文')], x[col('脚注')]]);
    expect(data).toEqual([
      ['郑州高新技术产业开发区', '2020', '3456', '3,456*', '*'],
      ['郑州高新技术产业开发区', '2021', '3600', '3600', ''],
      ['洛阳高新技术产业开发区', '2021', '812', '812②', '②'],
    ]);
  });

  it('JSON: a footnote field holding the mark', async () => {
    const json = (JSON.parse(await dataJson(spec('en')).text()) as { rows: Record<string, unknown>[] }).rows;
    expect(json.map((o) => [o.year, o.value, o.raw, o.footnote])).toEqual([[2020, 3456, '3,456*', '*'], [2021, 3600, '3600', ''], [2021, 812, '812②', '②']]);
  });
});
