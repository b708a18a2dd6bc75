// Small statistics for noisy machines: medians and percentiles of interleaved runs, a least-squares slope,
// and the one record shape every figure of results.json has.

/**
 * @typedef {object} Target What a figure is checked against; pass needs every bound given to hold.
 * @property {string} text
 * @property {number} [max]
 * @property {number} [min]
 * @property {number} [maxRatio]
 */

/**
 * @typedef {object} FigureInput What a benchmark knows about one figure (see figure()).
 * @property {string} id
 * @property {string} section
 * @property {string} name
 * @property {number | null} [value] the median (or the single measurement); null/absent: not measured
 * @property {string} unit
 * @property {number | null} [baseline]
 * @property {string | null} [baselineName]
 * @property {Target | null} [target]
 * @property {number} [runs]
 * @property {ReadonlyArray<number | null>} [samples]
 * @property {string} [notes]
 * @property {Record<string, unknown>} [extra]
 */

/**
 * @typedef {object} Figure One figure of results.json.
 * @property {string} id
 * @property {string} section
 * @property {string} name
 * @property {number | null} value
 * @property {string} unit
 * @property {number | null} baseline
 * @property {string | null} baselineName
 * @property {number | null} ratio
 * @property {Target | null} target
 * @property {boolean | null} pass
 * @property {number} runs
 * @property {(number | null)[]} [samples]
 * @property {string} [notes]
 * @property {Record<string, unknown>} [extra]
 * @property {string} [error] why the figure could not be measured (failedFigure)
 */

/**
 * Nearest-rank percentile (p in 0..1) of the finite numbers of xs; null when there are none.
 * @param {ReadonlyArray<number | null | undefined>} xs
 * @param {number} p
 * @returns {number | null}
 */
export function percentile(xs, p) {
  const s = /** @type {number[]} */ (xs.filter((x) => Number.isFinite(x))).sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
}

/** @param {ReadonlyArray<number | null | undefined>} xs */
export const median = (xs) => percentile(xs, 0.5);

/**
 * Least-squares slope of ys over xs (units of y per unit of x).
 * @param {readonly number[]} xs
 * @param {readonly number[]} ys
 */
export function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

/**
 * x to `digits` decimals; null, undefined and non-finite values pass through (undefined as null).
 * @type {(x: number | null | undefined, digits?: number) => number | null}
 */
export const round = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? x ?? null : Number(x.toFixed(digits)));

/**
 * One figure of results.json.
 *  value/baseline: the medians (or the single measurement) in `unit`; ratio = value / baseline.
 *  target: { text, max?, maxRatio?, min? } — pass is true when every bound given holds, null when the
 *  figure has no target (reported for context only) or could not be measured.
 * @param {FigureInput} input
 * @returns {Figure}
 */
export function figure({ id, section, name, value, unit, baseline = null, baselineName = null, target = null, runs = 1, samples, notes, extra }) {
  const ratio = value !== null && value !== undefined && baseline ? value / baseline : null;
  /** @type {boolean | null} */
  let pass = null;
  if (target && value !== null && value !== undefined && Number.isFinite(value)) {
    pass = true;
    if (target.max !== undefined && !(value <= target.max)) pass = false;
    if (target.min !== undefined && !(value >= target.min)) pass = false;
    if (target.maxRatio !== undefined) {
      if (ratio === null) pass = false;
      else if (!(ratio <= target.maxRatio)) pass = false;
    }
  } else if (target) {
    pass = false;
  }
  /** @type {Figure} */
  const out = {
    id,
    section,
    name,
    value: round(value, 2),
    unit,
    baseline: round(baseline, 2),
    baselineName,
    ratio: round(ratio, 2),
    target,
    pass,
    runs,
  };
  if (samples) out.samples = samples.map((s) => (typeof s === 'number' ? round(s, 2) : s));
  if (notes) out.notes = notes;
  if (extra) out.extra = extra;
  return out;
}

/**
 * A figure that could not be measured: kept in the results with the reason, and failing its target.
 * @param {{ id: string, section: string, name: string, unit: string, target?: Target | null, error: unknown }} input
 * @returns {Figure}
 */
export function failedFigure({ id, section, name, unit, target = null, error }) {
  return { ...figure({ id, section, name, value: null, unit, target, runs: 0 }), pass: target ? false : null, error: String(/** @type {{ message?: unknown } | null | undefined} */ (error)?.message ?? error) };
}
