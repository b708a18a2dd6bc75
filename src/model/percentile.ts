import type { CellsByZone } from './series';

/**
 * Where a zone stands among all zones: "better than 80 % of the others".
 *
 * `values` holds every zone's value *including this zone's*; one copy equal to `value` is set aside as the
 * zone itself, and the result is the share (0–100) of the remaining zones it does better than.
 * A tie counts as half better, half worse (the mid-rank convention), so a zone level with every other
 * zone is at 50, never at 0 or 100, and the result does not depend on how ties happen to be ordered.
 * `better: 'lower'` is for ranks and costs: a smaller value is the better one.
 * Null when there are fewer than two values (no one to compare with) or `value` is not a number.
 */
export function percentileAmong(values: readonly number[], value: number, better: 'higher' | 'lower'): number | null {
  if (!Number.isFinite(value)) return null;
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const self = finite.indexOf(value);
  const others = self >= 0 ? finite.filter((_, i) => i !== self) : finite;
  let score = 0;
  for (const v of others) {
    if (v === value) score += 0.5;
    else if (better === 'higher' ? value > v : value < v) score += 1;
  }
  return (score / others.length) * 100;
}

/**
 * A zone's percentile per year, among every zone with a number that year (the lead value of each cell,
 * as the Rankings view shows it). Null for a year the zone has no number in.
 * Bands (official rank "top10") are not numbers: a banded zone gets null and is not among the others,
 * because where inside its band it stands is unknown.
 */
export function percentilesByYear(cellsByZone: CellsByZone, zone: string, years: readonly number[], better: 'higher' | 'lower'): (number | null)[] {
  return years.map((year) => {
    const own = cellsByZone.get(zone)?.get(year)?.value;
    if (own == null) return null;
    const values: number[] = [];
    for (const byYear of cellsByZone.values()) {
      const v = byYear.get(year)?.value;
      if (v != null) values.push(v);
    }
    return percentileAmong(values, own, better);
  });
}

/** Below this many zones with data, a percentile says more about the gaps in the data than about the zone. */
export const MIN_PEERS = 10;

/**
 * What can honestly be said of where a zone stands, for a sentence a reader may quote:
 * - an official place in an evaluation whose ranked count is known: "第 17 位，领先 152 家（共 169 家）";
 * - an official place whose evaluation's count no source states: the place and the registry's count, called so;
 * - another ranking (no known total): the place alone;
 * - a value: its percentile among the zones with data that year, with how many — only from MIN_PEERS zones on.
 * Null when nothing honest can be said (a band's exact place, too few zones with data).
 */
export type Standing =
  | { kind: 'official'; rank: number; ahead: number; of: number }
  | { kind: 'registry'; rank: number; of: number }
  | { kind: 'place'; rank: number }
  | { kind: 'among'; percentile: number; n: number };

export function standingOf(
  o: { isRank: boolean; value: number | null; universe: { count: number; evaluated: boolean } | null; percentile: number | null; n: number },
): Standing | null {
  if (o.isRank) {
    if (o.value === null || !Number.isInteger(o.value)) return null;
    if (!o.universe) return { kind: 'place', rank: o.value };
    if (!o.universe.evaluated) return { kind: 'registry', rank: o.value, of: o.universe.count };
    return { kind: 'official', rank: o.value, ahead: Math.max(0, o.universe.count - o.value), of: o.universe.count };
  }
  if (o.percentile === null || o.n < MIN_PEERS) return null;
  return { kind: 'among', percentile: o.percentile, n: o.n };
}
