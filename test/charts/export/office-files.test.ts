// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rankingsChartInput } from '../../../src/charts/rankings-input';
import { importFile } from '../../../src/data/import-file';
import { parseEvaluationsJson } from '../../../src/data/evaluations';
import { parseTierRules } from '../../../src/data/source-tiers-parse';
import { concatTables } from '../../../src/data/table-builder';
import { buildDocx } from '../../../src/features/export/office/docx';
import { buildPptx } from '../../../src/features/export/office/pptx';
import { buildXlsx } from '../../../src/features/export/office/xlsx';
import { rankingsExportSpec } from '../../../src/features/rankings/rankings-export';
import { translator } from '../../../src/i18n';
import { rankUniverse } from '../../../src/model/rank-universe';
import { buildRankings } from '../../../src/model/rankings';
import { bundledContext } from '../../data/bundled';
import { fixtureOptions, fixtureSpec, HOSTILE, PNG } from './office-fixture';

/**
 * Issue #18 items 2–4: each Office file built from a spec and opened again — the workbook read back with the same
 * library, the deck and the report unzipped and their XML parsed (jsdom's DOMParser, hence the environment) and searched.
 */
const ESCAPED = '&lt;script&gt;&amp;&quot;';

/** Every XML part of an Office file, parsed: a part that is not well-formed fails here, before any text is looked for. */
function xmlParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const text = strFromU8(data);
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    expect(doc.getElementsByTagName('parsererror').length, `${name} is not well-formed XML`).toBe(0);
    out[name] = text;
  }
  return out;
}

/** The hostile text is in the file escaped, and nowhere as markup. */
function expectEscaped(parts: Record<string, string>) {
  const all = Object.values(parts).join('\n');
  expect(all).toContain(ESCAPED);
  expect(all).not.toContain('<script');
}

describe('Excel: the data of a view', () => {
  it('reads back to the same numbers, formatted with the catalogue decimals, the unit in the header, text as text', async () => {
    const spec = fixtureSpec();
    const bytes = await buildXlsx([spec], fixtureOptions());
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
    expect(wb.SheetNames).toEqual(['营业收入', '来源', '说明']);
    const ws = wb.Sheets['营业收入'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    expect(rows[0][4]).toBe('数值（亿元）');
    expect(rows.slice(1).map((r) => r[4])).toEqual([1316.25, 12345.5, null]);
    expect(ws.E2.t).toBe('n');
    expect(ws.E2.z).toBe('#,##0.0');
    expect(ws.E2.w).toBe('1,316.3');
    // the year and the source number stay numbers in Excel's General format (2020, not 2,020)
    expect(ws.C2.v).toBe(2020);
    expect(ws.C2.z ?? 'General').toBe('General');
    expect(rows[2][0]).toBe(HOSTILE);
    // docs/hostile-inputs.md X4: a formula-looking note is a text cell, not a formula
    expect(ws.M3.t).toBe('s');
    expect(ws.M3.f).toBeUndefined();
    expect(ws.M3.v).toBe('=HYPERLINK("http://evil")');
    expect(ws['!autofilter']?.ref).toBe('A1:N4');
    const parts = xmlParts(bytes);
    expectEscaped(parts);
    expect(Object.values(parts).join('')).not.toMatch(/<f>/);
  });

  it('a 来源 sheet with every source of every chart: chart, number, citation, tier', async () => {
    const a = fixtureSpec();
    const b = fixtureSpec({ id: 'b', sources: [{ no: 1, citation: '新华社 2021-01', title: '新华社', tier: 'media' }] });
    const wb = XLSX.read(await buildXlsx([a, b], fixtureOptions()), { type: 'array' });
    expect(wb.SheetNames).toEqual(['营业收入', '营业收入 (2)', '来源', '说明']);
    const sources = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['来源'], { header: 1, raw: true });
    expect(sources).toEqual([
      ['图表', '编号', '来源', '来源可信度'],
      ['营业收入', 1, '郑州高新区2020年统计公报 https://example.gov.cn/a.html', '官方来源'],
      ['营业收入', 2, `${HOSTILE} 某网站`, '转载（聚合站）'],
      ['营业收入 (2)', 1, '新华社 2021-01', '媒体报道'],
    ]);
    const about = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['说明'], { header: 1, raw: true });
    expect(about).toContainEqual(['视图', '营业收入 · 2020年']);
    expect(about).toContainEqual(['导出日期', '2026年3月5日']);
    expect(about).toContainEqual(['标题', '营业收入（亿元）']);
    expect(about).toContainEqual(['概述', fixtureSpec().summary]);
  });

  it('demo data: the 说明 sheet first, opening with the notice; every row says synthetic', async () => {
    const wb = XLSX.read(await buildXlsx([fixtureSpec({ demo: true })], fixtureOptions()), { type: 'array' });
    expect(wb.SheetNames).toEqual(['说明', '营业收入', '来源']);
    const about = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['说明'], { header: 1, raw: true });
    expect(String(about[0][0])).toMatch(/^演示数据（合成，非真实统计）/);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['营业收入'], { header: 1, raw: true, defval: null });
    expect(rows[0].at(-1)).toBe('dataset');
    expect(rows.slice(1).map((r) => r.at(-1))).toEqual(['synthetic', 'synthetic', 'synthetic']);
  });

  it('the published 2020 ranking of every zone reads back to the ranks of the spec', async () => {
    const ctx = bundledContext();
    const files = ['rankings', 'seed_facts', 'zone_indicators', 'national'].map((f) => `data/reported/${f}.csv`);
    const table = concatTables(files.map((f) => importFile(f, new Uint8Array(readFileSync(f)), ctx).table));
    const rules = parseTierRules(JSON.parse(readFileSync('data/source-tiers.json', 'utf8')));
    const universe = rankUniverse(ctx.registry.zones, parseEvaluationsJson(JSON.parse(readFileSync('data/evaluations.json', 'utf8'))), 2020);
    const rank = ctx.catalogue.byId.get('rank_overall')!;
    const t = translator('zh');
    const r = buildRankings(table, rank, 2020, ctx.registry.zones);
    const input = rankingsChartInput(r, table, { zonesById: ctx.registry.byId, lang: 'zh', t, home: null, selected: new Set(), universe, tierRules: rules });
    const spec = rankingsExportSpec(r, table, input, { lang: 'zh', t, chosen: [], universe, demo: false, zonesById: ctx.registry.byId, tierRules: rules });
    expect(spec.table.rows.length).toBeGreaterThan(20);
    const wb = XLSX.read(await buildXlsx([spec], fixtureOptions()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, defval: null });
    expect(rows[0][3]).toBe('数值（位）');
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : v === null || v === undefined || v === '' ? null : v);
    expect(rows.slice(1).map((row) => row[3])).toEqual(spec.table.rows.map((row) => num(row[3])));
    expect(rows.slice(1).map((row) => row[1])).toEqual(spec.table.rows.map((row) => row[1]));
    expect(XLSX.utils.sheet_to_json(wb.Sheets['来源']).length).toBe(spec.sources.length);
  });
});

