import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { cpSync, existsSync, createReadStream, statSync } from 'node:fs';
import { resolve, join, normalize, extname } from 'node:path';

const DATA_DIR = resolve(import.meta.dirname, 'data');

/**
 * The Content-Security-Policy of the built page (docs/architecture.md §7.1). Only on build: Vite's dev server injects
 * inline scripts. ECharts sets inline styles, hence style-src 'unsafe-inline'; scripts never inline.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** data/ is the deployers' folder: served as /data in dev and preview, copied to dist/data on build. */
function dataFolder(): Plugin {
  const serve = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0]);
    if (!url.startsWith('/data/')) return next();
    const file = normalize(join(DATA_DIR, url.slice('/data/'.length)));
    if (!file.startsWith(DATA_DIR) || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'htz-data-folder',
    configureServer(server) {
      server.middlewares.use(serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve);
    },
    closeBundle() {
      const out = resolve(import.meta.dirname, 'dist', 'data');
      // data/sources/ holds the tables that `npm run data:build` reads: the site never fetches them.
      const sources = join(DATA_DIR, 'sources');
      if (existsSync(resolve(import.meta.dirname, 'dist'))) cpSync(DATA_DIR, out, { recursive: true, filter: (src) => !src.startsWith(sources) });
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'htz-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      );
    },
  };
}

/**
 * The service worker (src/sw.ts, docs/architecture.md §7.8): dist/sw.js precaches this build's app shell with a
 * revision per file; data/ is left to the worker's network-first route (deployers change it without a build).
 * It is registered by src/app/service-worker.ts after the first chart, never by an injected inline script.
 */
const serviceWorker = () =>
  VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    injectRegister: false,
    manifest: false,
    devOptions: { enabled: false },
    injectManifest: {
      rollupFormat: 'iife',
      globPatterns: ['**/*.{js,css,html,svg,txt}'],
      globIgnores: ['data/**', 'sw.js'],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    },
  });

export default defineConfig({
  // A relative base: the built folder works from any sub-path of any static host (docs/architecture.md §4).
  base: './',
  plugins: [react(), dataFolder(), contentSecurityPolicy(), serviceWorker()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup-messages.ts'],
    testTimeout: 20000,
  },
});
