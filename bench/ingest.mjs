// 3. Ingest: a generated ~50 MB long-format CSV and a ~50 MB wide one, imported through the app's file
// input, timed from the input's 'change' event to the preview showing its observation count
// (data-testid 'import-count' inside 'import-dialog'), against TextDecoder.decode of the same bytes in the
// same page. Long tasks (PerformanceObserver 'longtask') on the main thread during the import: the longest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, settle } from './lib/browser.mjs';
import { figure, median } from './lib/stats.mjs';
import { longCsv, wideCsv } from './lib/gen-csv.mjs';

/** @import { Browser, CDPSession, Page } from 'playwright-core' */
/** @import { GeneratedCsv } from './lib/gen-csv.mjs' */
/** @import { Figure } from './lib/stats.mjs' */

/**
 * What arm() installs in the page as window.__bench: the long tasks seen, the change (t0), the end of the
 * app's change handlers (tHandled) and the commit of the count or error (t1), in performance.now() ms.
 * @typedef {object} IngestState
 * @property {{ start: number, duration: number }[]} longTasks
 * @property {number | null} t0
 * @property {number} [tHandled]
 * @property {number | null} t1
 * @property {number | null} count
 * @property {string | null} error
 * @property {PerformanceObserver} [observer]
 */

/** @typedef {Window & typeof globalThis & { __bench: IngestState }} IngestWindow */

/** @typedef {{ ms: number, read: number, chars: number }} DecodeResult the TextDecoder baseline of one file */

/**
 * @typedef {object} CollectResult one import, as measured in the page (collect())
 * @property {number} ms change → count on screen
 * @property {number | null} count
 * @property {string | null} error the app's error message, if it showed one instead of a count
 * @property {number} longest
 * @property {number} longTasks
 * @property {number} issues
 * @property {number} handlers
 */

/** @typedef {CollectResult & { decode: DecodeResult, memory: number, errors: string[] }} ImportDone */
/** @typedef {{ ms: null, error: string, decode: null, errors: string[], count?: undefined }} ImportFailed */
/** @typedef {ImportDone | ImportFailed} ImportResult */

const MB = 1024 * 1024;
const MAX_RATIO = 8;
const MAX_LONG_TASK = 50;
const MAX_BYTES_PER_OBS = 24;

/**
 * The page's retained memory after a full GC: the JS heap plus ArrayBuffer backing stores (typed arrays
 * live there, and performance.memory does not count them). CDP Runtime.getHeapUsage gives both.
 * @param {CDPSession} cdp
 */
async function retained(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return h.usedSize + (h.backingStorageSize ?? 0);
}

/** Before the import: long-task observer and a capture listener that stamps the file input's change. */
function arm() {
  const w = /** @type {IngestWindow} */ (window);
  w.__bench = { longTasks: [], t0: null, t1: null, count: null, error: null };
  const b = w.__bench;
  b.observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  });
  b.observer.observe({ type: 'longtask' });
  const input = document.querySelector('[data-testid="file-input"]');
  if (!input) throw new Error('the app has no file input [data-testid="file-input"]');
  input.addEventListener('change', () => (b.t0 = performance.now()), { capture: true, once: true });
  // after every handler of the app (React listens at its root): the app's share of the dispatching task
  window.addEventListener('change', () => (b.tHandled = performance.now()), { once: true });
  // the commit that puts the count (or an error) on screen
  const check = () => {
    const dialog = document.querySelector('[data-testid="import-dialog"]');
    if (!dialog || b.t1 !== null) return;
    const count = dialog.querySelector('[data-testid="import-count"]');
    const err = dialog.querySelector('.status.error');
    if (count && count.textContent.trim() !== '') {
      b.t1 = performance.now();
      b.count = Number(count.textContent.replace(/[^\d]/g, ''));
    } else if (err) {
      b.t1 = performance.now();
      b.error = err.textContent;
    }
    if (b.t1 !== null) mo.disconnect();
  };
  const mo = new MutationObserver(check);
  mo.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/**
 * After the import: the figures of this run, long tasks between the change and 300 ms after the count.
 * @returns {CollectResult}
 */
