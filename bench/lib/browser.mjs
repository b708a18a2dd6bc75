// Headless Debian Chromium (never a downloaded browser) and the page helpers every benchmark shares.
import { chromium } from 'playwright-core';

/** @import { Browser, Page } from 'playwright-core' */

/**
 * The part of an ECharts instance the benchmarks use in the page (the app exposes no types to the page).
 * @typedef {object} EChartsInstance
 * @property {(option: ChartOption, opts?: { notMerge?: boolean }) => void} setOption
 * @property {(event: string, handler: () => void) => void} on
 * @property {(event: string, handler: () => void) => void} off
 * @property {() => number} getWidth
 * @property {() => number} getHeight
 * @property {() => boolean} isDisposed
 */

/** @typedef {{ series?: { type?: string, data?: unknown }[] }} ChartOption An ECharts option, as far as the benchmarks read it. */

/**
 * One chart found by CHART_FINDER: its container, the echarts-for-react component, its ECharts instance
 * and the component's current `option` prop.
 * @typedef {object} BenchChart
 * @property {Element} box
 * @property {{ props: { option: ChartOption } }} comp
 * @property {EChartsInstance} inst
 * @property {ChartOption} option
 */

/** @typedef {Window & typeof globalThis & { __benchCharts: () => BenchChart[] }} ChartWindow The page's window once installChartFinder ran. */

/** @typedef {Awaited<ReturnType<typeof openPage>>} BenchPage */

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** Extra flags where memory is measured: exact heap sizes instead of bucketed ones, and a callable gc(). */
export const MEMORY_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

/**
 * @param {{ memory?: boolean }} [options] memory: add MEMORY_ARGS
 * @returns {Promise<Browser>}
 */
export function launch({ memory = false } = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: memory ? [...ARGS, ...MEMORY_ARGS] : ARGS });
}

/**
 * A fresh context (own cache, storage and service state: a cold load) with one page, console errors
 * collected, and a CDP session for CPU throttling and memory counters.
 * @param {Browser} browser
 * @param {{ viewport?: { width: number, height: number }, cpu?: number, deviceScaleFactor?: number }} [options]
 */
export async function openPage(browser, { viewport = { width: 1440, height: 900 }, cpu = 1, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  const cdp = await context.newCDPSession(page);
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return {
    context,
    page,
    cdp,
    errors,
    /** @param {number} rate */
    setCpu: (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate }),
    close: () => context.close(),
  };
}

/**
 * In-page helper source: the echarts-for-react components of the page, found through React's fiber of
 * their container div (the app exposes no chart instances). Each item gives the component's current
 * `option` prop and its ECharts instance. Defines window.__benchCharts().
 */
export const CHART_FINDER = `window.__benchCharts = () => {
  const out = [];
  for (const box of document.querySelectorAll('.echarts-for-react')) {
    const key = Object.keys(box).find((k) => k.startsWith('__reactFiber$'));
    let f = key ? box[key] : null;
    while (f && !(f.stateNode && typeof f.stateNode.getEchartsInstance === 'function')) f = f.return;
    if (!f) continue;
    const comp = f.stateNode;
    const inst = comp.getEchartsInstance();
    if (inst && !inst.isDisposed()) out.push({ box, comp, inst, option: comp.props.option });
  }
  return out;
};`;

/** @param {Page} page */
export async function installChartFinder(page) {
  await page.evaluate(CHART_FINDER);
}

/**
 * Waits until the page has marked 'first-chart' (EChart.tsx on the first 'finished'); returns its time.
 * @param {Page} page
 * @param {number} [timeout]
 * @returns {Promise<number>}
 */
export async function waitFirstChart(page, timeout = 60000) {
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, { polling: 100, timeout });
  return page.evaluate(() => performance.getEntriesByName('first-chart')[0].startTime);
}

/**
 * Resolves after every chart of the page has finished drawing and the page has been quiet for `ms`.
 * @param {Page} page
 * @param {number} [ms]
 */
export async function settle(page, ms = 300) {
  await page.waitForSelector('.chart-box[data-rendered="true"]', { timeout: 60000 });
  await page.waitForTimeout(ms);
}
