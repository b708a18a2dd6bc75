#!/usr/bin/env node
// 4. Interaction: from a filter change to the first frame of every chart of the view redrawn, on the demo
// dataset, at CPU 1× and 4×. p50 and p75 of N changes, interleaved across views and CPU rates (the machine
// is shared and noisy: medians of interleaved runs, never one timing).
//
// "Every chart": each ECharts instance of the view (found through React's fiber, bench/lib/browser.mjs)
// gets a one-shot 'rendered' listener; the sample ends when all have drawn a frame. Without instances it
// falls back to counting the app's window 'chart-rendered' events, one per chart box.
//
// Standalone: npm run build && node bench/filter-change.mjs [runs]   (or through npm run bench)
import { pathToFileURL } from 'node:url';
import { installChartFinder, openPage, settle } from './lib/browser.mjs';
import { figure, percentile } from './lib/stats.mjs';

/** @import { Browser } from 'playwright-core' */
/** @import { BenchChart, BenchPage, ChartOption, EChartsInstance } from './lib/browser.mjs' */
/** @import { Figure } from './lib/stats.mjs' */

/**
 * The app page: the chart finder (when installed) and the options shown before the last change.
 * @typedef {Window & typeof globalThis & { __benchCharts?: () => BenchChart[], __benchPrev?: ChartOption[] }} FilterWindow
 */

/** @typedef {{ id: string, name: string, hash: string, select: string, values: [string, string] }} View */

/**
 * One redraw: `ms` null when not every chart drew within the timeout (or, for `direct`, when the charts
 * do not match the previous options).
 * @typedef {{ ms: number | null, charts: number, method: string }} ChangeResult
 */

/** @type {View[]} */
export const VIEWS = [
  { id: 'rankings', name: 'rankings (169 bars)', hash: '#/rankings?ds=demo&ind=gdp&year=2022', select: '[data-testid="year-select"]', values: ['2021', '2022'] },
  { id: 'trends', name: 'trends (8 lines)', hash: '#/trends?ds=demo&ind=gdp', select: '[data-testid="indicator-select"]', values: ['gdp', 'revenue'] },
  { id: 'compare', name: 'compare (169 points)', hash: '#/compare?ds=demo&ind=rd_ratio&ind2=gdp_growth', select: '[data-testid="year-select"]', values: ['2021', '2022'] },
];
/** @type {Record<number, number>} p75 targets (ms) by CPU throttling rate */
const TARGET_P75 = { 1: 100, 4: 200 };

/**
 * In the page: one redraw, timed until every chart has rendered a frame. `sel`/`value`: the app's way,
 * the select changed. `direct`: the baseline, the same page and run — the options the charts showed
 * before the last change (window.__benchPrev) set straight on their ECharts instances (notMerge, as the
 * app sets every option): the same redraw without React, the model or the tables.
 * @param {{ sel?: string, value?: string, direct?: boolean, timeout: number }} args
 * @returns {Promise<ChangeResult>}
 */
