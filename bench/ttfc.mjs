// 2. Time to first chart on a cold load: performance.getEntriesByName('first-chart') (EChart.tsx marks it on
// the first ECharts 'finished') relative to navigation start, at CPU 1× and 4× (CDP throttling), against a
// page that draws one ECharts chart from an inline array and marks the same 'first-chart' on 'finished'.
import { openPage, waitFirstChart } from './lib/browser.mjs';
import { figure, median } from './lib/stats.mjs';

/** @import { Browser } from 'playwright-core' */
/** @import { Figure } from './lib/stats.mjs' */

const APP = [
  { id: 'reported', hash: '#/rankings?ds=reported' },
  { id: 'demo', hash: '#/rankings?ds=demo&ind=gdp&year=2022' },
];
/** @type {Record<number, number>} targets (ms) by CPU throttling rate */
const TARGET_MS = { 1: 700, 4: 2000 };
const MAX_RATIO = 1.5;

/** Records the first 'chart-rendered' (first frame of a chart) before any page script runs. */
const FIRST_FRAME = () => {
  window.addEventListener('chart-rendered', () => {
    if (!performance.getEntriesByName('bench-first-frame').length) performance.mark('bench-first-frame');
  });
};

/**
 * @param {Browser} browser
 * @param {string} url
 * @param {number} cpu CPU throttling rate
 * @param {boolean} [withResources] also list the resources that had arrived before the first chart
 */
export async function coldLoad(browser, url, cpu, withResources = false) {
  const p = await openPage(browser, { cpu });
  try {
    await p.page.addInitScript(FIRST_FRAME);
    await p.page.goto(url, { waitUntil: 'commit' });
    const ms = await waitFirstChart(p.page, 90000);
    const detail = await p.page.evaluate((withRes) => ({
      frame: performance.getEntriesByName('bench-first-frame')[0]?.startTime ?? null,
      dcl: /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])?.domContentLoadedEventEnd ?? null,
      // when the last data file (/data/…) had arrived: how much of the wait is the dataset
      data: Math.max(0, .../** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).filter((r) => r.name.includes('/data/')).map((r) => r.responseEnd)),
      resources: withRes
        ? /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).filter((r) => r.responseEnd <= performance.getEntriesByName('first-chart')[0].startTime).map((r) => r.name)
        : [],
    }), withResources);
    return { ms, ...detail, errors: p.errors };
  } finally {
    await p.close();
  }
}

/**
 * @param {object} options
 * @param {Browser} options.browser
 * @param {string} options.appUrl
 * @param {string} options.baselineUrl serves chart.html
 * @param {string} options.depsUrl serves deps.html
 * @param {number} [options.runs]
 * @param {(...message: unknown[]) => void} [options.log]
 * @returns {Promise<{ figures: Figure[], jsUrls: string[] }>} jsUrls: what the first cold load of the reported view fetched before its first chart
 */
export async function run({ browser, appUrl, baselineUrl, depsUrl, runs = 5, log = console.log }) {
  const targets = [
    ...APP.map((a) => ({ key: a.id, url: appUrl + a.hash })),
    { key: 'baseline', url: `${baselineUrl}chart.html` },
    { key: 'react-floor', url: `${depsUrl}deps.html` },
  ];
  /** @type {Record<string, number[]>} by `${target}@${cpu}` */
  const samples = {};
  /** @type {Record<string, (number | null)[]>} */
  const frames = {};
  /** @type {Record<string, (number | null)[]>} */
  const dcls = {};
  /** @type {Record<string, number[]>} */
  const data = {};
  /** @type {string[]} */
  let jsUrls = [];
  const errors = new Set();
  // warm the server's file cache once (not the browser's: every measured load is a fresh context)
  for (const t of targets) await coldLoad(browser, t.url, 1);
  for (let r = 0; r < runs; r++) {
    const rates = r % 2 ? [4, 1] : [1, 4];
    for (const cpu of rates) {
      // rotate the order so no page always goes first after a throttling change
      const order = targets.map((_, i) => targets[(i + r) % targets.length]);
      for (const t of order) {
        const k = `${t.key}@${cpu}`;
        const res = await coldLoad(browser, t.url, cpu, r === 0 && cpu === 1 && t.key === 'reported');
        (samples[k] ??= []).push(res.ms);
        (frames[k] ??= []).push(res.frame);
        (dcls[k] ??= []).push(res.dcl);
        (data[k] ??= []).push(res.data);
        if (res.resources.length) jsUrls = res.resources;
        for (const e of res.errors) errors.add(`${t.key}: ${e}`);
      }
    }
    log(`  ttfc run ${r + 1}/${runs}: ${Object.entries(samples).map(([k, v]) => `${k} ${v.at(-1)?.toFixed(0)}`).join(', ')}`);
  }
  const figures = [];
  for (const cpu of [1, 4]) {
    const base = median(samples[`baseline@${cpu}`]);
    for (const a of APP) {
      const k = `${a.id}@${cpu}`;
      figures.push(
        figure({
          id: `ttfc.${a.id}.cpu${cpu}`,
          section: '2 first chart',
          name: `${a.hash} @${cpu}×`,
          value: median(samples[k]),
          unit: 'ms',
          baseline: base,
          baselineName: 'one-chart page',
          target: { text: `< ${TARGET_MS[cpu]} ms, ≤ ${MAX_RATIO}× base`, max: TARGET_MS[cpu], maxRatio: MAX_RATIO },
          runs: samples[k].length,
          samples: samples[k],
          notes: `DOMContentLoaded ${median(dcls[k])?.toFixed(0)} ms, data files in ${median(data[k])?.toFixed(0)} ms, first frame ${median(frames[k])?.toFixed(0)} ms; baseline first frame ${median(frames[`baseline@${cpu}`])?.toFixed(0)} ms`,
          extra: {
            domContentLoadedMs: median(dcls[k]),
            dataFilesLoadedMs: median(data[k]),
            firstFrameMs: median(frames[k]),
            baselineDomContentLoadedMs: median(dcls[`baseline@${cpu}`]),
            baselineFirstFrameMs: median(frames[`baseline@${cpu}`]),
            baselineSamples: samples[`baseline@${cpu}`],
          },
        }),
      );
    }
    const fk = `react-floor@${cpu}`;
    figures.push(
      figure({
        id: `ttfc.reactFloor.cpu${cpu}`,
        section: '2 first chart',
        name: `react-dom+echarts/core page @${cpu}×`,
        value: median(samples[fk]),
        unit: 'ms',
        baseline: base,
        baselineName: 'one-chart page',
        runs: samples[fk].length,
        samples: samples[fk],
        notes: 'the dependency-floor page of figure 1 (React renders the same chart): what React itself adds',
      }),
    );
  }
  if (errors.size) figures[0].notes += `; page errors: ${[...errors].slice(0, 5).join(' | ')}`;
  return { figures, jsUrls };
}
