/**
 * Limits checked before reading a file (docs/architecture.md §7.2; docs/hostile-inputs.md L1); each refusal names the limit.
 * Every check takes the limits as a parameter so that tests can use small ones instead of gigabytes.
 */
export interface Limits {
  /** bytes of one file */
  fileBytes: number;
  /** columns of one table */
  columns: number;
  /** characters of one cell */
  cellChars: number;
  /**
   * characters of one physical line. Checked on the text before parsing, so a 50 MB line without a
   * newline is refused instead of papaparse building a 50 MB cell (and the preview a 50 MB row).
   */
  lineChars: number;
  /**
   * bytes a workbook's parts may inflate to, all together (docs/hostile-inputs.md W3): a zip bomb of a few KB
   * that unpacks to gigabytes is refused before, and while, it is unpacked
   */
  workbookBytes: number;
  /** cells of the sheets' declared ranges (rows × columns, every sheet together) before a grid is built (W4) */
  workbookCells: number;
  /** entries of a workbook's shared-strings table (W3): millions of tiny strings are millions of objects */
  sharedStrings: number;
}

export const LIMITS: Readonly<Limits> = Object.freeze({
  fileBytes: 100 * 1024 * 1024,
  columns: 2000,
  cellChars: 10000,
  lineChars: 1_000_000,
  // a 100 MB CSV is about 10 M cells; a workbook's XML is several times larger for the same cells, and the
  // reader (SheetJS) holds every cell as an object: 4 M cells is ~1 GB in the worker at most
  workbookBytes: 200 * 1024 * 1024,
  workbookCells: 4_000_000,
  sharedStrings: 1_000_000,
});

/** Why a file was refused: the row it concerns (0 for the whole file) and a short piece of it. */
export interface Refusal {
  reason: string;
  row: number;
  raw: string;
}

export const formatMB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * The size check, usable with `File.size` before the file is read into memory at all: a 1 GB file must
 * be refused without allocating 1 GB.
 */
export function checkFileSize(size: number, limits: Pick<Limits, 'fileBytes'> = LIMITS): Refusal | null {
  if (size <= limits.fileBytes) return null;
  return {
    reason: `文件大小 ${formatMB(size)} 超过上限 ${formatMB(limits.fileBytes)}，未读取 (file of ${formatMB(size)} exceeds the size limit of ${formatMB(limits.fileBytes)})`,
    row: 0,
    raw: '',
  };
}

/**
 * The first physical line (LF-separated: run after normaliseNewlines) longer than `limits.lineChars`.
 * A linear scan with indexOf: no regex, no split, no copy of the text.
 */
export function checkLineLength(text: string, limits: Pick<Limits, 'lineChars'> = LIMITS): Refusal | null {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > limits.lineChars) {
      return {
        reason:
          `第 ${line} 行有 ${count(end - start)} 个字符，超过每行 ${count(limits.lineChars)} 个字符的上限，文件未读取；可能缺少换行符或不是表格文件` +
          ` (line ${line} has ${count(end - start)} characters, more than the limit of ${count(limits.lineChars)})`,
        row: line,
        raw: text.slice(start, start + 60),
      };
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return null;
}

/** Too many columns in any row: checked on a preview of the first rows, and again on the whole grid. */
export function checkColumns(rows: readonly string[][], limits: Pick<Limits, 'columns'> = LIMITS): Refusal | null {
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length > limits.columns) {
      return {
        reason: `第 ${r + 1} 行有 ${count(rows[r].length)} 列，超过上限 ${count(limits.columns)} 列 (row ${r + 1} has ${rows[r].length} columns, more than the limit of ${limits.columns})`,
        row: r + 1,
        raw: rows[r].slice(0, 5).join(',').slice(0, 60),
      };
    }
  }
  return null;
}

/** A cell longer than `limits.cellChars`: a broken file, or text that belongs in a document, not a table. */
export function checkCells(rows: readonly string[][], limits: Pick<Limits, 'cellChars'> = LIMITS): Refusal | null {
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].findIndex((cell) => cell.length > limits.cellChars);
    if (c >= 0) {
      return {
        reason: `第 ${r + 1} 行第 ${c + 1} 列的单元格有 ${count(rows[r][c].length)} 个字符，超过上限 ${count(limits.cellChars)} 个字符 (cell too long)`,
        row: r + 1,
        raw: rows[r][c].slice(0, 60),
      };
    }
  }
  return null;
}

/**
 * What the browser keeps of a user's imports, and so what a workspace backup may bring in (docs/architecture.md
 * §7.5; docs/hostile-inputs.md B1, P11): 50 files and 200 MB in all — two files at the size limit, or a few
 * years of yearbook tables — well inside what browsers grant a site, and small enough to re-import at boot.
 * A backup is unpacked against the same numbers: what a restore brings in is what will be stored.
 */
export const STORAGE_LIMITS: Readonly<{ files: number; bytes: number }> = Object.freeze({ files: 50, bytes: 200 * 1024 * 1024 });
