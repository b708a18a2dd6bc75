// setOption timing in a bare page: the full `echarts` entry (so any option the app sends finds its
// components), no React. window.bench is driven by bench/charts.mjs.
import * as echarts from 'echarts';
import { barsOption } from './bars-option.js';

let chart = null;

/** Functions do not cross from the app's page: '__fn__' markers become a plain label formatter. */
const FN = (p) => (p && typeof p === 'object' ? String(p.value ?? p.name ?? '') : String(p));
const revive = (json) => JSON.parse(json, (_k, v) => (v === '__fn__' ? FN : v));

function finished() {
  return new Promise((resolve) => {
    const t = setTimeout(done, 3000);
    function done() {
      clearTimeout(t);
      chart.off('finished', done);
      resolve();
    }
    chart.on('finished', done);
  });
}

/** One timed setOption (notMerge, as the app sets every option); waits for the animation to end. */
async function timed(option) {
  // listening first: without animation, 'finished' fires inside setOption's synchronous flush
  const done = finished();
  const t0 = performance.now();
  chart.setOption(option, { notMerge: true });
  const sync = performance.now() - t0;
  await done;
  return sync;
}

window.bench = {
  init(width, height) {
    const el = document.getElementById('chart');
    el.style.width = `${width}px`;
    el.style.height = `${height}px`;
    chart?.dispose();
    chart = echarts.init(el, null, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio });
    return true;
  },
  /** N bars from an inline array */
  simple: (n = 169) => timed(barsOption(n)),
  /** the app's option, as JSON from the app's page */
  replay: (json) => timed(revive(json)),
};
window.dispatchEvent(new CustomEvent('bench-ready'));
document.documentElement.setAttribute('data-ready', 'true');
