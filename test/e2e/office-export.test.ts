import { writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, launch, openPage, shotPath } from './browser';

/**
 * Issue #18 items 2–4 through the UI: the Excel, PowerPoint and Word buttons beside the view's ZIP, clicked (and
 * pressed) on the rankings and compare views; each file downloaded, unzipped and read as the unit tests read them.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pngSize = (b: Uint8Array) => ({ sig: Buffer.from(b.subarray(0, 8)).toString('hex'), width: Buffer.from(b).readUInt32BE(16), height: Buffer.from(b).readUInt32BE(20) });
const xmlOf = (files: Record<string, Uint8Array>, prefix: string) => Object.entries(files).filter(([k]) => k.startsWith(prefix) && k.endsWith('.xml')).map(([, v]) => strFromU8(v)).join('\n');
const wordText = (xml: string) => (xml.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((x) => x.replace(/<[^>]+>/g, '')).join('|');

/** Clicks one of the Office buttons and times it until the browser has the file. */
async function office(page: Page, kind: 'xlsx' | 'pptx' | 'docx') {
  const started = Date.now();
  const file = await download(page, () => page.getByTestId(`export-${kind}`).click());
  const ms = Date.now() - started;
  await expect(page.getByTestId('export-office-status').textContent()).resolves.toContain(file.name);
  return { ...file, ms, files: kind === 'xlsx' ? {} : unzipSync(new Uint8Array(file.bytes)) };
}

