import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

/** Every data file's text: Chinese found in it on screen is a data value (a zone, a province, a source). */
function dataCorpus(): string {
  const dir = resolve(__dirname, '../../data');
  const files = ['zones.csv', ...readdirSync(join(dir, 'reported')).map((f) => `reported/${f}`), 'demo/panel.csv'];
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

/** Chinese runs on the page (text and the names screen readers read) that no data file contains. */
async function chineseOutsideData(page: Page, corpus: string): Promise<string[]> {
  const runs: string[] = await page.evaluate(() => {
    const out: string[] = [];
    const cjk = /[\u3400-\u9fff]+/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script,style,noscript,[lang="zh-CN"],[lang="zh"]')) continue; // a language button says 中文, marked lang
      for (const m of n.textContent?.match(cjk) ?? []) out.push(m);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      if (el.closest('[lang="zh-CN"],[lang="zh"]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) for (const m of el.getAttribute(a)?.match(cjk) ?? []) out.push(m);
    }
    return out;
  });
  return [...new Set(runs)].filter((r) => !corpus.includes(r));
}

describe('English everywhere', () => {
  const corpus = dataCorpus();
  it('names provinces and regions in English (filters, the rankings table, the zone profile)', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020&lang=en');
    await page.getByTestId('rankings-table').waitFor();
    const groups = await page.getByTestId('group-select').locator('option').allTextContents();
    expect(groups).toEqual(expect.arrayContaining(['East', 'Central', 'West', 'Northeast', 'Henan', 'Inner Mongolia', 'Guangxi']));
    expect(groups.filter((g) => /[\u3400-\u9fff]/.test(g))).toEqual([]);
    const provinceCells = await page.getByTestId('rankings-table').locator('tbody tr td:nth-of-type(2)').allTextContents();
    expect(provinceCells).toContain('Henan');
    expect(provinceCells.filter((c) => /[\u3400-\u9fff]/.test(c))).toEqual([]);
    await page.evaluate(() => (location.hash = '#/zone/zhengzhou?ds=reported&lang=en'));
    await expect(page.locator('.profile-facts').first().textContent()).resolves.toMatch(/^Henan · Central · /);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  const routes = [
    '#/rankings?ds=reported&ind=rank_overall&year=2020', '#/rankings?ds=demo', '#/trends?ds=demo', '#/bump?ds=reported', '#/compare?ds=demo',
    '#/map?ds=demo', '#/zone/zhengzhou?ds=demo', '#/data?ds=reported', '#/sources?ds=reported', '#/wall',
  ];
  it.each(routes)('%s in English shows no Chinese outside data values', async (route) => {
    const { page, problems } = await openPage(browser, `${route}&lang=en`.replace('#/wall&', '#/wall?'));
    await page.locator('main').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.chart-box[data-rendered="false"]').length === 0 && !document.querySelector('.status'), undefined, { timeout: 20000 }).catch(() => undefined);
    await page.waitForTimeout(600);
    expect(await chineseOutsideData(page, corpus)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an import report in English: messages in English, the file name and values as written', async () => {
    const { page } = await openPage(browser, '#/rankings?ds=reported&lang=en');
    await page.locator('h1', { hasText: 'High-tech Zone Indicators' }).waitFor();
    const csv = '单位：亿元\n高新区,年份,营业收入\n郑州,2020,…\n洛阳,2020,abc\n合计,2020,3\n注：测试\n';
    await page.getByTestId('file-input').setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-count').waitFor();
    const text = (await page.getByTestId('import-dialog').innerText()).replace(/[\u3400-\u9fff]+/g, (m) => (corpus.includes(m) || csv.includes(m) ? '' : `«${m}»`));
    expect(text).not.toMatch(/«/);
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('every control reached with Tab on the rankings view has a name and a visible focus ring', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020');
    await page.getByTestId('rankings-table').waitFor();
    const seen: string[] = [];
    const bad: string[] = [];
    for (let k = 0; k < 45; k++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || el.getAttribute('placeholder');
        const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
        return { id: `${el.tagName.toLowerCase()} ${(labelled ?? '').trim().slice(0, 30)}`, named: !!labelled?.trim(), ring };
      });
      if (!f) continue;
      seen.push(f.id);
      if (!f.named || !f.ring) bad.push(`${f.id}${f.named ? '' : ' (no name)'}${f.ring ? '' : ' (no focus ring)'}`);
    }
    expect(new Set(seen).size).toBeGreaterThan(15);
    expect(bad).toEqual([]);
    // and the controls work from the keyboard: the year selector changes the view
    await page.getByTestId('year-select').focus();
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => !location.hash.includes('year=2020'));
    expect(problems).toEqual([]);
  });
});
