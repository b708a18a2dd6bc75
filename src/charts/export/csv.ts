/**
 * The data behind a chart as CSV (docs/architecture.md §6; docs/hostile-inputs.md X4/X5): UTF-8 with a BOM, so that Excel on
 * Chinese Windows opens it as UTF-8; CRLF line ends; RFC 4180 quoting; text cells that a spreadsheet would
 * run as a formula are neutralised (OWASP "CSV injection"): a `'` is put in front and the cell is quoted.
 */

export type CsvCell = string | number | null | undefined;

export const BOM = '\ufeff';

/**
 * Text starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Google Sheets: OWASP's
 * `=`, `+`, `-`, `@`, TAB and CR, with LF, and the full-width `＝ ＋ － ＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20), which
 * spreadsheets with East Asian input (and this app's own number reader) take for the ASCII ones
 * (docs/hostile-inputs.md X8). src/data/normalise.ts `unneutralise` undoes the same set on import.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** True when a TEXT cell is written as `'` + text (numbers are never neutralised). */
export const isNeutralised = (text: string) => FORMULA_START.test(text);

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    // NaN and ±Infinity are not numbers a reader can use: an empty cell, like a missing value
    if (!Number.isFinite(v)) return '';
    return String(v);
  }
  const text = String(v);
  if (isNeutralised(text)) return `"'${text.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(cells: readonly CsvCell[]): string {
  const out = cells.map(cell);
  // a row of one empty cell (or none) would be an empty line, which readers skip: write it as ""
  return out.length <= 1 && (out[0] ?? '') === '' ? '""' : out.join(',');
}

/**
 * Header and rows as CSV text: BOM first, every line (the last included) ended by CRLF. Numbers are
 * written as numbers (`-3.5` stays `-3.5`); null, undefined, NaN and ±Infinity as empty cells. Header
 * cells are text. Ragged rows are written as they are. Encode the result with TextEncoder (UTF-8).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}

/**
 * Rows as pretty JSON (2 spaces, no BOM: RFC 8259 forbids one). Keys are plain data: a key named
 * `__proto__` or `constructor` is written as that key. Non-finite numbers become null (JSON has no NaN); a bigint
 * becomes its decimal string.
 */
export function toJson(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';
}