describe('Office exports through the UI', () => {
  it('the 169-zone demo ranking as a workbook, a deck and a report, each with the demo mark', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=demo&ind=rank_overall&year=2020');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('export-xlsx').waitFor();
    await page.locator('.chart-toolbar').first().screenshot({ path: shotPath('office-export-buttons.png') });

    const xlsx = await office(page, 'xlsx');
    expect(xlsx.name).toMatch(/^演示数据_综合排名_2020.*\.xlsx$/);
    const wb = XLSX.read(xlsx.bytes, { type: 'buffer', cellNF: true });
    expect(wb.SheetNames).toEqual(['说明', '综合排名', '来源']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['综合排名'], { header: 1, raw: true, defval: null });
    expect(rows).toHaveLength(1 + 169);
    expect(rows[0][3]).toBe('数值（位）');
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 169 }, (_, i) => i + 1));
    expect(rows.slice(1).every((r) => typeof r[3] === 'number' && r.at(-1) === 'synthetic')).toBe(true);
    expect(String(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['说明'], { header: 1 })[0][0])).toMatch(/^演示数据（合成，非真实统计）/);
    expect(XLSX.utils.sheet_to_json(wb.Sheets['来源']).length).toBeGreaterThan(0);

    const pptx = await office(page, 'pptx');
    expect(pptx.name).toMatch(/^演示数据_综合排名_2020.*\.pptx$/);
    const slide = strFromU8(pptx.files['ppt/slides/slide2.xml']);
    expect(slide).toContain('<a:t>综合排名（位）</a:t>');
    expect(slide).toContain('<a:t>演示数据（合成，非真实统计）</a:t>');
    expect(slide).toMatch(/<a:t>数据来源：\[1\] /);
    expect(slide).toMatch(/<a:t>导出日期：\d{4}年\d{1,2}月\d{1,2}日<\/a:t>/);
    expect(strFromU8(pptx.files['ppt/slides/slide1.xml'])).toContain('<a:t>综合排名 · 2020年</a:t>');
    const media = Object.keys(pptx.files).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(1);
    const png = pptx.files[media[0]];
    expect(pngSize(png)).toEqual({ sig: '89504e470d0a1a0a', width: 2368, height: 864 });
    // looked at by eye: the chart alone, no printed title or source line (they are the slide's text boxes)
    writeFileSync(shotPath('office-pptx-rankings-slide.png'), png);

    await page.getByTestId('export-docx-tables').check();
    const docx = await office(page, 'docx');
    expect(docx.name).toMatch(/^演示数据_综合排名_2020.*\.docx$/);
    const text = wordText(strFromU8(docx.files['word/document.xml']));
    expect(text).toContain('一、综合排名（位）');
    expect(text).toMatch(/图1 综合排名（位）：/);
    expect(text).toContain('表1 综合排名（位）数据');
    expect(text).toContain('演示数据（合成，非真实统计）');
    expect(text).toMatch(/第 ?\d+ ?位|位列|排/);
    expect(strFromU8(docx.files['word/document.xml']).match(/<w:tr[ >]/g)?.length).toBe(1 + 169);
    expect(Object.keys(docx.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    writeFileSync(shotPath('office-docx-rankings-figure.png'), docx.files[Object.keys(docx.files).find((f) => /^word\/media\/.+\.png$/.test(f))!]);

    console.log(`169-zone demo ranking: xlsx ${xlsx.ms} ms (${xlsx.bytes.length} B), pptx ${pptx.ms} ms (${pptx.bytes.length} B), docx with tables ${docx.ms} ms (${docx.bytes.length} B)`);
    expect(problems).toEqual([]);
  });

  it('compare in English: two charts give two data sheets, two chart slides, two figures; operable by keyboard', async () => {
    const { page, problems } = await openPage(browser, '#/compare?ds=demo&year=2018&zones=zhengzhou~luoyang&lang=en');
    await page.getByTestId('grouped-chart').waitFor();
    await page.getByTestId('export-xlsx').focus();
    const xlsxFile = await download(page, () => page.keyboard.press('Enter'));
    const wb = XLSX.read(xlsxFile.bytes, { type: 'buffer' });
    expect(wb.SheetNames).toHaveLength(4);
    expect(wb.SheetNames[0]).toBe('About');
    expect(wb.SheetNames.slice(-1)).toEqual(['Sources']);
    for (const name of wb.SheetNames.slice(1, 3)) expect(XLSX.utils.sheet_to_json(wb.Sheets[name]).length).toBeGreaterThan(0);

    await page.keyboard.press('Tab');
    const pptxFile = await download(page, () => page.keyboard.press('Enter'));
    expect(pptxFile.name).toMatch(/^demo_.+\.pptx$/);
    const pptx = unzipSync(new Uint8Array(pptxFile.bytes));
    expect(Object.keys(pptx).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(3);
    expect(Object.keys(pptx).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(2);
    const slides = xmlOf(pptx, 'ppt/slides/');
    expect(slides).toContain('<a:latin typeface="Arial"');
    expect(slides).toContain('DEMO DATA (synthetic)');
    expect(slides).toMatch(/<a:t>Sources?: \[1\] /);

    const docx = await office(page, 'docx');
    expect(docx.name).toMatch(/^demo_.+\.docx$/);
    const text = wordText(strFromU8(docx.files['word/document.xml']));
    expect(text).toMatch(/Figure 1\. .+ × /);
    expect(text).toMatch(/Figure 2\. /);
    expect(text).toMatch(/zones have both values/);
    expect(text).not.toContain('Table 1.');
    expect(problems).toEqual([]);
  });

  it('published data and a hostile import: no demo mark, the hostile source escaped in every file (X1, X4)', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020&zones=zhengzhou~luoyang~xinxiang~pingdingshan~anyang~nanyang~jiaozuo');
    await page.getByTestId('rankings-table').waitFor();
    const deck = await office(page, 'pptx');
    expect(deck.name).toBe('综合排名_2020_河南7区.pptx');
    const xml = xmlOf(deck.files, 'ppt/');
    expect(xml).not.toContain('演示数据');
    expect(strFromU8(deck.files['ppt/slides/slide1.xml'])).toContain('<a:t>高新区：郑州（河南）、洛阳（河南）');
    const henan = deck.files[Object.keys(deck.files).find((f) => /^ppt\/media\/.+\.png$/.test(f))!];
    expect(pngSize(henan)).toEqual({ sig: '89504e470d0a1a0a', width: 2368, height: 864 });
    writeFileSync(shotPath('office-pptx-henan-slide.png'), henan);

    await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e-hostile-notes.csv');
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('export-docx-tables').check();
    const pptx = await office(page, 'pptx');
    const docx = await office(page, 'docx');
    for (const f of [pptx, docx]) {
      const all = xmlOf(f.files, '');
      expect(all).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(all).not.toMatch(/<img\b/);
    }
    const wb = XLSX.read((await office(page, 'xlsx')).bytes, { type: 'buffer', cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    expect(cells.some((c) => c.v === '=HYPERLINK("http://evil")' && c.t === 's' && !c.f)).toBe(true);
    expect(cells.some((c) => c.f)).toBe(false);
    expect(problems).toEqual([]);
  });
  it('the one-chart views (trends, bump, map) carry the same buttons: the trends view as a deck and a report', async () => {
    const { page, problems } = await openPage(browser, '#/trends?ds=reported&ind=rank_overall&zones=zhengzhou~luoyang~xinxiang');
    await page.getByTestId('trends-chart').waitFor();
    await page.getByTestId('export-pptx').waitFor();
    const pptx = await office(page, 'pptx');
    const slides = Object.keys(pptx.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(2);
    expect(strFromU8(pptx.files['ppt/slides/slide2.xml'])).toMatch(/<a:t>数据来源：\[1\] /);
    expect(Object.keys(pptx.files).some((f) => /^ppt\/media\/.+\.png$/.test(f))).toBe(true);
    const docx = await office(page, 'docx');
    const text = wordText(strFromU8(docx.files['word/document.xml']));
    expect(text).toContain('图1');
    expect(text).toContain('综合排名');
    expect(problems).toEqual([]);
  });
});
