import { NATIONAL_ZONE_ID } from '../domain/types';
import { at } from '../data/table';
import type { TidyTable } from '../data/table';

/**
 * How much the table holds, zone × year: the coverage heatmap of the Data view.
 * It counts observations (rows), not distinct values: two sources for one figure count twice, which is what
 * "how well documented is this zone-year" asks. Bands, placeholders (`…`) and part-year rows all count —
 * they are data a reader can open. The national pseudo-zone is a total and is left out.
 */
export interface Coverage {
  /** zones with at least one observation: most observations first, then by id */
  zones: string[];
  /** years with at least one observation, ascending */
  years: number[];
  /** zone → year → number of observations (absent = none) */
  counts: Map<string, Map<number, number>>;
  /** observations counted */
  total: number;
  /** zone-years with at least one observation */
  cells: number;
  /** the most observations in one zone-year (the heatmap's top colour), 0 for an empty table */
  maxPerCell: number;
}

export function coverage(t: TidyTable, indicator: string | null): Coverage {
  const counts = new Map<string, Map<number, number>>();
  const zoneTotals = new Map<string, number>();
  const years = new Set<number>();
  let total = 0;
  for (let i = 0; i < t.size; i++) {
    const z = at(t.zone, i);
    if (z === NATIONAL_ZONE_ID || (indicator !== null && at(t.indicator, i) !== indicator)) continue;
    const y = t.year[i];
    let byYear = counts.get(z);
    if (!byYear) counts.set(z, (byYear = new Map()));
    byYear.set(y, (byYear.get(y) ?? 0) + 1);
    zoneTotals.set(z, (zoneTotals.get(z) ?? 0) + 1);
    years.add(y);
    total++;
  }
  let cells = 0;
  let maxPerCell = 0;
  for (const byYear of counts.values()) {
    cells += byYear.size;
    for (const n of byYear.values()) maxPerCell = Math.max(maxPerCell, n);
  }
  const zones = [...zoneTotals.keys()].sort((a, b) => zoneTotals.get(b)! - zoneTotals.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  return { zones, years: [...years].sort((a, b) => a - b), counts, total, cells, maxPerCell };
}

/**
 * Share (0–1) of zone-years in scope with at least one observation: covered zone-years over
 * `zonesInScope` × `cov.years` (the heatmap columns). 0 when there is nothing to cover.
 * Capped at 1, since `cov` may count zones the caller's scope leaves out.
 */
export function coverageShare(cov: Coverage, zonesInScope: number): number {
  const possible = zonesInScope * cov.years.length;
  if (!(possible > 0)) return 0;
  return Math.min(1, cov.cells / possible);
}
