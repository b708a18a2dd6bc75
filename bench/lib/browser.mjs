// Headless Debian Chromium (never a downloaded browser) and the page helpers every benchmark shares.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** Extra flags where memory is measured: exact heap sizes instead of bucketed ones, and a callable gc(). */
export const MEMORY_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

export function launch({ memory = false } = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: memory ? [...ARGS, ...MEMORY_ARGS] : ARGS });
}

/**
 * A fresh context (own cache, storage and service state: a cold load) with one page, console errors
 * collected, and a CDP session for CPU throttling and memory counters.
 */
export async function openPage(browser, { viewport = { width: 1440, height: 900 }, cpu = 1, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
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

export async function installChartFinder(page) {
  await page.evaluate(CHART_FINDER);
}

/** Waits until the page has marked 'first-chart' (EChart.tsx on the first 'finished'); returns its time. */
export async function waitFirstChart(page, timeout = 60000) {
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, { polling: 100, timeout });
  return page.evaluate(() => performance.getEntriesByName('first-chart')[0].startTime);
}

/** Resolves after every chart of the page has finished drawing and the page has been quiet for `ms`. */
export async function settle(page, ms = 300) {
  await page.waitForSelector('.chart-box[data-rendered="true"]', { timeout: 60000 });
  await page.waitForTimeout(ms);
}