describe('PowerPoint: a deck of the view', () => {
  it('a title slide with the filters, a 16:9 slide per chart with its picture and editable text', async () => {
    const bytes = await buildPptx([fixtureSpec(), fixtureSpec({ id: 'b', title: '第二张' })], [{ png: PNG, width: 1184, height: 432 }, { png: PNG, width: 1184, height: 432 }], fixtureOptions());
    const files = unzipSync(bytes);
    const parts = xmlParts(bytes);
    expect(parts['ppt/presentation.xml']).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    const title = parts['ppt/slides/slide1.xml'];
    expect(title).toContain('<a:t>营业收入 · 2020年</a:t>');
    expect(title).toContain('<a:t>共 2 张图表 · 导出日期：2026年3月5日</a:t>');
    expect(title).toContain(`<a:t>高新区：郑州高新区（河南）、${ESCAPED}（河南）</a:t>`);
    // one <a:pPr> per paragraph, first: a second one between runs is invalid and PowerPoint asks to repair the file
    for (const [name, xml] of Object.entries(parts).filter(([k]) => /^ppt\/(slides|notesSlides)\/.+\.xml$/.test(k))) {
      for (const para of xml.match(/<a:p>.*?<\/a:p>/g) ?? []) expect((para.match(/<a:pPr[ >/]/g) ?? []).length, `${name}: ${para.slice(0, 200)}`).toBeLessThanOrEqual(1);
    }
    const slide = parts['ppt/slides/slide2.xml'];
    expect(slide).toContain('<a:t>营业收入（亿元）</a:t>');
    expect(slide).toContain(`<a:t>郑州、${ESCAPED} · 2020年</a:t>`);
    expect(slide).toContain(`<a:t>数据来源：[1] 郑州高新区2020年统计公报；[2] ${ESCAPED}</a:t>`);
    expect(slide).toMatch(/<a:t>注：注意 &lt;script&gt;&amp;&quot;；空心标记为推算、估计、初步或目标数<\/a:t>/);
    expect(slide).toContain('<a:t>导出日期：2026年3月5日</a:t>');
    expect(slide).toContain('<a:ea typeface="微软雅黑"');
    expect(slide).toContain('<p:pic>');
    expect(parts['ppt/slides/slide3.xml']).toContain('<a:t>第二张（亿元）</a:t>');
    // the pictures are PNG parts, the bytes given
    const media = Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(2);
    expect(files[media[0]]).toEqual(PNG);
    expect(parts['ppt/slides/_rels/slide2.xml.rels']).toMatch(/Target="\.\.\/media\/[^"]+\.png"/);
    // full citations in the speaker notes
    expect(Object.entries(parts).filter(([k]) => k.startsWith('ppt/notesSlides/notesSlide')).map(([, v]) => v).join('')).toContain('https://example.gov.cn/a.html（官方来源）');
    // no demo mark on real data
    expect(Object.values(parts).join('')).not.toContain('演示数据');
    expectEscaped(parts);
  });

  it('demo data: the mark on every slide; English: Arial and English words', async () => {
    const demo = xmlParts(await buildPptx([fixtureSpec({ demo: true })], [{ png: PNG, width: 1184, height: 432 }], fixtureOptions()));
    for (const s of ['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']) expect(demo[s]).toContain('<a:t>演示数据（合成，非真实统计）</a:t>');
    const en = xmlParts(await buildPptx([fixtureSpec({ title: 'Revenue', unit: '100M yuan', subtitle: '2 zones · 2020' })], [{ png: PNG, width: 1184, height: 432 }], fixtureOptions('en')));
    expect(en['ppt/slides/slide2.xml']).toContain('<a:t>Revenue (100M yuan)</a:t>');
    expect(en['ppt/slides/slide2.xml']).toContain('<a:t>Exported 5 Mar 2026</a:t>');
    expect(en['ppt/slides/slide2.xml']).toContain('<a:latin typeface="Arial"');
    expect(en['ppt/slides/slide1.xml']).toContain('<a:t>1 chart · Exported 5 Mar 2026</a:t>');
  });
});

