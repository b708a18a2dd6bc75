import { describe, expect, it } from 'vitest';
import { readYear } from '../../src/data/year';

describe('readYear', () => {
  it.each([
    ['2020', 2020, ''],
    ['2020年', 2020, ''],
    ['2020年度', 2020, ''],
    ['2024 Q1-Q3', 2024, 'Q1-Q3'],
    ['2023年1-11月', 2023, '1-11月'],
    ['2020年国家高新区总体排名', 2020, ''],
    ['1980', 1980, ''],
    ['2100', 2100, ''],
    ['2100年', 2100, ''],
  ])('reads %j as %i %j', (raw, year, period) => {
    expect(readYear(raw)).toEqual({ year, period });
  });

  it.each(['1979', '2101', '2200', '', 'abc', '20200', '202012'])('%j is no year (a longer number is not a year)', (raw) => {
    expect(readYear(raw).year).toBeNull();
  });
});
