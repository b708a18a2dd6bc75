import type { ImportIssue } from '../domain/types';
import type { Catalogue } from './catalogue';
import { codePrecisionIssues } from './code-columns';
import { decodeBytes, type DecodeResult } from './decode';
import { rowsSaySynthetic } from './demo-mark';
import { fileChecks, headerIssues } from './file-checks';
import { IssueLog } from './issue-log';
import { LIMITS, checkCells, checkColumns, checkFileSize, type Limits } from './limits';
import { findFileSource, normaliseRows } from './normalise';
import { delimiterName } from './delimiters';
import { readGrid } from './parse-grid';
import type { ZoneRegistry } from './registry';
import { detectShape, shapeProblems, type ShapeGuess } from './shape';
import { displayName, refusalMessage, sniffFileType } from './sniff';
import { jsonToRows } from './json-rows';
import { emptyTable, type TidyTable } from './table';
import type { SheetInfo, WorkbookReader } from './workbook/types';
import { commentIssues } from './workbook/comments';

const WORKBOOK_NAME = /\.(?:xlsx|xlsm|xlsb|xls|et)$/i;

/** The share of an import's time that decoding and parsing take (measured on 50 MB files: about half). */
const PARSED = 0.45;

/** What the user may correct in the preview before the data joins the workspace. */
export interface ImportOptions {
  encoding?: DecodeResult['encoding'];
  delimiter?: string;
  /** a full column mapping chosen by the user, replacing the guess */
  mapping?: ShapeGuess;
  /** a workbook's sheet, by name (docs/hostile-inputs.md W5); the first visible sheet with values when absent */
  sheet?: string;
}

export interface ImportResult {
  file: string;
  bytes: number;
  encoding: DecodeResult['encoding'] | null;
  encodingConfidence: DecodeResult['confidence'] | null;
  notices: string[];
  format: 'csv' | 'json' | 'xlsx' | 'xls';
  delimiter: string;
  guess: ShapeGuess | null;
  /** the first rows as read, for the preview */
  sample: string[][];
  rowCount: number;
  /** a workbook's visible sheets, for the preview's sheet picker, and the one read */
  sheets?: SheetInfo[];
  sheet?: string;
  /** the observations read, by column (empty when blocked) */
  table: TidyTable;
  issues: ImportIssue[];
  emptyCells: number;
  /** true when the file was refused or blocked: nothing from it may join the workspace */
  blocked: boolean;
  /**
   * true when the file says it is synthetic demo data (an export of the demo dataset brought back in): a
   * `# 演示数据…` comment line, a `dataset` column reading `synthetic`, `"synthetic": true` in a JSON export,
   * or rows of basis `synthetic`. The dataset it joins is then marked as demo data everywhere.
   */
  synthetic: boolean;
}

/** How far an import has got, 0…1, for the progress bar; called a few hundred times at most. */
export type ProgressReport = (done: number) => void;

export interface ImportContext {
  registry: ZoneRegistry;
  catalogue: Catalogue;
  /**
   * The workbook reader (src/data/workbook/read-workbook.ts). importFile is synchronous and must not pull
   * SheetJS into every bundle that imports it, so the caller loads the reader when a workbook arrives — the
   * import worker with a dynamic import(), tests directly — and hands it in here. Without it a workbook is refused.
   */
  readWorkbook?: WorkbookReader;
}

/**
 * bytes → text → rows → shape → observations. The one pipeline for bundled and user files alike.
 * `limits` exists for tests (docs/hostile-inputs.md L1 with small limits instead of gigabytes); callers use the default.
 */
