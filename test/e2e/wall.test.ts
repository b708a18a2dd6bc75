import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, shotPath } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openWall(width: number, height: number, dpr = 1): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${baseUrl()}#/wall?playlist=default`);
  await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
  await page.waitForTimeout(600);
  return { page, problems };
}

/** Relative luminance contrast of two CSS rgb() colours (WCAG). */
const CONTRAST = `(a, b) => {
  const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}`;

/** What a slide shows, measured in the page (see the test below). */
interface SlideLook {
  title: string;
  grid: string;
  headerBottom: number;
  tiles: { x0: number; x1: number; y0: number; y1: number };
  clipped: string[];
  domMinFont: number;
  domMinText: string;
  kpiFont: number;
  minContrast: number;
  density: number[];
  charts: { texts: { text: string; x: number; y: number; width: number; height: number; font: number }[] }[];
  scrollW: number;
  scrollH: number;
}

/** Measures the slide on screen: tiles, clipped or …-ended text, DOM fonts and contrast, and every chart's drawn text. */
function measureSlide(contrastSrc: string): SlideLook {
  const contrast = new Function(`return ${contrastSrc}`)() as (a: string, b: string) => number;
  const header = document.querySelector('.wall-header')!.getBoundingClientRect();
  const cells = [...document.querySelectorAll('.wall-cell')].map((c) => c.getBoundingClientRect());
  const inWall = [...document.querySelectorAll('.wall *')].filter((el) => !el.closest('.wall-controls') && (el as HTMLElement).offsetParent !== null);
  const texts = inWall.filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()));
  const clipped = [
    ...inWall.filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !(el.closest('.wall-chart'))).map((el) => `cut: ${el.className} “${el.textContent!.slice(0, 40)}”`),
    // a tile whose text runs out of it at the bottom (over its neighbour or off the screen)
    ...[...document.querySelectorAll('.wall-tile, .wall-cell')].filter((el) => el.scrollHeight > el.clientHeight + 2).map((el) => `overflows: ${el.className} “${el.textContent!.slice(0, 40)}”`),
    ...texts.filter((el) => el.textContent!.includes('…') || getComputedStyle(el).textOverflow === 'ellipsis').map((el) => `…: ${el.className} “${el.textContent!.slice(0, 40)}”`),
  ];
  const fonts = texts.map((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), text: el.textContent!.slice(0, 20) })).sort((a, b) => a.size - b.size);
  const panel = getComputedStyle(document.querySelector('.wall-tile') ?? document.querySelector('.wall')!).backgroundColor;
  const canvases = [...document.querySelectorAll('.wall-chart canvas')] as HTMLCanvasElement[];
  type Zr = { storage: { getDisplayList(u: boolean): { type: string; ignore?: boolean; invisible?: boolean; style?: { text?: string; fontSize?: number | string; font?: string; opacity?: number }; transform?: number[]; getBoundingRect(): { clone(): { applyTransform(m: number[]): void; x: number; y: number; width: number; height: number } } }[] } };
  const charts = [...document.querySelectorAll('.wall-chart > div')].map((dom) => {
    const chart = (dom as HTMLElement & { __echarts?: { getZr(): Zr } }).__echarts;
    if (!chart) return { texts: [] };
    const out: SlideLook['charts'][number]['texts'] = [];
    for (const el of chart.getZr().storage.getDisplayList(true)) {
      if (el.ignore || el.invisible || (el.type !== 'text' && el.type !== 'tspan')) continue;
      const text = el.style?.text ?? '';
      if (!text.trim() || el.style?.opacity === 0) continue;
      const r = el.getBoundingRect().clone();
      if (el.transform) r.applyTransform(el.transform);
      const font = Number(el.style?.fontSize) || parseFloat(/(\d+(?:\.\d+)?)px/.exec(el.style?.font ?? '')?.[1] ?? '0');
      out.push({ text, x: r.x, y: r.y, width: r.width, height: r.height, font });
    }
    return { texts: out };
  });
  return {
    title: document.querySelector('[data-testid="wall-slide-title"]')?.textContent ?? '',
    grid: document.querySelector('.wall-stage')?.getAttribute('data-grid') ?? '',
    headerBottom: header.bottom,
    tiles: { x0: Math.min(...cells.map((r) => r.left)), x1: Math.max(...cells.map((r) => r.right)), y0: Math.min(...cells.map((r) => r.top)), y1: Math.max(...cells.map((r) => r.bottom)) },
    clipped,
    domMinFont: fonts[0]?.size ?? 0,
    domMinText: fonts[0]?.text ?? '',
    kpiFont: Math.max(0, ...[...document.querySelectorAll('.kpi-value')].map((e) => parseFloat(getComputedStyle(e).fontSize))),
    // against the element's own background when it has one (the demo mark), else the tile's
    minContrast: Math.min(...texts.map((el) => { const own = getComputedStyle(el).backgroundColor; return contrast(getComputedStyle(el).color, /rgba\(.*, 0\)|transparent/.test(own) ? panel : own); })),
    density: canvases.map((c) => c.width / c.getBoundingClientRect().width),
    charts,
    scrollW: document.documentElement.scrollWidth,
    scrollH: document.documentElement.scrollHeight,
  };
}

