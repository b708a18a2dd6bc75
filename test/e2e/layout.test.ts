import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chartsDrawn, launch, openPage, shotPath } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


const HENAN = 'zhengzhou~luoyang~anyang~nanyang~xinxiang~pingdingshan~jiaozuo~xinyang~xuchang';
const FOLD: [string, string][] = [
  ['rankings', '#/rankings?ds=reported&ind=rank_overall&year=2020'],
  ['trends', '#/trends?ds=reported'],
  ['bump', '#/bump?ds=reported'],
  ['compare', '#/compare?ds=reported'],
  ['bump-henan-en', `#/bump?ds=reported&ind=rank_overall&years=2019..2020&zones=${HENAN}&focus=zhengzhou&lang=en&sources=trusted`],
  ['rankings-en', '#/rankings?ds=reported&ind=rank_overall&year=2020&lang=en'],
];
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];

describe.each(SIZES)('at $width×$height the first chart starts above the fold', (viewport) => {
  it.each(FOLD)('%s', async (name, hash) => {
    const { page, problems } = await openPage(browser, hash, viewport);
    await chartsDrawn(page);
    // the filter bar loads just after the first view: measure once it is there
    await page.locator('section.filter-bar:not(.filter-bar-placeholder)').waitFor();
    const top = await page.evaluate(() => document.querySelector('.chart-box')!.getBoundingClientRect().top);
    const parts = await page.evaluate(() => ['.app-header', 'nav.nav', 'section.filter-bar', '.notices', 'main .view-header', 'main .controls'].map((s) => { const e = document.querySelector(s); return `${s}=${e ? Math.round(e.getBoundingClientRect().height) : '-'}`; }).join(' '));
    console.log(`chart top ${name} ${viewport.width}x${viewport.height}: ${Math.round(top)} ${parts}`);
    await page.screenshot({ path: shotPath(`fold-${name}-${viewport.width}x${viewport.height}.png`) });
    expect(top).toBeLessThan(viewport.height - 200);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

/** #22 item 7, step 3: the views at an office PC's size and at full HD, saved for a person to look at. */
const SHOTS: [string, string][] = [
  ['rankings', '#/rankings?ds=reported&ind=rank_overall&year=2020'],
  ['trends', '#/trends?ds=reported'],
  ['bump', `#/bump?ds=reported&ind=rank_overall&years=2019..2020&zones=${HENAN}&focus=zhengzhou`],
  ['compare', '#/compare?ds=reported'],
  ['zone', '#/zone/zhengzhou?ds=reported'],
  ['data', '#/data?ds=reported'],
];
describe.each([{ width: 1366, height: 768 }, { width: 1920, height: 1080 }])('screenshots at $width×$height', (viewport) => {
  it.each(SHOTS)('%s', async (name, hash) => {
    const { page, problems } = await openPage(browser, hash, viewport);
    await chartsDrawn(page);
    await page.locator('section.filter-bar:not(.filter-bar-placeholder)').waitFor();
    // no control of the header or the filter bar is cut off or pushed out of the page
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('.app-header :is(select, button, input, a, label), .filter-bar :is(select, button, input, label), nav a')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5);
        })
        .map((e) => e.textContent || e.getAttribute('aria-label') || e.tagName),
    );
    expect(clipped).toEqual([]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath(`layout-${name}-${viewport.width}x${viewport.height}.png`) });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
