import { unzipSync } from 'fflate';
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


describe('export of demo data (issue #14): the mark travels with the file', () => {
  it('the CSV of a demo chart is named 演示数据_…, opens with the synthetic comment, and stays demo data when imported again', async () => {
    const { page, problems } = await openPage(browser, '#/trends?ds=demo&ind=gdp&zones=zhengzhou~luoyang');
    await page.getByTestId('export-trends').click();
    const csv = await download(page, () => page.getByTestId('export-csv').click());
    expect(csv.name).toBe('演示数据_地区生产总值_2016—2023_河南2区.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('# 演示数据（合成，非真实统计）· synthetic demo data (not real statistics)');
    expect(lines[1].split(',').at(-1)).toBe('dataset');
    expect(lines[2]).toMatch(/,合成,.*,synthetic$/);

    const json = await download(page, () => page.getByTestId('export-json').click());
    expect(json.name).toBe('演示数据_地区生产总值_2016—2023_河南2区.json');
    expect((JSON.parse(json.bytes.toString('utf8')) as { synthetic: unknown }).synthetic).toBe(true);

    // brought back in as the user's own file, it is still marked as demo data
    await page.getByTestId('file-input').setInputFiles({ name: csv.name, mimeType: 'text/csv', buffer: csv.bytes });
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.getByTestId('demo-mark').first().waitFor();
    // the export panel may still be open from before the import
    if (!(await page.getByTestId('export-csv').isVisible())) await page.getByTestId('export-trends').click();
    const again = await download(page, () => page.getByTestId('export-csv').click());
    expect(again.name.startsWith('演示数据_')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('the view ZIP of demo data and every file in it are named 演示数据_…', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=demo&ind=rank_overall&year=2020&zones=zhengzhou~luoyang');
    await page.getByTestId('rankings-table').waitFor();
    const zip = await download(page, () => page.getByTestId('export-zip').click());
    expect(zip.name).toBe('演示数据_综合排名_2020_河南2区.zip');
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual(['演示数据_综合排名_2020_河南2区.csv', '演示数据_综合排名_2020_河南2区.svg', '演示数据_综合排名_2020_河南2区_2x.png']);
    expect(new TextDecoder().decode(files['演示数据_综合排名_2020_河南2区.csv'])).toMatch(/^# 演示数据（合成，非真实统计）/);
    expect(problems).toEqual([]);
  });
});
