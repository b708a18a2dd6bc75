#!/usr/bin/env node
// Benchmark (numbers, not pass/fail): from a filter change to the first frame of every chart of the view redrawn, on the demo
// dataset, in headless Chromium against the built site. Reports the median and p75 of N changes, interleaved
// across views (the machine is shared and noisy: medians of interleaved runs, never one timing).
// usage: npm run build && node bench/filter-change.mjs [runs]
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const RUNS = Number(process.argv[2] || 30);
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

const VIEWS = [
  { name: 'rankings (169 bars)', hash: '#/rankings?ds=demo&ind=gdp&year=2022', select: '[data-testid="year-select"]', values: ['2021', '2022'] },
  { name: 'trends (8 lines)', hash: '#/trends?ds=demo&ind=gdp', select: '[data-testid="indicator-select"]', values: ['gdp', 'revenue'] },
  { name: 'compare (169 points)', hash: '#/compare?ds=demo&ind=rd_ratio&ind2=gdp_growth', select: '[data-testid="year-select"]', values: ['2021', '2022'] },
];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
};

const results = [];
const pages = [];
for (const v of VIEWS) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base + v.hash);
  await page.waitForSelector('.chart-box[data-rendered="true"]', { timeout: 30000 });
  await page.waitForTimeout(500);
  pages.push({ v, page, samples: [] });
}
for (let r = 0; r < RUNS; r++) {
  for (const p of pages) {
    const value = p.v.values[r % 2 === 0 ? 0 : 1] === (await p.page.$eval(p.v.select, (el) => el.value)) ? p.v.values[(r + 1) % 2] : p.v.values[r % 2];
    const ms = await p.page.evaluate(({ sel, value }) => new Promise((resolve) => {
      const charts = document.querySelectorAll('.chart-box').length;
      let seen = 0;
      const t0 = performance.now();
      const done = () => {
        if (++seen >= charts) {
          window.removeEventListener('chart-rendered', done);
          resolve(performance.now() - t0);
        }
      };
      window.addEventListener('chart-rendered', done);
      const el = document.querySelector(sel);
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }), { sel: p.v.select, value });
    p.samples.push(ms);
  }
}
for (const p of pages) {
  results.push({ view: p.v.name, runs: p.samples.length, median_ms: +pct(p.samples, 0.5).toFixed(1), p75_ms: +pct(p.samples, 0.75).toFixed(1), max_ms: +Math.max(...p.samples).toFixed(1) });
}
console.table(results);
await browser.close();
await server.close();
