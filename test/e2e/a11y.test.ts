import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser';
import { VIEWS } from '../../src/app/views';
import { pathParamOf, ROUTES as VIEW_ROUTES } from '../../src/store/view-params';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// every view of the registry (src/app/views.ts), on the two bundled datasets in turn (a page of its own, the wall,
// on its playlist's), one with a path id on Zhengzhou; and the first view in English
const ROUTES = [
  ...VIEW_ROUTES.map((r, k) => `#/${r}${pathParamOf(r) ? '/zhengzhou' : ''}${VIEWS[r].frame === 'bare' ? '' : `?ds=${k % 2 ? 'demo' : 'reported'}`}`),
  '#/rankings?ds=demo&lang=en',
];

describe('accessibility (axe-core): no serious or critical violations', () => {
  it.each(ROUTES)('%s', async (hash) => {
    const { page, problems } = await openPage(browser, hash);
    await page.locator('main').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.chart-box[data-rendered="false"]').length === 0 && !document.querySelector('.status'), undefined, { timeout: 20000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    // evaluated through the debugging protocol: the page's CSP (no inline script) stays on
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document);
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
