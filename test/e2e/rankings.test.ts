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

const FIXTURES = 'test/fixtures';

describe('Rankings view, end to end', () => {
  it('first load shows the 2020 overall ranking with Chinese text, values and sources', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020');
    const table = page.getByTestId('rankings-table');
    await table.waitFor();
    await page.locator('[data-testid="rankings-chart"][data-rendered="true"] canvas').first().waitFor();
    for (const [zone, rank] of [['郑州高新技术产业开发区', '17'], ['洛阳高新技术产业开发区', '37'], ['新乡高新技术产业开发区', '66']]) {
      const row = table.locator('tr', { hasText: zone });
      await expect(row.locator('td').first().textContent()).resolves.toBe(rank);
      await expect(row.locator('td.source').textContent()).resolves.toMatch(/\S/);
    }
    await expect(page.locator('h2#rankings-title').textContent()).resolves.toContain('综合排名');
    // zones with no value are counted, not hidden
    await expect(page.getByTestId('missing-zones').locator('summary').textContent()).resolves.toMatch(/无数据的高新区（\d+ 家）/);
    await page.screenshot({ path: shotPath('rankings-2020.png') });
    expect(problems).toEqual([]);
  });

  it('2024: the known zones of the top 50, each source with its tier; the switch keeps only official and media sources, in the URL', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2024');
    const table = page.getByTestId('rankings-table');
    await table.waitFor();
    await expect(page.getByTestId('band-coverage').textContent()).resolves.toMatch(/^前50名中已知 30 家，其中 9 家有确切位次/);
    await expect(page.getByTestId('rankings-sub').textContent()).resolves.toBe('30 家有数据 / 参评 178 家（名录中有其中 176 家）');
    await expect(table.locator('tbody tr').count()).resolves.toBe(30);
    // every row's source says its tier, in words
    const tiers = await table.locator('td.source').evaluateAll((cells) => cells.map((c) => [...c.querySelectorAll('[data-testid="source-tier"]')].map((e) => e.getAttribute('data-tier'))));
    expect(tiers.every((t) => t.length > 0)).toBe(true);
    const trustedRows = tiers.filter((t) => t.some((x) => x === 'official' || x === 'media')).length;
    expect(trustedRows).toBeGreaterThan(0);
    expect(trustedRows).toBeLessThan(30);

    await page.getByTestId('trusted-only').check();
    await page.waitForFunction(() => location.hash.includes('sources=trusted'));
    await expect(table.locator('tbody tr').count()).resolves.toBe(trustedRows);
    const left = await table.locator('[data-testid="source-tier"]').evaluateAll((es) => es.map((e) => e.getAttribute('data-tier')));
    expect(left.every((t) => t === 'official' || t === 'media')).toBe(true);
    await expect(page.getByTestId('trusted-hidden').textContent()).resolves.toMatch(/另有 \d+ 个数值来自转载或来源不明，已隐藏/);
    await page.screenshot({ path: shotPath('rankings-2024-trusted.png') });

    // the pasted link opens with the switch on
    const again = await openPage(browser, page.url().slice(page.url().indexOf('#')));
    await again.page.getByTestId('rankings-table').waitFor();
    await expect(again.page.getByTestId('trusted-only').isChecked()).resolves.toBe(true);
    await expect(again.page.getByTestId('rankings-table').locator('tbody tr').count()).resolves.toBe(trustedRows);
    expect(problems).toEqual([]);
    expect(again.problems).toEqual([]);
  });

  it('adding Henan\'s zones while the year stands at 2024 lands on their latest year with data, and says so', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2024');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('group-select').selectOption('province:河南省');
    await expect(page.getByTestId('year-moved').textContent()).resolves.toBe('所选高新区 2024 年没有这一指标的数据，改为显示有数据的最近一年 2020 年（有数据的年份：2017、2018、2019、2020）');
    await expect(page.getByTestId('year-select').inputValue()).resolves.toBe('2020');
    await expect(page.getByTestId('rankings-table').locator('tr', { hasText: '郑州高新技术产业开发区' }).locator('td').first().textContent()).resolves.toBe('17');
    expect(problems).toEqual([]);
  });

  it('importing a GBK-encoded CSV through the file input shows its zones', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles(`${FIXTURES}/e2e-henan-gbk.csv`);
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    await expect(dialog.locator('select').first().inputValue()).resolves.toBe('gb18030');
    await expect(dialog.getByTestId('import-count').textContent()).resolves.toBe('7');
    await dialog.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.selectOption('[data-testid="year-select"]', '2021');
    const table = page.getByTestId('rankings-table');
    await expect(table.locator('tr', { hasText: '郑州高新技术产业开发区' }).locator('td').first().textContent()).resolves.toBe('15');
    await expect(table.locator('tr', { hasText: '洛阳高新技术产业开发区' }).locator('td').first().textContent()).resolves.toBe('35');

    // docs/hostile-inputs.md P1: after a reload the imported file and the view are still there
    await page.waitForTimeout(300);
    await page.reload();
    const again = page.getByTestId('rankings-table');
    await again.waitFor();
    expect(page.url()).toContain('ds=user');
    await expect(again.locator('tr', { hasText: '郑州高新技术产业开发区' }).locator('td').first().textContent()).resolves.toBe('15');
    expect(problems).toEqual([]);
  });

  it('a GBK yearbook table with a title row, a unit row and a 注： footer is read correctly and is still there after a reload', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles(`${FIXTURES}/e2e-yearbook-gbk.csv`);
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-count').waitFor();
    await expect(dialog.locator('select').first().inputValue()).resolves.toBe('gb18030');
    // 郑州 revenue and patents, 洛阳 patents and its "…" (below the unit: kept, no number); 合计 is no zone
    await expect(dialog.getByTestId('import-count').textContent()).resolves.toBe('4');
    const report = await dialog.getByTestId('import-issues').textContent();
    expect(report).toMatch(/单位行/);
    expect(report).toMatch(/合计行/);
    expect(report).toMatch(/表注行/);
    await dialog.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.waitForTimeout(300);
    await page.reload();
    await page.goto(page.url().replace(/#\/[^?]*/, '#/data'));
    const rows = page.locator('table tr', { hasText: '郑州高新技术产业开发区' });
    await rows.first().waitFor();
    const text = (await rows.allTextContents()).join(' | ');
    expect(text).toMatch(/1,234\.5\s*亿元/);
    expect(page.url()).toContain('ds=user');
    expect(problems).toEqual([]);
  });

  it('a broken file shows its issue report and leaves the loaded data as it was', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020');
    const table = page.getByTestId('rankings-table');
    await table.waitFor();
    const before = await table.locator('tbody tr').count();
    await page.getByTestId('file-input').setInputFiles(`${FIXTURES}/e2e-broken-quote.csv`);
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-blocked').waitFor();
    await expect(dialog.getByTestId('import-issues').textContent()).resolves.toMatch(/第 2 行的引号没有闭合/);
    await expect(dialog.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0);
    await expect(table.locator('tbody tr').count()).resolves.toBe(before);
    expect(page.url()).toContain('ds=reported');
    expect(problems).toEqual([]);
  });
});
