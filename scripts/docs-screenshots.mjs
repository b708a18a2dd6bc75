#!/usr/bin/env node
// `npm run docs:screenshots`: refreshes the pictures in docs/screenshots/ on purpose. The browser tests that
// take them write only to test-results/screenshots/ (so `npm test` never changes a tracked file); this script
// builds the site, runs those tests, and copies every picture that docs/screenshots/ already holds. Look at
// each one (and at `git diff --stat docs/screenshots`) before committing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.mjs';

const FROM = 'test-results/screenshots';
const TO = 'docs/screenshots';
const TESTS = ['test/e2e/routes.test.ts', 'test/e2e/rankings.test.ts', 'test/e2e/wall.test.ts'];

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

ensureBrowser();
run('node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
run('node_modules/.bin/vitest', ['run', '--config', 'vitest.e2e.config.ts', ...TESTS]);

// the wall's every default slide at 16:9, 4K, a 32:9 spliced wall and a portrait screen (test/e2e/wall.test.ts): copied even when
// docs/ does not hold them yet
const WALL = ['1920x1080', '3840x2160', '5760x1080', '1080x1920'].flatMap((size) => [1, 2, 3, 4].map((slide) => `wall-${slide}-${size}.png`));

const missing = [];
let copied = 0;
for (const name of [...new Set([...readdirSync(TO).filter((n) => n.endsWith('.png')), ...WALL])]) {
  if (!existsSync(`${FROM}/${name}`)) {
    missing.push(name);
    continue;
  }
  copyFileSync(`${FROM}/${name}`, `${TO}/${name}`);
  copied++;
}
console.log(`docs:screenshots: ${copied} pictures copied to ${TO}/`);
if (missing.length) {
  console.error(`no test made: ${missing.join(', ')} — remove them from ${TO}/ or add the shot to a test`);
  process.exit(1);
}
