/// <reference lib="webworker" />
/**
 * The service worker (docs/architecture.md §5.3, §7.8): a reload while the network is down shows the app and the
 * last data it saw. Built by vite-plugin-pwa (injectManifest) into dist/sw.js beside index.html, so its scope is
 * the folder the site is deployed in, whatever the sub-path.
 *
 * - The app shell (index.html, every script, style and icon of this build) is precached with a revision per file:
 *   a new deployment brings a new list, the new worker takes over at once and the old build's files are deleted.
 * - The deployers' data (./data/…) is never precached: it changes without a build. It is network-first — an online
 *   reload always gets the server's files — and every answer is kept, so when the network fails (or hangs for
 *   10 s) the last copy is served, marked with the header `X-HTZ-From-Cache: 1` for the page to say so.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const DATA_CACHE = 'htz-data';
const dataRoot = () => new URL('data/', self.registration.scope).href;
const isData = (url: URL | string) => String(url).startsWith(dataRoot());

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  ({ url, request }) => request.method === 'GET' && isData(url),
  new NetworkFirst({
    cacheName: DATA_CACHE,
    networkTimeoutSeconds: 10,
    plugins: [
      {
        // only complete answers are kept (no 404 page, no partial range)
        cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null),
        // served from the cache because the network failed: say so
        cachedResponseWillBeUsed: async ({ cachedResponse }) => {
          if (!cachedResponse) return cachedResponse;
          const headers = new Headers(cachedResponse.headers);
          headers.set('X-HTZ-From-Cache', '1');
          return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
        },
      },
    ],
  }),
);

/**
 * The data the page fetched before this worker controlled it (its first visit): fetched again into the cache,
 * so the first visit's data is there for an offline reload. Entries already cached are left as they are.
 */
self.addEventListener('message', (event) => {
  const msg = event.data as { type?: string; urls?: unknown } | null;
  if (msg?.type !== 'htz-cache-data' || !Array.isArray(msg.urls)) return;
  const urls = msg.urls.filter((u): u is string => typeof u === 'string' && isData(u)).slice(0, 500);
  event.waitUntil(
    caches.open(DATA_CACHE).then((cache) =>
      Promise.all(urls.map(async (u) => {
        if (await cache.match(u)) return;
        const res = await fetch(u).catch(() => null);
        if (res?.status === 200) await cache.put(u, res);
      })),
    ),
  );
});