describe('Word: a report of the view', () => {
  const images = [{ png: PNG, width: 1200, height: 825 }, { png: PNG, width: 1200, height: 825 }];

  it('figures with numbered captions, summaries, sources at the end, the fonts of a Chinese government report', async () => {
    const bytes = await buildDocx([fixtureSpec(), fixtureSpec({ id: 'b', title: '第二张', summary: undefined })], images, { ...fixtureOptions(), tables: false });
    const files = unzipSync(bytes);
    const parts = xmlParts(bytes);
    const doc = parts['word/document.xml'];
    const text = (doc.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((x) => x.replace(/<[^>]+>/g, '')).join('|');
    expect(text).toContain('营业收入 · 2020年');
    expect(text).toContain('一、营业收入（亿元）');
    expect(text).toContain('二、第二张（亿元）');
    expect(text).toContain('郑州：营业收入从 2019年的 1,234.5 到 2020年的 1,316.2 (+7%)。');
    expect(text).toContain(`图1 营业收入（亿元）：郑州、${ESCAPED} · 2020年`);
    expect(text).toContain('图2 第二张（亿元）');
    expect(text).toContain(`数据来源：[1] 郑州高新区2020年统计公报；[2] ${ESCAPED}`);
    expect(text).toContain('|数据来源|');
    expect(text).toContain('[1] 郑州高新区2020年统计公报 https://example.gov.cn/a.html（官方来源）');
    expect(text).not.toContain('表1');
    expect(doc).not.toContain('<w:tbl>');
    expect(doc.match(/<pic:pic\b/g)).toHaveLength(2);
    const media = Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(media.length).toBeGreaterThanOrEqual(1);
    expect(files[media[0]]).toEqual(PNG);
    const styles = parts['word/styles.xml'];
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="楷体"/);
    expect(styles).toMatch(/<w:sz w:val="32"\/>/);
    expect(styles).toMatch(/w:lineRule="exact"/);
    expect(parts['word/footer1.xml']).toContain('PAGE');
    expectEscaped(parts);
  });

  it('the data table under each figure when asked: a repeated header, the catalogue decimals, no columns repeating the source list', async () => {
    const parts = xmlParts(await buildDocx([fixtureSpec()], images, { ...fixtureOptions(), tables: true }));
    const doc = parts['word/document.xml'];
    const text = (doc.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((x) => x.replace(/<[^>]+>/g, '')).join('|');
    expect(text).toContain('表1 营业收入（亿元）数据');
    expect(doc).toContain('<w:tbl>');
    expect(doc).toContain('<w:tblHeader/>');
    expect(text).toContain('数值（亿元）');
    expect(text).toContain('|12,345.5|');
    expect(text).toContain('|1,316.3|');
    expect(text).toContain(`|${ESCAPED}|`);
    // the full citation and the tier are in the source list, not in the table
    expect(text.split('郑州高新区2020年统计公报 https://example.gov.cn/a.html')).toHaveLength(2);
    expect(text).not.toContain('|来源可信度|');
    expectEscaped(parts);
  });

  it('demo data carries its notice; English uses Times New Roman, Figure 1. and English headings', async () => {
    const zh = xmlParts(await buildDocx([fixtureSpec({ demo: true })], images, { ...fixtureOptions(), tables: false }));
    expect(zh['word/document.xml']).toContain('演示数据（合成，非真实统计）· synthetic demo data (not real statistics)');
    const en = xmlParts(await buildDocx([fixtureSpec({ title: 'Revenue', unit: '100M yuan', subtitle: '2 zones · 2020' })], images, { ...fixtureOptions('en'), tables: false }));
    expect(en['word/document.xml']).toContain('Figure 1. Revenue (100M yuan): 2 zones · 2020');
    expect(en['word/document.xml']).toContain('1. Revenue (100M yuan)');
    expect(en['word/document.xml']).toContain('>Sources<');
    expect(en['word/styles.xml']).toMatch(/w:ascii="Times New Roman"/);
  });
});
