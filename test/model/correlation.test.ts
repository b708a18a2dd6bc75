// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { median, pearson, spearman } from '../../src/model/correlation';

describe('correlation and median', () => {
  it.each([
    { xs: [1, 2, 3, 4], ys: [2, 4, 6, 8], r: 1 },
    { xs: [1, 2, 3, 4], ys: [8, 6, 4, 2], r: -1 },
    { xs: [1, 2, 3], ys: [5, 5, 5], r: null },
    { xs: [1, 2], ys: [1, 2], r: null },
  ])('pearson $xs × $ys = $r', ({ xs, ys, r }) => {
    const got = pearson(xs, ys);
    if (r === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(r, 10);
  });

  it('spearman is 1 for any monotone relation, however skewed', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 10, 100, 1000, 1e6])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3, 4, 5], [1, 10, 100, 1000, 1e6])!).toBeLessThan(0.8);
  });

  it('spearman gives tied values their average rank', () => {
    expect(spearman([1, 2, 2, 3], [1, 2, 2, 3])).toBeCloseTo(1, 10);
  });

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[], null],
    [[NaN, 1], 1],
  ])('median %j = %s', (vs, m) => {
    expect(median(vs as number[])).toBe(m);
  });
});
