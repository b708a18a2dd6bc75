// A bench section run on its own (`node bench/<section>.mjs [runs]`): the built site served, a browser, the
// section's figures printed as the full bench prints them.
import { serveApp } from './build.mjs';
import { launch } from './browser.mjs';
import { printTable } from './table.mjs';

/** @import { Browser } from 'playwright-core' */
/** @import { Figure } from './stats.mjs' */

/**
 * @param {(o: { browser: Browser, appUrl: string, runs: number }) => Promise<Figure[]>} run
 * @param {number} runs when the command line gives none
 */
export async function standalone(run, runs) {
  const server = await serveApp();
  const browser = await launch();
  try {
    printTable(await run({ browser, appUrl: server.url, runs: Number(process.argv[2] || runs) }));
  } finally {
    await browser.close();
    await server.server.close();
  }
}
