// 7. Wall: a long tour. ArrowRight every 500 ms for N slides of the bundled playlist (4 slides, so the
// tour passes every slide N/4 times), sampling every 20 slides — always at the same slide of the cycle —
// after a forced GC (CDP HeapProfiler.collectGarbage): JS heap (performance.memory.usedJSHeapSize, exact
// with --enable-precise-memory-info), DOM nodes and JS event listeners (CDP Memory.getDOMCounters) and
// canvases in the document. Reports first, last and the least-squares slope per 100 slides.
import { launch, openPage } from './lib/browser.mjs';
import { figure, slope } from './lib/stats.mjs';

/** @import { CDPSession } from 'playwright-core' */
/** @import { BenchPage } from './lib/browser.mjs' */
/** @import { Figure } from './lib/stats.mjs' */

const MiB = 1024 * 1024;

/**
 * One sample of the tour: memory after GC and what the document holds.
 * @typedef {object} WallSample
 * @property {number} heapMiB
 * @property {number} nodes
 * @property {number} listeners
 * @property {number} documents
 * @property {number} canvases
 * @property {number} elements
 * @property {string} title
 */

/**
 * @param {BenchPage} p
 * @returns {Promise<WallSample>}
 */
async function sample(p) {
  for (let i = 0; i < 3; i++) await p.cdp.send('HeapProfiler.collectGarbage');
  await p.page.waitForTimeout(100);
  const counters = await p.cdp.send('Memory.getDOMCounters');
  const page = await p.page.evaluate(() => ({
    // performance.memory is Chromium's own (no standard type): exact with --enable-precise-memory-info
    heap: /** @type {Performance & { memory?: { usedJSHeapSize: number } }} */ (performance).memory?.usedJSHeapSize ?? null,
    canvases: document.getElementsByTagName('canvas').length,
    elements: document.getElementsByTagName('*').length,
    title: document.querySelector('[data-testid="wall-slide-title"]')?.textContent ?? '',
  }));
  if (page.heap === null) throw new Error('performance.memory is not available (not Chromium?)');
  return { heapMiB: page.heap / MiB, nodes: counters.nodes, listeners: counters.jsEventListeners, documents: counters.documents, canvases: page.canvases, elements: page.elements, title: page.title };
}

/**
 * A heap snapshot (CDP), summed by node type: what usedJSHeapSize cannot tell apart — compiled code
 * (V8 keeps optimising the tour's functions as they run again and again) versus objects.
 * @param {CDPSession} cdp
 */
async function heapByKind(cdp) {
  /** @type {string[]} */
  const chunks = [];
  /** @param {{ chunk: string }} e */
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let code = 0;
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const size = snap.nodes[i + sizeAt];
    total += size;
    if (types[snap.nodes[i + typeAt]] === 'code') code += size;
  }
  return { totalMiB: total / MiB, codeMiB: code / MiB, objectsMiB: (total - code) / MiB };
}

/**
 * @param {object} options
 * @param {string} options.appUrl
 * @param {number} [options.slides]
 * @param {number} [options.every] sample every this many slides
 * @param {number} [options.stepMs]
 * @param {(...message: unknown[]) => void} [options.log]
 * @returns {Promise<Figure[]>}
 */
