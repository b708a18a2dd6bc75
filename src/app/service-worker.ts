/**
 * Registers the service worker (src/sw.ts, docs/architecture.md §7.8). Loaded on demand after the first chart
 * (src/main.tsx), so none of it is first-view code and the worker's precaching never competes with the first data.
 *
 * Service workers need a secure context (https, or localhost / 127.0.0.1): on a plain-http intranet host the
 * browser has none and the site works as before, without the offline reload.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const sw = navigator.serviceWorker;
  // whether a worker controlled the page before the next change (the first visit's first worker claims it)
  let controlled = !!sw.controller;
  // relative to the page: the worker's scope is the folder the site is deployed in
  const reg = await sw.register('./sw.js', { scope: './' }).catch((e: Error) => {
    console.warn(`service worker not registered: ${e.message}`);
    return null;
  });
  if (!reg) return;
  // A new deployment took over (its worker activates at once): a wall, which never closes its tab, starts the new
  // build so that its next lazily loaded chunk is not one the server no longer has.
  sw.addEventListener('controllerchange', () => {
    if (controlled && window.location.hash.startsWith('#/wall')) window.location.reload();
    else cacheLoadedData();
    controlled = true;
  });
  cacheLoadedData();
}

/** The data files this page fetched before the worker controlled it: handed to the worker to keep (first visit). */
function cacheLoadedData(): void {
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => e.name.split('#')[0])
    .filter((u) => new URL(u).pathname.includes('/data/'));
  void navigator.serviceWorker.ready.then((r) => r.active?.postMessage({ type: 'htz-cache-data', urls: [...new Set(urls)] }));
}
