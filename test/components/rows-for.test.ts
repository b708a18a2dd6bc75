import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { at } from '../../src/data/table';
import { rowsFor } from '../../src/features/export/observation-spec';
import { obs, tableOf } from '../model/fixtures';

/** The definition: every row of the table, in order, that one of the indicators holds for the zones and years. */
function scan(table: ReturnType<typeof tableOf>, inds: string[], zones: Set<string> | null, years: number[]) {
  const out: number[] = [];
  for (let i = 0; i < table.size; i++) {
    if (inds.includes(at(table.indicator, i)) && years.includes(table.year[i]) && at(table.period, i) === '' && (!zones || zones.has(at(table.zone, i)))) out.push(i);
  }
  return out;
}

describe('rowsFor (the rows behind a chart, read through the indicator index)', () => {
  it('gives the rows a full scan gives, in table order, for any mix of indicators, zones, years and periods', () => {
    const row = fc.record({
      zone: fc.constantFrom('zhengzhou', 'luoyang', 'xinxiang'),
      year: fc.integer({ min: 2018, max: 2022 }),
      ind: fc.constantFrom('gdp', 'revenue', 'rd_ratio'),
      period: fc.constantFrom('', '', 'Q1'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.subarray(['gdp', 'revenue', 'rd_ratio', 'gdp']), fc.option(fc.subarray(['zhengzhou', 'luoyang'])), fc.subarray([2019, 2020, 2022]), (rows, inds, zones, years) => {
        const table = tableOf(rows.map((r, k) => obs(r.zone, r.year, r.ind, k, { period: r.period })));
        const z = zones ? new Set(zones) : null;
        expect(rowsFor(table, inds, z, years)).toEqual(scan(table, inds, z, years));
      }),
      { numRuns: 300 },
    );
  });
});
