// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { at } from '../../src/data/table';
import { emptyTable } from '../../src/data/table';
import { NATIONAL_ZONE_ID } from '../../src/domain/types';
import { fullYearCells, seriesValues, spanYears, yearsOf, zoneSeries } from '../../src/model/series';
import { obs, tableOf } from './fixtures';
import { panel } from './fixtures-analytics';

describe('fullYearCells', () => {
  const t = panel();
  const cells = fullYearCells(t, 'gdp');

  it('groups full-year cells by zone then year, leaving the national pseudo-zone out', () => {
    expect([...cells.keys()].sort()).toEqual(['ly', 'wh', 'xx', 'zz']);
    expect(cells.has(NATIONAL_ZONE_ID)).toBe(false);
    expect([...cells.get('zz')!.keys()]).toEqual([2018, 2019, 2020, 2021]);
  });

  it('never lets a part-year row into a series', () => {
    const zz2021 = cells.get('zz')!.get(2021)!;
    expect(zz2021.rows.every((i) => at(t.period, i) === '')).toBe(true);
  });

  it('keeps a conflict as one cell with both sources, the reported figure leading', () => {
    const c = cells.get('zz')!.get(2021)!;
    expect(c).toMatchObject({ conflict: true, value: 1331 });
    expect(c.rows).toHaveLength(2);
  });

  it.each([
    { opts: { zones: new Set(['ly', 'national']) }, zones: ['ly'] },
    { opts: { zones: new Set<string>() }, zones: [] },
    { opts: { unit: '亿元' }, zones: ['ly', 'wh', 'xx', 'zz'] },
  ])('narrows by options $opts', ({ opts, zones }) => {
    expect([...fullYearCells(t, 'gdp', opts).keys()].sort()).toEqual(zones);
  });

  it.each([
    { unit: undefined, rows: 2, conflict: true },
    { unit: '亿元', rows: 1, conflict: false },
  ])('a figure in another unit joins the cell only when no unit is asked for (unit $unit)', ({ unit, rows, conflict }) => {
    const wh = fullYearCells(t, 'gdp', { unit }).get('wh')!.get(2021)!;
    expect(wh.rows).toHaveLength(rows);
    expect(wh.conflict).toBe(conflict);
  });

  it.each([
    { name: 'an empty table', table: emptyTable(), indicator: 'gdp' },
    { name: 'an unknown indicator', table: panel(), indicator: 'nope' },
    { name: 'national rows only', table: tableOf([obs(NATIONAL_ZONE_ID, 2020, 'gdp', 1)]), indicator: 'gdp' },
  ])('is empty for $name', ({ table, indicator }) => {
    expect(fullYearCells(table, indicator).size).toBe(0);
  });
});

describe('zoneSeries', () => {
  const cells = fullYearCells(panel(), 'gdp');
  it.each([
    { zone: 'zz', years: [2018, 2019, 2020, 2021], values: [1000, 1100, 1210, 1331] },
    { zone: 'ly', years: [2018, 2019, 2020, 2021], values: [500, null, 600, 660] },
    { zone: 'xx', years: [2021], values: [660] },
    { zone: 'xx', years: [2017, 2022], values: [null, null] },
    { zone: 'unknown', years: [2020], values: [null] },
    { zone: 'zz', years: [], values: [] },
  ])('$zone over $years → $values (gaps stay gaps)', ({ zone, years, values }) => {
    const s = zoneSeries(cells, zone, years);
    expect(s).toHaveLength(years.length);
    expect(seriesValues(s)).toEqual(values);
  });

  it('gives null for a band, a year with a cell but no number', () => {
    const ranks = fullYearCells(panel(), 'rank_overall');
    expect(seriesValues(zoneSeries(ranks, 'wh', [2021]))).toEqual([null]);
    expect(zoneSeries(ranks, 'wh', [2021])[0]!.band?.label).toBe('top10');
  });
});

describe('yearsOf / spanYears', () => {
  it.each([
    { indicator: 'gdp', years: [2018, 2019, 2020, 2021] }, // the national 2017 row does not count
    { indicator: 'rank_overall', years: [2021] },
    { indicator: 'nope', years: [] },
  ])('yearsOf $indicator → $years', ({ indicator, years }) => {
    expect(yearsOf(panel(), indicator)).toEqual(years);
  });

  it('does not count a year that only has part-year rows', () => {
    const t = tableOf([obs('zz', 2022, 'gdp', 1, { period: 'Q1' }), obs('zz', 2020, 'gdp', 1)]);
    expect(yearsOf(t, 'gdp')).toEqual([2020]);
  });

  it.each([
    { years: [2018, 2021], span: [2018, 2019, 2020, 2021] },
    { years: [2021, 2018], span: [2018, 2019, 2020, 2021] },
    { years: [2020], span: [2020] },
    { years: [], span: [] },
  ])('spanYears $years → $span', ({ years, span }) => {
    expect(spanYears(years)).toEqual(span);
  });
});
