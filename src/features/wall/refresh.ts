/**
 * The wall's live data check (docs/architecture.md §5.3), its pure parts: when to check next, and what changed.
 * No React, no DOM, no network.
 */

/** Checks run every `refreshMinutes` (data/wall.json), within ±10 % so that many walls do not ask at once. */
export const DEFAULT_REFRESH_MINUTES = 5;

/**
 * Milliseconds until the next check. After a failed check (the network or the server is down) the wall asks
 * again sooner, after 1, 2, 4 … minutes but never later than its interval, so it sees the network return.
 * `minutes` 0 means never (Infinity).
 */
export function refreshDelayMs(minutes: number, failures = 0, random: () => number = Math.random): number {
  if (!(minutes > 0)) return Infinity;
  const interval = minutes * 60_000;
  const base = failures > 0 ? Math.min(interval, 60_000 * 2 ** Math.min(failures - 1, 20)) : interval;
  return Math.round(base * (0.9 + 0.2 * random()));
}

/** FNV-1a (32 bit) of some bytes, as hex: a file's fingerprint, to tell a changed file from the same one. */
export function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return `${bytes.length.toString(36)}-${(h >>> 0).toString(16)}`;
}

/** A dataset's signature: its manifest entry (files, as-of date) and the fingerprint of each of its files. */
export function datasetSignature(entry: { files: string[]; asOf: string }, fingerprints: string[]): string {
  return JSON.stringify([entry.asOf, entry.files, fingerprints]);
}

/**
 * The datasets whose signature differs from the one seen before. A dataset not seen before is not "changed":
 * the first check only takes note of what the wall is showing.
 */
export function changedDatasets(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([id, sig]) => before.has(id) && before.get(id) !== sig).map(([id]) => id);
}
