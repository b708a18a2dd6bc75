#!/usr/bin/env node
// npm run bench: builds the site, serves dist/ and the baseline pages on 127.0.0.1, runs every benchmark
// in headless Debian Chromium, writes bench/results.json and prints the table. See bench/README.md.
//
// options: --quick          fewer runs, 8 MB ingest files, a 40-slide wall tour (a smoke test, not figures)
//          --only=a,b       only these sections: bundle, ttfc, interaction, charts, export, ingest, wall, million
//          --no-build       use the dist/ already there
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp, buildBaselines, ROOT, serveApp, serveDir, snapshotDist } from './lib/build.mjs';
import { launch } from './lib/browser.mjs';
import { failedFigure, percentile } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
import * as bundle from './bundle.mjs';
import * as ttfc from './ttfc.mjs';
import * as interaction from './filter-change.mjs';
import * as charts from './charts.mjs';
import * as exporting from './export.mjs';
import * as ingest from './ingest.mjs';
import * as wall from './wall.mjs';
import * as million from './million.mjs';

/** @import { Figure } from './lib/stats.mjs' */

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
/** @param {string} s */
const want = (s) => !ONLY || ONLY.includes(s);
const RUNS = QUICK
  ? { ttfc: 1, interaction: 4, charts: 3, export: 1, ingest: 1, ingestMB: 8, wall: 40, million: 2 }
  : { ttfc: 5, interaction: 20, charts: 15, export: 5, ingest: 3, ingestMB: 50, wall: 1000, million: 12 };

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
/** @param {unknown[]} m */
const log = (...m) => console.log(...m);
const tmp = mkdtempSync(join(tmpdir(), 'htz-bench-'));
/** @type {(() => Promise<unknown>)[]} closers of what is open, run in reverse by cleanup() */
const open = [];
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of open.reverse()) await c().catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

/** @type {Figure[]} */
const figures = [];
/**
 * One section: its figures, or one failed figure with the error (the rest of the run goes on).
 * @template T
 * @param {string} name
 * @param {string} id
 * @param {() => Promise<T>} f
 * @returns {Promise<T | null>}
 */
async function section(name, id, f) {
  if (!want(id)) return null;
  log(`\n▶ ${name} (${elapsed()})`);
  const t = Date.now();
  try {
    const out = await f();
    log(`  done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    return out;
  } catch (e) {
    log(`  FAILED: ${/** @type {{ stack?: string } | null | undefined} */ (e)?.stack ?? e}`);
    figures.push(failedFigure({ id: `${id}.error`, section: name, name: `${name}: could not run`, unit: '', target: { text: 'runs' }, error: e }));
    return null;
  }
}

try {
  if (!args.includes('--no-build')) {
    log(`building the site (vite build → dist/, served from a snapshot) and the baselines (→ ${tmp})`);
    await buildApp();
  }
  const appDir = snapshotDist(tmp);
  const baselineDirs = await buildBaselines(tmp);
  const app = await serveApp(appDir);
  open.push(() => app.server.close());
  const pages = await serveDir(baselineDirs.pages);
  open.push(() => pages.server.close());
  const deps = await serveDir(baselineDirs.deps);
  open.push(() => deps.server.close());
  const browser = await launch();
  open.push(() => browser.close());
  const version = browser.version();
  log(`app ${app.url} · baselines ${pages.url} ${deps.url} · Chromium ${version} · ${cpus().length} CPUs`);

  const first = await section('2 first chart', 'ttfc', () => ttfc.run({ browser, appUrl: app.url, baselineUrl: pages.url, depsUrl: deps.url, runs: RUNS.ttfc, log }));
  if (first) figures.push(...first.figures);
  const sizes = await section('1 bundle', 'bundle', () =>
    bundle.run({ appDir, baselineDirs, extra: first?.jsUrls?.length ? { jsBeforeFirstChart: bundle.jsFetchedFigure(first.jsUrls, null, appDir) } : {} }),
  );
  if (sizes) {
    const floor = sizes.find((f) => f.id === 'bundle.initial')?.baseline ?? null;
    for (const f of sizes) if (f.id === 'bundle.beforeFirstChart' && floor && f.value !== null) Object.assign(f, { baseline: floor, ratio: +(f.value / floor).toFixed(2) });
    figures.push(...sizes);
  }
  const inter = await section('4 interaction', 'interaction', () => interaction.run({ browser, appUrl: app.url, runs: RUNS.interaction, log }));
  if (inter) figures.push(...inter);
  const rankP50 = inter ? percentile(inter.find((f) => f.id === 'interaction.rankings.cpu1')?.samples ?? [], 0.5) : null;
  const ch = await section('5 charts', 'charts', () => charts.run({ browser, appUrl: app.url, baselineUrl: pages.url, runs: RUNS.charts, interactionP50: rankP50, log }));
  if (ch) figures.push(...ch);
  const ex = await section('6 export', 'export', () => exporting.run({ browser, appUrl: app.url, runs: RUNS.export, log }));
  if (ex) figures.push(...ex);
  const ing = await section('3 ingest', 'ingest', () => ingest.run({ browser, appUrl: app.url, runs: RUNS.ingest, bytes: RUNS.ingestMB * 1024 * 1024, log }));
  if (ing) figures.push(...ing);
  const mil = await section('8 a million observations', 'million', () => million.run({ browser, appUrl: app.url, runs: RUNS.million, log }));
  if (mil) figures.push(...mil);
  const wl = await section('7 wall', 'wall', () => wall.run({ appUrl: app.url, slides: RUNS.wall, log }));
  if (wl) figures.push(...wl);

  figures.sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }));
  const results = {
    generatedAt: new Date().toISOString(),
    quick: QUICK,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version, chromium: version, platform: process.platform },
    method: 'medians of interleaved runs; each ratio against a baseline measured in the same run (bench/README.md)',
    figures,
    failed: figures.filter((f) => f.pass === false).map((f) => f.id),
  };
  writeFileSync(resolve(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log(`\nbench/results.json written (${elapsed()})${QUICK ? ' — QUICK run: smoke test, not figures' : ''}\n`);
  printTable(figures);
  const failed = figures.filter((f) => f.pass === false);
  log(`\n${figures.filter((f) => f.pass === true).length} pass, ${failed.length} fail, ${figures.filter((f) => f.pass === null).length} for information`);
  if (failed.length) log(`failed: ${failed.map((f) => f.id).join(', ')}`);
} finally {
  await cleanup();
}
