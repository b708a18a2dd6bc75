// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MIN_PEERS, percentileAmong, percentilesByYear, standingOf } from '../../src/model/percentile';
import { fullYearCells } from '../../src/model/series';
import { panel } from './fixtures-analytics';

describe('percentileAmong (share of the other zones this value beats, ties half)', () => {
  it.each([
    { values: [10, 20, 30], value: 30, better: 'higher' as const, pct: 100 },
    { values: [10, 20, 30], value: 20, better: 'higher' as const, pct: 50 },
    { values: [10, 20, 30], value: 10, better: 'higher' as const, pct: 0 },
    { values: [10, 20, 30], value: 10, better: 'lower' as const, pct: 100 }, // rank 10 beats ranks 20 and 30
    { values: [10, 20, 30], value: 30, better: 'lower' as const, pct: 0 },
    { values: [20, 20, 10], value: 20, better: 'higher' as const, pct: 75 }, // beats 10, ties the other 20
    { values: [7, 7, 7, 7], value: 7, better: 'higher' as const, pct: 50 }, // all level: the middle, not the top
    { values: [5, 9], value: 9, better: 'higher' as const, pct: 100 },
    { values: [5, NaN, 9], value: 9, better: 'higher' as const, pct: 100 }, // NaN is no value
    { values: [10, 20, 30], value: 25, better: 'higher' as const, pct: 200 / 3 }, // value not among them: all are others
  ])('$value among $values ($better better) → $pct', ({ values, value, better, pct }) => {
    expect(percentileAmong(values, value, better)).toBeCloseTo(pct, 10);
  });

  it.each([
    { values: [], value: 3 },
    { values: [3], value: 3 },
    { values: [3, NaN], value: 3 },
    { values: [1, 2, 3], value: NaN },
  ])('is null with no one to compare: $value among $values', ({ values, value }) => {
    expect(percentileAmong(values, value, 'higher')).toBeNull();
  });
});

describe('percentilesByYear', () => {
  const t = panel();
  const gdp = fullYearCells(t, 'gdp', { unit: '亿元' });
  const rank = fullYearCells(t, 'rank_overall');
  const YEARS = [2018, 2019, 2020, 2021];

  it.each([
    // 2021 GDP: wh 2000, zz 1331 (lead of a conflict), ly 660, xx 660; national left out
    { zone: 'zz', pct: [100, null, 100, 200 / 3] }, // 2019: zz alone → no one to compare
    { zone: 'ly', pct: [0, null, 0, 100 / 6] }, // 2019 is a gap, kept as null
    { zone: 'xx', pct: [null, null, null, 100 / 6] },
    { zone: 'wh', pct: [null, null, null, 100] },
  ])('GDP, $zone → $pct', ({ zone, pct }) => {
    const got = percentilesByYear(gdp, zone, YEARS, 'higher');
    got.forEach((v, i) => (pct[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(pct[i]!, 10)));
  });

  it.each([
    { zone: 'zz', pct: 100 }, // 17 beats 20, 37, 66; the top-10 band is not a number and not counted
    { zone: 'xa', pct: 200 / 3 },
    { zone: 'xx', pct: 0 },
    { zone: 'wh', pct: null }, // a band: where inside it the zone stands is unknown
  ])('official rank 2021 (lower is better), $zone → $pct', ({ zone, pct }) => {
    const [got] = percentilesByYear(rank, zone, [2021], 'lower');
    if (pct === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(pct, 10);
  });

  it('gives an empty list for no years and nulls for an unknown zone', () => {
    expect(percentilesByYear(gdp, 'zz', [], 'higher')).toEqual([]);
    expect(percentilesByYear(gdp, 'nope', [2021], 'higher')).toEqual([null]);
  });
});

describe('standingOf: what can honestly be said of where a zone stands', () => {
  it('an official place out of the evaluation\'s ranked count: 17th of 169 is ahead of 152', () => {
    expect(standingOf({ isRank: true, value: 17, universe: { count: 169, evaluated: true }, percentile: 67, n: 13 })).toEqual({ kind: 'official', rank: 17, ahead: 152, of: 169 });
  });
  it('a place in a year whose count no source states: the registry count, said as such', () => {
    expect(standingOf({ isRank: true, value: 15, universe: { count: 176, evaluated: false }, percentile: null, n: 3 })).toEqual({ kind: 'registry', rank: 15, of: 176 });
  });
  it('a place in another ranking (no known total): the place alone; a band: nothing', () => {
    expect(standingOf({ isRank: true, value: 42, universe: null, percentile: 10, n: 30 })).toEqual({ kind: 'place', rank: 42 });
    expect(standingOf({ isRank: true, value: null, universe: { count: 178, evaluated: true }, percentile: null, n: 30 })).toBeNull();
  });
  it('a value: its percentile among the zones with data, only from MIN_PEERS zones on', () => {
    expect(standingOf({ isRank: false, value: 3.2, universe: null, percentile: 80, n: MIN_PEERS })).toEqual({ kind: 'among', percentile: 80, n: MIN_PEERS });
    expect(standingOf({ isRank: false, value: 3.2, universe: null, percentile: 100, n: 2 })).toBeNull();
  });
});