export function importFile(name: string, bytes: Uint8Array, ctx: ImportContext, options: ImportOptions = {}, limits: Limits = LIMITS, onProgress?: ProgressReport): ImportResult {
  const result: ImportResult = {
    file: name, bytes: bytes.length, encoding: null, encodingConfidence: null, notices: [], format: 'csv', delimiter: '',
    guess: null, sample: [], rowCount: 0, table: emptyTable(), issues: [], emptyCells: 0, blocked: true, synthetic: false,
  };
  const fail = (reason: string, row = 0, raw = '') => {
    result.issues.push({ file: name, row, column: '', raw, reason, severity: 'error' });
    return result;
  };
  // docs/hostile-inputs.md L1: before anything is decoded or parsed
  const tooBig = checkFileSize(bytes.length, limits);
  if (tooBig) return fail(tooBig.reason);
  if (bytes.length === 0) {
    // docs/hostile-inputs.md W6: a 0-byte "workbook" (a failed download, a file never saved) says what it is not
    if (WORKBOOK_NAME.test(name)) return fail(`“${displayName(name)}”是 0 字节的空文件，不是有效的 Excel 工作簿；请重新保存或重新下载 (the file "${displayName(name)}" is empty, 0 bytes: not a valid Excel workbook)`);
    return fail('文件是空的，没有数据行 (the file is empty: no data rows)');
  }
  const kind = sniffFileType(bytes).kind;
  let rows: string[][];
  let comments: Map<number, Map<number, string>> | undefined;
  if (kind === 'xlsx' || kind === 'xls') {
    // docs/hostile-inputs.md W1: a workbook becomes a text grid, then the same pipeline as a CSV
    if (!ctx.readWorkbook) return fail('无法读取 Excel 工作簿：读取程序未加载 (the workbook reader is not loaded)');
    onProgress?.(0.02);
    const read = ctx.readWorkbook(name, bytes, kind, options.sheet, limits);
    if ('refusal' in read) return fail(read.refusal.reason, read.refusal.row, read.refusal.raw);
    result.format = kind;
    result.sheets = read.grid.sheets;
    result.sheet = read.grid.sheet;
    result.issues.push(...read.grid.issues);
    rows = read.grid.rows;
    comments = read.grid.comments;
    const refusal = checkColumns(rows, limits) ?? checkCells(rows, limits);
    if (refusal) return fail(refusal.reason, refusal.row, refusal.raw);
    if (!rows.some((r) => r.some((c) => c.trim() !== ''))) return fail(`工作表“${read.grid.sheet}”是空的，没有数据行 (sheet "${read.grid.sheet}" is empty: no data rows)`);
  } else if (kind !== 'text') {
    const msg = refusalMessage(kind, name);
    return fail(`${msg.zh} (${msg.en})`);
  } else {
    onProgress?.(0.02);
    const text = readText(name, bytes, options, limits, result);
    if (!text) return result;
    rows = text;
  }
  onProgress?.(PARSED);
  result.rowCount = rows.length;
  result.sample = rows.slice(0, 12).map((r) => r.map((c) => c.slice(0, 80)));

  const guess = options.mapping ?? detectShape(rows, ctx.catalogue, name, ctx.registry);
  result.guess = guess;
  result.synthetic ||= rowsSaySynthetic(rows, guess.headerRow);
  // docs/hostile-inputs.md R1: from here on every issue goes through the file's capped log, raw text clipped
  const log = new IssueLog();
  log.addAll(result.issues);
  log.addAll(headerIssues(guess, name));
  if (comments?.size) log.addAll(commentIssues(comments, name));
  let hasData = false;
  for (let r = guess.headerRow + 1; r < rows.length && !hasData; r++) hasData = r !== guess.unitRow && r !== guess.subHeaderRow && rows[r].some((c) => c.trim() !== '');
  if (!hasData) {
    result.issues = log.list(name);
    return fail('文件没有数据行：只有表头或为空 (the file has no data rows: only a header, or nothing)', guess.headerRow + 1);
  }
  const problems = shapeProblems(guess, name);
  if (problems.length) {
    log.addAll(problems, true);
    result.issues = log.list(name);
    return result;
  }
  const norm = normaliseRows(rows, guess, { file: name, registry: ctx.registry, catalogue: ctx.catalogue, defaultSource: findFileSource(rows, guess.headerRow), log, cellNotes: comments }, onProgress && ((f) => onProgress(PARSED + f * (0.97 - PARSED))));
  result.table = norm.table;
  result.synthetic ||= norm.table.size > 0 && norm.table.basis.dict.includes('synthetic');
  if (result.synthetic) result.notices.push('此文件是演示数据（合成，非真实统计），导入后仍标为演示数据 (this file is synthetic demo data: it stays marked as demo data)');
  codePrecisionIssues(rows, guess, name, log);
  const checks = fileChecks(norm.table, norm.notNumbers, guess, name);
  log.addAll(checks.columns, true);
  log.addAll(checks.conflicts);
  result.issues = log.list(name);
  result.emptyCells = norm.emptyCells;
  if (norm.emptyCells) result.notices.push(`${norm.emptyCells} 个空单元格 (empty cells)`);
  for (const i of result.issues) if (i.severity === 'info' && /已换算/.test(i.reason)) result.notices.push(`${i.column}：${i.reason}`);
  result.blocked = false;
  return result;
}

