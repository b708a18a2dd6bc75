#!/usr/bin/env node
// Interleaved A/B of the time to first chart (figure 2's cold load, ttfc.mjs) for a bundled dataset read from
// its columnar table (data/*.htzcol, issue #19 item 2) against the same build made to import its CSVs:
//
//   csv       this build, served with the columnar names taken out of data/manifest.json — the import
//             worker path, exactly as before the columnar files existed (src/store/bundled.ts);
//   columnar  this build as it is;
//   base      (with --base=<git ref>) the site built from that commit, as a whole: the old code;
//   one-chart the baseline page of figure 2 (bench/baseline/chart.html), for the issue's "× one-chart" ratio.
//
//   node bench/ab-ttfc.mjs [--runs=8] [--ref=<git ref>] [--base=<git ref>] [--no-build]
//
// --ref: the csv and columnar arms are that commit's build rather than the working tree's (other work in
// progress in the checkout then does not count). Otherwise builds dist/ (unless --no-build) and snapshots it.
// Each build is copied twice into a temp dir, each served as a plain static folder
// and alternates every arm at CPU 1× and 4× in a rotating order (bench/README.md "Method"). Prints medians,
// and each arm's median over the csv arm's and over the one-chart page's. Writes nothing into the repo.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { buildApp, buildBaselines, ROOT, serveDir, snapshotDist } from './lib/build.mjs';
import { launch } from './lib/browser.mjs';
import { initialScripts, kb } from './bundle.mjs';
import { median } from './lib/stats.mjs';
import { coldLoad } from './ttfc.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 8);
const BASE = args.find((a) => a.startsWith('--base='))?.slice(7);
const VIEWS = [
  { id: 'reported', hash: '#/rankings?ds=reported' },
  { id: 'demo', hash: '#/rankings?ds=demo&ind=gdp&year=2022' },
];

const tmp = mkdtempSync(join(tmpdir(), 'htz-ab-'));

/**
 * A commit's site: its files (no .git; this checkout's node_modules linked) built with its own config.
 * @param {string} ref @param {string} name
 */
async function buildRef(ref, name) {
  const src = join(tmp, name);
  execFileSync('sh', ['-c', `mkdir -p "${src}" && git archive "${ref}" | tar -x -C "${src}"`], { cwd: ROOT });
  symlinkSync(resolve(ROOT, 'node_modules'), join(src, 'node_modules'));
  await build({ root: src, configFile: join(src, 'vite.config.ts'), logLevel: 'warn' });
  return join(src, 'dist');
}
/** @type {(() => Promise<unknown>)[]} */
const open = [];
try {
  const REF = args.find((a) => a.startsWith('--ref='))?.slice(6);
  if (!REF && !args.includes('--no-build')) await buildApp();
  const columnarDir = REF ? await buildRef(REF, 'ref') : snapshotDist(tmp);
  const csvDir = join(tmp, 'dist-csv');
  cpSync(columnarDir, csvDir, { recursive: true });
  const manifestPath = join(csvDir, 'data', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const d of manifest.datasets) delete d.columnar;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  /** @type {Record<string, string>} arm → served folder */
  const dirs = { csv: csvDir, columnar: columnarDir };
  if (BASE) dirs.base = await buildRef(BASE, 'base');
  for (const [arm, dir] of Object.entries(dirs)) {
    console.log(`${arm}: first-view JS ${kb(initialScripts(dir).reduce((a, f) => a + f.gzip, 0)).toFixed(1)} KB gzip`);
  }
  const pagesDir = (await buildBaselines(tmp)).pages;
  /** @type {Record<string, string>} arm → URL */
  const urls = {};
  for (const [arm, dir] of Object.entries({ ...dirs, 'one-chart': pagesDir })) {
    const s = await serveDir(dir);
    open.push(() => s.server.close());
    urls[arm] = s.url;
  }
  const browser = await launch();
  open.push(() => browser.close());
  const targets = [
    ...VIEWS.flatMap((v) => Object.keys(dirs).map((arm) => ({ key: `${v.id}/${arm}`, url: urls[arm] + v.hash }))),
    { key: 'one-chart', url: `${urls['one-chart']}chart.html` },
  ];
  /** @type {Record<string, number[]>} */
  const samples = {};
  /** @type {Set<string>} */
  const errors = new Set();
  for (const t of targets) await coldLoad(browser, t.url, 1); // warm the servers' file caches
  for (let r = 0; r < RUNS; r++) {
    for (const cpu of r % 2 ? [4, 1] : [1, 4]) {
      const order = targets.map((_, i) => targets[(i + r) % targets.length]);
      for (const t of order) {
        const res = await coldLoad(browser, t.url, cpu);
        (samples[`${t.key}@${cpu}`] ??= []).push(res.ms);
        for (const e of res.errors) errors.add(`${t.key}: ${e}`);
      }
    }
    console.log(`run ${r + 1}/${RUNS}: ${Object.entries(samples).map(([k, v]) => `${k} ${v.at(-1)?.toFixed(0)}`).join(', ')}`);
  }
  const med = (/** @type {string} */ k) => median(samples[k]) ?? NaN;
  console.log(`\nmedians of ${RUNS} interleaved cold loads (ms); ratios of medians`);
  console.log('view      cpu  arm        median   ×csv   ×one-chart');
  for (const v of VIEWS) {
    for (const cpu of [1, 4]) {
      for (const arm of Object.keys(dirs)) {
        const m = med(`${v.id}/${arm}@${cpu}`);
        console.log(`${v.id.padEnd(9)} ${cpu}×   ${arm.padEnd(9)} ${m.toFixed(0).padStart(7)}  ${(m / med(`${v.id}/csv@${cpu}`)).toFixed(2).padStart(5)}  ${(m / med(`one-chart@${cpu}`)).toFixed(2).padStart(6)}`);
      }
    }
  }
  for (const cpu of [1, 4]) console.log(`one-chart page @${cpu}×: ${med(`one-chart@${cpu}`).toFixed(0)} ms`);
  if (errors.size) console.log(`page errors: ${[...errors].slice(0, 5).join(' | ')}`);
  console.log(`\nsamples: ${JSON.stringify(samples)}`);
} finally {
  for (const c of open.reverse()) await c().catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
}
