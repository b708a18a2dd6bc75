import type { Indicator, Zone } from '../domain/types';
import { median } from './correlation';
import type { CellsByZone } from './series';

export type ProvinceAggregate = 'zones' | 'count' | 'median' | 'best';

export interface ProvinceValue {
  province: string;
  /** zones of the province in the registry */
  zones: number;
  /** zones with a number this year */
  withData: number;
  value: number | null;
}

/**
 * One number per province for the Geography view: how many zones it has (the registry, whatever the
 * data), how many have data, their median, or the best
 * value (lowest rank, highest amount — direction-aware). Bands count as having data but give no number.
 */
export function aggregateByProvince(cells: CellsByZone, zones: readonly Zone[], year: number, ind: Indicator, agg: ProvinceAggregate): ProvinceValue[] {
  const byProvince = new Map<string, { zones: number; values: number[]; withData: number }>();
  for (const z of zones) {
    const p = byProvince.get(z.province) ?? { zones: 0, values: [], withData: 0 };
    p.zones++;
    const cell = cells.get(z.id)?.get(year);
    if (cell && (cell.value !== null || cell.band)) p.withData++;
    if (cell?.value != null) p.values.push(cell.value);
    byProvince.set(z.province, p);
  }
  return [...byProvince.entries()].map(([province, p]) => {
    let value: number | null;
    if (agg === 'zones') value = p.zones;
    else if (agg === 'count') value = p.withData;
    else if (agg === 'median') value = median(p.values);
    else value = p.values.length ? (ind.better === 'lower' ? Math.min(...p.values) : Math.max(...p.values)) : null;
    return { province, zones: p.zones, withData: p.withData, value };
  });
}
