import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chartsDrawn, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Answers an analyst reads off the screen and quotes (issue #22 items 1, 2, 6), in the built site. */
describe('answers that can be quoted', () => {
  it('the profile says 郑州 2020 is 17th, ahead of 152 of the 169 evaluated', async () => {
    const { page, problems } = await openPage(browser, '#/zone/zhengzhou?ds=reported');
    const card = page.getByTestId('profile-rank_overall');
    await card.waitFor();
    await expect(card.getByTestId('standing').textContent()).resolves.toBe(' · 第 17 位，领先 152 家（共 169 家）');
    expect(problems).toEqual([]);
  });

  it('the trajectories mark 郑州 2019\'s disputed rank, and the key says what the marks mean', async () => {
    const { page, problems } = await openPage(browser, '#/bump?ds=reported&ind=rank_overall&years=2019..2020&zones=zhengzhou~xinxiang');
    await chartsDrawn(page);
    const row = page.getByTestId('bump-table').locator('tr', { hasText: '郑州' });
    await expect(row.locator('td').first().textContent()).resolves.toBe('17 / 20 ⚠');
    await expect(page.getByTestId('mark-legend').textContent()).resolves.toContain('⚠ 来源之间数值不同');
    expect(problems).toEqual([]);
  });

  it('the Data view of the published figures speaks of notes on the data, not import errors', async () => {
    const { page, problems } = await openPage(browser, '#/data?ds=reported');
    const notes = page.getByTestId('data-notes');
    await notes.waitFor();
    await expect(notes.textContent()).resolves.toContain('19 行：评价年份未定（来源没有写明年份），未计入');
    await expect(page.getByTestId('dataset-issues').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});
