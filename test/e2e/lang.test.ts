import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('language switch', () => {
  it('switches to English at run time, keeps it in the URL, and back', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    // the English dictionary loads on demand: wait for it
    await page.locator('h1', { hasText: 'High-tech Zone Indicators' }).waitFor();
    await expect(page.locator('h2#rankings-title').textContent()).resolves.toContain('Overall rank');
    await page.reload();
    await page.locator('h1', { hasText: 'High-tech Zone Indicators' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('高新区经济指标看板');
    expect(problems).toEqual([]);
  });
});
