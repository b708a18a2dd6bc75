import { mkdirSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { download, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


const HENAN = 'zhengzhou~luoyang~xinxiang~pingdingshan~anyang~nanyang~jiaozuo~xinyang~xuchang';

describe('report-ready export (issue #22 item 4): the Henan bump chart at the Word column preset', () => {
  it('SVG: the subtitle counts the 7 zones drawn, a note names the 2 without data, the source line is numbered short titles; CSV: source numbers', async () => {
    const { page, problems } = await openPage(browser, `#/bump?ds=reported&ind=rank_overall&years=2019..2020&zones=${HENAN}`);
    await page.getByTestId('bump-table').waitFor();
    await page.getByTestId('export-bump').click();
    await page.getByTestId('export-preset').selectOption('word');

    const svg = await download(page, () => page.getByTestId('export-svg').click());
    expect(svg.name).toBe('综合排名位次变化_2019—2020_河南7区.svg');
    const texts = await page.evaluate((s) => [...new DOMParser().parseFromString(s, 'image/svg+xml').querySelectorAll('text')].map((el) => el.textContent ?? ''), svg.bytes.toString('utf8'));
    // a note may wrap onto the next line: read the lines as one text
    const all = texts.join('');
    expect(texts).toContain('河南7区 · 2019—2020');
    expect(all).not.toContain('河南9区');
    // (a line break may fall on a space, which the wrap drops)
    const squeezed = all.replace(/\s+/g, '');
    for (const note of ['所选 9 区中 2 区无数据：信阳、许昌', '线尾 ↑3 / ↓2：较前一个有位次年份的位次进退', '⚠ 20：另一来源给出的位次']) expect(squeezed).toContain(note.replace(/\s+/g, ''));
    // the source line (it may wrap): numbered short titles, no link, no path
    const first = texts.findIndex((x) => x.startsWith('数据来源：'));
    const notes = texts.findIndex((x) => x.startsWith('注：'));
    const sourceLine = texts.slice(first, notes).join('');
    expect(sourceLine).toMatch(/^数据来源：\[1\] \S/);
    expect(sourceLine).toContain('[2] ');
    expect(sourceLine).toContain('新乡高新区管委会公报 2021年第1号…');
    expect(sourceLine).not.toMatch(/https?:|www\.|\.html|\.md\b/);

    const csv = await download(page, () => page.getByTestId('export-csv').click());
    const [header, ...rows] = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const no = header.indexOf('来源编号');
    const src = header.indexOf('来源');
    expect(no).toBeGreaterThan(0);
    const zones = new Set(rows.map((r) => r[header.indexOf('高新区')]));
    expect(zones.size).toBe(7);
    // one number per citation, numbered 1… in order of first appearance, the full citation beside it
    const byNo = new Map<string, string>();
    for (const r of rows) {
      expect(r[no]).toMatch(/^\d+$/);
      expect(byNo.get(r[no]) ?? r[src]).toBe(r[src]);
      byNo.set(r[no], r[src]);
    }
    expect([...byNo.keys()].map(Number).sort((a, b) => a - b)).toEqual([...byNo.keys()].map((_, i) => i + 1));
    expect([...byNo.values()].some((c) => c.startsWith('http'))).toBe(true);
    // [1] in the image is the citation numbered 1 in the CSV
    const one = byNo.get('1')!;
    expect(one.length).toBeGreaterThan(0);

    // the PNG a report gets, kept for a person to look at
    const png = await download(page, () => page.getByTestId('export-png-1').click());
    expect(png.name).toBe('综合排名位次变化_2019—2020_河南7区.png');
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/report-export-bump-henan-word.png', png.bytes);
    expect(problems).toEqual([]);
  });

  it('rankings 2020 at the Word column: 平顶山 drawn whole at the left (the browser measures the real font)', async () => {
    const { page, problems } = await openPage(browser, `#/rankings?ds=reported&ind=rank_overall&year=2020&zones=${HENAN}`);
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('export-rankings').click();
    await page.getByTestId('export-preset').selectOption('word');
    const svg = await download(page, () => page.getByTestId('export-svg').click());
    expect(svg.name).toBe('综合排名_2020_河南7区.svg');
    const labels = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return [...doc.querySelectorAll('text')].map((el) => ({ text: el.textContent ?? '', transform: el.getAttribute('transform') ?? '', anchor: el.getAttribute('text-anchor') }));
    }, svg.bytes.toString('utf8'));
    const pds = labels.find((l) => l.text.startsWith('平顶'))!;
    expect(pds.text).toBe('平顶山');
    // right-aligned at the axis, with at least the page margin (29 px) and its own width (3 × 32 px) left of it
    const x = Number(/translate\(([-\d.]+)/.exec(pds.transform)![1]);
    expect(pds.anchor).toBe('end');
    expect(x - 3 * 32).toBeGreaterThanOrEqual(28);
    expect(labels.map((l) => l.text).join('')).toContain('所选 9 区中 2 区无数据：信阳、许昌');
    expect(problems).toEqual([]);
  });

  it('the export panel closes with Esc and with a click outside, and the focus goes back to 导出', async () => {
    const { page, problems } = await openPage(browser, `#/bump?ds=reported&ind=rank_overall&years=2019..2020&zones=${HENAN}`);
    await page.getByTestId('bump-table').waitFor();
    const button = page.getByTestId('export-bump');
    await button.click();
    await page.getByTestId('export-preset').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-preset').count()).resolves.toBe(0);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-bump', null, { timeout: 5000 });

    await button.click();
    await page.getByTestId('export-preset').waitFor();
    await page.locator('#bump-title').click();
    await expect(page.getByTestId('export-preset').count()).resolves.toBe(0);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-bump', null, { timeout: 5000 });
    expect(problems).toEqual([]);
  });
});
