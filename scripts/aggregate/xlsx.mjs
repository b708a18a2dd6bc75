// .xlsx → CSV for `npm run aggregate` (docs/scaling.md §2). DuckDB's excel extension is not bundled with the
// Node package and cannot be downloaded here, so SheetJS (@e965/xlsx, the library the dashboard's own import
// reads workbooks with) reads the workbook and one visible sheet is written to a temp UTF-8 CSV, which DuckDB
// then reads like any other CSV input. The whole workbook is held in memory (Excel's own limit: 1,048,576 rows).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';

/** Excel keeps and shows 15 significant digits: a stored 0.30000000000000004 is 0.3 (as the dashboard reads it). */
const DIGITS = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');

/**
 * One cell as CSV text: numbers as plain numbers (never the display text, which a format such as `#,##0` or `0`
 * may have grouped or rounded), numbers formatted as dates as ISO dates (`2022-12-31`, with the time when it has
 * one), text as written, TRUE/FALSE, an error as its code (`#DIV/0!`, read as not reported by the SQL).
 * @param {import('@e965/xlsx').CellObject | undefined} cell @param {boolean} date1904
 */
export function cellCsvText(cell, date1904) {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 's') return String(cell.v);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return cell.w ?? '#N/A';
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (cell.t !== 'n' || typeof cell.v !== 'number' || !Number.isFinite(cell.v)) return '';
  if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
    // the serial's calendar date, read by SheetJS (1900 leap-year bug and the 1904 system handled), no time zone
    const d = XLSX.SSF.parse_date_code(cell.v, { date1904 });
    if (d) {
      const day = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
      return d.H || d.M || d.S ? `${day} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : day;
    }
  }
  return DIGITS.format(cell.v);
}

/**
 * The workbook, read by SheetJS, or a message naming the file and what is wrong with it. SheetJS reads any bytes
 * it is given as *some* sheet (an empty file as an empty workbook, a text file as CSV), so the zip signature of an
 * .xlsx is checked first.
 * @param {string} file
 */
export function readWorkbookFile(file) {
  const name = basename(file);
  if (statSync(file).size === 0) throw new Error(`${file}: an empty file (0 bytes), not an Excel workbook`);
  const bytes = readFileSync(file);
  const head = bytes.subarray(0, 4).toString('hex');
  // an OLE2 compound file: an .xlsx with a password (ECMA-376 encryption) or an old .xls renamed
  if (head === 'd0cf11e0') throw new Error(`${file}: not an .xlsx workbook but an OLE2 file — a password-protected workbook (remove the password in Excel or WPS and save again) or an old .xls (save it as .xlsx or CSV)`);
  if (head !== '504b0304') throw new Error(`${file}: not an .xlsx workbook (an .xlsx is a zip file and ${name} is not one); save it from Excel or WPS as .xlsx, or pass the data as CSV`);
  try {
    // cellNF: each cell's number format, to tell dates; nothing is evaluated, no macro or display text kept
    return XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellText: false, cellHTML: false, cellFormula: false, bookVBA: false });
  } catch (e) {
    throw new Error(`${file}: a damaged or cut-off .xlsx workbook that cannot be read (${e instanceof Error ? e.message : e}); open it in Excel or WPS and save it again`, { cause: e });
  }
}

/**
 * One sheet of an .xlsx → a UTF-8 CSV. Hidden sheets are never read (what Excel hides is not what the user chose
 * to publish, as in the dashboard's import, docs/hostile-inputs.md W5); by default the first visible sheet with
 * values, or `sheet` by name. Rows with no value are left out; formulas give the value Excel saved with them.
 * @param {string} from @param {string} to @param {string} [sheet]
 * @returns {{ sheet: string, rows: number, hidden: string[] }} the sheet read, its data rows (the header not
 *   counted) and the hidden sheets skipped
 */
export function xlsxToCsv(from, to, sheet) {
  const wb = readWorkbookFile(from);
  const hiddenAt = (/** @type {number} */ i) => (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
  const hidden = wb.SheetNames.filter((_, i) => hiddenAt(i));
  const visible = wb.SheetNames.filter((_, i) => !hiddenAt(i));
  const rowsOf = (/** @type {string} */ n) => /** @type {any} */ (wb.Sheets[n])?.['!data'] ?? [];
  const hasValues = (/** @type {string} */ n) => rowsOf(n).some((r) => r?.some((c) => c && c.v !== undefined && c.v !== ''));
  const list = visible.map((n) => `"${n}"`).join(', ') || '(none)';
  let chosen;
  if (sheet !== undefined) {
    if (hidden.includes(sheet)) throw new Error(`${from}: the sheet "${sheet}" is hidden and is not read; unhide it in Excel or WPS if it is meant to be published (visible sheets: ${list})`);
    if (!visible.includes(sheet)) throw new Error(`${from}: no sheet "${sheet}" (visible sheets: ${list})`);
    chosen = sheet;
  } else {
    chosen = visible.find(hasValues);
    if (!chosen) throw new Error(`${from}: no visible sheet with any value in it (visible sheets: ${list}${hidden.length ? `; hidden, not read: ${hidden.map((n) => `"${n}"`).join(', ')}` : ''})`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const ws = wb.Sheets[chosen];
  const range = ws?.['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
  /** @type {string[][]} */
  const out = [];
  if (range) {
    const data = rowsOf(chosen);
    for (let r = range.s.r; r <= range.e.r; r++) {
      const line = [];
      for (let c = range.s.c; c <= range.e.c; c++) line.push(cellCsvText(data[r]?.[c], date1904));
      if (line.some((v) => v !== '')) out.push(line);
    }
  }
  if (!out.length) throw new Error(`${from}: the sheet "${chosen}" has no values`);
  // papaparse quotes what needs quoting (commas, quotes, line breaks); DuckDB reads it with quote = escape = '"'
  writeFileSync(to, Papa.unparse(out, { newline: '\n' }) + '\n');
  return { sheet: chosen, rows: out.length - 1, hidden };
}
