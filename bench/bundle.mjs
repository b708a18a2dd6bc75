// 1. Initial JavaScript of the first view (gzip), against the dependency floor: a page that imports only
// react-dom and echarts/core with bar + scatter + grid + canvas, built with the same Vite config.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure } from './lib/stats.mjs';
import { ROOT } from './lib/build.mjs';

/** @import { Figure } from './lib/stats.mjs' */

const BUDGET_KB = 260;
/** @param {string} file */
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * What an HTML file loads up front: its module scripts and modulepreloads (as test/e2e/bundle-budget.test.ts).
 * @param {string} dir
 * @param {string} [html]
 * @returns {{ file: string, gzip: number }[]}
 */
export function initialScripts(dir, html = 'index.html') {
  const text = readFileSync(resolve(dir, html), 'utf8');
  const srcs = [...text.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set([...srcs, ...preloads])].map((f) => ({ file: f, gzip: gz(resolve(dir, f)) }));
}

/** @param {number} bytes */
export const kb = (bytes) => bytes / 1024;

/**
 * @param {object} options
 * @param {string} [options.appDir] the built site
 * @param {{ deps: string }} options.baselineDirs buildBaselines()'s folders
 * @param {{ jsBeforeFirstChart?: Figure }} [options.extra] figures measured elsewhere, reported here
 * @returns {Promise<Figure[]>}
 */
export async function run({ appDir = resolve(ROOT, 'dist'), baselineDirs, extra = {} }) {
  const dist = appDir;
  const app = initialScripts(dist);
  const base = initialScripts(baselineDirs.deps, 'deps.html');
  const appKb = kb(app.reduce((a, b) => a + b.gzip, 0));
  const baseKb = kb(base.reduce((a, b) => a + b.gzip, 0));
  const figures = [
    figure({
      id: 'bundle.initial',
      section: '1 bundle',
      name: 'initial JS of the first view (gzip)',
      value: appKb,
      unit: 'KB',
      baseline: baseKb,
      baselineName: 'react-dom+echarts/core floor',
      target: { text: `≤ ${BUDGET_KB} KB`, max: BUDGET_KB },
      extra: { files: app.map((f) => ({ file: f.file, kb: +kb(f.gzip).toFixed(1) })), baselineFiles: base.map((f) => ({ file: f.file, kb: +kb(f.gzip).toFixed(1) })) },
    }),
    figure({
      id: 'bundle.own',
      section: '1 bundle',
      name: "the app's own share (initial − floor)",
      value: appKb - baseKb,
      unit: 'KB',
      notes: 'the app code, i18n, store, echarts-for-react and other libraries on top of the dependency floor',
    }),
  ];
  if (extra.jsBeforeFirstChart) figures.push(extra.jsBeforeFirstChart);
  return figures;
}

/**
 * JavaScript actually fetched before the first chart (from the resource timing of a cold load measured by
 * ttfc.mjs): the initial scripts plus lazy chunks and the import worker, gzip-sized from dist/.
 * @param {readonly string[]} urls
 * @param {number | null} baselineKb
 * @param {string} [dist]
 * @returns {Figure}
 */
export function jsFetchedFigure(urls, baselineKb, dist = resolve(ROOT, 'dist')) {
  const files = [...new Set(urls.map((u) => new URL(u).pathname.replace(/^\//, '')).filter((p) => p.endsWith('.js')))];
  const total = files.reduce((a, f) => {
    try {
      return a + gz(resolve(dist, f));
    } catch {
      return a;
    }
  }, 0);
  return figure({
    id: 'bundle.beforeFirstChart',
    section: '1 bundle',
    name: 'JS fetched before the first chart (gzip)',
    value: kb(total),
    unit: 'KB',
    baseline: baselineKb,
    baselineName: 'floor',
    notes: 'cold load of #/rankings?ds=reported at 1×: every .js whose response ended before the first-chart mark (lazy view chunks, worker included)',
    extra: { files },
  });
}
