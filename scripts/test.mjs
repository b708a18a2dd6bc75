#!/usr/bin/env node
// `npm test`: lint, type check, unit + component tests, build, browser tests — in that order, stopping at
// the first failure. Ends with one line "tests: N passed, N failed" summing the vitest runs.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.log(`\ntests: ${passed} passed, ${failed + 1} failed`);
    console.error(`✗ ${label} failed`);
    process.exit(r.status || 1);
  }
}

function vitest(label, args, report) {
  rmSync(report, { force: true });
  console.log(`\n▶ ${label}`);
  const r = spawnSync(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit', env: process.env });
  try {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
  } catch {
    failed += 1;
  }
  if (r.status !== 0) {
    console.log(`\ntests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(r.status || 1);
  }
}

mkdirSync('test-results', { recursive: true });
run('lint', bin('eslint'), ['.']);
run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
// scripts/ and bench/ are plain ES modules checked through their JSDoc (tsconfig.scripts.json)
run('type check of scripts and bench', bin('tsc'), ['-p', 'tsconfig.scripts.json']);
vitest('unit and component tests', [], 'test-results/unit.json');
ensureBrowser();
run('build', bin('vite'), ['build', '--logLevel', 'warn']);
vitest('browser tests', ['--config', 'vitest.e2e.config.ts'], 'test-results/e2e.json');
console.log(`\ntests: ${passed} passed, ${failed} failed`);
