// Builds the site (vite build into dist/, exactly as `npm run build`) and the baseline pages of
// bench/baseline/ with the same Vite config into a temp dir; serves both with Vite's preview API on
// 127.0.0.1, as test/e2e/global-setup.ts does.
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, loadConfigFromFile, preview } from 'vite';

/** @import { PluginOption, PreviewServer, UserConfig } from 'vite' */

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BASELINE = resolve(ROOT, 'bench', 'baseline');

export async function buildApp() {
  await build({ root: ROOT, logLevel: 'warn' });
}

/**
 * A snapshot of dist/ in the temp dir, which is what gets served and measured: other work on the same
 * checkout (an e2e run, a dev's `npm run build`) may rebuild dist/ mid-run, and a page would then ask for
 * chunks whose hashes no longer exist.
 * @param {string} tmp
 */
export function snapshotDist(tmp) {
  const dir = resolve(tmp, 'dist');
  cpSync(resolve(ROOT, 'dist'), dir, { recursive: true });
  return dir;
}

/**
 * The project's vite.config.ts, minus the plugin that copies data/ into dist/ and the service worker's (the baseline pages need no
 * data, and it would write into the real dist/). Same React plugin, target, base and CSP.
 */
async function projectConfig() {
  const file = resolve(ROOT, 'vite.config.ts');
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, file, ROOT, 'silent');
  if (!loaded) throw new Error(`could not load the Vite config ${file}`);
  // `test` is vitest's key (vitest augments UserConfig; vite's own type does not know it)
  const { test: _test, plugins = [], ...config } = /** @type {UserConfig & { test?: unknown }} */ (loaded.config);
  // PluginOption nests arrays (and promises) arbitrarily deep: flattened as plain values, since
  // flat(Infinity) on the recursive type is too deep for the checker
  const flat = /** @type {unknown[]} */ (plugins)
    .flat(Infinity)
    // nor the service worker's plugins: the baseline pages have no src/sw.ts, and need no offline cache
    .filter((p) => {
      const name = /** @type {{ name?: string }} */ (p)?.name ?? '';
      return p && name !== 'htz-data-folder' && !name.startsWith('vite-plugin-pwa');
    });
  return { ...config, plugins: /** @type {PluginOption[]} */ (flat) };
}

/**
 * Two builds of bench/baseline/ into `tmp`:
 *  - deps/: deps.html only — react-dom + echarts/core with bar, scatter, grid and canvas, the dependency
 *    floor of the first view (built alone so no chunk is shared with anything else);
 *  - pages/: chart.html (one ECharts chart from an inline array, echarts/core) and bars.html (full
 *    echarts, for timing setOption).
 * @param {string} tmp
 */
export async function buildBaselines(tmp) {
  const config = await projectConfig();
  /**
   * @param {string} outDir
   * @param {Record<string, string>} input
   */
  const one = (outDir, input) =>
    build({
      ...config,
      configFile: false,
      root: BASELINE,
      base: './',
      logLevel: 'warn',
      build: { ...config.build, outDir, emptyOutDir: true, rollupOptions: { input } },
    });
  const deps = resolve(tmp, 'deps');
  const pages = resolve(tmp, 'pages');
  await one(deps, { deps: resolve(BASELINE, 'deps.html') });
  await one(pages, { chart: resolve(BASELINE, 'chart.html'), bars: resolve(BASELINE, 'bars.html') });
  return { deps, pages };
}

/** The built site (dist/ or a snapshot of it) with the project's own preview config (which also serves /data). */
export async function serveApp(dir = resolve(ROOT, 'dist')) {
  const server = await preview({ root: ROOT, build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  return { server, url: await localUrl(server, dir) };
}

/**
 * A built baseline folder, served as-is.
 * @param {string} dir
 */
export async function serveDir(dir) {
  const server = await preview({ configFile: false, root: resolve(dir, '..'), build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  return { server, url: await localUrl(server, dir) };
}

/**
 * The server's first local URL; without one (vite resolves none when the server is not listening) the
 * server is closed and the run fails, rather than measuring "undefined#/…".
 * @param {PreviewServer} server
 * @param {string} dir what it serves (for the message)
 * @returns {Promise<string>}
 */
async function localUrl(server, dir) {
  const url = server.resolvedUrls?.local[0];
  if (url) return url;
  await server.close();
  throw new Error(`vite preview of ${dir} has no local URL`);
}
