/**
 * The wall that never goes blank (issue #17 items 3–5): an offline reload shows the tour again from the service
 * worker's cache, a data file changed on the server is swapped in without a reload, two screens with a synced
 * playlist show the same slide, and the wake lock is asked for (and a refusal tolerated).
 *
 * The built site (dist/) is copied to a temp folder and served from a sub-path (/htz/) by a small static server
 * of this file, which the tests edit (a changed data file) and stop (a network outage).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

let root = '';
let server: Server | null = null;
let port = 0;
const sockets = new Set<Socket>();
let browser: Browser;

/** A static host like a deployer's: the site under /htz/, every answer to be revalidated (no-cache), with Last-Modified. */
async function serve(): Promise<void> {
  server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!url.startsWith('/htz/')) return void res.writeHead(404).end();
    let file = normalize(join(root, url.slice('/htz/'.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'Last-Modified': statSync(file).mtime.toUTCString() });
    res.end(readFileSync(file));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((done) => server!.listen(port, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
}

/** The network outage: the host stops answering (connections refused). */
async function stop(): Promise<void> {
  if (!server) return;
  for (const s of sockets) s.destroy();
  await new Promise((done) => server!.close(done));
  server = null;
}

const site = () => `http://127.0.0.1:${port}/htz/`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'htz-wall-live-'));
  cpSync('dist', root, { recursive: true });
  // the wall's playlists for these tests, beside the default one
  const wall = JSON.parse(readFileSync(join(root, 'data/wall.json'), 'utf8'));
  wall.playlists.push(
    { id: 'synced', title: '同步', sync: true, slides: [1, 2, 3, 4].map((n) => ({ title: `第${n}页`, ds: 'demo', focus: 'zhengzhou', duration: 5, tiles: [{ kind: 'kpi', ind: 'gdp', year: 2022 }] })) },
    { id: 'live', title: '更新', slides: [{ title: '郑州', ds: 'demo', focus: 'zhengzhou', duration: 600, tiles: [{ kind: 'kpi', ind: 'gdp', year: 2022 }, { kind: 'rankings', ind: 'gdp', year: 2022, top: 10 }] }] },
  );
  writeFileSync(join(root, 'data/wall.json'), JSON.stringify(wall));
  await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Opened {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function openWall(hash: string, init?: () => void, context?: BrowserContext): Promise<Opened> {
  context ??= await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__reportCsp', (v: string) => problems.push(`csp: ${v}`)).catch(() => undefined);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (init) await page.addInitScript(init);
  await page.goto(`${site()}${hash}`);
  await page.waitForSelector('.wall-tile', { timeout: 20000 });
  return { context, page, problems };
}

/** The data files a wall needs, all in the service worker's cache, and the worker in control of the page. */
async function untilCached(page: Page): Promise<string[]> {
  const want = ['zones.csv', 'indicators.json', 'manifest.json', 'evaluations.json', 'source-tiers.json', 'wall.json', 'reported/rankings.csv', 'demo/panel.csv'];
  for (let i = 0; i < 100; i++) {
    const cached = await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller || !(await caches.has('htz-data'))) return [];
      return (await (await caches.open('htz-data')).keys()).map((r) => r.url.split('/data/')[1]);
    });
    if (want.every((w) => cached.includes(w))) return cached;
    await page.waitForTimeout(250);
  }
  throw new Error('the service worker did not cache the data');
}

describe('offline reload', () => {
  afterEach(async () => {
    if (!server) await serve(); // the outage ends with the test, whatever happened in it
  });

  it('after one load, a reload with the network gone shows the tour again from the cache, with the offline notice', async () => {
    const { context, page, problems } = await openWall('#/wall?playlist=default');
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    expect(await page.getByTestId('wall-asof').textContent()).toMatch(/^数据截至/);
    const cached = await untilCached(page);
    expect(cached.length).toBeGreaterThanOrEqual(8);
    // the app shell is precached with a revision per file: the worker's list names index.html and the hashed scripts
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      const pre = names.find((n) => n.includes('precache'));
      return pre ? (await (await caches.open(pre)).keys()).map((r) => r.url) : [];
    });
    expect(precached.some((u) => /index\.html\?__WB_REVISION__=/.test(u))).toBe(true);
    expect(precached.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(10);

    await context.setOffline(true);
    await stop(); // and the host itself is gone: the worker's network-first fails for real
    const t0 = Date.now();
    await page.reload();
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    const ms = Date.now() - t0;
    console.log(`offline reload: tour shown after ${ms} ms`);
    await page.waitForFunction(() => document.querySelector('[data-testid="wall-asof"]')?.textContent?.startsWith('网络已断开'), undefined, { timeout: 10000 });
    expect(await page.getByTestId('wall-asof').textContent()).toMatch(/^网络已断开，显示 \d{4}年\d{1,2}月\d{1,2}日 的数据$/);
    expect(await page.locator('.wall-error').count()).toBe(0);
    expect(await page.getByTestId('wall-counter').textContent()).toMatch(/^1 \/ 4/);
    // the desk views work offline too (their chunks are precached), with the notice
    await page.evaluate(() => (window.location.hash = '#/trends'));
    await page.waitForSelector('[data-rendered="true"]', { timeout: 20000 });
    expect(await page.locator('body').textContent()).toContain('网络已断开，显示本浏览器上次保存的数据');
    // the host comes back but the browser still says offline; then both are back: the notice goes at the next check
    await serve();
    await context.setOffline(false);
    await page.evaluate(() => (window.location.hash = '#/wall?playlist=default'));
    await page.reload();
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    expect(await page.getByTestId('wall-asof').textContent()).toMatch(/^数据截至/);
    expect(problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
    await context.close();
  });
});

