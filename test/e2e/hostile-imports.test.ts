import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { launch, openPage } from './browser';

/*
 * docs/hostile-inputs.md J1, R1, R2 and X8 where a user meets them: a file given to the file input, the import
 * preview, the English view, a CSV export brought back in.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const file = (name: string, text: string) => ({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(text) });

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [d] = (await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click()])) as [Download, void];
  return readFileSync((await d.path())!, 'utf8');
}

describe('hostile imports through the file input', () => {
  it('J1 a 47 KB JSON of 4,000 objects with one new key each is refused at the column limit, the limit named', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    const json = `[${Array.from({ length: 4000 }, (_, i) => `{"k${i}":1}`).join(',')}]`;
    await page.getByTestId('file-input').setInputFiles(file('keys.json', json));
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-blocked').waitFor({ timeout: 10000 });
    await expect(dialog.getByTestId('import-issues').textContent()).resolves.toMatch(/2,001 个不同的键（每个键是一列），超过上限 2,000 列/);
    await expect(dialog.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    // the page answers at once: no grid of 16 M cells was built in the worker
    await expect(page.evaluate(() => 1 + 1)).resolves.toBe(2);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('R1 a 2 MB file of 1,000 × 1,000 unreadable cells: 1,000 issues listed and one row counting the rest, also after a reload', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    const header = ['高新区', '年份', ...Array(998).fill('营业收入')].join(',');
    const row = ['中关村', '2020', ...Array(998).fill('x')].join(',');
    await page.getByTestId('file-input').setInputFiles(file('wide-x.csv', [header, ...Array(999).fill(row)].join('\n')));
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-count').waitFor({ timeout: 30000 });
    const issues = dialog.getByTestId('import-issues');
    // the counts still count every issue: 997 renamed headers (warnings) and 998 × 999 missing cells (info)
    await expect(issues.locator('p').first().textContent()).resolves.toMatch(/0 \S+ · 997 \S+ · 997002 /);
    await expect(issues.locator('tbody tr').count()).resolves.toBe(501);
    await expect(issues.locator('tbody tr').last().textContent()).resolves.toMatch(/另有 996,999 个同类问题未逐一列出：列“营业收入_\d+”‘缺失：无数据’ 999 个；/);
    await dialog.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    // docs/hostile-inputs.md P1: the file comes back after a reload, and so does its short report
    await page.waitForTimeout(300);
    await page.goto(page.url().replace(/#\/[a-z]+/, '#/data'));
    await page.reload();
    const report = page.getByTestId('dataset-issues');
    await report.waitFor({ timeout: 30000 });
    await expect(report.locator('tbody tr').last().textContent()).resolves.toMatch(/另有 996,999 个同类问题未逐一列出/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('R2 in English, headers of 10,000 `(` each are reported at once, not after minutes of splitting messages', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&lang=en');
    await page.locator('h1', { hasText: 'High-tech Zone Indicators' }).waitFor();
    const h = '('.repeat(10_000);
    const csv = `高新区,年份,营业收入,${[h, h, h, h, h].join(',')}\n郑州,2020,1,a,a,a,a,a\n洛阳,2020,2,b,b,b,b,b\n`;
    const t0 = Date.now();
    await page.getByTestId('file-input').setInputFiles(file('brackets.csv', csv));
    const issues = page.getByTestId('import-dialog').getByTestId('import-issues');
    // before R2 each of these four messages took seconds to split, on every render
    await issues.waitFor({ timeout: 8000 });
    await expect(issues.locator('tbody tr').count()).resolves.toBe(4);
    expect(Date.now() - t0).toBeLessThan(8000);
    // the raw header is shown cut, with its length
    await expect(issues.locator('td.raw').first().textContent()).resolves.toBe(`${'('.repeat(200)}…（共 10,000 字符）`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('X8 full-width `＝ ＋ － ＠` in a file are neutralised in the CSV export, and the export reads back to the same text', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    const csv = 'zone,year,indicator,value,source,note\n郑州高新区,2021,rank_overall,15,＠公报,"＝HYPERLINK(""http://evil"")"\n洛阳高新区,2021,rank_overall,35,－cmd,＋cmd\n';
    await page.getByTestId('file-input').setInputFiles(file('fullwidth.csv', csv));
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    // the trends view's CSV is the long table (高新区, 年份, 指标, 数值 …): a file the importer reads
    await page.goto(page.url().replace(/#\/[a-z]+\?[^#]*/, '#/trends?ds=user&ind=rank_overall&zones=zhengzhou~luoyang'));
    await page.getByTestId('export-trends').click();
    const exported = await download(page, () => page.getByTestId('export-csv').click());
    expect(exported).toContain(`"'＝HYPERLINK(""http://evil"")"`);
    expect(exported).toContain(`"'＋cmd"`);
    expect(exported).toContain(`"'－cmd"`);
    expect(exported).toContain(`"'＠公报"`);
    expect(exported).not.toMatch(/(^|,)[＝＋－＠]/m);
    // opened again: the ' the export put in front is taken off, the text is what the file said
    await page.getByTestId('file-input').setInputFiles({ name: 'exported.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) });
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-count').waitFor();
    await expect(dialog.getByTestId('import-count').textContent()).resolves.toBe('2');
    await dialog.getByTestId('import-confirm').click();
    await page.goto(page.url().replace(/#\/[a-z]+\?[^#]*/, '#/data?ds=user'));
    const table = page.getByTestId('observations-table');
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain('＝HYPERLINK("http://evil")');
    expect(text).toContain('＠公报');
    expect(text).toContain('－cmd');
    expect(text).not.toMatch(/'[＝＋－＠]/);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
