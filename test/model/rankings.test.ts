// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NATIONAL_ZONE_ID } from '../../src/domain/types';
import { findConflicts } from '../../src/model/cells';
import { buildRankings, indicatorsWithData } from '../../src/model/rankings';
import { at } from '../../src/data/table';
import { importFile } from '../../src/data/import-file';
import { bundledContext, readBytes } from '../data/bundled';
import { IND_GDP, IND_RANK, obs, tableOf, zone } from './fixtures';

const ZONES = [zone('zz', '郑州'), zone('ly', '洛阳'), zone('xx', '新乡'), zone('ay', '安阳'), zone('xc', '许昌', 2022)];

describe('buildRankings', () => {
  const table = tableOf([
    obs('zz', 2020, 'rank_overall', 17),
    obs('zz', 2020, 'rank_overall', 17, { source: 'another bulletin' }),
    obs('zz', 2019, 'rank_overall', 20, { basis: 'derived' }),
    obs('zz', 2019, 'rank_overall', 17, { source: 'conflicting' }),
    obs('ly', 2020, 'rank_overall', 37),
    obs('xx', 2020, 'rank_overall', 66),
    obs('xx', 2019, 'rank_overall', 76),
    obs('ay', 2020, 'rank_overall', null, { band: { label: 'top10', upTo: 10 }, raw: 'top10' }),
    obs(NATIONAL_ZONE_ID, 2020, 'rank_overall', 1),
  ]);
  const r = buildRankings(table, IND_RANK, 2020, ZONES.filter((z) => z.approvalYear! <= 2020));

  it('orders official ranks with a band just after its bound, and never ranks the national pseudo-zone', () => {
    expect(r.entries.map((e) => [e.zone, e.value ?? e.band?.label])).toEqual([['ay', 'top10'], ['zz', 17], ['ly', 37], ['xx', 66]]);
  });

  it('counts zones in scope without data (and leaves out zones not yet approved)', () => {
    expect(r.scopeSize).toBe(4);
    expect(r.missing).toEqual([]);
    const r2 = buildRankings(table, IND_RANK, 2020, ZONES);
    expect(r2.missing.map((z) => z.id)).toEqual(['xc']);
  });

  it('agreeing sources corroborate, they do not conflict', () => {
    const zz = r.entries.find((e) => e.zone === 'zz')!;
    expect(zz.cell.rows).toHaveLength(2);
    expect(zz.cell.conflict).toBe(false);
  });

  it('gives places gained since last year, but none from a year whose sources disagree', () => {
    expect(r.entries.find((e) => e.zone === 'xx')!.change).toBe(10);
    expect(r.entries.find((e) => e.zone === 'zz')!.change).toBeNull();
  });

  it('finds the conflicting Zhengzhou 2019 ranks as one conflict with both sources', () => {
    const c = findConflicts(table);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ zone: 'zz', year: 2019, conflict: true });
    expect(c[0].rows.map((i) => table.value[i]).sort()).toEqual([17, 20]);
    // the reported figure leads; the derived one is still there
    expect(table.value[c[0].lead]).toBe(17);
  });

  it('ranks value indicators direction-aware with shared ranks (1-2-2-4) and lists part-year values apart', () => {
    const t = tableOf([
      obs('zz', 2022, 'gdp', 500), obs('ly', 2022, 'gdp', 300), obs('xx', 2022, 'gdp', 300), obs('ay', 2022, 'gdp', 100),
      obs('zz', 2022, 'gdp', 400, { period: 'Q1-Q3' }),
    ]);
    const g = buildRankings(t, IND_GDP, 2022, ZONES);
    expect(g.entries.map((e) => [e.zone, e.rankAmongLoaded])).toEqual([['zz', 1], ['ly', 2], ['xx', 2], ['ay', 4]]);
    expect(g.excluded).toEqual([{ zone: 'zz', row: 4, reason: 'period' }]);
  });
});

describe('indicatorsWithData', () => {
  it('counts zone values per indicator, national rows left out, in order of first appearance', () => {
    const table = tableOf([
      obs(NATIONAL_ZONE_ID, 2020, 'gdp', 1),
      obs('zz', 2020, 'rank_overall', 17),
      obs('ly', 2020, 'gdp', 300),
      obs('zz', 2021, 'rank_overall', 16),
      obs(NATIONAL_ZONE_ID, 2020, 'patent_grants', 5),
    ]);
    expect([...indicatorsWithData(table)]).toEqual([['rank_overall', 2], ['gdp', 1]]);
  });

  it('agrees with a count by strings on the bundled reported and demo data', () => {
    const ctx = bundledContext();
    for (const path of ['data/reported/rankings.csv', 'data/reported/zone_indicators.csv', 'data/reported/national.csv', 'data/demo/panel.csv']) {
      const t = importFile(path, readBytes(path), ctx).table;
      const byString = new Map<string, number>();
      for (let i = 0; i < t.size; i++) if (at(t.zone, i) !== NATIONAL_ZONE_ID) byString.set(at(t.indicator, i), (byString.get(at(t.indicator, i)) ?? 0) + 1);
      expect([...indicatorsWithData(t)]).toEqual([...byString]);
    }
  });
});
