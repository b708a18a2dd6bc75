import { NATIONAL_ZONE_ID, type Indicator, type RankBand, type Zone } from '../domain/types';
import { at, codeAt, codeOf, rowsWith } from '../data/table';
import type { TidyTable } from '../data/table';
import { buildCells, type Cell } from './cells';
import { competitionRanks } from './rank';

export interface RankingEntry {
  zone: string;
  cell: Cell;
  value: number | null;
  band: RankBand | null;
  /** rank among the zones loaded with a number for this indicator and year (direction-aware, 1-2-2-4) */
  rankAmongLoaded: number | null;
  /** the same cell a year earlier, when there is one */
  previous: Cell | null;
  /** for rank indicators: places gained since last year (positive = 进位); else the change in value */
  change: number | null;
}

export interface Rankings {
  indicator: Indicator;
  year: number;
  entries: RankingEntry[];
  /** zones in scope with no value this year: counted and listed, never hidden */
  missing: Zone[];
  /** values excluded from the ranking, and why (a part-year period, a different unit) */
  excluded: { zone: string; row: number; reason: 'period' | 'unit' }[];
  /** zones the ranking is over */
  scopeSize: number;
}

/** Sort key for an official rank: a band sits just after its bound (top10 after 10th, before 11th). */
export const rankSortKey = (e: { value: number | null; band: RankBand | null }) =>
  e.value ?? (e.band ? e.band.upTo + 0.5 : Infinity);

/**
 * One indicator, one year, every zone in scope: the data of the Rankings view.
 * Full-year values in the indicator's unit are ranked; part-year and other-unit values are listed as excluded.
 */
export function buildRankings(t: TidyTable, indicator: Indicator, year: number, scope: readonly Zone[]): Rankings {
  const inScope = new Set(scope.map((z) => z.id));
  const rows: number[] = [];
  const prevRows: number[] = [];
  const excluded: Rankings['excluded'] = [];
  for (const i of rowsWith(t.indicator, t.size, indicator.id)) {
    if (at(t.zone, i) === NATIONAL_ZONE_ID || !inScope.has(at(t.zone, i))) continue;
    const y = t.year[i];
    if (y !== year && y !== year - 1) continue;
    const unitOk = !indicator.unit || !at(t.unit, i) || at(t.unit, i) === indicator.unit;
    if (at(t.period, i) !== '' || !unitOk) {
      if (y === year) excluded.push({ zone: at(t.zone, i), row: i, reason: at(t.period, i) !== '' ? 'period' : 'unit' });
      continue;
    }
    (y === year ? rows : prevRows).push(i);
  }
  const cells = [...buildCells(t, rows).values()];
  const prev = new Map([...buildCells(t, prevRows).values()].map((c) => [c.zone, c]));
  const ranks = competitionRanks(cells.map((c) => c.value ?? NaN), indicator.better);
  const entries: RankingEntry[] = cells.map((cell, k) => {
    const previous = prev.get(cell.zone) ?? null;
    let change: number | null = null;
    // A change from a year whose sources disagree would pick one of them silently: none is given.
    if (previous?.value != null && cell.value != null && !previous.conflict) {
      change = indicator.kind === 'rank' ? previous.value - cell.value : cell.value - previous.value;
    }
    return { zone: cell.zone, cell, value: cell.value, band: cell.band, rankAmongLoaded: ranks[k], previous, change };
  });
  entries.sort((a, b) => {
    if (indicator.kind === 'rank') return rankSortKey(a) - rankSortKey(b) || a.zone.localeCompare(b.zone);
    const av = a.value ?? NaN;
    const bv = b.value ?? NaN;
    if (Number.isNaN(av) || Number.isNaN(bv)) return Number.isNaN(av) ? (Number.isNaN(bv) ? 0 : 1) : -1;
    return (indicator.better === 'higher' ? bv - av : av - bv) || a.zone.localeCompare(b.zone);
  });
  const have = new Set(entries.map((e) => e.zone));
  const missing = scope.filter((z) => !have.has(z.id));
  return { indicator, year, entries, missing, excluded, scopeSize: scope.length };
}

/** Years for which an indicator has any zone value, ascending. */
export function yearsWithData(t: TidyTable, indicator: string): number[] {
  const ys = new Set<number>();
  for (const i of rowsWith(t.indicator, t.size, indicator)) if (at(t.zone, i) !== NATIONAL_ZONE_ID) ys.add(t.year[i]);
  return [...ys].sort((a, b) => a - b);
}

/** Indicators with at least one zone value, by number of values (most first). */
export function indicatorsWithData(t: TidyTable): Map<string, number> {
  // counted by dictionary code, not by string: every view calls this on every render of its controls
  const national = codeOf(t.zone, NATIONAL_ZONE_ID);
  const perCode = new Int32Array(t.indicator.dict.length);
  const firstSeen: number[] = [];
  for (let i = 0; i < t.size; i++) {
    if (codeAt(t.zone, i) === national) continue;
    const k = codeAt(t.indicator, i);
    if (perCode[k]++ === 0) firstSeen.push(k);
  }
  return new Map(firstSeen.map((k) => [t.indicator.dict[k], perCode[k]]));
}

/** Zones with any row of an indicator in a year (bands and placeholders count: they are values too). */
export function zonesWithValue(t: TidyTable, indicator: string, year: number): Set<string> {
  const out = new Set<string>();
  for (const i of rowsWith(t.indicator, t.size, indicator)) if (t.year[i] === year && at(t.zone, i) !== NATIONAL_ZONE_ID) out.add(at(t.zone, i));
  return out;
}

/**
 * For a year whose official ranking is partly bands (2024: "top50"), what is known of the widest band: how many
 * zones are placed within it, and how many of those have an exact place. Null when the year has no band.
 */
export function bandCoverage(r: Rankings): { upTo: number; known: number; exact: number } | null {
  if (r.indicator.kind !== 'rank') return null;
  const upTo = Math.max(0, ...r.entries.map((e) => e.band?.upTo ?? 0));
  if (!upTo) return null;
  const inside = r.entries.filter((e) => (e.value !== null ? e.value <= upTo : (e.band?.upTo ?? Infinity) <= upTo));
  return { upTo, known: inside.length, exact: inside.filter((e) => e.value !== null).length };
}
