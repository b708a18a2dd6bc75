// The printed table: every figure beside its baseline, ratio and target.

/** @import { Figure } from './stats.mjs' */

/**
 * @param {number | null | undefined} v
 * @param {string} [unit]
 */
const fmt = (v, unit) => {
  if (v === null || v === undefined) return '—';
  const n = Number.isInteger(v) || Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  return unit ? `${n} ${unit}` : n;
};

/** East Asian wide characters take two terminal columns (em dashes and × take one). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * @param {readonly Figure[]} figures
 * @returns {Record<string, string>[]} one row per figure, keyed by column
 */
export function rows(figures) {
  return figures.map((f) => ({
    section: f.section,
    figure: f.name,
    value: f.error ? `ERROR: ${f.error.slice(0, 60)}` : fmt(f.value, f.unit),
    baseline: f.baseline === null || f.baseline === undefined ? '—' : `${fmt(f.baseline, f.unit)}${f.baselineName ? ` (${f.baselineName})` : ''}`,
    ratio: f.ratio === null || f.ratio === undefined ? '—' : `${f.ratio.toFixed(2)}×`,
    target: f.target?.text ?? '(info)',
    pass: f.pass === null ? '' : f.pass ? 'pass' : 'FAIL',
    runs: String(f.runs ?? ''),
  }));
}

/**
 * Aligned plain text (console.table truncates nothing but wraps badly in a terminal of 120 columns).
 * @param {readonly Figure[]} figures
 * @param {(line: string) => void} [out]
 */
export function printTable(figures, out = console.log) {
  const data = rows(figures);
  const cols = ['section', 'figure', 'value', 'baseline', 'ratio', 'target', 'pass', 'runs'];
  /** @param {string} s */
  const width = (s) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
  /**
   * @param {string} s
   * @param {number} n
   */
  const pad = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
  const widths = cols.map((c) => Math.max(width(c), ...data.map((r) => width(r[c]))));
  /** @param {Record<string, string>} r */
  const line = (r) => cols.map((c, i) => pad(r[c], widths[i])).join(' │ ');
  out(line(Object.fromEntries(cols.map((c) => [c, c]))));
  out(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  let last = '';
  for (const r of data) {
    if (last && r.section !== last) out(widths.map((w) => '─'.repeat(w)).join('─┼─'));
    last = r.section;
    out(line(r));
  }
}
