import type { ImportIssue, Observation } from '../domain/types';
import type { Catalogue } from './catalogue';
import { decodeBytes, normaliseNewlines, type DecodeResult } from './decode';
import { LIMITS, formatMB } from './limits';
import { findFileSource, normaliseRows } from './normalise';
import { parseGrid, delimiterName } from './parse-grid';
import type { ZoneRegistry } from './registry';
import { detectShape, shapeProblems, type ShapeGuess } from './shape';
import { refusalMessage, sniffFileType } from './sniff';
import { jsonToRows } from './json-rows';

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
  observations: Observation[];
  issues: ImportIssue[];
  emptyCells: number;
  /** true when the file was refused or blocked: nothing from it may join the workspace */
  blocked: boolean;
}

export interface ImportContext {
  registry: ZoneRegistry;
  catalogue: Catalogue;
}

/** bytes → text → rows → shape → observations. The one pipeline for bundled and user files alike. */
export function importFile(name: string, bytes: Uint8Array, ctx: ImportContext, options: ImportOptions = {}): ImportResult {
  const result: ImportResult = {
    file: name, bytes: bytes.length, encoding: null, encodingConfidence: null, notices: [], format: 'csv', delimiter: '',
    guess: null, sample: [], rowCount: 0, observations: [], issues: [], emptyCells: 0, blocked: true,
  };
  const fail = (reason: string, row = 0, raw = '') => {
    result.issues.push({ file: name, row, column: '', raw, reason, severity: 'error' });
    return result;
  };
  if (bytes.length > LIMITS.fileBytes) {
    return fail(`文件大小 ${formatMB(bytes.length)} 超过上限 ${formatMB(LIMITS.fileBytes)} (file exceeds the size limit)`);
  }
  if (bytes.length === 0) return fail('文件是空的，没有数据行 (the file is empty)');
  const kind = sniffFileType(bytes).kind;
  if (kind !== 'text') {
    const msg = refusalMessage(kind, name);
    return fail(`${msg.zh} (${msg.en})`);
  }

  const decoded = decodeBytes(bytes, options.encoding ? { encoding: options.encoding } : undefined);
  result.encoding = decoded.encoding;
  result.encodingConfidence = decoded.confidence;
  result.notices.push(...decoded.notices);
  if (decoded.badLines.length) {
    for (const line of decoded.badLines.slice(0, 50)) {
      result.issues.push({ file: name, row: line, column: '', raw: '', reason: `第 ${line} 行不是 ${decoded.encoding} 编码，可能混入了 GBK 文本 (line is not valid ${decoded.encoding})`, severity: 'error' });
    }
    return result;
  }
  const text = normaliseNewlines(decoded.text);

  let rows: string[][];
  const trimmed = text.trimStart();
  if (/\.json$/i.test(name) || trimmed.startsWith('[')) {
    result.format = 'json';
    const json = jsonToRows(text);
    if ('error' in json) return fail(json.error);
    rows = json.rows;
  } else {
    const grid = parseGrid(text, name, options.delimiter);
    result.issues.push(...grid.issues);
    result.delimiter = grid.delimiter;
    if (grid.guessed && grid.rows.length) result.notices.push(`分隔符：${delimiterName(grid.delimiter)}`);
    if (grid.fatal) return result;
    rows = grid.rows;
  }
  result.rowCount = rows.length;
  result.sample = rows.slice(0, 12).map((r) => r.map((c) => c.slice(0, 80)));
  const widest = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (widest > LIMITS.columns) return fail(`表格有 ${widest} 列，超过上限 ${LIMITS.columns} 列 (too many columns)`);
  for (let r = 0; r < rows.length; r++) {
    const long = rows[r].findIndex((c) => c.length > LIMITS.cellChars);
    if (long >= 0) return fail(`第 ${r + 1} 行第 ${long + 1} 列的单元格超过 ${LIMITS.cellChars} 个字符 (cell too long)`, r + 1, rows[r][long].slice(0, 60));
  }

  const guess = options.mapping ?? detectShape(rows, ctx.catalogue, name);
  result.guess = guess;
  const dataRowCount = rows.slice(guess.headerRow + 1).filter((r) => r.some((c) => c.trim() !== '')).length;
  if (dataRowCount === 0) return fail('文件没有数据行：只有表头或为空 (the file has no data rows)', guess.headerRow + 1);
  const problems = shapeProblems(guess, name);
  if (problems.length) {
    result.issues.push(...problems);
    return result;
  }
  const norm = normaliseRows(rows, guess, { file: name, registry: ctx.registry, catalogue: ctx.catalogue, defaultSource: findFileSource(rows, guess.headerRow) });
  result.observations = norm.observations;
  result.issues.push(...norm.issues);
  result.emptyCells = norm.emptyCells;
  if (norm.emptyCells) result.notices.push(`${norm.emptyCells} 个空单元格 (empty cells)`);
  result.blocked = false;
  return result;
}