/**
 * A text file's rows: decoded (encoding guessed or chosen), then read as JSON or as CSV with its delimiter.
 * Null when the file cannot be read; the reason is then in `result.issues` (and the rows before a fault in `result.sample`).
 */
function readText(name: string, bytes: Uint8Array, options: ImportOptions, limits: Limits, result: ImportResult): string[][] | null {
  const fail = (reason: string, row = 0, raw = '') => {
    result.issues.push({ file: name, row, column: '', raw, reason, severity: 'error' });
    return null;
  };
  const decoded = decodeBytes(bytes, options.encoding ? { encoding: options.encoding } : undefined);
  result.encoding = decoded.encoding;
  result.encodingConfidence = decoded.confidence;
  result.notices.push(...decoded.notices);
  if (decoded.badLines.length) {
    for (const line of decoded.badLines.slice(0, 50)) {
      result.issues.push({ file: name, row: line, column: '', raw: '', reason: `第 ${line} 行不是 ${decoded.encoding} 编码，可能混入了 GBK 文本 (line ${line} is not valid ${decoded.encoding})`, severity: 'error' });
    }
    return null;
  }
  // a .json file, or text that parses as a JSON array (or an export's {"rows": [...]}); a CSV whose first cell starts with `[` stays a CSV
  const isJsonName = /\.json$/i.test(name);
  const json = isJsonName || /^[[{]/.test(decoded.text.trimStart()) ? jsonToRows(decoded.text, limits) : null;
  if (json && (isJsonName || 'rows' in json)) {
    result.format = 'json';
    // docs/hostile-inputs.md J1: the key count (columns) and the grid's size are checked before the grid is built
    if ('error' in json) return fail(json.error, json.row, json.raw);
    result.synthetic = json.synthetic;
    const refusal = checkColumns(json.rows, limits) ?? checkCells(json.rows, limits);
    if (refusal) return fail(refusal.reason, refusal.row, refusal.raw);
    return json.rows;
  }
  const { grid, refusal } = readGrid(decoded.text, name, options.delimiter, limits);
  if (refusal || !grid) return fail(refusal?.reason ?? '', refusal?.row, refusal?.raw);
  result.issues.push(...grid.issues);
  result.delimiter = grid.delimiter;
  if (grid.guessed && grid.rows.length) result.notices.push(`分隔符：${delimiterName(grid.delimiter)} (delimiter: ${delimiterName(grid.delimiter, 'en')})`);
  if (grid.fatal) {
    // the preview shows the rows before the fault, never the rest of the file merged into one cell
    const firstBad = Math.min(...grid.issues.filter((i) => i.severity === 'error').map((i) => i.row));
    result.sample = grid.rows.slice(0, Math.min(12, firstBad - 1)).map((r) => r.map((c) => c.slice(0, 80)));
    return null;
  }
  return grid.rows;
}
