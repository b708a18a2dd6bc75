import { competitionRanks } from './rank';

/** Pearson's r of paired values; null with fewer than 3 pairs or no variation. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Average ranks (ties share the mean of their positions), as Spearman's rho needs. */
function averageRanks(values: readonly number[]): number[] {
  const comp = competitionRanks(values, 'lower') as number[];
  const counts = new Map<number, number>();
  for (const r of comp) counts.set(r, (counts.get(r) ?? 0) + 1);
  return comp.map((r) => r + ((counts.get(r) ?? 1) - 1) / 2);
}

/**
 * Spearman's rho: Pearson's r of the ranks. Robust to the heavy tails of zone figures (a few giants),
 * so it is the number the Compare view reports beside the scatter.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (Math.min(xs.length, ys.length) < 3) return null;
  return pearson(averageRanks(xs), averageRanks(ys));
}

export function median(values: readonly number[]): number | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
