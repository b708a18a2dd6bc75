// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyTable } from '../../src/data/table';
import { NATIONAL_ZONE_ID } from '../../src/domain/types';
import { findConflicts } from '../../src/model/cells';
import { conflictsFor, type ConflictFilter } from '../../src/model/conflicts';
import { obs, tableOf } from './fixtures';
import { panel } from './fixtures-analytics';

const t = tableOf([
  obs('zz', 2021, 'gdp', 1331), obs('zz', 2021, 'gdp', 1300, { basis: 'preliminary' }),
  obs('zz', 2020, 'gdp', 1210), obs('zz', 2020, 'gdp', 1210, { source: 'agrees' }), // corroboration, no conflict
  obs('zz', 2021, 'gdp', 900, { period: 'Q1-Q3' }), obs('zz', 2021, 'gdp', 950, { period: 'Q1-Q3' }), // a conflict of its own
  obs('ly', 2019, 'gdp', 500), obs('ly', 2019, 'gdp', 501),
  obs('ly', 2019, 'rank_overall', 37), obs('ly', 2019, 'rank_overall', null, { band: { label: 'top50', upTo: 50 }, raw: 'top50' }),
  obs('ay', 2018, 'rank_overall', 80), obs('ay', 2018, 'rank_overall', 81),
  obs(NATIONAL_ZONE_ID, 2021, 'gdp', 150000), obs(NATIONAL_ZONE_ID, 2021, 'gdp', 151000),
]);
const key = (c: { zone: string; indicator: string; year: number; period: string }) => `${c.zone}/${c.indicator}/${c.year}${c.period ? '/' + c.period : ''}`;

describe('conflictsFor', () => {
  it.each<{ filter: ConflictFilter; keys: string[] }>([
    { filter: {}, keys: ['ay/rank_overall/2018', 'ly/gdp/2019', 'ly/rank_overall/2019', 'national/gdp/2021', 'zz/gdp/2021', 'zz/gdp/2021/Q1-Q3'] },
    { filter: { zone: 'zz' }, keys: ['zz/gdp/2021', 'zz/gdp/2021/Q1-Q3'] },
    { filter: { indicator: 'rank_overall' }, keys: ['ay/rank_overall/2018', 'ly/rank_overall/2019'] },
    { filter: { year: 2019 }, keys: ['ly/gdp/2019', 'ly/rank_overall/2019'] }, // a rank and a band disagree
    { filter: { zone: 'ly', indicator: 'gdp', year: 2019 }, keys: ['ly/gdp/2019'] },
    { filter: { zone: 'zz', year: 2020 }, keys: [] }, // agreeing sources are no conflict
    { filter: { zone: 'nope' }, keys: [] },
  ])('$filter → $keys', ({ filter, keys }) => {
    expect(conflictsFor(t, filter).map(key)).toEqual(keys);
  });

  it('finds the same cells as findConflicts, each with every source', () => {
    const all = conflictsFor(t, {});
    expect(all.map(key).sort()).toEqual(findConflicts(t).map(key).sort());
    expect(all.find((c) => key(c) === 'zz/gdp/2021')).toMatchObject({ rows: [0, 1], value: 1331, conflict: true });
  });

  it('is empty for an empty table and for a table without conflicts', () => {
    expect(conflictsFor(emptyTable(), {})).toEqual([]);
    expect(conflictsFor(tableOf([obs('zz', 2020, 'gdp', 1), obs('zz', 2021, 'gdp', 1)]), {})).toEqual([]);
  });

  it('narrows the panel fixture to its one gdp conflict', () => {
    expect(conflictsFor(panel(), { indicator: 'gdp' }).map(key)).toEqual(['wh/gdp/2021', 'zz/gdp/2021']);
  });
});
