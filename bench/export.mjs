// 6. Export of the rankings chart of all 169 demo zones: a 3× PNG, an SVG, and the ZIP of the view. Time
// from the click to the download: in the page, from the button's click to the click on the <a download>
// that src/features/export/download.ts creates (the app's own work), and in node, from the click to
// Playwright's 'download' event (adds the browser's download plumbing and CDP round trips).
import { openPage, settle } from './lib/browser.mjs';
import { figure, median } from './lib/stats.mjs';

/** @import { Browser, Page } from 'playwright-core' */

/**
 * The app page with WATCH installed: when the last export button was clicked and when its <a download>
 * was (performance.now(); null until it is).
 * @typedef {Window & typeof globalThis & { __benchDownloadAt: number | null, __benchClickAt: number }} ExportWindow
 */

/** @typedef {{ id: string, testId: string, name: string, max: number }} ExportKind */

const HASH = '#/rankings?ds=demo&ind=gdp&year=2022';
/** @type {ExportKind[]} */
const KINDS = [
  { id: 'png3', testId: 'export-png-3', name: '3× PNG (5760×3240)', max: 500 },
  { id: 'svg', testId: 'export-svg', name: 'SVG', max: 500 },
  { id: 'zip', testId: 'export-zip', name: 'ZIP of the view (2× PNG + SVG + CSV)', max: 3000 },
];

/** Installed once: remembers when an <a download> is clicked (the file leaves the app). */
const WATCH = () => {
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest('a[download]') : null;
      if (a) /** @type {ExportWindow} */ (window).__benchDownloadAt = performance.now();
    },
    true,
  );
};

/**
 * @param {Page} page
 * @param {ExportKind} kind
 */
async function once(page, kind) {
  await page.waitForSelector(`[data-testid="${kind.testId}"]:not([disabled])`, { timeout: 30000 });
  const download = page.waitForEvent('download', { timeout: 60000 });
  const n0 = performance.now();
  await page.evaluate((id) => {
    const w = /** @type {ExportWindow} */ (window);
    w.__benchDownloadAt = null;
    w.__benchClickAt = performance.now();
    const button = document.querySelector(`[data-testid="${id}"]`);
    if (!(button instanceof HTMLElement)) throw new Error(`export button [data-testid="${id}"] not found`);
    button.click();
  }, kind.testId);
  const d = await download;
  const node = performance.now() - n0;
  const inPage = await page.evaluate(() => {
    const w = /** @type {ExportWindow} */ (window);
    return (w.__benchDownloadAt ?? NaN) - w.__benchClickAt;
  });
  const name = d.suggestedFilename();
  await d.delete().catch(() => undefined);
  return { inPage, node, name };
}

/**
 * @param {object} options
 * @param {Browser} options.browser
 * @param {string} options.appUrl
 * @param {number} [options.runs]
 * @param {(...message: unknown[]) => void} [options.log]
 */
export async function run({ browser, appUrl, runs = 5, log = console.log }) {
  const p = await openPage(browser);
  try {
    await p.page.addInitScript(WATCH);
    await p.page.goto(appUrl + HASH);
    await settle(p.page, 800);
    await p.page.getByTestId('export-rankings').click();
    /** @type {Record<string, { inPage: number[], node: number[], cold: number | null, name: string }>} */
    const s = Object.fromEntries(KINDS.map((k) => [k.id, { inPage: [], node: [], cold: null, name: '' }]));
    // the first of each loads the export chunks (panel, SVG renderer, fflate): reported apart as "cold"
    for (const k of KINDS) {
      const c = await once(p.page, k);
      s[k.id].cold = c.inPage;
      s[k.id].name = c.name;
    }
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < KINDS.length; i++) {
        const k = KINDS[(i + r) % KINDS.length];
        const res = await once(p.page, k);
        s[k.id].inPage.push(res.inPage);
        s[k.id].node.push(res.node);
      }
    }
    log(`  export: ${KINDS.map((k) => `${k.id} ${median(s[k.id].inPage)?.toFixed(0)} ms`).join(', ')}`);
    return KINDS.map((k) =>
      figure({
        id: `export.${k.id}`,
        section: '6 export',
        name: `${k.name}, click → download`,
        value: median(s[k.id].inPage),
        unit: 'ms',
        target: { text: `< ${k.max} ms`, max: k.max },
        runs: s[k.id].inPage.length,
        samples: s[k.id].inPage,
        notes: `warm (export code loaded); first (cold) ${s[k.id].cold?.toFixed(0)} ms; to Playwright's download event ${median(s[k.id].node)?.toFixed(0)} ms; file ${s[k.id].name}`,
        extra: { coldMs: s[k.id].cold, toDownloadEventMs: median(s[k.id].node), toDownloadEventSamples: s[k.id].node, file: s[k.id].name },
      }),
    );
  } finally {
    await p.close();
  }
}
