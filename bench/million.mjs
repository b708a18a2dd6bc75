#!/usr/bin/env node
// 8. A million observations (issue #19 item 4): a generated wide CSV of ≥ 1,000,000 observations (every zone of
// the registry × 110 years × every value indicator) imported through the UI once, then the filter-change
// measurement of section 4 on that dataset — rankings, trends and compare, at CPU 1× and 4×, each change followed
// by its baseline (the previous options set straight on the same ECharts instances). The page is not reloaded
// between views (a reload would import the file again from IndexedDB): the views are reached by their hash.
//
// Standalone: npm run build && node bench/million.mjs [runs]   (or npm run bench -- --only=million)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { change } from './filter-change.mjs';
import { installChartFinder, openPage, settle } from './lib/browser.mjs';
import { wideCsv } from './lib/gen-csv.mjs';
import { figure, percentile } from './lib/stats.mjs';

/** @import { Browser } from 'playwright-core' */
/** @import { Figure } from './lib/stats.mjs' */
/** @import { View } from './filter-change.mjs' */

/** The section-4 views on the imported dataset (`ds=user`). */
const VIEWS = /** @type {View[]} */ ([
  { id: 'rankings', name: 'rankings (all zones)', hash: '#/rankings?ds=user&ind=gdp&year=2022', select: '[data-testid="year-select"]', values: ['2021', '2022'] },
  { id: 'trends', name: 'trends', hash: '#/trends?ds=user&ind=gdp', select: '[data-testid="indicator-select"]', values: ['gdp', 'revenue'] },
  { id: 'compare', name: 'compare (all zones)', hash: '#/compare?ds=user&ind=rd_ratio&ind2=gdp_growth&year=2022', select: '[data-testid="year-select"]', values: ['2021', '2022'] },
]);
const TARGET_P75 = /** @type {Record<number, number>} */ ({ 1: 100 });

/**
 * @param {object} options
 * @param {Browser} options.browser
 * @param {string} options.appUrl
 * @param {number} [options.runs] changes per view and CPU rate
 * @param {number[]} [options.rates]
 * @param {(...message: unknown[]) => void} [options.log]
 * @returns {Promise<Figure[]>}
 */
export async function run({ browser, appUrl, runs = 20, rates = [1, 4], log = console.log }) {
  const dir = mkdtempSync(join(tmpdir(), 'htz-million-'));
  const p = await openPage(browser);
  try {
    // one period, every year 1990–2099: about 19,500 rows of ~60 indicators
    const csv = await wideCsv(join(dir, 'million.csv'), 11 * 1024 * 1024);
    if (csv.observations < 1_000_000) throw new Error(`the generated file holds ${csv.observations} observations, fewer than 1,000,000`);
    await p.page.goto(`${appUrl}#/rankings?ds=reported`);
    await settle(p.page, 500);
    const t0 = Date.now();
    await p.page.setInputFiles('[data-testid="file-input"]', csv.path);
    await p.page.getByTestId('import-confirm').click({ timeout: 180000 });
    await p.page.waitForFunction(() => location.hash.includes('ds=user'), null, { timeout: 180000 });
    log(`  million: ${csv.observations.toLocaleString('en')} observations (${(csv.bytes / 1048576).toFixed(1)} MB) imported in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    /** @type {Figure[]} */
    const figures = [];
    for (const v of VIEWS) {
      await p.page.evaluate((h) => (location.hash = h), v.hash);
      await p.page.waitForSelector(v.select, { timeout: 60000 });
      await settle(p.page, 1500);
      /** @type {Record<number, number[]>} */
      const samples = Object.fromEntries(rates.map((r) => [r, []]));
      /** @type {Record<number, number[]>} */
      const base = Object.fromEntries(rates.map((r) => [r, []]));
      let misses = 0;
      for (let r = 0; r < runs; r++) {
        for (const cpu of r % 2 ? [...rates].reverse() : rates) {
          await p.setCpu(cpu);
          await installChartFinder(p.page);
          const current = await p.page.$eval(v.select, (el) => /** @type {HTMLSelectElement} */ (el).value);
          const value = v.values[0] === current ? v.values[1] : v.values[0];
          await p.page.evaluate(() => {
            const w = /** @type {Window & { __benchCharts?: () => { option: unknown }[], __benchPrev?: unknown[] }} */ (window);
            if (!w.__benchCharts) throw new Error('the chart finder is not installed');
            w.__benchPrev = w.__benchCharts().map((c) => c.option);
          });
          const res = await p.page.evaluate(change, { sel: v.select, value, timeout: 10000 });
          if (res.ms === null) misses++;
          else samples[cpu].push(res.ms);
          const quiet = async () => {
            await p.page.waitForTimeout(320);
            await p.page.evaluate(() => /** @type {Promise<void>} */ (new Promise((done) => requestIdleCallback(() => done(), { timeout: 1500 }))));
          };
          await quiet();
          await installChartFinder(p.page);
          const b = await p.page.evaluate(change, { direct: true, timeout: 10000 });
          if (b.ms !== null) base[cpu].push(b.ms);
          await quiet();
        }
      }
      await p.setCpu(1);
      log(`  million: ${v.id} done (${misses} misses)`);
      for (const cpu of rates) {
        const s = samples[cpu];
        const b = base[cpu];
        figures.push(
          figure({
            id: `million.${v.id}.cpu${cpu}`,
            section: '8 a million observations',
            name: `${v.name}, ${(csv.observations / 1e6).toFixed(2)} M obs, p75 @${cpu}×`,
            value: percentile(s, 0.75),
            unit: 'ms',
            baseline: b.length ? percentile(b, 0.75) : null,
            baselineName: 'same redraw, setOption direct',
            target: TARGET_P75[cpu] ? { text: `p75 ≤ ${TARGET_P75[cpu]} ms`, max: TARGET_P75[cpu] } : { text: '—' },
            runs: s.length,
            samples: s,
            extra: { p50: percentile(s, 0.5), misses, observations: csv.observations, baselineSamples: b },
            notes: `p50 ${percentile(s, 0.5)?.toFixed(1)} ms; ${misses} changes not drawn within 10 s; baseline p75 of ${b.length}`,
          }),
        );
      }
    }
    return figures;
  } finally {
    await p.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await (await import('./lib/standalone.mjs')).standalone(run, 20);