/**
 * The box of the pixels below the header that differ from the wall's background, from a screenshot decoded in the
 * page (no PNG decoder in node_modules): a canvas readback of what the official sees.
 */
async function inkBox(page: Page, headerBottom: number, dpr: number): Promise<{ x0: number; x1: number; y0: number; y1: number }> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, top }) => {
      const blob = await (await fetch(`data:image/png;base64,${png}`)).blob();
      const bmp = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, bmp.width, bmp.height);
      const bg = [11, 19, 32];
      let x0 = width, x1 = -1, y0 = height, y1 = -1;
      for (let y = Math.ceil(top); y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (Math.abs(data[i] - bg[0]) > 3 || Math.abs(data[i + 1] - bg[1]) > 3 || Math.abs(data[i + 2] - bg[2]) > 3) {
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
        }
      }
      return { x0, x1: x1 + 1, y0, y1: y1 + 1 };
    },
    { png, top: (headerBottom + 1) * dpr },
  ).then((b) => ({ x0: b.x0 / dpr, x1: b.x1 / dpr, y0: b.y0 / dpr, y1: b.y1 / dpr }));
}

/** Pairs of a chart's drawn texts whose boxes overlap (0.5 px slack for antialiasing). */
function overlaps(texts: { text: string; x: number; y: number; width: number; height: number }[]): string[] {
  const out: string[] = [];
  texts.forEach((a, i) =>
    texts.slice(i + 1).forEach((b) => {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) - 1;
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) - 1;
      if (w > 0 && h > 0) out.push(`“${a.text}” × “${b.text}”`);
    }),
  );
  return out;
}

/** Per size, what the report in the final message and docs quote: coverage and the smallest text. */
const figures: string[] = [];
afterAll(() => {
  if (figures.length) console.log(`wall figures:\n${figures.join('\n')}`);
});

