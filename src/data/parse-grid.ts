import Papa from 'papaparse';
import type { ImportIssue } from '../domain/types';
import { normaliseNewlines } from './decode';
import { DELIMITERS, delimiterName } from './delimiters';
import { LIMITS, checkCells, checkColumns, checkLineLength, type Limits, type Refusal } from './limits';

export interface Grid {
  /** every record as an array of cells; row i is spreadsheet row i + 1 */
  rows: string[][];
  delimiter: string;
  /** true when the delimiter was guessed rather than given */
  guessed: boolean;
  issues: ImportIssue[];
  /** a structural error (unterminated quote …) that makes every later row untrustworthy */
  fatal: boolean;
}

/** Rows looked at to guess the delimiter, and the most text they may span. */
const GUESS_ROWS = 100;
const GUESS_CHARS = 2_000_000;

interface Candidate {
  delimiter: string;
  /** the most common number of cells per non-blank row */
  width: number;
  /** the share of non-blank rows with exactly `width` cells */
  share: number;
}

export interface DelimiterGuess {
  delimiter: string;
  /** a second delimiter that splits the rows almost as regularly */
  ambiguousWith: string | null;
  /** false when no candidate gives two or more columns (a one-column file, or an unknown delimiter) */
  found: boolean;
}

/**
 * Which delimiter splits the first rows into the most regular table (docs/hostile-inputs.md S7). A candidate must give at least
 * two columns. When a second candidate is almost as regular, the choice is reported as ambiguous.
 */
export function guessDelimiter(text: string): DelimiterGuess {
  let end = 0;
  for (let i = 0; i < GUESS_ROWS; i++) {
    const nl = text.indexOf('\n', end);
    if (nl === -1 || nl >= GUESS_CHARS) {
      end = Math.min(text.length, GUESS_CHARS);
      break;
    }
    end = nl + 1;
  }
  const sample = text.slice(0, end);
  const candidates: Candidate[] = [];
  for (const delimiter of DELIMITERS) {
    if (!sample.includes(delimiter)) continue;
    const rows = Papa.parse<string[]>(sample, { header: false, delimiter, newline: '\n', skipEmptyLines: 'greedy' }).data;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let width = 0;
    let n = 0;
    for (const [w, c] of counts) if (c > n || (c === n && w > width)) [width, n] = [w, c];
    if (width >= 2) candidates.push({ delimiter, width, share: n / rows.length });
  }
  if (candidates.length === 0) return { delimiter: ',', ambiguousWith: null, found: false };
  // the most regular wins; between equally regular ones, the one giving more columns (a TSV whose every
  // row holds one `1,234` is still a TSV), then the order of DELIMITERS
  const best = candidates.reduce((a, b) => (b.share > a.share || (b.share === a.share && b.width > a.width) ? b : a));
  // a rival is a real doubt only when it is about as regular and splits at least as finely: a `，` inside
  // one note per row gives fewer columns than the commas and is no reason to warn
  const rival = candidates.find((c) => c !== best && c.share >= 0.9 && c.share >= best.share - 0.05 && c.width >= best.width);
  return { delimiter: best.delimiter, ambiguousWith: rival?.delimiter ?? null, found: true };
}

/** 1-based physical line of a character offset, for messages about files with multi-line cells. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Parses delimited text into arrays of cells (never `header: true`: a column named `__proto__` must stay
 * a plain name). Quote errors are fatal and cite the row, because papaparse would otherwise merge the rest
 * of the file into one cell. Expects LF line ends (see readGrid).
 */
export function parseGrid(text: string, file: string, delimiter?: string, guessedAlready?: DelimiterGuess): Grid {
  const issues: ImportIssue[] = [];
  const guessed = !delimiter;
  const guess = guessed ? (guessedAlready ?? guessDelimiter(text)) : null;
  const result = Papa.parse<string[]>(text, { header: false, delimiter: delimiter || guess!.delimiter, skipEmptyLines: false, newline: '\n' });
  let fatal = false;
  const quoteRows = new Set<number>();
  for (const e of result.errors) {
    const row = (e.row ?? 0) + 1;
    // papaparse reports `"x"y` twice (a malformed quote, then an unterminated one): one issue per row
    if (e.type !== 'Quotes' || quoteRows.has(row)) continue;
    fatal = true;
    // the first few are enough to find the fault; the file is blocked either way
    if (quoteRows.size >= 20) break;
    quoteRows.add(row);
    const line = lineAt(text, e.index ?? 0);
    const where = line === row ? `第 ${row} 行` : `第 ${row} 行（文本第 ${line} 行）`;
    issues.push({
      file,
      row,
      column: '',
      raw: (result.data[e.row ?? 0] ?? []).join(result.meta.delimiter).slice(0, 120),
      reason:
        e.code === 'MissingQuotes'
          ? `${where}的引号没有闭合，之后的内容无法可靠读取，文件未导入 (unterminated quote on row ${row}, line ${line})`
          : `${where}引号用法有误：闭合引号后紧跟其他字符，如 "x"y；文件未导入 (malformed quote on row ${row}, line ${line})`,
      severity: 'error',
    });
  }
  // papaparse gives strings; any hole becomes '' in place (a copy of a million rows costs a second of GC)
  const rows = result.data;
  for (const r of rows) for (let i = 0; i < r.length; i++) if (typeof r[i] !== 'string') r[i] = '';
  // trailing rows of empty cells (`,,,` from Excel) are not data: no phantom rows (docs/hostile-inputs.md S6)
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  if (guess && !guess.found && rows.length > 1 && /[,;|\t，]/.test(text.slice(0, 2000))) {
    issues.push({ file, row: 0, column: '', raw: '', reason: '无法确定分隔符，请在预览中选择 (the delimiter is ambiguous: choose one in the preview)', severity: 'warning' });
  }
  if (guess?.ambiguousWith) {
    const [a, b] = [delimiterName(guess.delimiter), delimiterName(guess.ambiguousWith)];
    issues.push({
      file,
      row: 0,
      column: '',
      raw: '',
      reason: `分隔符不确定：${a} 和 ${b} 都能把表格分成整齐的列，已按 ${a} 读取；如不对请在预览中选择 (ambiguous delimiter: read with ${JSON.stringify(guess.delimiter)}, ${JSON.stringify(guess.ambiguousWith)} also fits)`,
      severity: 'warning',
    });
  }
  return { rows, delimiter: result.meta.delimiter, guessed, issues, fatal };
}

/**
 * The grid stage of an import: line ends normalised (docs/hostile-inputs.md S6), every limit that can be checked before parsing
 * checked first (L1), then the parse. A refusal leaves `grid` null.
 */
export function readGrid(text: string, file: string, delimiter?: string, limits: Limits = LIMITS): { grid: Grid | null; refusal: Refusal | null } {
  const lf = normaliseNewlines(text);
  const long = checkLineLength(lf, limits);
  if (long) return { grid: null, refusal: long };
  // the width of the first rows, before the whole file is parsed
  const guess = delimiter ? undefined : guessDelimiter(lf);
  const head = Papa.parse<string[]>(lf, { header: false, delimiter: delimiter || guess!.delimiter, newline: '\n', preview: 50 }).data;
  const wide = checkColumns(head, limits);
  if (wide) return { grid: null, refusal: wide };
  const grid = parseGrid(lf, file, delimiter, guess);
  const refusal = grid.fatal ? null : (checkColumns(grid.rows, limits) ?? checkCells(grid.rows, limits));
  return { grid: refusal ? null : grid, refusal };
}
