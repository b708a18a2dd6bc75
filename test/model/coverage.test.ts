// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyTable } from '../../src/data/table';
import { NATIONAL_ZONE_ID } from '../../src/domain/types';
import { coverage, coverageShare } from '../../src/model/coverage';
import { obs, tableOf } from './fixtures';
import { panel } from './fixtures-analytics';

describe('coverage', () => {
  const t = panel();

  it('counts gdp observations per zone × year (every row: conflicts, part-year rows and other units too)', () => {
    const c = coverage(t, 'gdp');
    expect(c.zones).toEqual(['zz', 'ly', 'wh', 'xx']); // 6, 3, 2, 1 observations
    expect(c.years).toEqual([2018, 2019, 2020, 2021]); // the national 2017 row is no zone-year
    expect(c.counts.get('zz')!.get(2021)).toBe(3);
    expect(c.counts.get('ly')!.has(2019)).toBe(false);
    expect(c.counts.has(NATIONAL_ZONE_ID)).toBe(false);
    expect(c).toMatchObject({ total: 12, cells: 9, maxPerCell: 3 });
  });

  it.each([
    { indicator: null, zones: ['zz', 'ly', 'wh', 'xx', 'xa'], total: 17, cells: 10 },
    { indicator: 'rank_overall', zones: ['ly', 'wh', 'xa', 'xx', 'zz'], total: 5, cells: 5 }, // all tie at 1: by id
    { indicator: 'nope', zones: [], total: 0, cells: 0 },
  ])('indicator $indicator → zones $zones', ({ indicator, zones, total, cells }) => {
    const c = coverage(t, indicator);
    expect(c.zones).toEqual(zones);
    expect(c.total).toBe(total);
    expect(c.cells).toBe(cells);
  });

  it.each([
    { name: 'an empty table', table: emptyTable() },
    { name: 'national rows only', table: tableOf([obs(NATIONAL_ZONE_ID, 2020, 'gdp', 1)]) },
  ])('is empty for $name', ({ table }) => {
    expect(coverage(table, null)).toEqual({ zones: [], years: [], counts: new Map(), total: 0, cells: 0, maxPerCell: 0 });
  });
});

describe('coverageShare', () => {
  const gdp = coverage(panel(), 'gdp'); // 9 covered zone-years over 4 years

  it.each([
    { scope: 4, share: 9 / 16 },
    { scope: 6, share: 9 / 24 },
    { scope: 2, share: 1 }, // scope narrower than the zones counted: capped, never above 1
    { scope: 0, share: 0 },
  ])('gdp with $scope zones in scope → $share', ({ scope, share }) => {
    expect(coverageShare(gdp, scope)).toBeCloseTo(share, 10);
  });

  it('is 0 for an empty table', () => {
    expect(coverageShare(coverage(emptyTable(), null), 10)).toBe(0);
  });
});