function collect() {
  const b = /** @type {IngestWindow} */ (window).__bench;
  if (b.t0 === null || b.t1 === null) throw new Error(`the import was not timed (change at ${b.t0}, count at ${b.t1})`);
  const { t0, t1 } = b;
  b.observer?.disconnect();
  // The task that dispatches 'change' is Playwright's setInputFiles (tens of ms of its own before the
  // event): of that task only the app's handlers count (t0 → tHandled); every later task counts whole.
  const handlers = (b.tHandled ?? NaN) - t0;
  const during = b.longTasks.filter((t) => t.start >= t0 && t.start <= t1 + 300);
  if (handlers > 50) during.push({ start: t0, duration: handlers });
  const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
  const issues = document.querySelectorAll('[data-testid="import-dialog"] [data-testid="import-issues"] tr').length;
  return { ms: t1 - t0, count: b.count, error: b.error, longest, longTasks: during.length, issues, handlers };
}

/**
 * TextDecoder baseline: the same file through a file input of our own, decoded (timed) in the page.
 * @param {Page} page
 * @param {string} path
 * @returns {Promise<DecodeResult>}
 */
async function decodeOnce(page, path) {
  await page.evaluate(() => {
    let el = /** @type {HTMLInputElement | null} */ (document.getElementById('bench-decode-input'));
    if (!el) {
      el = document.createElement('input');
      el.type = 'file';
      el.id = 'bench-decode-input';
      el.hidden = true;
      document.body.appendChild(el);
    }
  });
  await page.setInputFiles('#bench-decode-input', path);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-decode-input');
    const f = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (!f) throw new Error('the decode baseline input #bench-decode-input has no file');
    const r0 = performance.now();
    const buf = await f.arrayBuffer();
    const read = performance.now() - r0;
    const t0 = performance.now();
    const text = new TextDecoder('utf-8').decode(buf);
    const ms = performance.now() - t0;
    return { ms, read, chars: text.length };
  });
}

/**
 * An import that showed its count (not an error, not a timeout).
 * @param {ImportResult} x
 * @returns {x is ImportDone}
 */
const succeeded = (x) => x.ms !== null && !x.error;

/**
 * @param {Browser} browser
 * @param {string} appUrl
 * @param {string} path
 * @param {number} timeout
 * @returns {Promise<ImportResult>}
 */
async function importOnce(browser, appUrl, path, timeout) {
  const p = await openPage(browser);
  try {
    await p.page.goto(`${appUrl}#/rankings?ds=reported`);
    await settle(p.page, 500);
    const decode = await decodeOnce(p.page, path);
    // the decode baseline's buffers are dropped before the memory baseline is taken
    await p.page.evaluate(() => {
      const el = document.getElementById('bench-decode-input');
      if (el instanceof HTMLInputElement) el.value = '';
    });
    const before = await retained(p.cdp);
    await p.page.evaluate(arm);
    await p.page.setInputFiles('[data-testid="file-input"]', path);
    await p.page.waitForFunction(() => /** @type {IngestWindow} */ (window).__bench.t1 !== null, null, { polling: 200, timeout });
    await p.page.waitForTimeout(400);
    const res = await p.page.evaluate(collect);
    const after = await retained(p.cdp);
    return { ...res, decode, memory: after - before, errors: p.errors };
  } catch (e) {
    return { ms: null, error: String(/** @type {{ message?: unknown } | null | undefined} */ (e)?.message ?? e).split('\n')[0], decode: null, errors: p.errors };
  } finally {
    await p.close().catch(() => undefined);
  }
}

/**
 * runs: imports per shape (the first at the largest size that works); budgetMs: no further run starts once
 * a shape's imports have taken this long (an import of a minute is not repeated: the whole bench has to
 * fit in about ten minutes, and a figure tens of times over its target needs no median to say so).
 * @param {object} options
 * @param {Browser} options.browser
 * @param {string} options.appUrl
 * @param {number} [options.runs]
 * @param {number} [options.bytes] size of each generated file
 * @param {number} [options.timeout] per import, ms
 * @param {number} [options.budgetMs]
 * @param {(...message: unknown[]) => void} [options.log]
 * @returns {Promise<Figure[]>}
 */
