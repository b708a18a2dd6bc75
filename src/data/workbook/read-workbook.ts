/**
 * The workbook reader (docs/hostile-inputs.md W1–W7): .xlsx/.xlsm/.xlsb, .xls (BIFF8) and WPS's .et, read with
 * SheetJS into the text grid of one sheet. This module — and SheetJS with it — is loaded by the import worker
 * only when a workbook arrives (src/data/import.worker.ts), never by the first view or a CSV import.
 */
import * as XLSX from '@e965/xlsx';
import type { ImportIssue } from '../../domain/types';
import type { Refusal } from '../limits';
import { displayName } from '../sniff';
import { columnLetters, rangeCells } from './ranges';
import { sheetHasValues, sheetToGrid } from './sheet-grid';
import type { SheetInfo, WorkbookReader } from './types';
import { corrupt, tooManyCells, unpackWorkbook } from './unpack';

const refuse = (reason: string): { refusal: Refusal } => ({ refusal: { reason, row: 0, raw: '' } });
const letters = columnLetters;

export const readWorkbook: WorkbookReader = (name, bytes, kind, wanted, limits) => {
  const file = displayName(name);
  let data = bytes;
  if (kind === 'xlsx') {
    const unpacked = unpackWorkbook(name, bytes, limits);
    if ('refusal' in unpacked) return unpacked;
    data = unpacked.zip;
  }
  let wb: XLSX.WorkBook;
  try {
    // cellText: no display strings (the values are read, cell-text.ts); cellStyles: hidden rows and columns;
    // cellFormula: only to tell a formula saved without its result; nothing is evaluated, linked or run
    wb = XLSX.read(data, { type: 'array', dense: true, cellNF: true, cellStyles: true, cellFormula: true, cellText: false, cellHTML: false, bookVBA: false, WTF: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // an encrypted workbook is an OLE2 file holding an EncryptedPackage (ECMA-376), or an .xls with a FILEPASS record
    if (/password|ECMA-376 Encrypted|EncryptionInfo|Encryption (?:scheme|Flags)/i.test(msg)) {
      return refuse(`“${file}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存再导入 (the workbook "${file}" is password-protected: remove the password in Excel or WPS and save it again)`);
    }
    return refuse(corrupt(file));
  }
  if (!wb.SheetNames.length) return refuse(corrupt(file));

  // W4: the sheets' ranges, as the reader found them, before any grid is built (the .xls path's only check)
  let cells = 0;
  for (const n of wb.SheetNames) {
    const ref = wb.Sheets[n]?.['!ref'];
    cells += ref ? rangeCells(ref) : 0;
    if (cells > limits.workbookCells) return refuse(tooManyCells(file, cells, limits, ref ?? ''));
  }

  const issues: ImportIssue[] = [];
  const info = (reason: string, row = 0, column = '', raw = '') => issues.push({ file: name, row, column, raw, reason, severity: 'info' });
  const hidden = (i: number) => (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
  const sheets: SheetInfo[] = [];
  wb.SheetNames.forEach((n, i) => {
    const ws = wb.Sheets[n];
    if (hidden(i)) {
      // W5: what Excel hides is not what the user chose to publish
      if (ws && sheetHasValues(ws)) info(`工作表“${n}”是隐藏的，未读取 (hidden sheet "${n}" not read)`, 0, '', n);
      return;
    }
    const range = ws?.['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
    const empty = !ws || !sheetHasValues(ws);
    sheets.push({ name: n, rows: range && !empty ? range.e.r + 1 : 0, columns: range && !empty ? range.e.c + 1 : 0, empty });
  });
  if (!sheets.length) return refuse(`“${file}”没有可见的工作表 (the workbook "${file}" has no visible sheet)`);

  const byDefault = sheets.find((s) => !s.empty) ?? sheets[0];
  let chosen = byDefault;
  if (wanted !== undefined) {
    const asked = sheets.find((s) => s.name === wanted);
    if (asked) chosen = asked;
    else issues.push({ file: name, row: 0, column: '', raw: wanted, severity: 'warning', reason: `工作簿中没有可见的工作表“${wanted}”，改读“${byDefault.name}” (no visible sheet "${wanted}": read "${byDefault.name}" instead)` });
  }

  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const grid = sheetToGrid(wb.Sheets[chosen.name], date1904);
  for (const r of grid.hiddenRows) info(`第 ${r + 1} 行是隐藏行，未导入 (hidden row not imported)`, r + 1);
  for (const c of grid.hiddenColumns) info(`第 ${letters(c)} 列是隐藏列，未导入 (hidden column ${letters(c)} not imported)`, 0, letters(c));
  if (grid.uncalculated) {
    info(`${grid.uncalculated} 个公式单元格没有保存计算结果，按空值处理；请在 Excel 或 WPS 中打开、重新计算并保存 (${grid.uncalculated} formula cells were saved without a result and read as empty)`);
  }
  return { grid: { rows: grid.rows, sheets, sheet: chosen.name, issues, comments: grid.comments } };
};
