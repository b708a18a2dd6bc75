// 5. Charts: setOption of the app's rankings option (169 bars, demo GDP 2022) on the app's own ECharts
// instance, against the same option replayed in a bare ECharts page (bench/baseline/bars.html), plus a
// plain 169-bar option from an inline array. All timed in-page with performance.now() around a
// synchronous chart.setOption(option, { notMerge: true }) — which in ECharts includes the model update,
// layout and the first paint of the canvas (setOption flushes zrender synchronously unless lazyUpdate).
import { installChartFinder, openPage, settle } from './lib/browser.mjs';
import { figure, median } from './lib/stats.mjs';

/** @import { Browser } from 'playwright-core' */
/** @import { BenchChart, ChartWindow } from './lib/browser.mjs' */

/** @typedef {ChartWindow & { __benchRankings: BenchChart }} AppWindow The app page, once capture() ran. */

/**
 * The bare page's driver (bench/baseline/bars.js): init sizes the chart; replay and simple return the
 * synchronous time of one setOption in ms.
 * @typedef {object} BarsDriver
 * @property {(width: number, height: number) => boolean} init
 * @property {(json: string) => Promise<number>} replay
 * @property {(n?: number) => Promise<number>} simple
 */

/** @typedef {Window & typeof globalThis & { bench: BarsDriver }} BarsWindow */

const HASH = '#/rankings?ds=demo&ind=gdp&year=2022';

/** In the app page: the rankings chart's option as JSON (functions → '__fn__') and its size. */
function capture() {
  const w = /** @type {AppWindow} */ (window);
  const c = w.__benchCharts().find((x) => x.box.closest('[data-testid="rankings-chart"]'));
  if (!c) return null;
  w.__benchRankings = c;
  const json = JSON.stringify(c.option, (_k, v) => (typeof v === 'function' ? '__fn__' : v));
  const series = (c.option.series ?? []).map((s) => `${s.type}:${Array.isArray(s.data) ? s.data.length : 0}`);
  return { json, width: c.inst.getWidth(), height: c.inst.getHeight(), series };
}

/** In the app page: one timed setOption of the app's own option on its own instance. */
function appSetOption() {
  const { inst, comp } = /** @type {AppWindow} */ (window).__benchRankings;
  const t0 = performance.now();
  inst.setOption(comp.props.option, { notMerge: true });
  return performance.now() - t0;
}

/**
 * @param {object} options
 * @param {Browser} options.browser
 * @param {string} options.appUrl
 * @param {string} options.baselineUrl serves bars.html
 * @param {number} [options.runs]
 * @param {number | null} [options.interactionP50] p50 of the rankings year change (filter-change.mjs), if measured
 * @param {(...message: unknown[]) => void} [options.log]
 */
export async function run({ browser, appUrl, baselineUrl, runs = 15, interactionP50 = null, log = console.log }) {
  const app = await openPage(browser);
  const bare = await openPage(browser);
  try {
    await app.page.goto(appUrl + HASH);
    await settle(app.page, 1000);
    await installChartFinder(app.page);
    const cap = await app.page.evaluate(capture);
    if (!cap) throw new Error('rankings chart instance not found (React fiber lookup failed)');
    await bare.page.goto(`${baselineUrl}bars.html`);
    await bare.page.waitForFunction(() => !!(/** @type {BarsWindow} */ (window).bench));
    await bare.page.evaluate(([w, h]) => /** @type {BarsWindow} */ (window).bench.init(w, h), [cap.width, cap.height]);
    /** @type {{ app: number[], replay: number[], simple: number[] }} */
    const s = { app: [], replay: [], simple: [] };
    // one warm-up of each, then interleaved runs in a rotating order
    await app.page.evaluate(appSetOption);
    await bare.page.evaluate((j) => /** @type {BarsWindow} */ (window).bench.replay(j), cap.json);
    await bare.page.evaluate(() => /** @type {BarsWindow} */ (window).bench.simple(169));
    /** @type {[keyof typeof s, () => Promise<number>][]} */
    const steps = [
      ['app', async () => {
        const ms = await app.page.evaluate(appSetOption);
        await app.page.waitForTimeout(150);
        return ms;
      }],
      ['replay', () => bare.page.evaluate((j) => /** @type {BarsWindow} */ (window).bench.replay(j), cap.json)],
      ['simple', () => bare.page.evaluate(() => /** @type {BarsWindow} */ (window).bench.simple(169))],
    ];
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < steps.length; i++) {
        const [k, f] = steps[(i + r) % steps.length];
        s[k].push(await f());
      }
    }
    log(`  charts: app ${median(s.app)?.toFixed(1)} ms, replay ${median(s.replay)?.toFixed(1)} ms, simple ${median(s.simple)?.toFixed(1)} ms`);
    const size = `${cap.width}×${cap.height} px canvas, series ${cap.series.join(', ')}`;
    const figures = [
      figure({
        id: 'charts.appSetOption',
        section: '5 charts',
        name: "setOption, app's rankings option, app instance",
        value: median(s.app),
        unit: 'ms',
        baseline: median(s.replay),
        baselineName: 'same option, bare page',
        runs: s.app.length,
        samples: s.app,
        notes: `ECharts work only (no React): model, layout, first paint; ${size}. Baseline: the same option as JSON in a bare page (label formatters replaced by String(value)); baseline samples ${s.replay.map((x) => x.toFixed(1)).join(', ')}`,
      }),
      figure({
        id: 'charts.bareSimple',
        section: '5 charts',
        name: 'setOption, 169 bars from an inline array, bare page',
        value: median(s.simple),
        unit: 'ms',
        runs: s.simple.length,
        samples: s.simple,
        notes: 'plain bar series with value labels, same canvas size: what ECharts costs for 169 bars at all',
      }),
    ];
    if (interactionP50 !== null) {
      figures.push(
        figure({
          id: 'charts.appYearChange',
          section: '5 charts',
          name: 'app: year change → chart redrawn (p50, from 4)',
          value: interactionP50,
          unit: 'ms',
          baseline: median(s.simple),
          baselineName: 'bare 169 bars',
          notes: "includes the store update, React render, the rankings model and option build, echarts-for-react's lazyUpdate wait for the next frame (≤ 16 ms), setOption and the first paint; not separable from outside",
        }),
      );
    }
    return figures;
  } finally {
    await app.close();
    await bare.close();
  }
}
