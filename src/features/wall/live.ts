/**
 * The wall running for days on its own (docs/architecture.md §5.3): live data, the screen kept awake, and screens
 * in step by the clock. Hooks only; their arithmetic is in refresh.ts and sync.ts.
 */
import { useEffect, useRef, useState } from 'react';
import { fetchBytes, fetchJson, servedFromCache } from '../../data/fetch';
import { parseManifest } from '../../data/manifest';
import { refreshDataset } from '../../store/actions';
import { useStore } from '../../store/store';
import { isSlide, type Playlist } from './playlist';
import { changedDatasets, datasetSignature, fingerprint, refreshDelayMs } from './refresh';
import { slideMs, syncPosition } from './sync';

declare global {
  interface Window {
    /** test hook (test/e2e/wall-live.test.ts): the check's interval in ms instead of the playlist's minutes */
    __htzRefreshMs?: number;
  }
}

export interface LiveData {
  /** when new data were last swapped in */
  updatedAt: Date | null;
  /** the last check failed, or the data shown came from the service worker's cache: the network is down */
  offline: boolean;
}

/**
 * Checks the manifest and the playlist's data files every `refreshMinutes`, and swaps in a dataset whose files
 * changed once its new table is ready. The first check (as soon as the tour's datasets are loaded) only notes
 * what is on screen. A hidden page does not check; it checks on return when a check is due.
 */
export function useDataRefresh(playlist: Playlist | null): LiveData {
  const [live, setLive] = useState<LiveData>({ updatedAt: null, offline: servedFromCache.size > 0 });
  const ids = playlist ? [...new Set(playlist.slides.filter(isSlide).map((s) => s.ds))].sort().join(',') : '';
  const minutes = playlist?.refreshMinutes ?? 0;
  // every dataset of the tour that the manifest has is loaded (or failed): the first check notes what is on screen
  const ready = useStore((s) => !!ids && !!s.manifest && ids.split(',').every((id) => !s.manifest!.datasets.some((d) => d.id === id) || s.datasets[id]?.status === 'ready' || s.datasets[id]?.status === 'error'));
  const seen = useRef(new Map<string, string>());

  useEffect(() => {
    if (!ready || !(minutes > 0)) return;
    let alive = true;
    let timer = 0;
    let failures = 0;
    let due = false;
    const check = async () => {
      // a wall never navigates, so the browser would not look for a new build: ask (a new one reloads the wall)
      void navigator.serviceWorker?.getRegistration().then((r) => r?.update()).catch(() => undefined);
      const manifest = parseManifest(await fetchJson('./data/manifest.json'));
      const now = new Map<string, string>();
      const bytes = new Map<string, Uint8Array[]>();
      for (const id of ids.split(',')) {
        const entry = manifest.datasets.find((d) => d.id === id);
        if (!entry) continue;
        const files = await Promise.all(entry.files.map((f) => fetchBytes(`./data/${f}`)));
        bytes.set(id, files);
        now.set(id, datasetSignature(entry, files.map(fingerprint)));
      }
      const changed = changedDatasets(seen.current, now);
      seen.current = now;
      let swapped = false;
      for (const id of changed) {
        // a new file that does not import keeps the old table on screen; a fixed one is tried at its next change
        await refreshDataset(manifest, id, bytes.get(id)!).then(
          () => (swapped = true),
          (e: Error) => console.warn(`wall: data/${id} could not be updated: ${e.message}`),
        );
      }
      return swapped;
    };
    const schedule = () => {
      const ms = window.__htzRefreshMs ?? refreshDelayMs(minutes, failures);
      timer = window.setTimeout(run, ms);
    };
    const run = () => {
      if (document.visibilityState === 'hidden') {
        due = true;
        return;
      }
      due = false;
      check().then(
        (changed) => {
          failures = 0;
          if (alive) setLive((l) => ({ updatedAt: changed ? new Date() : l.updatedAt, offline: servedFromCache.size > 0 }));
        },
        (e: Error) => {
          failures++;
          // the network or the host is down (fetch failed, or a gateway's 5xx); a missing or broken file is not
          const down = e.cause instanceof TypeError || /HTTP 5\d\d/.test(e.message);
          if (!down) console.warn(`wall: the data check failed: ${e.message}`);
          if (alive) setLive((l) => (l.offline === down ? l : { ...l, offline: down }));
        },
      ).finally(() => alive && schedule());
    };
    const onVisible = () => {
      if (due && document.visibilityState !== 'hidden') run();
    };
    document.addEventListener('visibilitychange', onVisible);
    run();
    return () => {
      alive = false;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ready, ids, minutes]);
  return live;
}

/**
 * Keeps the screen on with the Screen Wake Lock API where the browser has it (a secure context, a visible page).
 * The browser drops the lock whenever the page is hidden, so it is asked for again on return; a refusal (power
 * saving, a policy, a headless browser) is tolerated: the wall simply runs as before.
 */
export function useWakeLock(): void {
  useEffect(() => {
    const wl = (navigator as Partial<Navigator>).wakeLock;
    if (!wl) return;
    let lock: WakeLockSentinel | null = null;
    let live = true;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || (lock && !lock.released)) return;
      wl.request('screen').then(
        (l) => {
          if (live) lock = l;
          else void l.release().catch(() => undefined);
        },
        () => undefined,
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release().catch(() => undefined);
    };
  }, []);
}

/**
 * `"sync": true`: the slide follows the wall clock (sync.ts). At each boundary the clock is read again, so the
 * tour never drifts; paused by key, this screen stops where it is, and on resume (or on return from hidden)
 * it jumps back to the clock's slide. ←/→ still move this screen until the next boundary. Returns whether the
 * tour is synced (then the caller's own timer stays off).
 */
export function useSyncedTour(playlist: Playlist | null, paused: boolean, visible: boolean, setIndex: (i: number) => void): boolean {
  const sync = !!playlist?.sync && playlist.slides.length > 1;
  const durations = playlist && sync ? playlist.slides.map(slideMs).join(',') : '';
  useEffect(() => {
    if (!durations || paused || !visible) return;
    const ds = durations.split(',').map(Number);
    let timer = 0;
    const step = () => {
      const { index, remainingMs } = syncPosition(Date.now(), ds);
      setIndex(index);
      // a few ms past the boundary, so the clock is read on the new slide's side of it
      timer = window.setTimeout(step, Math.min(remainingMs + 5, 2 ** 31 - 1));
    };
    step();
    return () => window.clearTimeout(timer);
  }, [durations, paused, visible, setIndex]);
  return sync;
}
