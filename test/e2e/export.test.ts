import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { download, launch, openPage, shotPath } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


const pngSize = (b: Buffer) => ({ sig: b.subarray(0, 8).toString('hex'), width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe('export: the 2020 Henan ranking as a report-ready PNG and SVG', () => {
  it('3× PNG at the 16:9 preset, SVG with title and no script, ZIP of the view', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020&zones=zhengzhou~luoyang~xinxiang~pingdingshan~anyang~nanyang~jiaozuo');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('export-rankings').click();

    const png = await download(page, () => page.getByTestId('export-png-3').click());
    expect(png.name).toBe('综合排名_2020_河南7区_3x.png');
    expect(pngSize(png.bytes)).toEqual({ sig: '89504e470d0a1a0a', width: 1920 * 3, height: 1080 * 3 });
    writeFileSync(shotPath('export-png-3x-henan.png'), png.bytes);
    // the picture is drawn, not an empty canvas of the right size (the PNG is read from the chart's own canvas
    // after one flush): decoded in the page, the dark pixels of text, dots and labels are there
    const ink = await page.evaluate(async (b64) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, img.width, img.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4 * 7) if (d[i + 3] > 200 && d[i] + d[i + 1] + d[i + 2] < 300) dark++;
      return dark / (d.length / (4 * 7));
    }, png.bytes.toString('base64'));
    expect(ink).toBeGreaterThan(0.002);
    expect(ink).toBeLessThan(0.5);

    const svg = await download(page, () => page.getByTestId('export-svg').click());
    expect(svg.name).toBe('综合排名_2020_河南7区.svg');
    const text = svg.bytes.toString('utf8');
    const check = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      const all = [...doc.querySelectorAll('*')];
      return {
        parseError: doc.querySelector('parsererror') !== null,
        scripts: doc.querySelectorAll('script, foreignObject').length,
        onAttrs: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        texts: all.filter((el) => el.tagName === 'text').map((el) => el.textContent),
      };
    }, text);
    expect(check.parseError).toBe(false);
    expect(check.scripts).toBe(0);
    expect(check.onAttrs).toEqual([]);
    expect(check.texts.join('|')).toMatch(/综合排名（位）/);
    expect(check.texts.join('|')).toMatch(/数据来源：/);
    expect(check.texts.join('|')).toMatch(/导出日期：/);
    expect(check.texts).toContain('郑州');

    const zip = await download(page, () => page.getByTestId('export-zip').click());
    expect(zip.name).toBe('综合排名_2020_河南7区.zip');
    const files = Object.keys(unzipSync(new Uint8Array(zip.bytes))).sort();
    expect(files).toEqual(['综合排名_2020_河南7区.csv', '综合排名_2020_河南7区.svg', '综合排名_2020_河南7区_2x.png']);
    expect(problems).toEqual([]);
  });

  it('the CSV behind a chart starts with a BOM, uses CRLF and neutralises hostile cells (X4)', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e-hostile-notes.csv');
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.getByTestId('rankings-table').waitFor();
    // docs/hostile-inputs.md X1: the hostile source is shown as text, never as an element
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await page.getByTestId('export-rankings').click();
    const csv = await download(page, () => page.getByTestId('export-csv').click());
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"'+cmd"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
    // numbers stay numbers
    expect(text).toMatch(/,15,/);
    expect(problems).toEqual([]);
  });
});
