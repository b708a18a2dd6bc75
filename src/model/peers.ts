import { NATIONAL_ZONE_ID, type Indicator, type Zone } from '../domain/types';
import type { TidyTable } from '../data/table';
import { competitionRanks } from './rank';
import { rankSortKey } from './rankings';
import { fullYearCells } from './series';

/**
 * Peer presets of the zone picker (docs/architecture.md §4.4): same province, same region, rank neighbours (±5), top 20.
 * Each returns zone ids, the zone itself included, so a preset can replace the selection and keep 本区 in it.
 */

/** Zones in the same province, in registry order. Empty when the zone is unknown or has no province. */
export function sameProvince(zones: readonly Zone[], zoneId: string): string[] {
  return sameField(zones, zoneId, 'province');
}

/** Zones in the same region (东部/中部/西部/东北), in registry order. */
export function sameRegion(zones: readonly Zone[], zoneId: string): string[] {
  return sameField(zones, zoneId, 'region');
}

function sameField(zones: readonly Zone[], zoneId: string, field: 'province' | 'region'): string[] {
  const home = zones.find((z) => z.id === zoneId);
  // An empty province is "unknown", not a province: it must not group every unplaced zone together.
  if (!home || !home[field]) return [];
  return zones.filter((z) => z.id !== NATIONAL_ZONE_ID && z[field] === home[field]).map((z) => z.id);
}

export interface RankedZone {
  zone: string;
  /** official rank (a band sits at its bound + 0.5) for kind 'rank'; else the 1-2-2-4 rank of the value */
  key: number;
}

/**
 * Zones ordered best first for one indicator and year: full-year values in the indicator's unit, as the
 * Rankings view ranks them; a conflicting cell counts with its lead value. Zones with no rank are left out.
 */
export function rankedZones(t: TidyTable, indicator: Indicator, year: number): RankedZone[] {
  const cells = [...fullYearCells(t, indicator.id, { unit: indicator.unit }).values()]
    .map((byYear) => byYear.get(year))
    .filter((c) => c !== undefined);
  let keys: number[];
  if (indicator.kind === 'rank') keys = cells.map(rankSortKey);
  else keys = competitionRanks(cells.map((c) => c.value ?? NaN), indicator.better).map((r) => r ?? Infinity);
  return cells
    .map((c, k) => ({ zone: c.zone, key: keys[k] }))
    .filter((r) => Number.isFinite(r.key))
    .sort((a, b) => a.key - b.key || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
}

/**
 * Zones ranked within ±k places of the zone, the zone included, best first. Empty when the zone has no rank
 * that year. A band counts at its bound + 0.5 (top10 → 10.5): a neighbour of 15th, not of 17th with k = 5 —
 * where inside the band the zone stands is unknown, so this is the nearest honest reading.
 */
export function rankNeighbours(t: TidyTable, indicator: Indicator, year: number, zoneId: string, k = 5): string[] {
  const ranked = rankedZones(t, indicator, year);
  const home = ranked.find((r) => r.zone === zoneId);
  if (!home) return [];
  return ranked.filter((r) => Math.abs(r.key - home.key) <= k).map((r) => r.zone);
}

/**
 * The best n zones, best first. Exactly n (or fewer when fewer have a rank): zones tied at the cut-off are
 * taken by id, so "top 20" always plots at most 20 lines.
 */
export function topN(t: TidyTable, indicator: Indicator, year: number, n = 20): string[] {
  return rankedZones(t, indicator, year).slice(0, Math.max(0, n)).map((r) => r.zone);
}
