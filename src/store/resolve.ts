import type { Catalogue } from '../data/catalogue';
import { at, rowsWith } from '../data/table';
import type { Manifest } from '../data/manifest';
import type { ZoneRegistry } from '../data/registry';
import type { TidyTable } from '../data/table';
import type { Indicator } from '../domain/types';
import { indicatorsWithData, yearsWithData } from '../model/rankings';
import { combinedBase, type UrlState } from './url';

export interface ResolvedView {
  ds: string;
  indicator: Indicator | null;
  year: number | null;
  years: number[];
  /** the from–to range the URL asks for (`years=2016..2023`), not yet clipped to the data */
  yearsRange: [number, number] | null;
  zones: string[];
  focus: string | null;
  /** what the URL asked for that does not exist here, replaced by a default */
  notices: string[];
  /**
   * The year asked for has no value of the indicator for the chosen zones, so the latest year that has one is
   * shown instead (the view says so); `years`: the years with data for the selection.
   */
  yearMoved: { asked: number; shown: number; years: number[] } | null;
}

export const DEFAULT_INDICATOR = 'rank_overall';

/**
 * Fills the URL's blanks with sensible defaults and checks its ids against what is loaded.
 * The default year is the latest with at least 10 zone values (or the latest at all): the newest
 * picture that is not a single dot.
 */
export function resolveView(f: UrlState, manifest: Manifest | null, datasetIds: string[], table: TidyTable | null, catalogue: Catalogue | null, registry: ZoneRegistry | null): ResolvedView {
  const notices: string[] = [];
  let ds = f.ds ?? manifest?.default ?? 'reported';
  if (f.ds && !datasetIds.includes(f.ds)) {
    // demo data is never viewed together with anything (docs/architecture.md §4.5): refused, and said so
    const base = combinedBase(f.ds);
    const demo = base !== null && manifest?.datasets.some((d) => d.id === base && d.kind === 'demo');
    notices.push(demo ? `ds=${f.ds}（演示数据不与其他数据合并 demo data is never combined with other data）` : `ds=${f.ds}`);
    ds = manifest?.default ?? 'reported';
  }
  let indicator: Indicator | null = null;
  if (catalogue) {
    indicator = (f.ind && catalogue.byId.get(f.ind)) || null;
    if (f.ind && !indicator) notices.push(`ind=${f.ind}`);
    if (!indicator) {
      const counts = table ? indicatorsWithData(table) : new Map<string, number>();
      indicator = catalogue.byId.get(DEFAULT_INDICATOR) && (counts.get(DEFAULT_INDICATOR) || !table)
        ? catalogue.byId.get(DEFAULT_INDICATOR)!
        : catalogue.byId.get([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '') ?? catalogue.indicators[0] ?? null;
    }
  }
  const years = table && indicator ? yearsWithData(table, indicator.id) : [];
  let year = f.year;
  if (year === null && years.length) {
    const counts = new Map<number, number>();
    // only this indicator's rows (the table's index), not a string comparison on every row of the table
    for (const i of table ? rowsWith(table.indicator, table.size, indicator!.id) : []) counts.set(table!.year[i], (counts.get(table!.year[i]) ?? 0) + 1);
    year = [...years].reverse().find((y) => (counts.get(y) ?? 0) >= 10) ?? years[years.length - 1];
  }
  const zones = registry ? f.zones.filter((z) => registry.byId.has(z)) : f.zones;
  if (zones.length !== f.zones.length) notices.push(`zones: ${f.zones.filter((z) => !zones.includes(z)).join('~')}`);
  // a year with nothing for the chosen zones lands on the latest year that has something, and says so
  let yearMoved: ResolvedView['yearMoved'] = null;
  if (year !== null && zones.length && table && indicator) {
    const chosen = new Set(zones);
    const have = new Set<number>();
    for (const i of rowsWith(table.indicator, table.size, indicator.id)) if (chosen.has(at(table.zone, i))) have.add(table.year[i]);
    if (have.size && !have.has(year)) {
      const withData = [...have].sort((a, b) => a - b);
      yearMoved = { asked: year, shown: withData[withData.length - 1], years: withData };
      year = yearMoved.shown;
    }
  }
  let focus = f.focus;
  if (focus && registry && !registry.byId.has(focus)) {
    notices.push(`focus=${focus}`);
    focus = null;
  }
  return { ds, indicator, year, years, yearsRange: f.years, zones, focus, notices, yearMoved };
}
