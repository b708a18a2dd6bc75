#!/usr/bin/env node
// Browser tests need Debian's Chromium and CJK fonts. As root we install them with apt-get; otherwise
// we print the exact command. We never download a browser of our own (no `playwright install`).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const hasCjkFont = () => {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && /Noto (Sans|Serif) CJK|WenQuanYi|Source Han/i.test(r.stdout);
};

export function ensureBrowser() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (!missing.length) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`\nBrowser tests need: ${missing.join(', ')}. Run as root:\n\n  sudo sh -c '${cmd}'\n`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} from Debian's packages …`);
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowser();
