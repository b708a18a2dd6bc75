import Papa from 'papaparse';
import type { ImportIssue } from '../domain/types';

/** Delimiters people's files use; the full-width comma comes from hand-typed Chinese text. */
export const DELIMITERS = [',', '\t', ';', '|', '，'] as const;

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

const DELIMITER_NAMES: Record<string, string> = { ',': '逗号 ,', '\t': '制表符 TAB', ';': '分号 ;', '|': '竖线 |', '，': '全角逗号 ，' };
export const delimiterName = (d: string) => DELIMITER_NAMES[d] ?? JSON.stringify(d);

/**
 * Parses delimited text into arrays of cells (never `header: true`: a column named `__proto__` must stay
 * a plain name). Quote errors are fatal and cite the row, because papaparse would otherwise merge the rest
 * of the file into one cell.
 */
export function parseGrid(text: string, file: string, delimiter?: string): Grid {
  const result = Papa.parse<string[]>(text, {
    header: false,
    delimiter: delimiter ?? '',
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: false,
    newline: '\n',
  });
  const issues: ImportIssue[] = [];
  let fatal = false;
  for (const e of result.errors) {
    const row = (e.row ?? 0) + 1;
    if (e.type === 'Quotes') {
      fatal = true;
      issues.push({
        file,
        row,
        column: '',
        raw: (result.data[e.row ?? 0] ?? []).join(result.meta.delimiter).slice(0, 120),
        reason:
          e.code === 'MissingQuotes'
            ? `第 ${row} 行的引号没有闭合，之后的内容无法可靠读取 (unterminated quote on row ${row})`
            : `第 ${row} 行引号用法有误：引号后紧跟其他字符 (malformed quote on row ${row})`,
        severity: 'error',
      });
    }
  }
  const rows = result.data.map((r) => r.map((c) => c ?? ''));
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  const guessed = !delimiter;
  if (guessed && rows.length > 1 && rows.every((r) => r.length <= 1) && /[,;|\t，]/.test(text.slice(0, 2000))) {
    issues.push({
      file,
      row: 0,
      column: '',
      raw: '',
      reason: '无法确定分隔符，请在预览中选择 (the delimiter is ambiguous: choose one in the preview)',
      severity: 'warning',
    });
  }
  return { rows, delimiter: result.meta.delimiter, guessed, issues, fatal };
}
