import type { TidyTable } from '../data/table';
import { at } from '../data/table';
import { buildCells, type Cell } from './cells';

export interface ConflictFilter {
  zone?: string;
  indicator?: string;
  year?: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The cells whose sources disagree, narrowed by zone / indicator / year, for the Data view's conflicts list.
 * A cell is one zone, year, indicator and period, so narrowing the rows first and grouping after finds exactly
 * the cells findConflicts would, in one pass over the table and without grouping rows nobody asked about.
 * National totals are kept: two sources disagreeing about a national figure is a conflict too.
 * Sorted by zone, indicator, year, then period, so the list is stable across loads.
 */
export function conflictsFor(t: TidyTable, filter: ConflictFilter = {}): Cell[] {
  const { zone, indicator, year } = filter;
  const rows: number[] = [];
  for (let i = 0; i < t.size; i++) {
    if (zone !== undefined && at(t.zone, i) !== zone) continue;
    if (indicator !== undefined && at(t.indicator, i) !== indicator) continue;
    if (year !== undefined && t.year[i] !== year) continue;
    rows.push(i);
  }
  return [...buildCells(t, rows).values()]
    .filter((c) => c.conflict)
    .sort((a, b) => cmp(a.zone, b.zone) || cmp(a.indicator, b.indicator) || a.year - b.year || cmp(a.period, b.period));
}
