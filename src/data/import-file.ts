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
import { refusalMessage, sniffFileType } from './sniff';
import { jsonToRows } from './json-rows';
import { emptyTable, type TidyTable } from './table';

/** The share of an import's time that decoding and parsing take (measured on 50 MB files: about half). */
const PARSED = 0.45;

/** What the user may correct in the preview before the data joins the workspace. */
export interface ImportOptions {
  encoding?: DecodeResult['encoding'];
  delimiter?: string;
  /** a full column mapping chosen by the user, replacing the guess */
  mapping?: ShapeGuess;
}

export interface ImportResult {
  file: string;
  bytes: number;
  encoding: DecodeResult['encoding'] | null;
  encodingConfidence: DecodeResult['confidence'] | null;
  notices: string[];
  format: 'csv' | 'json';
  delimiter: string;
  guess: ShapeGuess | null;
  /** the first rows as read, for the preview */
  sample: string[][];
  rowCount: number;
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
  if (bytes.length === 0) return fail('文件是空的，没有数据行 (the file is empty: no data rows)');
  const kind = sniffFileType(bytes).kind;
  if (kind !== 'text') {
    const msg = refusalMessage(kind, name);
    return fail(`${msg.zh} (${msg.en})`);
  }

  onProgress?.(0.02);
  const decoded = decodeBytes(bytes, options.encoding ? { encoding: options.encoding } : undefined);
  result.encoding = decoded.encoding;
  result.encodingConfidence = decoded.confidence;
  result.notices.push(...decoded.notices);
  if (decoded.badLines.length) {
    for (const line of decoded.badLines.slice(0, 50)) {
      result.issues.push({ file: name, row: line, column: '', raw: '', reason: `第 ${line} 行不是 ${decoded.encoding} 编码，可能混入了 GBK 文本 (line ${line} is not valid ${decoded.encoding})`, severity: 'error' });
    }
    return result;
  }

  let rows: string[][];
  // a .json file, or text that parses as a JSON array (or an export's {"rows": [...]}); a CSV whose first cell starts with `[` stays a CSV
  const isJsonName = /\.json$/i.test(name);
  const json = isJsonName || /^[[{]/.test(decoded.text.trimStart()) ? jsonToRows(decoded.text, limits) : null;
  if (json && (isJsonName || 'rows' in json)) {
    result.format = 'json';
    // docs/hostile-inputs.md J1: the key count (columns) and the grid's size are checked before the grid is built
    if ('error' in json) return fail(json.error, json.row, json.raw);
    rows = json.rows;
    result.synthetic = json.synthetic;
    const refusal = checkColumns(rows, limits) ?? checkCells(rows, limits);
    if (refusal) return fail(refusal.reason, refusal.row, refusal.raw);
  } else {
    const { grid, refusal } = readGrid(decoded.text, name, options.delimiter, limits);
    if (refusal || !grid) return fail(refusal?.reason ?? '', refusal?.row, refusal?.raw);
    result.issues.push(...grid.issues);
    result.delimiter = grid.delimiter;
    if (grid.guessed && grid.rows.length) result.notices.push(`分隔符：${delimiterName(grid.delimiter)} (delimiter: ${delimiterName(grid.delimiter, 'en')})`);
    if (grid.fatal) {
      // the preview shows the rows before the fault, never the rest of the file merged into one cell
      const firstBad = Math.min(...grid.issues.filter((i) => i.severity === 'error').map((i) => i.row));
      result.sample = grid.rows.slice(0, Math.min(12, firstBad - 1)).map((r) => r.map((c) => c.slice(0, 80)));
      return result;
    }
    rows = grid.rows;
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
  let hasData = false;
  for (let r = guess.headerRow + 1; r < rows.length && !hasData; r++) hasData = r !== guess.unitRow && rows[r].some((c) => c.trim() !== '');
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
  const norm = normaliseRows(rows, guess, { file: name, registry: ctx.registry, catalogue: ctx.catalogue, defaultSource: findFileSource(rows, guess.headerRow), log }, onProgress && ((f) => onProgress(PARSED + f * (0.97 - PARSED))));
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
