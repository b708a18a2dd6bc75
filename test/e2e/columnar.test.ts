import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, chartsDrawn, launch } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The data files the page had asked for before its first chart was drawn (src/features/common/EChart.tsx marks it). */
async function dataBeforeFirstChart(page: Page): Promise<string[]> {
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, undefined, { timeout: 30000 });
  return page.evaluate(() => {
    const first = performance.getEntriesByName('first-chart')[0].startTime;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.startTime < first && r.name.includes('/data/'))
      .map((r) => r.name.slice(r.name.indexOf('/data/') + 1));
  });
}

/** A page whose console warnings and errors are recorded from before it starts; `missing` answers 404. */
async function open(hash: string, missing?: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const warnings: string[] = [];
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'warning' ? warnings : m.type() === 'error' ? problems : []).push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  if (missing) await page.route(`**/${missing}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${baseUrl()}${hash}`);
  return { page, warnings, problems, close: () => context.close() };
}

/** The rankings table's rows, once the chart is drawn and the table (loaded after it) is there. */
async function shown(page: Page): Promise<string[]> {
  await chartsDrawn(page);
  await page.getByTestId('rankings-table').locator('tbody tr').first().waitFor();
  return page.getByTestId('rankings-table').locator('tbody tr').allTextContents();
}

/** Issue #19 item 2: the first chart of a bundled dataset is drawn from its columnar table, not from its CSVs. */
describe('the first view of a bundled dataset', () => {
  it.each([
    ['reported', '#/rankings?ds=reported', 'data/reported.htzcol'],
    ['demo', '#/rankings?ds=demo&ind=gdp&year=2022', 'data/demo/panel.htzcol'],
  ])('%s: its columnar table is fetched, none of its CSVs before the first chart, and nothing is said', async (_id, hash, columnar) => {
    const { page, warnings, problems, close } = await open(hash);
    const asked = await dataBeforeFirstChart(page);
    expect(asked).toContain(columnar);
    expect(asked.filter((f) => /^data\/(reported|demo)\/.*\.csv$/.test(f))).toEqual([]);
    expect((await shown(page)).length).toBeGreaterThan(0);
    // the check of the CSVs after the first paint has run (it fetches them) and found them unchanged
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /\/data\/(reported|demo)\/.*\.csv$/.test(r.name)), undefined, { timeout: 15000 });
    await page.waitForTimeout(500);
    expect(warnings).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('a missing columnar table: the CSVs are imported instead, the same ranking is drawn, and the console says why', async () => {
    const normal = await open('#/rankings?ds=demo&ind=gdp&year=2022');
    const expected = await shown(normal.page);
    expect(expected.length).toBeGreaterThan(100);
    await normal.close();
    const { page, warnings, problems, close } = await open('#/rankings?ds=demo&ind=gdp&year=2022', 'data/demo/panel.htzcol');
    expect(await dataBeforeFirstChart(page)).toContain('data/demo/panel.csv');
    await expect(shown(page)).resolves.toEqual(expected);
    expect(warnings).toEqual([expect.stringMatching(/panel\.htzcol not used, importing the CSV files instead: .*HTTP 404/)]);
    // the browser's own line for the 404 is the only error
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
    await close();
  });
});
