import { NATIONAL_ZONE_ID } from '../domain/types';
import { at, rowsWith } from '../data/table';
import type { TidyTable } from '../data/table';
import { buildCells, type Cell } from './cells';

/**
 * Time series of one indicator, zone by zone: the data of the Trends view and the zone profile.
 * Only full-year values (period '') make a series: a Q1–Q3 figure beside full years would read as a fall.
 * The national pseudo-zone is a total, not a zone, and is left out.
 */

export type CellsByZone = Map<string /* zone */, Map<number /* year */, Cell>>;

export interface FullYearOptions {
  /** keep only these zones (e.g. the selected ones); all zones when absent */
  zones?: ReadonlySet<string>;
  /**
   * keep only rows in this unit (rows with no unit are kept), as buildRankings does: the importer converts
   * what it can, so a row still in another unit could not be converted and must not sit on the same axis.
   */
  unit?: string;
}

/** Every full-year cell of an indicator, by zone then year. One pass over the table, then buildCells on the rows kept. */
export function fullYearCells(t: TidyTable, indicator: string, opts: FullYearOptions = {}): CellsByZone {
  const { zones, unit } = opts;
  const rows: number[] = [];
  for (const i of rowsWith(t.indicator, t.size, indicator)) {
    if (at(t.period, i) !== '' || at(t.zone, i) === NATIONAL_ZONE_ID) continue;
    if (zones && !zones.has(at(t.zone, i))) continue;
    if (unit && at(t.unit, i) && at(t.unit, i) !== unit) continue;
    rows.push(i);
  }
  const out: CellsByZone = new Map();
  for (const cell of buildCells(t, rows).values()) {
    let byYear = out.get(cell.zone);
    if (!byYear) out.set(cell.zone, (byYear = new Map()));
    byYear.set(cell.year, cell);
  }
  return out;
}

/** One zone's cells aligned to `years`; a year without a cell stays null so a chart shows the gap, never bridges it. */
export function zoneSeries(cellsByZone: CellsByZone, zone: string, years: readonly number[]): (Cell | null)[] {
  const byYear = cellsByZone.get(zone);
  return years.map((y) => byYear?.get(y) ?? null);
}

/**
 * Years with at least one full-year zone value of the indicator, ascending.
 * Unlike rankings' yearsWithData, part-year rows don't count: these are the years a series can have a point in.
 */
export function yearsOf(t: TidyTable, indicator: string): number[] {
  const ys = new Set<number>();
  for (const i of rowsWith(t.indicator, t.size, indicator)) {
    if (at(t.period, i) === '' && at(t.zone, i) !== NATIONAL_ZONE_ID) ys.add(t.year[i]);
  }
  return [...ys].sort((a, b) => a - b);
}

/**
 * Every year from the first to the last of `years`. Align series to this, not to yearsOf, when a year no zone
 * reported must still show as a gap (and so YoY never silently spans two years).
 */
export function spanYears(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}

/** The lead value of each cell, null for a gap, a band or a placeholder: the input of growth.ts. */
export const seriesValues = (cells: readonly (Cell | null)[]): (number | null)[] => cells.map((c) => c?.value ?? null);
