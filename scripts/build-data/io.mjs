/**
 * Reading the source tables and writing data/ (docs/architecture.md §2). The CSV writer is our own on purpose:
 * deterministic (RFC 4180 quoting, LF, no BOM), so that `npm run data:build` rewrites data/ byte for byte and
 * CI can tell a changed source from a changed script.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';

/** @typedef {(message: string) => void} Fail  records a check that failed; the build exits non-zero at the end */

/**
 * The rows of a CSV file with a header row, as text cells; a malformed row is reported, naming file and row.
 * @param {string} path @param {Fail} fail
 * @returns {Record<string, string>[]}
 */
export function readCsv(path, fail) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const res = Papa.parse(text, { header: true, skipEmptyLines: true });
  for (const e of res.errors) fail(`${path} row ${e.row}: ${e.message}`);
  return /** @type {Record<string, string>[]} */ (res.data);
}

/**
 * One CSV cell: quoted when it holds a quote, comma or line break, or starts or ends with white space.
 * @param {unknown} v
 */
export function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The text of a CSV file: the header, then one line per row in the given column order, LF, a final LF.
 * @param {string[]} columns @param {Record<string, unknown>[]} rows
 */
export function csvText(columns, rows) {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/** @param {string} path @param {string[]} columns @param {Record<string, unknown>[]} rows */
export function writeCsv(path, columns, rows) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, csvText(columns, rows), 'utf8');
}

/** @param {string} path @param {unknown} value */
export function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n', 'utf8');
}
