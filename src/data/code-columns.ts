/**
 * Code columns (docs/hostile-inputs.md N10): division codes, statistics codes, postcodes. They are identifiers, not
 * quantities: `0012` and `08123` stay text (never 12 or 8123), and a code Excel has already turned into
 * `1.10108E+11` lost its last digits for good, which the user must hear about.
 */
import type { IssueLog } from './issue-log';
import { detectCodeColumn } from './numbers';
import type { ShapeGuess } from './shape';
import { textKey } from './text-key';

/** Headers that name a code column whatever its values look like. */
const CODE_HEADER = /(?:代码|代码号|编码|编号|区划码|邮编|邮政编码|信用代码|^code$|_code$|^id$|^no\.?$)/i;
/** `1.10108E+11`, `4.101E+05`: a code Excel displayed in scientific notation and saved that way. */
const SCIENTIFIC = /^\d(?:\.\d+)?e\+?\d+$/i;

/** True when a column (header and values) holds codes: by its name, or by values with leading zeros. */
export function isCodeColumn(header: string, values: readonly string[]): boolean {
  return CODE_HEADER.test(textKey(header)) || detectCodeColumn([...values]).isCode;
}

/** One warning per code cell whose digits were lost to scientific notation, into the file's (capped) issue log. */
export function codePrecisionIssues(rows: readonly string[][], guess: ShapeGuess, file: string, log: IssueLog): void {
  for (const c of guess.columns) {
    if (!c.code) continue;
    for (let r = guess.headerRow + 1; r < rows.length; r++) {
      if (r === guess.unitRow || r === guess.subHeaderRow) continue;
      const raw = (rows[r][c.index] ?? '').trim();
      if (!SCIENTIFIC.test(raw)) continue;
      log.add({
        file,
        row: r + 1,
        column: c.header,
        raw,
        reason:
          `代码列中的 ${raw} 是科学计数法：Excel 已把代码当作数字，末尾几位已经丢失，无法恢复；原文保留为文本。` +
          `请在 Excel 中把该列设为“文本”格式后重新导出 (a code in scientific notation: its last digits are lost; kept as text)`,
        severity: 'warning',
      });
    }
  }
}
