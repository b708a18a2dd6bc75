// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../src/charts/export/filename';
import { readBasis } from '../../src/data/basis';
import { DEMO_CSV_COMMENT, isDemoDataset } from '../../src/data/demo-mark';
import { importFile, type ImportResult } from '../../src/data/import-file';
import { parseManifest } from '../../src/data/manifest';
import { at, tableRows, type TidyTable } from '../../src/data/table';
import { observationSpec, rowsFor } from '../../src/features/export/observation-spec';
import { dataCsv, dataJson, fileName } from '../../src/features/export/render';
import { translator } from '../../src/i18n';
import { bundledContext, readBytes, utf8 } from './bundled';

const ctx = bundledContext();
const demo = importFile('demo/panel.csv', readBytes('data/demo/panel.csv'), ctx);
const reported = importFile('reported/rankings.csv', readBytes('data/reported/rankings.csv'), ctx);
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

/** The export of a trends chart (郑州, 洛阳 · GDP 2016—2023) as the views build it. */
function spec(table: TidyTable, isDemo: boolean, lang: 'zh' | 'en' = 'zh', ind = 'gdp') {
  const chosen = ['zhengzhou', 'luoyang'].map((id) => ctx.registry.byId.get(id)!);
  return observationSpec(
    table,
    { id: 'trends', title: lang === 'zh' ? '国内生产总值' : 'GDP', when: '2016—2023', unit: '亿元', rows: rowsFor(table, [ind], new Set(chosen.map((z) => z.id)), YEARS), chosen, universe: 169, demo: isDemo, build: () => ({}) },
    { lang, t: translator(lang), zonesById: ctx.registry.byId, catalogue: ctx.catalogue },
  );
}

/** The text of a blob with its BOM kept (Blob.text() drops it). */
const textOf = async (b: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await b.arrayBuffer());
const userDataset = (r: ImportResult) => ({ kind: 'user' as const, reports: [r] });

