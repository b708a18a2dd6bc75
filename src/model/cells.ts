import type { Basis, RankBand } from '../domain/types';
import { at, rawAt } from '../data/table';
import type { TidyTable } from '../data/table';

/**
 * A "cell" is every observation a table holds for one zone, year, indicator and period.
 * Several observations in one cell are corroboration when they agree and a conflict when they don't.
 */
export interface Cell {
  zone: string;
  year: number;
  indicator: string;
  period: string;
  /** row indices into the table, every source of this cell */
  rows: number[];
  /** the value shown first; with a conflict, the most authoritative basis — and `conflict` says so */
  value: number | null;
  band: RankBand | null;
  conflict: boolean;
  /** the row `value` comes from */
  lead: number;
}

/** Which figure leads when sources disagree: a reported figure over a preliminary one over a derived one …; a synthetic one last. */
const BASIS_ORDER: Record<Basis, number> = { reported: 0, preliminary: 1, derived: 2, estimate: 3, target: 4, synthetic: 5 };

const valueKey = (t: TidyTable, i: number) => (at(t.band, i) ? `band:${at(t.band, i)!.label}` : Number.isNaN(t.value[i]) ? `raw:${rawAt(t, i)}` : `v:${t.value[i]}`);

export const cellKey = (zone: string, year: number, indicator: string, period: string) => `${zone}\u0001${year}\u0001${indicator}\u0001${period}`;

/** Groups row indices into cells. Pass `rows` to group a subset. */
export function buildCells(t: TidyTable, rows?: Iterable<number>): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const it = rows ?? Array.from({ length: t.size }, (_, i) => i);
  for (const i of it) {
    const key = cellKey(at(t.zone, i), t.year[i], at(t.indicator, i), at(t.period, i));
    const cell = cells.get(key);
    if (cell) cell.rows.push(i);
    else cells.set(key, { zone: at(t.zone, i), year: t.year[i], indicator: at(t.indicator, i), period: at(t.period, i), rows: [i], value: null, band: null, conflict: false, lead: i });
  }
  for (const cell of cells.values()) {
    const keys = new Set(cell.rows.map((i) => valueKey(t, i)));
    cell.conflict = keys.size > 1;
    const lead = [...cell.rows].sort((a, b) => BASIS_ORDER[at(t.basis, a)] - BASIS_ORDER[at(t.basis, b)] || a - b)[0];
    cell.lead = lead;
    cell.value = Number.isNaN(t.value[lead]) ? null : t.value[lead];
    cell.band = at(t.band, lead);
  }
  return cells;
}

/** Every cell whose sources disagree. */
export function findConflicts(t: TidyTable): Cell[] {
  return [...buildCells(t).values()].filter((c) => c.conflict);
}
