// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/data/catalogue';
import { resolveView } from '../../src/store/resolve';
import { DEFAULT_URL_STATE } from '../../src/store/url';
import { IND_GDP, IND_RANK, obs, tableOf } from '../model/fixtures';

const catalogue = buildCatalogue([IND_RANK, IND_GDP]);
const zones = Array.from({ length: 12 }, (_, i) => `z${i}`);

describe('resolveView: the default year', () => {
  it('is the latest year with at least 10 values of the chosen indicator; other indicators do not count', () => {
    const table = tableOf([
      // gdp: 12 zones in 2020, 3 in 2021
      ...zones.map((z) => obs(z, 2020, 'gdp', 100)),
      ...zones.slice(0, 3).map((z) => obs(z, 2021, 'gdp', 110)),
      // rank_overall fills 2021 for every zone: it must not make 2021 the default for gdp
      ...zones.map((z, i) => obs(z, 2021, 'rank_overall', i + 1)),
    ]);
    const view = (ind: string) => resolveView({ ...DEFAULT_URL_STATE, zones: [], ind }, null, ['reported'], table, catalogue, null);
    expect(view('gdp').years).toEqual([2020, 2021]);
    expect(view('gdp').year).toBe(2020);
    expect(view('rank_overall').year).toBe(2021);
  });

  it('falls back to the latest year when no year has 10 values', () => {
    const table = tableOf([obs('z0', 2019, 'gdp', 1), obs('z1', 2022, 'gdp', 2)]);
    expect(resolveView({ ...DEFAULT_URL_STATE, zones: [], ind: 'gdp' }, null, ['reported'], table, catalogue, null).year).toBe(2022);
  });
});

describe('resolveView: a year that lands on data', () => {
  const table = tableOf([
    ...zones.map((z, i) => obs(z, 2024, 'rank_overall', i + 1)),
    obs('z0', 2019, 'rank_overall', 20), obs('z1', 2019, 'rank_overall', 30),
    obs('z0', 2020, 'rank_overall', 17), obs('z1', 2020, 'rank_overall', 37),
  ]);
  const resolve = (zonesChosen: string[], year: number | null) => resolveView({ ...DEFAULT_URL_STATE, zones: zonesChosen, ind: 'rank_overall', year }, null, ['reported'], table, catalogue, null);

  it('moves a year without data for the chosen zones to the latest year that has some, and says which years have data', () => {
    // like Henan's zones added while the year stands at 2024, where none of them is named
    const noneIn2024 = tableOf([obs('z0', 2019, 'rank_overall', 20), obs('z0', 2020, 'rank_overall', 17), obs('z5', 2024, 'rank_overall', 3)]);
    const v = resolveView({ ...DEFAULT_URL_STATE, zones: ['z0'], ind: 'rank_overall', year: 2024 }, null, ['reported'], noneIn2024, catalogue, null);
    expect([v.year, v.yearMoved]).toEqual([2020, { asked: 2024, shown: 2020, years: [2019, 2020] }]);
  });

  it('keeps a year that has data for the selection, and the year of no selection', () => {
    expect(resolve(['z0', 'z1'], 2019).yearMoved).toBeNull();
    expect(resolve(['z0', 'z1'], 2024)).toMatchObject({ year: 2024, yearMoved: null });
    expect(resolve([], 2019)).toMatchObject({ year: 2019, yearMoved: null });
  });
});