describe('demo data is marked in every file it leaves in (issue #14)', () => {
  it('the demo panel reads as basis synthetic (final years) and preliminary (the latest year), never reported', () => {
    expect(demo.blocked).toBe(false);
    expect(demo.synthetic).toBe(true);
    const bases = new Set(tableRows(demo.table).map((o) => `${o.year === 2023 ? 2023 : 'final'}:${o.basis}`));
    expect([...bases].sort()).toEqual(['2023:preliminary', 'final:synthetic']);
    expect(reported.synthetic).toBe(false);
  });

  it('CSV: a first comment line, a dataset column reading synthetic on every row, and 性质 合成', async () => {
    const s = spec(demo.table, true);
    const text = await textOf(dataCsv(s));
    const lines = text.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(DEMO_CSV_COMMENT);
    expect(lines[0]).toMatch(/^# 演示数据（合成，非真实统计）/);
    // one cell in a spreadsheet: no ASCII comma, no quote
    expect(lines[0]).not.toMatch(/[",]/);
    const header = lines[1].split(',');
    expect(header[header.length - 1]).toBe('dataset');
    expect(lines.length - 2).toBe(s.table.rows.length);
    expect(s.table.rows.length).toBe(16);
    for (const l of lines.slice(2)) expect(l.endsWith(',synthetic')).toBe(true);
    expect(lines.slice(2).some((l) => l.includes(',合成,'))).toBe(true);
    expect(lines.slice(2).some((l) => l.includes(',公布,'))).toBe(false);
  });

  it('JSON: "synthetic": true at the top level, and dataset on every row', async () => {
    const j = JSON.parse(await dataJson(spec(demo.table, true)).text()) as { synthetic: boolean; notice: string; rows: Record<string, unknown>[] };
    expect(j.synthetic).toBe(true);
    expect(Object.keys(j)).toEqual(['synthetic', 'notice', 'sources', 'rows']);
    expect(j.notice).toMatch(/演示数据.*synthetic/);
    expect(j.rows).toHaveLength(16);
    for (const r of j.rows) expect(r.dataset).toBe('synthetic');
    expect(j.rows.filter((r) => r['年份'] !== 2023).every((r) => r['性质'] === '合成')).toBe(true);
  });

  it('file names of demo data start with 演示数据_ (demo_ in English), for every kind of file', () => {
    const zh = spec(demo.table, true);
    const en = spec(demo.table, true, 'en');
    for (const ext of ['png', 'svg', 'csv', 'json', 'zip'] as const) {
      expect(fileName(zh, ext, undefined, 'zh')).toMatch(new RegExp(`^演示数据_国内生产总值_2016—2023_河南2区\\.${ext}$`));
      expect(fileName(en, ext, undefined, 'en')).toMatch(new RegExp(`^demo_GDP_2016—2023_\\S+_2_zones\\.${ext}$`));
    }
    expect(fileName(zh, 'png', '3x', 'zh')).toBe('演示数据_国内生产总值_2016—2023_河南2区_3x.png');
    // the view's ZIP
    expect(exportFileName({ indicator: '综合排名', year: 2020 }, 'zip', { demo: true, lang: 'zh' })).toBe('演示数据_综合排名_2020.zip');
    // the prefix survives the length cut
    expect(exportFileName({ indicator: '长'.repeat(300) }, 'csv', { demo: true, lang: 'zh' })).toMatch(/^演示数据_长+\.csv$/);
    expect(exportFileName({ indicator: '' }, 'csv', { demo: true, lang: 'en' })).toBe('demo_chart.csv');
  });

  it('exports of real data are unmarked: no prefix, no comment, no dataset column, no synthetic field in the JSON', async () => {
    const s = spec(reported.table, false, 'zh', 'rank_overall');
    expect(fileName(s, 'csv', undefined, 'zh')).toBe('国内生产总值_2016—2023_河南2区.csv');
    const text = await textOf(dataCsv(s));
    expect(text.replace(/^\ufeff/, '').startsWith('高新区,')).toBe(true);
    expect(text).not.toMatch(/synthetic|演示数据/);
    // {"sources": [...], "rows": [...]} (the numbered source list beside the rows), nothing saying synthetic
    const j = JSON.parse(await dataJson(s).text()) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['sources', 'rows']);
    expect(Array.isArray(j.rows)).toBe(true);
  });
});

describe('a demo export brought back in stays demo data', () => {
  it.each(['zh', 'en'] as const)('CSV (%s headers): the user dataset is marked demo', async (lang) => {
    const s = spec(demo.table, true, lang);
    const bytes = new Uint8Array(await dataCsv(s).arrayBuffer());
    const r = importFile(fileName(s, 'csv', undefined, lang), bytes, ctx);
    expect(r.blocked).toBe(false);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.table.size).toBe(16);
    expect(r.synthetic).toBe(true);
    expect(r.notices.some((n) => /演示数据/.test(n))).toBe(true);
    expect(isDemoDataset(userDataset(r))).toBe(true);
    // final years come back as basis synthetic, not reported
    const rows = tableRows(r.table);
    expect(rows.filter((o) => o.year < 2023).every((o) => o.basis === 'synthetic')).toBe(true);
    expect(rows.find((o) => o.zone === 'zhengzhou' && o.year === 2020)?.value).toBe(tableRows(demo.table).find((o) => o.zone === 'zhengzhou' && o.year === 2020 && o.indicator === 'gdp')?.value);
  });

  it('JSON: the user dataset is marked demo', async () => {
    const s = spec(demo.table, true);
    const bytes = new Uint8Array(await dataJson(s).arrayBuffer());
    const r = importFile(fileName(s, 'json'), bytes, ctx);
    expect(r.blocked).toBe(false);
    expect(r.format).toBe('json');
    expect(r.table.size).toBe(16);
    expect(r.synthetic).toBe(true);
    expect(isDemoDataset(userDataset(r))).toBe(true);
  });

  it('each mark alone is enough: the comment line, the dataset column, the JSON field, the basis', () => {
    const body = '高新区,年份,指标,数值,单位\n郑州,2020,GDP,1000,亿元\n';
    const one = (name: string, text: string) => importFile(name, utf8(text), ctx);
    expect(one('a.csv', `${DEMO_CSV_COMMENT}\n${body}`).synthetic).toBe(true);
    expect(one('b.csv', '高新区,年份,指标,数值,dataset\n郑州,2020,GDP,1000,synthetic\n').synthetic).toBe(true);
    expect(one('c.json', JSON.stringify({ synthetic: true, rows: [{ zone: '郑州', year: 2020, indicator: 'gdp', value: 1 }] })).synthetic).toBe(true);
    expect(one('d.csv', 'zone,year,indicator,value,basis\nzhengzhou,2020,gdp,1,synthetic\n').synthetic).toBe(true);
    // and without any of them a file is not demo data
    const plain = one('e.csv', body);
    expect(plain.synthetic).toBe(false);
    expect(isDemoDataset(userDataset(plain))).toBe(false);
    expect(one('f.csv', '# a comment about GDP\n' + body).synthetic).toBe(false);
    expect(one('g.json', JSON.stringify({ synthetic: false, rows: [{ zone: '郑州', year: 2020, indicator: 'gdp', value: 1 }] })).synthetic).toBe(false);
  });

  it('the basis vocabulary reads 合成 and synthetic', () => {
    expect(readBasis('合成')).toBe('synthetic');
    expect(readBasis('synthetic')).toBe('synthetic');
    expect(readBasis('Synthetic (preliminary)')).toBe('preliminary');
    expect(readBasis('公布')).toBe('reported');
    const r = importFile('h.csv', utf8('zone,year,indicator,value,basis\nzhengzhou,2020,gdp,1,合成\n'), ctx);
    expect(at(r.table.basis, 0)).toBe('synthetic');
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
});

describe('data/manifest.json: a dataset of unknown kind is an error, never read as reported', () => {
  const entry = (kind: unknown) => ({ datasets: [{ id: 'henan-2023', kind, title: 'x', files: ['henan/2023.csv'] }] });
  it.each([['synthetic'], ['Demo'], [''], [42]])('kind %j', (kind) => {
    expect(() => parseManifest(entry(kind))).toThrow(/data\/manifest\.json.*"henan-2023".*kind/);
  });
  it('a missing kind too', () => {
    expect(() => parseManifest(entry(undefined))).toThrow(/data\/manifest\.json.*henan-2023.*no kind given/);
  });
  it('the known kinds still read', () => {
    expect(parseManifest(entry('demo')).datasets[0].kind).toBe('demo');
    expect(parseManifest(entry('reported')).datasets[0].kind).toBe('reported');
    expect(parseManifest(JSON.parse(new TextDecoder().decode(readBytes('data/manifest.json')))).datasets.map((d) => d.kind)).toEqual(['reported', 'demo']);
  });
});
