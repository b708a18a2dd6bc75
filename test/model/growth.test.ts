// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cagr, growthSeries, indexToBase, yoy } from '../../src/model/growth';

describe('yoy', () => {
  it.each([
    { prev: 100, cur: 110, abs: 10, pct: 10, status: 'ok' },
    { prev: 100, cur: 90, abs: -10, pct: -10, status: 'ok' },
    { prev: 100, cur: 0, abs: -100, pct: -100, status: 'ok' },
    { prev: 5, cur: 5, abs: 0, pct: 0, status: 'ok' },
    { prev: 0, cur: 10, abs: 10, pct: null, status: 'zero-base' },
    { prev: 0, cur: 0, abs: 0, pct: null, status: 'zero-base' },
    { prev: 0, cur: -3, abs: -3, pct: null, status: 'zero-base' },
    { prev: -10, cur: -5, abs: 5, pct: null, status: 'zero-base' }, // a shrinking loss is not "−50 %"
    { prev: -10, cur: 0, abs: 10, pct: null, status: 'zero-base' },
    { prev: -50, cur: 20, abs: 70, pct: null, status: 'sign-change' }, // not "−140 %"
    { prev: 20, cur: -50, abs: -70, pct: null, status: 'sign-change' },
    { prev: null, cur: 10, abs: null, pct: null, status: 'missing' },
    { prev: 10, cur: null, abs: null, pct: null, status: 'missing' },
    { prev: NaN, cur: 10, abs: null, pct: null, status: 'missing' },
    { prev: Infinity, cur: 10, abs: null, pct: null, status: 'missing' },
  ])('$prev → $cur: abs $abs, pct $pct ($status)', ({ prev, cur, abs, pct, status }) => {
    const r = yoy(prev, cur);
    expect(r.status).toBe(status);
    expect(r.abs).toBe(abs);
    if (pct === null) expect(r.pct).toBeNull();
    else expect(r.pct).toBeCloseTo(pct, 10);
  });
});

describe('cagr', () => {
  it.each([
    { first: 1000, last: 1331, years: 3, value: 10, status: 'ok' },
    { first: 100, last: 100, years: 5, value: 0, status: 'ok' },
    { first: 200, last: 100, years: 1, value: -50, status: 'ok' },
    { first: 100, last: 121, years: 2, value: 10, status: 'ok' },
    { first: 100, last: 200, years: 0, value: null, status: 'too-short' }, // a single-year series
    { first: 100, last: 200, years: -2, value: null, status: 'too-short' },
    { first: 100, last: 200, years: NaN, value: null, status: 'too-short' },
    { first: 0, last: 200, years: 3, value: null, status: 'non-positive' },
    { first: -5, last: 200, years: 3, value: null, status: 'non-positive' },
    { first: 100, last: 0, years: 3, value: null, status: 'non-positive' },
    { first: 100, last: -1, years: 3, value: null, status: 'non-positive' },
    { first: null, last: 200, years: 3, value: null, status: 'missing' },
    { first: 100, last: null, years: 0, value: null, status: 'missing' },
  ])('$first → $last over $years years: $value ($status)', ({ first, last, years, value, status }) => {
    const r = cagr(first, last, years);
    expect(r.status).toBe(status);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 10);
  });
});

describe('indexToBase', () => {
  it.each([
    { values: [50, 100, null, 75], base: 0, out: [100, 200, null, 150], status: 'ok' },
    { values: [50, 100, null, 75], base: 1, out: [50, 100, null, 75], status: 'ok' },
    { values: [50, -10], base: 0, out: [100, -20], status: 'ok' },
    { values: [42], base: 0, out: [100], status: 'ok' },
    { values: [null, 100], base: 0, out: [null, null], status: 'base-missing' },
    { values: [50, 100], base: 5, out: [null, null], status: 'base-missing' },
    { values: [50, 100], base: -1, out: [null, null], status: 'base-missing' },
    { values: [50, 100], base: 0.5, out: [null, null], status: 'base-missing' },
    { values: [0, 100], base: 0, out: [null, null], status: 'base-non-positive' },
    { values: [-20, 100], base: 0, out: [null, null], status: 'base-non-positive' },
    { values: [], base: 0, out: [], status: 'base-missing' },
  ])('$values indexed to #$base → $out ($status)', ({ values, base, out, status }) => {
    expect(indexToBase(values, base)).toEqual({ values: out, status });
  });
});

describe('growthSeries', () => {
  const S = [100, 110, null, 121, -10, 5];
  it.each([
    { mode: 'absolute' as const, base: undefined, values: [100, 110, null, 121, -10, 5], statuses: ['ok', 'ok', 'missing', 'ok', 'ok', 'ok'] },
    // a gap gives two missing points: never a two-year change across it
    { mode: 'yoy' as const, base: undefined, values: [null, 10, null, null, null, null], statuses: ['missing', 'ok', 'missing', 'missing', 'sign-change', 'sign-change'] },
    { mode: 'index' as const, base: undefined, values: [100, 110, null, 121, -10, 5], statuses: ['ok', 'ok', 'missing', 'ok', 'ok', 'ok'] },
    { mode: 'index' as const, base: 2, values: [null, null, null, null, null, null], statuses: Array(6).fill('base-missing') },
    { mode: 'index' as const, base: 4, values: [null, null, null, null, null, null], statuses: Array(6).fill('base-non-positive') },
  ])('$mode (base $base)', ({ mode, base, values, statuses }) => {
    const r = growthSeries(S, mode, base);
    expect(r.statuses).toEqual(statuses);
    r.values.forEach((v, i) => (values[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(values[i]!, 10)));
  });

  it.each([
    { mode: 'absolute' as const, values: [7], statuses: ['ok'] },
    { mode: 'yoy' as const, values: [null], statuses: ['missing'] },
    { mode: 'index' as const, values: [100], statuses: ['ok'] },
  ])('a single-year series in $mode mode', ({ mode, values, statuses }) => {
    expect(growthSeries([7], mode)).toEqual({ values, statuses });
  });

  it.each(['absolute', 'yoy', 'index'] as const)('an empty series in %s mode is empty', (mode) => {
    expect(growthSeries([], mode)).toEqual({ values: [], statuses: [] });
  });

  it('turns non-finite inputs into gaps, never NaN', () => {
    expect(growthSeries([NaN, Infinity, 3], 'absolute')).toEqual({ values: [null, null, 3], statuses: ['missing', 'missing', 'ok'] });
  });
});
