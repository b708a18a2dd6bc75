import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chartsDrawn, launch, openPage, shotPath } from './browser';
import { zh } from '../../src/i18n/zh';
import { zhViews } from '../../src/i18n/zh-views';
import { VIEWS } from '../../src/app/views';
import { pathParamOf, ROUTES as VIEW_ROUTES, type Route } from '../../src/store/view-params';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


// every view of the registry (src/app/views.ts) inside the shell; one with a path id opens on Zhengzhou
const ROUTES: [Route, string][] = VIEW_ROUTES.filter((r) => VIEWS[r].frame !== 'bare').map((r) => [r, `#/${r}${pathParamOf(r) ? '/zhengzhou' : ''}`]);

describe.each(['reported', 'demo'])('every route renders on the %s dataset without a console error', (ds) => {
  it.each(ROUTES)('%s', async (name, hash) => {
    const { page, problems } = await openPage(browser, `${hash}${hash.includes('?') ? '&' : '?'}ds=${ds}`);
    await page.locator('main .view').first().waitFor();
    // a view that draws charts has drawn them all; one that draws none (Sources) has finished loading
    if (VIEWS[name].charts !== false) await chartsDrawn(page);
    else await page.waitForFunction(() => !document.querySelector('main .status'));
    if (ds === 'demo') await expect(page.getByTestId('demo-mark').first().isVisible()).resolves.toBe(true);
    // every message arrived: no message key (camelCase or dotted, never real text) is shown in its place
    const keys = Object.keys({ ...zh, ...zhViews }).filter((k) => /[a-z][A-Z]|\./.test(k));
    const text = await page.locator('body').innerText();
    expect(keys.filter((k) => new RegExp(`(^|[^\\w.])${k.replace('.', '\\.')}($|[^\\w.])`).test(text))).toEqual([]);
    await page.screenshot({ path: shotPath(`${name}-${ds}.png`) });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('filters live in the URL', () => {
  it('a filter change updates the URL and the chart; the pasted URL shows the same view', async () => {
    const { page, problems } = await openPage(browser, '#/trends?ds=demo&ind=gdp');
    await chartsDrawn(page);
    await page.getByTestId('zone-picker-input').fill('zz');
    await page.getByRole('option', { name: /^郑州/ }).click();
    await page.waitForFunction(() => location.hash.includes('zones=zhengzhou'));
    await expect(page.getByTestId('trends-table').locator('tbody tr').count()).resolves.toBe(1);
    await page.getByLabel('同比增长 %').check();
    await page.waitForFunction(() => location.hash.includes('mode=yoy'));
    const url = page.url();
    const tableText = await page.getByTestId('trends-table').textContent();

    const fresh = await openPage(browser, url.slice(url.indexOf('#')));
    await chartsDrawn(fresh.page);
    await expect(fresh.page.getByTestId('trends-table').textContent()).resolves.toBe(tableText);
    expect(fresh.page.url()).toBe(url);

    // back returns to the previous filters
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('mode=yoy'));
    expect(problems).toEqual([]);
    expect(fresh.problems).toEqual([]);
  });

  it('answers "How did Henan\'s zones move from 2019 to 2020?" on the bump chart', async () => {
    const { page, problems } = await openPage(browser, '#/bump?ds=reported&ind=rank_overall&years=2019..2020');
    await chartsDrawn(page);
    await page.getByTestId('group-select').selectOption('province:河南省');
    await page.waitForFunction(() => location.hash.includes('zones='));
    const rows = page.getByTestId('bump-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(9);
    await expect(page.getByTestId('bump-table').textContent()).resolves.toMatch(/新乡 66 ↑10/);
    await page.waitForTimeout(800); // let the 300 ms transition end before the picture
    await page.screenshot({ path: shotPath('bump-henan.png') });
    expect(problems).toEqual([]);
  });

  it('shows which sources disagree about Zhengzhou in the Data view', async () => {
    const { page, problems } = await openPage(browser, '#/data?ds=reported&zones=zhengzhou');
    const conflicts = page.getByTestId('conflicts');
    await conflicts.waitFor();
    await expect(conflicts.textContent()).resolves.toMatch(/郑州高新技术产业开发区 · 2019 · 综合排名/);
    expect(problems).toEqual([]);
  });
});

describe('a view that throws', () => {
  it('shows its card in place of the view; the header and navigation still work', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await chartsDrawn(page);
    // The Trends chunk as served is one whose view throws while rendering (the error reaches the boundary
    // exactly as a bug in the view's code would).
    await page.route('**/assets/TrendsView-*.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'export function TrendsView() { throw new Error("<b>trends</b> failed to render"); }' }),
    );
    await page.getByRole('link', { name: '趋势' }).click();
    const card = page.getByTestId('error-card');
    await card.waitFor();
    await expect(card.locator('h2').textContent()).resolves.toBe('“趋势”暂时无法显示');
    // the message as text, not markup
    await expect(card.locator('.error-message').textContent()).resolves.toBe('<b>trends</b> failed to render');
    await expect(card.locator('b').count()).resolves.toBe(0);
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(true);
    // the filters are still there
    await expect(page.locator('.filter-bar').first().isVisible()).resolves.toBe(true);
    // navigation still works: another route renders, the card is gone
    await page.getByRole('link', { name: '来源' }).click();
    await page.getByTestId('sources-table').waitFor();
    await expect(card.count()).resolves.toBe(0);
    // back to the broken view, then its card's way back to Rankings
    await page.getByRole('link', { name: '趋势' }).click();
    await card.waitFor();
    await card.getByRole('button', { name: '返回排名' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/rankings') || location.hash === '#/' || location.hash === '');
    await chartsDrawn(page);
    await expect(card.count()).resolves.toBe(0);
    // exactly the boundary's log lines, one per time the view failed, and nothing else
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p).toMatch(/^console: \[ErrorBoundary\] 趋势: Error: <b>trends<\/b> failed to render/);
    await page.context().close();
  });
});
