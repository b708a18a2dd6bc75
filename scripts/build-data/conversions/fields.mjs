/**
 * The cells of the source tables, read into the canonical tidy columns (docs/architecture.md §2 and §3.1). Nothing
 * here guesses: a value is copied as the source states it, a year the source does not give stays empty, and
 * whatever a cell says beyond the canonical column goes into `note`.
 */

/** The columns of every data/reported/*.csv, in order (the canonical long format). */
export const CANON = ['zone', 'year', 'indicator', 'value', 'unit', 'period', 'basis', 'source', 'note'];
/** The values of `basis`. */
export const BASES = ['reported', 'derived', 'estimate', 'target', 'preliminary'];

/** @typedef {Record<string, string>} CanonRow  one row of data/reported/*.csv, keyed by CANON */
/** @typedef {{ input: number, out: CanonRow[] }} Conversion  a table's rows in canonical form, and how many rows it had */

/**
 * The non-empty parts, joined by "; ".
 * @param {unknown[]} parts
 */
export const joinNote = (parts) => parts.filter((p) => p !== undefined && p !== null && String(p).trim() !== '').join('; ');

/**
 * Map a source's basis text onto the enum; the text itself goes to note when it says more.
 * @param {string | undefined} text
 */
export function mapBasis(text) {
  const t = (text ?? '').trim().toLowerCase();
  if (t === '') return 'reported';
  if (t.startsWith('derived')) return 'derived';
  if (t.includes('preliminary') || t.includes('初步')) return 'preliminary';
  if (t.startsWith('target')) return 'target';
  if (t.startsWith('estimate') || t.includes('预计')) return 'estimate';
  if (t.startsWith('reported')) return 'reported';
  throw new Error(`unknown basis text "${text}"`);
}

/** @type {Record<string, string>} */
const PERIODS = {
  'Q1-Q3': 'Q1-Q3',
  'Jan-Nov': '1-11月',
  'Jan-Jul': '1-7月',
};

/**
 * Split a year cell such as "2024 Q1-Q3", "2022 Jan-Nov", "2012-2023", "2024 (as stated)", "(stated)".
 * Returns { year, period, note }; year stays '' when the cell has no year (never guessed).
 * @param {string} raw
 */
export function parseYearCell(raw) {
  const s = raw.trim();
  let m;
  if ((m = s.match(/^(\d{4})$/))) return { year: m[1], period: '', note: '' };
  if ((m = s.match(/^(\d{4})\s+(Q1-Q3|Jan-Nov|Jan-Jul)$/))) return { year: m[1], period: PERIODS[m[2]], note: '' };
  if ((m = s.match(/^(\d{4})-(\d{4})$/))) return { year: m[2], period: `${m[1]}-${m[2]}`, note: `年份为时期 ${m[1]}—${m[2]} 的终止年 (year is the last year of the span ${s})` };
  if ((m = s.match(/^(\d{4})\s*\((.+)\)$/))) return { year: m[1], period: '', note: `年份按来源表述 year as written: "${s}"` };
  if (/^\(stated\)$/.test(s)) return { year: '', period: '', note: '来源未给出年份，留空不猜 (no year stated in the source; left empty, not guessed)' };
  throw new Error(`unparsed year cell "${raw}"`);
}

/**
 * A published unit with an annotation, e.g. "% (approx.)" or "位 (of 387)": keep the unit, move the
 * annotation to note, and carry "approx." into the value as 约 so the importer flags it.
 * @param {string | undefined} rawUnit @param {string} value
 */
export function splitUnit(rawUnit, value) {
  const u = (rawUnit ?? '').trim();
  const m = u.match(/^(.*?)\s*\((.+)\)$/);
  if (!m) return { unit: u, value, note: '' };
  const [, unit, ann] = m;
  if (/^approx\.?$/i.test(ann)) return { unit, value: `约${value}`, note: `原单位写作 unit as written: "${u}"（约数 approximate）` };
  const of = ann.match(/^of (\d+)$/);
  if (of) return { unit, value, note: `参评总数 out of: ${of[1]}（原单位写作 unit as written: "${u}"）` };
  return { unit, value, note: `原单位写作 unit as written: "${u}"` };
}

/**
 * The checks every converted table passes: one output row per input row, a catalogue indicator, a known
 * basis, a four-digit year or none, a value and a source.
 * @param {string} outName e.g. "national.csv" @param {Conversion} conversion
 * @param {Set<string>} indicatorIds @param {(message: string) => void} fail
 */
export function checkConversion(outName, { input, out }, indicatorIds, fail) {
  if (out.length !== input) fail(`${outName}: ${out.length} rows written for ${input} input rows`);
  for (const [i, r] of out.entries()) {
    if (!indicatorIds.has(r.indicator)) fail(`${outName} row ${i + 2}: indicator "${r.indicator}" is not in the catalogue`);
    if (!BASES.includes(r.basis)) fail(`${outName} row ${i + 2}: basis "${r.basis}"`);
    if (r.year && !/^\d{4}$/.test(r.year)) fail(`${outName} row ${i + 2}: year "${r.year}"`);
    if (r.value === '') fail(`${outName} row ${i + 2}: empty value`);
    if (!r.source) fail(`${outName} row ${i + 2}: empty source`);
  }
}
