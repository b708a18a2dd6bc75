import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, shotPath } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const row = (page: import('playwright-core').Page, zone: string) => page.getByTestId('rankings-table').locator('tr', { hasText: zone });

describe('the import dialog in the user\'s words, and the user\'s files beside the published data', () => {
  it('previews the first observations as read, then shows 郑州 with the published and the user\'s values, each with its source, a disagreement as a conflict', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020', { width: 1366, height: 768 });
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e-henan-gbk.csv');
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-preview').waitFor();
    // the first observations as they will be read, in the user's words
    const first = dialog.getByTestId('import-preview').locator('tbody tr').first().locator('td');
    await expect(first.allTextContents()).resolves.toEqual(expect.arrayContaining(['郑州高新技术产业开发区', '2021', '综合排名', '15']));
    await dialog.locator('details summary').click();
    await expect(dialog.getByTestId('import-mapping').textContent()).resolves.toContain('高新区的全称、简称或别名');
    await expect(dialog.textContent()).resolves.not.toMatch(/yearText|yearColumn|\bmeasure\b/);
    await page.screenshot({ path: shotPath('import-dialog-1366x768.png') });
    // the preview follows the options: read as UTF-8, the GBK names are no zones; back to GB18030, they are
    await dialog.locator('select').first().selectOption('utf-8');
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-preview"]')?.textContent?.includes('郑州高新技术产业开发区'));
    await dialog.locator('select').first().selectOption('gb18030');
    await expect(dialog.getByTestId('import-preview').locator('tbody tr').first().locator('td').first().textContent()).resolves.toBe('郑州高新技术产业开发区');
    await dialog.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    // my data is as of the latest year of its data
    await expect(page.locator('.as-of').textContent()).resolves.toBe('数据截至 2021 年');

    // a second file that disagrees with the published 2020 rank of 郑州
    await page.getByTestId('file-input').setInputFiles({ name: '郑州快报.csv', mimeType: 'text/csv', buffer: Buffer.from('高新区,年份,综合排名,来源\n郑州高新区,2020,16,郑州市统计局快报 2021-01\n') });
    await dialog.getByTestId('import-confirm').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-dialog"]'));

    // the published data together with mine
    await page.getByTestId('dataset-select').selectOption('reported+user');
    await page.waitForFunction(() => location.hash.includes('ds=reported+user'));
    await page.selectOption('[data-testid="year-select"]', '2020');
    const zz = row(page, '郑州高新技术产业开发区');
    await zz.waitFor();
    await expect(zz.locator('th').textContent()).resolves.toContain('⚠');
    const values = await zz.locator('td').nth(2).locator('div').allTextContents();
    expect(values).toContain('16');
    expect(values).toContain('17');
    const sources = (await zz.locator('td.source').textContent()) ?? '';
    expect(sources).toContain('郑州市统计局快报 2021-01');
    expect(sources).toContain('新乡高新区管委会公报');
    // 2021: only my file has it, with the file's name as its source
    await page.selectOption('[data-testid="year-select"]', '2021');
    await expect.poll(() => row(page, '郑州高新技术产业开发区').locator('td').first().textContent()).toBe('15');
    await expect(row(page, '郑州高新技术产业开发区').locator('td.source').textContent()).resolves.toContain('e2e-henan-gbk.csv');

    // demo data is never combined: refused, with a notice
    await page.goto(page.url().replace(/#.*$/, '#/rankings?ds=demo+user'));
    await expect(page.locator('.notices').textContent()).resolves.toContain('演示数据不与其他数据合并');
    expect(problems).toEqual([]);
  });
});