export async function run({ browser, appUrl, runs = 3, bytes = 50 * MB, timeout = 120000, budgetMs = 45000, log = console.log }) {
  const dir = mkdtempSync(join(tmpdir(), 'htz-bench-ingest-'));
  const figures = [];
  try {
    /** @type {[string, (path: string, bytes: number) => Promise<GeneratedCsv>][]} */
    const shapes = [['long', longCsv], ['wide', wideCsv]];
    for (const [shape, gen] of shapes) {
      // the full size first; if the app cannot take it (refusal, crash, timeout), halve until it can
      let size = bytes;
      let file = null;
      let first = null;
      const tried = [];
      for (;;) {
        file = await gen(join(dir, `bench-${shape}-${Math.round(size / MB)}MB.csv`), size);
        first = await importOnce(browser, appUrl, file.path, timeout);
        tried.push({ mb: +(file.bytes / MB).toFixed(1), ms: first.ms, count: first.count ?? null, error: first.error ?? null });
        log(`  ingest ${shape} ${(file.bytes / MB).toFixed(1)} MB: ${first.ms === null || first.error ? `failed (${first.error})` : `${first.ms.toFixed(0)} ms, ${first.count} observations`}`);
        if ((first.ms !== null && !first.error) || size / 2 < MB) break;
        rmSync(file.path, { force: true });
        size /= 2;
      }
      const all = [first];
      const spent = () => all.reduce((a, x) => a + (x.ms ?? 0), 0);
      for (let r = 1; r < runs && first.ms !== null && !first.error && spent() < budgetMs; r++) all.push(await importOnce(browser, appUrl, file.path, timeout));
      rmSync(file.path, { force: true });
      const ok = all.filter(succeeded);
      const ms = ok.map((x) => x.ms);
      const dec = ok.map((x) => x.decode.ms);
      const longest = ok.map((x) => x.longest);
      // what the import keeps: the table, and the file's own bytes (kept to save it and to put it in a
      // workspace backup: nothing lost). The table's share is what the target is about.
      const perObs = ok.filter((x) => x.count).map((x) => (x.memory - file.bytes) / /** @type {number} */ (x.count));
      const reduced = tried.length > 1 ? ` The ${tried[0].mb} MB file failed (${tried[0].error}); measured at ${(file.bytes / MB).toFixed(1)} MB.` : '';
      const countNote = ok[0] ? `${ok[0].count} observations shown (expected ${file.observations}), ${ok[0].issues} issue rows` : '';
      figures.push(
        figure({
          id: `ingest.${shape}`,
          section: '3 ingest',
          name: `${shape} CSV ${(file.bytes / MB).toFixed(0)} MB → preview count`,
          value: median(ms),
          unit: 'ms',
          baseline: median(dec),
          baselineName: 'TextDecoder.decode',
          target: { text: `≤ ${MAX_RATIO}× decode`, maxRatio: MAX_RATIO },
          runs: ms.length,
          samples: ms,
          notes: `${countNote}; file.arrayBuffer() ${median(ok.map((x) => x.decode.read))?.toFixed(0)} ms (not in the baseline).${reduced}`,
          extra: { bytes: file.bytes, rows: file.rows, expectedObservations: file.observations, counts: ok.map((x) => x.count), decodeSamples: dec, tried, errors: [...new Set(all.flatMap((x) => x.errors ?? []))].slice(0, 5) },
        }),
        figure({
          id: `ingest.${shape}.longTask`,
          section: '3 ingest',
          name: `${shape} CSV: longest main-thread task`,
          value: ok.length ? Math.max(...longest) : null,
          unit: 'ms',
          target: { text: `≤ ${MAX_LONG_TASK} ms`, max: MAX_LONG_TASK },
          runs: longest.length,
          samples: longest,
          notes: `worst of ${ok.length} imports; long tasks (> 50 ms) per import: ${ok.map((x) => x.longTasks).join(', ')}; 0 = none over 50 ms; the app's change handlers took ${ok.map((x) => x.handlers.toFixed(1)).join(', ')} ms of the task that dispatched 'change' (the rest of that task is Playwright's setInputFiles)`,
        }),
        figure({
          id: `ingest.${shape}.memory`,
          section: '3 ingest',
          name: `${shape} CSV: retained bytes per observation`,
          value: perObs.length ? median(perObs) : null,
          unit: 'B',
          target: { text: `< ${MAX_BYTES_PER_OBS} B`, max: MAX_BYTES_PER_OBS },
          runs: perObs.length,
          samples: perObs,
          notes: `JS heap + ArrayBuffer backing stores after GC (CDP Runtime.getHeapUsage), after minus before the import, less the ${(file.bytes / MB).toFixed(0)} MB of file bytes the preview keeps for saving; with them: ${ok[0]?.count ? ((median(ok.map((x) => x.memory)) ?? 0) / ok[0].count).toFixed(1) : '?'} B per observation`,
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
