// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { competitionRanks } from '../../src/model/rank';

describe('competitionRanks (1-2-2-4)', () => {
  it.each([
    { values: [10, 20, 20, 5], better: 'higher' as const, ranks: [3, 1, 1, 4] },
    { values: [10, 20, 20, 5], better: 'lower' as const, ranks: [2, 3, 3, 1] },
    { values: [3, NaN, 1, Infinity], better: 'lower' as const, ranks: [2, null, 1, null] },
    { values: [7, 7, 7], better: 'higher' as const, ranks: [1, 1, 1] },
    { values: [], better: 'higher' as const, ranks: [] },
  ])('$values, $better is better → $ranks', ({ values, better, ranks }) => {
    expect(competitionRanks(values, better)).toEqual(ranks);
  });
});