export async function run({ appUrl, slides = 200, every = 20, stepMs = 500, log = console.log }) {
  // its own browser: the memory flags (precise heap sizes, exposed gc) stay out of the timing runs
  const browser = await launch({ memory: true });
  const p = await openPage(browser, { viewport: { width: 1920, height: 1080 } });
  try {
    await p.page.goto(`${appUrl}#/wall?playlist=default`);
    await p.page.waitForSelector('.wall-chart canvas', { timeout: 60000 });
    // warm-up: two rounds of the playlist so every dataset, chunk and font is loaded before the first sample
    const cycle = await p.page.evaluate(() => Number(document.querySelector('[data-testid="wall-counter"]')?.textContent.split('/')[1]) || 4);
    for (let i = 0; i < cycle * 2; i++) {
      await p.page.keyboard.press('ArrowRight');
      await p.page.waitForTimeout(stepMs);
    }
    const samples = [{ slide: 0, ...(await sample(p)) }];
    const snapFirst = await heapByKind(p.cdp);
    for (let s = 1; s <= slides; s++) {
      await p.page.keyboard.press('ArrowRight');
      await p.page.waitForTimeout(stepMs);
      if (s % every === 0) {
        const x = { slide: s, ...(await sample(p)) };
        samples.push(x);
        log(`  wall slide ${s}: heap ${x.heapMiB.toFixed(1)} MiB, nodes ${x.nodes}, listeners ${x.listeners}, canvases ${x.canvases}`);
      }
    }
    const snapLast = await heapByKind(p.cdp);
    const xs = samples.map((x) => x.slide);
    const first = samples[0];
    const last = samples[samples.length - 1];
    const per100 = (k) => slope(xs, samples.map((x) => x[k])) * 100;
    const errors = p.errors.slice(0, 5);
    // "no growth beyond noise": the heap may wander by a few percent (caches, JIT code); the counts are
    // taken at the same slide of the cycle and must come back exactly, up to a handful of nodes
    const metrics = [
      { k: 'heapMiB', name: 'JS heap after GC', unit: 'MiB', allow: Math.max(1, first.heapMiB * 0.05), allowText: 'growth over the tour < max(1 MiB, 5%)' },
      { k: 'nodes', name: 'DOM nodes (incl. detached)', unit: 'nodes', allow: Math.max(20, first.nodes * 0.01), allowText: 'growth < max(20, 1%)' },
      { k: 'listeners', name: 'JS event listeners', unit: 'listeners', allow: Math.max(5, first.listeners * 0.01), allowText: 'growth < max(5, 1%)' },
      { k: 'elements', name: 'elements in the document', unit: 'elements', allow: Math.max(20, first.elements * 0.01), allowText: 'growth < max(20, 1%)' },
      { k: 'canvases', name: 'canvases in the document', unit: 'canvases', allow: 0.5, allowText: 'no growth' },
    ];
    const objectsAllow = Math.max(1, snapFirst.objectsMiB * 0.05);
    const snapshotFigure = figure({
      id: 'wall.heapObjects',
      section: '7 wall',
      name: `JS heap without compiled code (snapshot), ${slides} slides`,
      value: snapLast.objectsMiB,
      unit: 'MiB',
      baseline: snapFirst.objectsMiB,
      baselineName: 'first sample',
      target: { text: 'growth < max(1 MiB, 5%)', max: snapFirst.objectsMiB + objectsAllow },
      runs: 2,
      notes: `heap snapshots at the first and last sample; compiled code (V8 'code' nodes) ${snapFirst.codeMiB.toFixed(2)} → ${snapLast.codeMiB.toFixed(2)} MiB is left out: it grows while V8 optimises the tour's functions, and is not data the wall holds on to`,
      extra: { first: snapFirst, last: snapLast },
    });
    /** @type {Figure[]} */
    const out = metrics.map((m) => {
      const growth = per100(m.k) * (slides / 100);
      const pass = growth <= m.allow && last[m.k] - first[m.k] <= m.allow;
      return {
        ...figure({
          id: `wall.${m.k}`,
          section: '7 wall',
          name: `${m.name}: last sample, ${slides} slides`,
          value: last[m.k],
          unit: m.unit,
          baseline: first[m.k],
          baselineName: 'first sample',
          target: { text: m.allowText },
          runs: samples.length,
          samples: samples.map((x) => x[m.k]),
          notes: `slope ${per100(m.k).toFixed(2)} ${m.unit} per 100 slides; fitted growth over the tour ${growth.toFixed(2)} (allowed ${m.allow.toFixed(2)})${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`,
          extra: { slopePer100Slides: per100(m.k), fittedGrowth: growth, allowed: m.allow, sampleSlides: xs },
        }),
        pass,
      };
    });
    out.splice(1, 0, snapshotFigure);
    return out;
  } finally {
    await p.close().catch(() => undefined);
    await browser.close();
  }
}
