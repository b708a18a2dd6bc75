// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyTable } from '../../src/data/table';
import { NATIONAL_ZONE_ID } from '../../src/domain/types';
import { NATIONAL_ZONE } from '../../src/data/registry';
import { rankNeighbours, rankedZones, sameProvince, sameRegion, topN } from '../../src/model/peers';
import { IND_GDP, IND_RANK, obs, tableOf } from './fixtures';
import { PANEL_ZONES, panel } from './fixtures-analytics';

const ZONES = [...PANEL_ZONES, NATIONAL_ZONE];

describe('sameProvince / sameRegion', () => {
  it.each([
    { fn: sameProvince, zone: 'ly', ids: ['zz', 'ly', 'xx'] }, // the zone itself included, registry order
    { fn: sameProvince, zone: 'wh', ids: ['wh'] },
    { fn: sameProvince, zone: 'nowhere', ids: [] }, // no province is not a province
    { fn: sameProvince, zone: NATIONAL_ZONE_ID, ids: [] },
    { fn: sameProvince, zone: 'unknown', ids: [] },
    { fn: sameRegion, zone: 'zz', ids: ['zz', 'ly', 'xx', 'wh'] },
    { fn: sameRegion, zone: 'xa', ids: ['xa'] },
    { fn: sameRegion, zone: 'nowhere', ids: [] },
  ])('$fn.name($zone) → $ids', ({ fn, zone, ids }) => {
    expect(fn(ZONES, zone)).toEqual(ids);
  });
});

describe('rankedZones', () => {
  it('orders official ranks with a band at its bound + 0.5, national left out', () => {
    expect(rankedZones(panel(), IND_RANK, 2021)).toEqual([
      { zone: 'wh', key: 10.5 }, { zone: 'zz', key: 17 }, { zone: 'xa', key: 20 }, { zone: 'ly', key: 37 }, { zone: 'xx', key: 66 },
    ]);
  });

  it('ranks values 1-2-2-4, in the indicator unit, with the lead value of a conflict', () => {
    expect(rankedZones(panel(), IND_GDP, 2021)).toEqual([
      { zone: 'wh', key: 1 }, { zone: 'zz', key: 2 }, { zone: 'ly', key: 3 }, { zone: 'xx', key: 3 },
    ]);
  });

  it('ranks lower-is-better values ascending', () => {
    const t = tableOf([obs('a', 2020, 'cost', 3), obs('b', 2020, 'cost', 1), obs('c', 2020, 'cost', 2)]);
    const cost = { ...IND_GDP, id: 'cost', unit: '位', better: 'lower' as const };
    expect(rankedZones(t, cost, 2020).map((r) => r.zone)).toEqual(['b', 'c', 'a']);
  });
});

describe('rankNeighbours', () => {
  it.each([
    { ind: IND_RANK, zone: 'zz', k: 5, ids: ['zz', 'xa'] }, // 12..22: the top-10 band (10.5) is not within
    { ind: IND_RANK, zone: 'xa', k: 10, ids: ['wh', 'zz', 'xa'] }, // 10..30: the band (10.5) is
    { ind: IND_RANK, zone: 'wh', k: 7, ids: ['wh', 'zz'] },
    { ind: IND_RANK, zone: 'xx', k: 5, ids: ['xx'] }, // alone in its neighbourhood: still itself
    { ind: IND_RANK, zone: 'zz', k: 100, ids: ['wh', 'zz', 'xa', 'ly', 'xx'] },
    { ind: IND_RANK, zone: 'zz', k: 0, ids: ['zz'] },
    { ind: IND_GDP, zone: 'ly', k: 1, ids: ['zz', 'ly', 'xx'] }, // ly and xx tie at 3
    { ind: IND_GDP, zone: 'wh', k: 1, ids: ['wh', 'zz'] },
  ])('$ind.id, $zone ±$k → $ids', ({ ind, zone, k, ids }) => {
    expect(rankNeighbours(panel(), ind, 2021, zone, k)).toEqual(ids);
  });

  it.each([
    { name: 'a zone without a rank that year', t: panel(), zone: 'xa', year: 2020 },
    { name: 'a zone with no data', t: panel(), zone: 'nowhere', year: 2021 },
    { name: 'the national pseudo-zone', t: panel(), zone: NATIONAL_ZONE_ID, year: 2021 },
    { name: 'an empty table', t: emptyTable(), zone: 'zz', year: 2021 },
  ])('is empty for $name', ({ t, zone, year }) => {
    expect(rankNeighbours(t, IND_RANK, year, zone)).toEqual([]);
  });

  it('uses ±5 by default', () => {
    const t = tableOf(Array.from({ length: 20 }, (_, k) => obs(`z${String(k + 1).padStart(2, '0')}`, 2020, 'rank_overall', k + 1)));
    expect(rankNeighbours(t, IND_RANK, 2020, 'z10')).toEqual(['z05', 'z06', 'z07', 'z08', 'z09', 'z10', 'z11', 'z12', 'z13', 'z14', 'z15']);
  });
});

describe('topN', () => {
  it.each([
    { ind: IND_RANK, n: 2, ids: ['wh', 'zz'] }, // the band sorts before 17th
    { ind: IND_RANK, n: 20, ids: ['wh', 'zz', 'xa', 'ly', 'xx'] }, // fewer ranked than n
    { ind: IND_GDP, n: 3, ids: ['wh', 'zz', 'ly'] }, // ly and xx tie for 3rd: exactly n, the tie taken by id
    { ind: IND_GDP, n: 0, ids: [] },
  ])('$ind.id top $n → $ids', ({ ind, n, ids }) => {
    expect(topN(panel(), ind, 2021, n)).toEqual(ids);
  });

  it('takes 20 by default and is empty for an empty table', () => {
    const t = tableOf(Array.from({ length: 25 }, (_, k) => obs(`z${k}`, 2020, 'gdp', k)));
    expect(topN(t, IND_GDP, 2020)).toHaveLength(20);
    expect(topN(t, IND_GDP, 2020)[0]).toBe('z24');
    expect(topN(emptyTable(), IND_GDP, 2020)).toEqual([]);
  });
});