export function change({ sel, value, direct, timeout }) {
  return new Promise((resolve) => {
    const w = /** @type {FilterWindow} */ (window);
    const charts = w.__benchCharts ? w.__benchCharts() : [];
    if (direct && (!charts.length || charts.length !== w.__benchPrev?.length)) return resolve({ ms: null, charts: 0, method: 'none' });
    const boxes = document.querySelectorAll('.chart-box').length;
    const pending = new Set(charts.map((c) => c.inst));
    /** @type {[EChartsInstance, () => void][]} */
    const handlers = [];
    let seen = 0;
    let timer = 0;
    const finish = (ok) => {
      const ms = performance.now() - t0;
      for (const [inst, h] of handlers) inst.off('rendered', h);
      window.removeEventListener('chart-rendered', onWindow);
      clearTimeout(timer);
      resolve({ ms: ok ? ms : null, charts: charts.length || boxes, method: charts.length ? 'instances' : 'window-events' });
    };
    const onWindow = () => {
      if (!charts.length && ++seen >= boxes) finish(true);
    };
    for (const c of charts) {
      const h = () => {
        pending.delete(c.inst);
        if (!pending.size) finish(true);
      };
      c.inst.on('rendered', h);
      handlers.push([c.inst, h]);
    }
    window.addEventListener('chart-rendered', onWindow);
    timer = window.setTimeout(() => finish(false), timeout);
    const t0 = performance.now();
    if (direct) {
      const prev = w.__benchPrev ?? [];
      charts.forEach((c, i) => c.inst.setOption(prev[i], { notMerge: true }));
    } else {
      const el = sel ? document.querySelector(sel) : null;
      if (!(el instanceof HTMLSelectElement) || value === undefined) throw new Error(`change: no <select> ${sel} to set to ${value}`);
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
}

/**
 * @param {object} options
 * @param {Browser} options.browser
 * @param {string} options.appUrl
 * @param {number} [options.runs] changes per view and CPU rate
 * @param {number[]} [options.rates] CPU throttling rates
 * @param {(...message: unknown[]) => void} [options.log]
 * @returns {Promise<Figure[]>}
 */
export async function run({ browser, appUrl, runs = 30, rates = [1, 4], log = console.log }) {
  /** @type {{ v: View, p: BenchPage, samples: Record<number, number[]>, base: Record<number, number[]>, misses: number, method: string }[]} */
  const pages = [];
  for (const v of VIEWS) {
    const p = await openPage(browser);
    await p.page.goto(appUrl + v.hash);
    await settle(p.page, 800);
    pages.push({ v, p, samples: Object.fromEntries(rates.map((r) => [r, []])), base: Object.fromEntries(rates.map((r) => [r, []])), misses: 0, method: '' });
  }
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...rates].reverse() : rates;
    for (const cpu of order) {
      for (const x of pages) {
        await x.p.setCpu(cpu);
        // the instances can be replaced by a re-mount: look them up before every change
        await installChartFinder(x.p.page);
        const current = await x.p.page.$eval(x.v.select, (el) => /** @type {HTMLSelectElement} */ (el).value);
        const value = x.v.values[0] === current ? x.v.values[1] : x.v.values[0];
        // the options shown before the change (functions and all stay in the page), for the baseline
        await x.p.page.evaluate(() => {
          const w = /** @type {FilterWindow} */ (window);
          if (!w.__benchCharts) throw new Error('the chart finder is not installed');
          return (w.__benchPrev = w.__benchCharts().map((c) => c.option));
        });
        const res = await x.p.page.evaluate(change, { sel: x.v.select, value, timeout: 5000 });
        x.method = res.method;
        if (res.ms === null) x.misses++;
        else x.samples[cpu].push(res.ms);
        // let the transition (300 ms) and the deferred table settle before the next change
        const quiet = async () => {
          await x.p.page.waitForTimeout(320);
          await x.p.page.evaluate(() => /** @type {Promise<void>} */ (new Promise((r) => requestIdleCallback(() => r(), { timeout: 1500 }))));
        };
        await quiet();
        // the baseline right after, at the same rate: the previous options straight onto the instances
        await installChartFinder(x.p.page);
        const base = await x.p.page.evaluate(change, { direct: true, timeout: 5000 });
        if (base.ms !== null) x.base[cpu].push(base.ms);
        await quiet();
      }
    }
    if ((r + 1) % 10 === 0 || r === runs - 1) log(`  filter-change ${r + 1}/${runs}`);
  }
  const figures = [];
  for (const x of pages) {
    await x.p.setCpu(1);
    for (const cpu of rates) {
      const s = x.samples[cpu];
      const b = x.base[cpu];
      figures.push(
        figure({
          id: `interaction.${x.v.id}.cpu${cpu}`,
          section: '4 interaction',
          name: `${x.v.name} p75 @${cpu}×`,
          value: percentile(s, 0.75),
          unit: 'ms',
          baseline: b.length ? percentile(b, 0.75) : null,
          baselineName: 'same redraw, setOption direct',
          target: { text: `p75 < ${TARGET_P75[cpu] ?? '—'} ms`, max: TARGET_P75[cpu] },
          runs: s.length,
          samples: s,
          extra: { p50: percentile(s, 0.5), max: Math.max(...s), misses: x.misses, detection: x.method, baselineSamples: b, baselineP50: percentile(b, 0.5) },
          notes: `p50 ${percentile(s, 0.5)?.toFixed(1)} ms; change event → first frame of every chart (${x.method}); baseline: the previous options set straight on the same instances, p75 of ${b.length}`,
        }),
      );
    }
    await x.p.close();
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await (await import('./lib/standalone.mjs')).standalone(run, 30);
