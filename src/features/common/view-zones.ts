import type { TidyTable } from '../../data/table';
import { at, rowsWith } from '../../data/table';
import { NATIONAL_ZONE_ID } from '../../domain/types';

/**
 * The zones a multi-zone view shows: the chosen ones, or — when none are chosen — the `n` zones with the
 * most values of the indicator in the years shown, best latest value first (so a first visit shows
 * something real, and the view says that it chose).
 */
export function zonesForView(t: TidyTable, indicator: string, better: 'higher' | 'lower', years: [number, number], chosen: readonly string[], n = 8): { zones: string[]; defaulted: boolean } {
  if (chosen.length) return { zones: [...chosen], defaulted: false };
  const stats = new Map<string, { count: number; year: number; value: number }>();
  for (const i of rowsWith(t.indicator, t.size, indicator)) {
    if (at(t.zone, i) === NATIONAL_ZONE_ID || at(t.period, i) !== '') continue;
    const y = t.year[i];
    if (y < years[0] || y > years[1]) continue;
    const s = stats.get(at(t.zone, i)) ?? { count: 0, year: -1, value: NaN };
    s.count++;
    const v = Number.isNaN(t.value[i]) && at(t.band, i) ? at(t.band, i)!.upTo : t.value[i];
    if (y > s.year) Object.assign(s, { year: y, value: v });
    stats.set(at(t.zone, i), s);
  }
  const sign = better === 'higher' ? -1 : 1;
  const zones = [...stats.entries()]
    .sort((a, b) => b[1].count - a[1].count || sign * ((a[1].value || 0) - (b[1].value || 0)) || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([z]) => z);
  return { zones, defaulted: true };
}