describe('wall screen fills any wall and is readable from across the room (every default slide)', () => {
  it.each([
    [1280, 720, 1],
    [1920, 1080, 1],
    [1920, 1080, 2],
    [3840, 2160, 1],
    [5760, 1080, 1],
    [7680, 2160, 1],
    [1080, 1920, 1],
  ])('%i×%i at DPR %i', async (w, h, dpr) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    // the test hook in WallChart keeps each chart's instance on its element, so its laid-out labels can be read
    await page.addInitScript(() => {
      (window as unknown as { __htzWallProbe: boolean }).__htzWallProbe = true;
      try {
        localStorage.removeItem('htz-wall:default');
      } catch {
        // no storage: the tour starts at the first slide anyway
      }
    });
    await page.goto(`${baseUrl()}#/wall?playlist=default`);
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    await page.keyboard.press(' ');
    // what an unattended wall shows: the controls fade out after 3 idle seconds (a key press wakes them)
    await page.addStyleTag({ content: '.wall-controls { visibility: hidden !important; }' });
    for (let slide = 0; slide < 4; slide++) {
      if (slide) await page.keyboard.press('ArrowRight');
      await page.waitForFunction((n) => document.querySelector('[data-testid="wall-counter"]')?.textContent?.startsWith(`${n} / 4`), slide + 1);
      await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
      await page.waitForTimeout(700);
      const m = await page.evaluate(measureSlide, CONTRAST);
      const label = `${w}×${h}@${dpr} slide ${slide + 1} (${m.title}, grid ${m.grid})`;
      const below = h - m.headerBottom;
      const ink = await inkBox(page, m.headerBottom, dpr);
      const chartFonts = m.charts.flatMap((c) => c.texts.map((t) => t.font)).filter((f) => f > 0);
      const minChart = chartFonts.length ? Math.min(...chartFonts) : Infinity;
      const cover = { tilesW: (m.tiles.x1 - m.tiles.x0) / w, tilesH: (m.tiles.y1 - m.tiles.y0) / below, inkW: (ink.x1 - ink.x0) / w, inkH: (ink.y1 - ink.y0) / below };
      figures.push(`${label}: tiles ${(cover.tilesW * 100).toFixed(1)} % × ${(cover.tilesH * 100).toFixed(1)} %, drawn ${(cover.inkW * 100).toFixed(1)} % × ${(cover.inkH * 100).toFixed(1)} %; smallest text DOM ${m.domMinFont} px (“${m.domMinText}”), chart ${minChart} px = ${((Math.min(m.domMinFont, minChart) / h) * 100).toFixed(2)} % of ${h}; key figure ${((m.kpiFont / h) * 100).toFixed(1)} %`);
      if (dpr === 1 && (w === 1920 || w === 3840 || w === 5760 || w === 1080)) await page.screenshot({ path: shotPath(`wall-${slide + 1}-${w}x${h}.png`) });
      if (dpr === 1 && slide === 0 && (w === 1920 || w === 5760) && h === 1080) await page.screenshot({ path: shotPath(`wall-${w}x${h}.png`) });
      // the screen is full: the tiles and what is drawn span ≥ 92 % of the width and of the height below the header
      expect(cover.tilesW, label).toBeGreaterThanOrEqual(0.92);
      expect(cover.tilesH, label).toBeGreaterThanOrEqual(0.92);
      expect(cover.inkW, label).toBeGreaterThanOrEqual(0.92);
      expect(cover.inkH, label).toBeGreaterThanOrEqual(0.92);
      expect(m.scrollW, label).toBeLessThanOrEqual(w);
      expect(m.scrollH, label).toBeLessThanOrEqual(h);
      // nothing cut off, nothing ending in …, no two labels of a chart on top of each other
      expect(m.clipped, label).toEqual([]);
      expect(m.charts.flatMap((c) => overlaps(c.texts)), label).toEqual([]);
      // every word and number ≥ 2.5 % of the screen height (DOM and chart), key figures ≥ 8 %, contrast ≥ 4.5:1
      expect(m.domMinFont, label).toBeGreaterThanOrEqual(0.025 * h - 0.01);
      expect(minChart, label).toBeGreaterThanOrEqual(0.025 * h - 0.01);
      if (m.kpiFont) expect(m.kpiFont, label).toBeGreaterThanOrEqual(0.08 * h);
      expect(m.minContrast, label).toBeGreaterThanOrEqual(4.5);
      for (const d of m.density) expect(d, label).toBeCloseTo(dpr, 1);
      // the spotlight, not a tooltip: no ECharts tooltip box in the page, and no raw link in the spotlight
      await expect(page.locator('.wall-chart div[style*="z-index: 9999999"]').count()).resolves.toBe(0);
      for (const text of await page.getByTestId('wall-spotlight').allTextContents()) expect(text, label).not.toMatch(/https?:|www\.|\.m?js\b/);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 180000);
});

describe('the spotlight', () => {
  it('names one zone at a time in wall type, the home zone first in the accent colour, and moves on', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}#/wall?playlist=default`);
    await page.waitForSelector('.wall-chart canvas', { timeout: 20000 });
    const spot = page.getByTestId('wall-spotlight').first();
    await expect(spot.textContent()).resolves.toMatch(/^郑州17 位/);
    const look = await spot.evaluate((el) => ({ font: parseFloat(getComputedStyle(el).fontSize), zone: getComputedStyle(el.querySelector('.spot-zone')!).color, home: el.classList.contains('home') }));
    expect(look.font).toBeGreaterThanOrEqual(0.025 * 1080);
    expect(look.zone).toBe('rgb(255, 176, 32)');
    expect(look.home).toBe(true);
    await expect(page.getByTestId('wall-spotlight').count()).resolves.toBe(1);
    await page.waitForFunction(() => !document.querySelector('[data-testid="wall-spotlight"]')?.textContent?.startsWith('郑州'), undefined, { timeout: 6000 });
    await expect(spot.textContent()).resolves.toMatch(/^洛阳37 位/);
    await context.close();
  });
});

