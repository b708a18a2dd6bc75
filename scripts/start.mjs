#!/usr/bin/env node
// `npm start`: build the static site once, then serve dist/ on 127.0.0.1 and print the URL.
import { build, preview } from 'vite';

const port = Number(process.env.PORT || 5173);
await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: false, open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`\n  高新区经济指标看板 is being served at ${url}`);
console.log(`  Try: ${url}#/rankings?ds=reported&ind=rank_overall&year=2020\n  (Ctrl+C to stop)\n`);
