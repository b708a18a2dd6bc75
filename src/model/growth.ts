/**
 * Growth arithmetic for the Trends view: year-on-year change, CAGR and index to a base year.
 * Every function says *why* it gives no number (a status) instead of returning NaN, Infinity or a
 * percentage that means nothing (−50 → +20 is not "−140 %"). A chart leaves such points as gaps
 * and a tooltip can name the reason.
 */

const isNum = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

export interface YoY {
  /** cur − prev, whenever both exist: a change in level is always meaningful */
  abs: number | null;
  /** percentage change (7.2 = +7.2 %), only against a positive base with no change of sign */
  pct: number | null;
  /**
   * - `missing`: either year has no number
   * - `sign-change`: prev and cur have opposite signs (a loss turned into a profit or back)
   * - `zero-base`: the base is zero or negative (with no sign change), so a ratio to it means nothing
   *   — e.g. a loss shrinking from −10 to −5 would read as "−50 %"
   */
  status: 'ok' | 'missing' | 'zero-base' | 'sign-change';
}

export function yoy(prev: number | null, cur: number | null): YoY {
  if (!isNum(prev) || !isNum(cur)) return { abs: null, pct: null, status: 'missing' };
  const abs = cur - prev;
  if (prev * cur < 0) return { abs, pct: null, status: 'sign-change' };
  if (prev <= 0) return { abs, pct: null, status: 'zero-base' };
  return { abs, pct: (abs / prev) * 100, status: 'ok' };
}

export interface Cagr {
  /** compound annual growth rate in percent (7.2 = 7.2 % a year) */
  value: number | null;
  /** `non-positive`: the first or last value is ≤ 0, where a compound rate has no meaning; `too-short`: span ≤ 0 */
  status: 'ok' | 'missing' | 'non-positive' | 'too-short';
}

/**
 * CAGR between two values `years` apart (2015 → 2020 is 5 years, not 6 points).
 * Both ends must be positive: a root of a negative ratio is undefined, and a fall to 0 (−100 %) is
 * better read from the absolute values than as a rate.
 */
export function cagr(first: number | null, last: number | null, years: number): Cagr {
  if (!isNum(first) || !isNum(last)) return { value: null, status: 'missing' };
  if (!(Number.isFinite(years) && years > 0)) return { value: null, status: 'too-short' };
  if (first <= 0 || last <= 0) return { value: null, status: 'non-positive' };
  return { value: (Math.pow(last / first, 1 / years) - 1) * 100, status: 'ok' };
}

export interface Indexed {
  values: (number | null)[];
  /** when the base is missing or not positive every value is null: an index to nothing is not an index */
  status: 'ok' | 'base-missing' | 'base-non-positive';
}

/** Each value as a share of the value at `baseIndex`, base = 100. Gaps stay gaps. */
export function indexToBase(values: readonly (number | null)[], baseIndex: number): Indexed {
  const base = values[baseIndex];
  if (!Number.isInteger(baseIndex) || !isNum(base)) return { values: values.map(() => null), status: 'base-missing' };
  // A negative base would flip the direction of every later change; zero would divide by zero.
  if (base <= 0) return { values: values.map(() => null), status: 'base-non-positive' };
  return { values: values.map((v) => (isNum(v) ? (v / base) * 100 : null)), status: 'ok' };
}

export type GrowthMode = 'absolute' | 'yoy' | 'index';
export type GrowthStatus = YoY['status'] | Indexed['status'];

export interface GrowthSeries {
  values: (number | null)[];
  /** why each point is (or is not) a number; the same length as `values` */
  statuses: GrowthStatus[];
}

/**
 * A series as the Trends view plots it. `values` must be aligned to consecutive years (see spanYears in
 * series.ts): YoY compares neighbours, so a gap gives two missing points, never a two-year change.
 * `baseIndex` (index mode) defaults to the first point, so every zone in one chart shares the base year;
 * a zone without a value that year gets `base-missing` rather than a different base.
 */
export function growthSeries(values: readonly (number | null)[], mode: GrowthMode, baseIndex = 0): GrowthSeries {
  if (mode === 'absolute') {
    const out = values.map((v) => (isNum(v) ? v : null));
    return { values: out, statuses: out.map((v) => (v === null ? 'missing' : 'ok')) };
  }
  if (mode === 'yoy') {
    const points = values.map((v, i) => (i === 0 ? yoy(null, v) : yoy(values[i - 1], v)));
    return { values: points.map((p) => p.pct), statuses: points.map((p) => p.status) };
  }
  const ix = indexToBase(values, baseIndex);
  const statuses: GrowthStatus[] = ix.values.map((v) => (ix.status !== 'ok' ? ix.status : v === null ? 'missing' : 'ok'));
  return { values: ix.values, statuses };
}
