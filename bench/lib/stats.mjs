// Small statistics for noisy machines: medians and percentiles of interleaved runs, a least-squares slope,
// and the one record shape every figure of results.json has.

/** Nearest-rank percentile (p in 0..1) of the finite numbers of xs; null when there are none. */
export function percentile(xs, p) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
}

export const median = (xs) => percentile(xs, 0.5);

/** Least-squares slope of ys over xs (units of y per unit of x). */
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

export const round = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? x ?? null : Number(x.toFixed(digits)));

/**
 * One figure of results.json.
 *  value/baseline: the medians (or the single measurement) in `unit`; ratio = value / baseline.
 *  target: { text, max?, maxRatio?, min? } — pass is true when every bound given holds, null when the
 *  figure has no target (reported for context only) or could not be measured.
 */
export function figure({ id, section, name, value, unit, baseline = null, baselineName = null, target = null, runs = 1, samples, notes, extra }) {
  const ratio = value !== null && value !== undefined && baseline ? value / baseline : null;
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

/** A figure that could not be measured: kept in the results with the reason, and failing its target. */
export function failedFigure({ id, section, name, unit, target = null, error }) {
  return { ...figure({ id, section, name, value: null, unit, target, runs: 0 }), pass: target ? false : null, error: String(error?.message ?? error) };
}