describe('live data', () => {
  it('a data file changed on the server is swapped in without a reload, with 数据已更新 HH:mm and no blank frame', async () => {
    const { context, page, problems } = await openWall('#/wall?playlist=live', () => {
      window.__htzRefreshMs = 800;
    });
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    const before = await page.locator('.kpi-value').first().textContent();
    const asOfBefore = await page.getByTestId('wall-asof').textContent();
    // the first check only notes what is on screen
    await page.waitForTimeout(2500);
    expect(await page.getByTestId('wall-updated').count()).toBe(0);
    // from now on, count the frames in which the tiles or their charts are missing
    await page.evaluate(() => {
      const w = window as unknown as { __blank: number; __frames: number };
      w.__blank = 0;
      w.__frames = 0;
      const tick = () => {
        w.__frames++;
        if (!document.querySelector('.kpi-value') || !document.querySelector('.wall-chart canvas')) w.__blank++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const csvPath = join(root, 'data/demo/panel.csv');
    const csv = readFileSync(csvPath, 'utf8').split('\n');
    const header = csv[0].split(',');
    const gdp = header.indexOf('gdp');
    expect(gdp).toBeGreaterThan(0);
    const row = csv.findIndex((l) => l.startsWith('zhengzhou,2022,'));
    // the source column is quoted and holds a comma-free text: the field positions after it are plain
    const cells = csv[row].match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    cells[gdp] = '98765.4';
    csv[row] = cells.join(',');
    writeFileSync(csvPath, csv.join('\n'));
    const manifestPath = join(root, 'data/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.datasets.find((d: { id: string }) => d.id === 'demo').asOf = '2024-07-31';
    writeFileSync(manifestPath, JSON.stringify(manifest));

    await page.waitForSelector('[data-testid="wall-updated"]', { timeout: 15000 });
    const updated = await page.getByTestId('wall-updated').textContent();
    expect(updated).toMatch(/^数据已更新 \d{2}:\d{2}$/);
    await page.waitForTimeout(300);
    const after = await page.locator('.kpi-value').first().textContent();
    expect(after).not.toBe(before);
    expect(after).toMatch(/98[,，]?765|9\.88|9\.9/);
    expect(await page.getByTestId('wall-asof').textContent()).not.toBe(asOfBefore);
    expect(await page.getByTestId('wall-asof').textContent()).toContain('2024年7月31日');
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __blank: number; __frames: number };
      return { blank: w.__blank, frames: w.__frames };
    });
    expect(frames.frames).toBeGreaterThan(10);
    expect(frames.blank).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('screens in step', () => {
  it('two pages with a synced playlist show the same slide, the one the clock says', async () => {
    const a = await openWall('#/wall?playlist=synced');
    await a.page.waitForTimeout(1700); // the second PC starts later, and on another slide key-wise
    const b = await openWall('#/wall?playlist=synced');
    for (let round = 0; round < 3; round++) {
      // sample mid-slide, away from a boundary: both pages at the same moment
      const toMid = 5000 - (Date.now() % 5000) + 2500;
      await a.page.waitForTimeout(toMid % 5000);
      const [ca, cb] = await Promise.all([a.page.getByTestId('wall-counter').textContent(), b.page.getByTestId('wall-counter').textContent()]);
      const expected = (Math.floor(Date.now() / 5000) % 4) + 1;
      expect(ca).toBe(cb);
      expect(ca).toMatch(new RegExp(`^${expected} / 4`));
    }
    // the two screens turn their page within a second of each other (the clocks are one clock here)
    const turns = () => new Promise<number>((done) => {
      const el = document.querySelector('[data-testid="wall-counter"]')!;
      new MutationObserver((_, o) => (o.disconnect(), done(performance.timeOrigin + performance.now()))).observe(el, { childList: true, subtree: true, characterData: true });
    });
    const [ta, tb] = await Promise.all([a.page.evaluate(turns), b.page.evaluate(turns)]);
    console.log(`synced screens turned ${Math.abs(ta - tb).toFixed(0)} ms apart`);
    expect(Math.abs(ta - tb)).toBeLessThan(1000);
    // a key press moves this screen only, until the next boundary brings it back in step
    await b.page.keyboard.press('ArrowRight');
    expect(await b.page.getByTestId('wall-counter').textContent()).not.toBe(await a.page.getByTestId('wall-counter').textContent());
    await a.page.waitForTimeout(5000 - (Date.now() % 5000) + 600);
    expect(await b.page.getByTestId('wall-counter').textContent()).toBe(await a.page.getByTestId('wall-counter').textContent());
    // paused by key, a screen stays where it is; on resume it is back in step
    await b.page.keyboard.press(' ');
    const held = await b.page.getByTestId('wall-counter').textContent();
    await a.page.waitForTimeout(5200);
    expect(await b.page.getByTestId('wall-counter').textContent()).toBe(held);
    expect(held).toContain('已暂停');
    await b.page.keyboard.press(' ');
    await b.page.waitForTimeout(200);
    expect(await b.page.getByTestId('wall-counter').textContent()).toBe(await a.page.getByTestId('wall-counter').textContent());
    expect([...a.problems, ...b.problems]).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('with the clock mocked, the slide follows it: a PC whose clock is one slide ahead shows the next slide', async () => {
    const ahead = () => {
      const real = Date.now;
      Date.now = () => real() + 5000;
    };
    const a = await openWall('#/wall?playlist=synced');
    const b = await openWall('#/wall?playlist=synced', ahead);
    await a.page.waitForTimeout((5000 - (Date.now() % 5000) + 2500) % 5000);
    const [ca, cb] = await Promise.all([a.page.getByTestId('wall-counter').textContent(), b.page.getByTestId('wall-counter').textContent()]);
    const n = (s: string | null) => Number(s!.split(' / ')[0]);
    expect(n(cb)).toBe((n(ca) % 4) + 1);
    await a.context.close();
    await b.context.close();
  });
});

describe('wake lock', () => {
  it('asks for a screen wake lock, tolerates a refusal, and asks again when the page is shown again', async () => {
    const refuse = () => {
      const w = window as unknown as { __wakeRequests: string[] };
      w.__wakeRequests = [];
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: { request: (type: string) => (w.__wakeRequests.push(type), Promise.reject(new DOMException('refused', 'NotAllowedError'))) },
      });
    };
    const { context, page, problems } = await openWall('#/wall?playlist=default', refuse);
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    expect(await page.evaluate(() => (window as unknown as { __wakeRequests: string[] }).__wakeRequests)).toEqual(['screen']);
    // hidden, then shown again: asked again (the browser drops a lock whenever the page is hidden)
    await page.evaluate(() => {
      let state = 'hidden';
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
      state = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __wakeRequests: string[] }).__wakeRequests)).toEqual(['screen', 'screen']);
    expect(await page.locator('.wall-error').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("headless Chromium's own wake lock: asked for, granted or refused, never an error", async () => {
    const { context, page, problems } = await openWall('#/wall?playlist=default', () => {
      const wl = (navigator as Partial<Navigator>).wakeLock;
      const w = window as unknown as { __wake: string[] };
      w.__wake = [];
      if (!wl) return;
      const request = wl.request.bind(wl);
      wl.request = (t?: 'screen') => request(t).then((l) => (w.__wake.push('granted'), l), (e: Error) => (w.__wake.push(`refused: ${e.name}`), Promise.reject(e)));
    });
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    await page.waitForTimeout(300);
    const outcome = await page.evaluate(() => ({ has: 'wakeLock' in navigator, wake: (window as unknown as { __wake: string[] }).__wake }));
    console.log(`headless Chromium wake lock: ${outcome.has ? outcome.wake.join(', ') || 'pending' : 'no API'}`);
    if (outcome.has) expect(outcome.wake.length).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a new deployment', () => {
  it('is picked up by a wall that never navigates: the check asks for the new worker, which takes over and the wall reloads into the new build', async () => {
    const { context, page, problems } = await openWall('#/wall?playlist=default', () => {
      window.__htzRefreshMs = 1000;
    });
    await untilCached(page);
    const isNewBuild = () => page.evaluate(() => !!document.querySelector('meta[name="htz-test-build"]'));
    expect(await isNewBuild()).toBe(false);
    // the new build: another index.html, and a worker whose precache list says so (a new revision). The mark is a
    // meta element, not the title: the app sets document.title itself, so a changed <title> never shows (the cause
    // of this test's earlier time-outs)
    const html = join(root, 'index.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace('</head>', '<meta name="htz-test-build" content="new"></head>'));
    const sw = join(root, 'sw.js');
    const before = readFileSync(sw, 'utf8');
    const after = before.replace(/"revision":"[0-9a-f]+","url":"index\.html"/, '"revision":"0123456789abcdef0123456789abcdef","url":"index.html"');
    expect(after).not.toBe(before);
    writeFileSync(sw, after);
    await page.waitForFunction(() => !!document.querySelector('meta[name="htz-test-build"]'), undefined, { timeout: 50000 });
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    expect(await page.evaluate(() => location.hash)).toBe('#/wall?playlist=default');
    expect(problems).toEqual([]);
    await context.close();
  }, 120000); // a new worker installs, activates and reloads the page: slow on a busy 2-core machine
});