describe('wall screen runs unattended', () => {
  it('keys move and pause the tour, a reload resumes at the same slide, charts are not left behind', async () => {
    const { page, problems } = await openWall(1920, 1080);
    const counter = page.getByTestId('wall-counter');
    await expect(counter.textContent()).resolves.toMatch(/^1 \/ 4/);
    await page.keyboard.press('ArrowRight');
    await expect(counter.textContent()).resolves.toMatch(/^2 \/ 4/);
    await page.keyboard.press(' ');
    await expect(counter.textContent()).resolves.toMatch(/已暂停/);
    // go round the tour three times: the number of live canvases stays that of one slide
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(500);
    const canvases = await page.locator('.wall-chart canvas').count();
    const tiles = await page.locator('.wall-tile-body').count();
    expect(canvases).toBe(tiles);
    await expect(counter.textContent()).resolves.toMatch(/^2 \/ 4/);
    await page.reload();
    await page.waitForSelector('.wall-chart canvas');
    await expect(page.getByTestId('wall-counter').textContent()).resolves.toMatch(/^2 \/ 4/);
    // the clock is 24-hour and current
    const clock = await page.getByTestId('wall-clock').textContent();
    expect(clock).toMatch(/^\d{1,2}月\d{1,2}日 星期. \d{2}:\d{2}:\d{2}$/);
    // controls and cursor hide after a few idle seconds
    await page.waitForTimeout(3300);
    await expect(page.locator('.wall.idle').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a playlist with a broken slide shows the error on screen and the rest still plays', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.route('**/data/wall.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ playlists: [{ id: 'default', slides: [{ title: 'bad', ds: 'reported', tiles: [] }, { ds: 'reported', title: 'ok', tiles: [{ kind: 'kpi', ind: 'rank_overall', year: 2020 }, { kind: 'nope', ind: 'x' }] }] }] }),
      }),
    );
    await page.goto(`${baseUrl()}#/wall?playlist=default`);
    await page.locator('.wall-error').first().waitFor();
    await expect(page.locator('.wall-error').first().textContent()).resolves.toMatch(/没有图块/);
    await page.keyboard.press('ArrowRight');
    await page.locator('.kpi-value').waitFor();
    await expect(page.locator('.wall-error').textContent()).resolves.toMatch(/未知的图块类型/);
    await context.close();
  });

  it('a tile whose chart throws shows its card in the wall theme; the other tiles and the tour go on', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    // The test hook in WallTile: the rankings chart of rank_overall throws inside its builder (inert unless set).
    await page.addInitScript(() => {
      (window as unknown as { __htzFailTile: string }).__htzFailTile = 'rankings:rank_overall';
    });
    const tiles = [
      { kind: 'rankings', ind: 'rank_overall', year: 2020, zones: 'province:河南省' },
      { kind: 'bump', ind: 'rank_overall', years: [2017, 2020], zones: 'province:河南省' },
      { kind: 'kpi', ind: 'rank_overall', year: 2020 },
    ];
    await page.route('**/data/wall.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ playlists: [{ id: 'default', slides: [
          { title: 'broken tile', ds: 'reported', focus: 'zhengzhou', duration: 5, tiles },
          { title: 'next', ds: 'reported', focus: 'zhengzhou', duration: 5, tiles: [{ kind: 'kpi', ind: 'rank_overall', year: 2020 }] },
        ] }] }),
      }),
    );
    await page.goto(`${baseUrl()}#/wall?playlist=default`);
    const card = page.getByTestId('error-card');
    await card.waitFor({ timeout: 20000 });
    await page.waitForSelector('.wall-chart canvas');
    await expect(card.locator('h2').textContent()).resolves.toBe('“第 1 块 · 综合排名”暂时无法显示');
    await expect(card.locator('.error-message').textContent()).resolves.toBe('test fault in the rankings chart of rank_overall');
    // the siblings drew: the bump chart and the key figure
    await expect(page.locator('.wall-chart canvas').count()).resolves.toBe(1);
    await expect(page.locator('.kpi-value').textContent()).resolves.toMatch(/17/);
    // dark, at wall text size (no text under 2 % of the screen height), inside its own cell
    const look = await card.evaluate((el) => {
      const h = el.querySelector('h2')!;
      const texts = [h, el.querySelector('.error-message')!, el.querySelector('button')!];
      return { bg: getComputedStyle(el).backgroundColor, color: getComputedStyle(h).color, min: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize))), cell: el.parentElement!.className };
    });
    expect(look.bg).toBe('rgb(16, 28, 46)');
    expect(look.cell).toBe('wall-cell');
    expect(look.min).toBeGreaterThanOrEqual(0.025 * 1080);
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath('wall-tile-error-1920x1080.png') });
    // the tour goes on by itself to the next slide, which draws normally
    await page.waitForFunction(() => document.querySelector('[data-testid="wall-counter"]')?.textContent?.startsWith('2 / 2'), undefined, { timeout: 8000 });
    await expect(page.getByTestId('wall-slide-title').textContent()).resolves.toBe('next');
    await expect(card.count()).resolves.toBe(0);
    await page.locator('.kpi-value').waitFor();
    // one log line, from the boundary, naming the tile
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\[ErrorBoundary\] 第 1 块 · 综合排名: Error: test fault in the rankings chart of rank_overall/);
    await context.close();
  });
});
