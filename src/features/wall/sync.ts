/**
 * Screens in step without a server (docs/architecture.md §5.3): with `"sync": true` the slide shown is a function of
 * the wall clock alone, so two PCs whose clocks agree show the same slide at the same moment. Pure: no React, no DOM.
 */

/** A slide's time on screen in milliseconds (a slide that failed its checks stays 10 s, as in the unsynced tour). */
export const slideMs = (slide: { duration?: number } | { error: string }): number => Math.round(('duration' in slide && slide.duration ? slide.duration : 10) * 1000);

/**
 * Which slide the clock says, and how long until the next one. The tour is one cycle of all slides' durations
 * laid end to end from the Unix epoch: with equal durations this is `floor(epochMs / slideMs) mod n`, and the
 * remaining time runs to the next multiple of `slideMs`.
 */
export function syncPosition(epochMs: number, durations: number[]): { index: number; remainingMs: number } {
  const ds = durations.map((d) => (Number.isFinite(d) && d > 0 ? d : 1000));
  const cycle = ds.reduce((a, b) => a + b, 0);
  if (!ds.length || !cycle) return { index: 0, remainingMs: Infinity };
  let at = ((epochMs % cycle) + cycle) % cycle;
  for (let i = 0; i < ds.length; i++) {
    if (at < ds[i]) return { index: i, remainingMs: ds[i] - at };
    at -= ds[i];
  }
  return { index: 0, remainingMs: ds[0] }; // unreachable but for rounding
}
