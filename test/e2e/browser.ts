import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const baseUrl = () => inject('baseUrl');

/** Screenshots go to test-results/ only (gitignored); `npm run docs:screenshots` copies the documented ones to docs/. */
export const SHOTS = 'test-results/screenshots';
export function shotPath(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return `${SHOTS}/${name}`;
}

export interface Watched {
  page: Page;
  /** console errors, page errors and CSP violations seen so far */
  problems: string[];
}

/**
 * A page that records every console error, uncaught exception and Content-Security-Policy violation,
 * so a test can fail on any of them.
 */
export async function openPage(browser: Browser, hash: string, viewport = { width: 1440, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__reportCsp', (v: string) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(`${baseUrl()}${hash}`);
  return { page, problems };
}

/** The file a click downloads: its suggested name and its bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click()])) as [Download, void];
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Waits until every chart of the view has drawn at least once. */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('.chart-box')];
    return charts.length > 0 && charts.every((c) => c.getAttribute('data-rendered') === 'true');
  }, undefined, { timeout: 20000 });
}
