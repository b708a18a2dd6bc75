// Developer tool: screenshot of the built site.
// usage: node scripts/screenshot.mjs "#/rankings?year=2020" out.png [width] [height] [css selector]
import { chromium } from 'playwright-core';
import { preview } from 'vite';
const [,, hash, out, w = '1440', h = '900', sel] = process.argv;
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0];
if (!url) {
  await server.close();
  throw new Error('vite preview has no local URL');
}
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
p.on('console', (m) => console.log('console:', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto(url + hash);
await p.waitForTimeout(2500);
if (sel) await p.locator(sel).first().screenshot({ path: out }); else await p.screenshot({ path: out });
await b.close(); await server.close();
