import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser';

/** What a static host serves as it is (public/), and what it must not serve (data/sources/). */
describe('the built folder', () => {
  it('serves a favicon (no 404 on every page load) and a robots.txt that asks not to be indexed', async () => {
    const html = readFileSync('dist/index.html', 'utf8');
    expect(html).toContain('<link rel="icon" href="./favicon.svg"');
    const icon = await fetch(`${baseUrl()}favicon.svg`);
    expect([icon.status, (await icon.text()).startsWith('<svg')]).toEqual([200, true]);
    const robots = await fetch(`${baseUrl()}robots.txt`);
    expect(robots.status).toBe(200);
    expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \//);
  });

  it('carries the data the app fetches, and not the source tables data:build reads', () => {
    for (const f of ['zones.csv', 'indicators.json', 'manifest.json', 'evaluations.json', 'source-tiers.json']) expect(existsSync(`dist/data/${f}`), f).toBe(true);
    expect(existsSync('dist/data/sources')).toBe(false);
  });
});
