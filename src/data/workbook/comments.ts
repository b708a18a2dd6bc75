/**
 * Cell comments (批注) of a workbook (docs/hostile-inputs.md W2). A comment on a value becomes part of that
 * value's note (src/data/normalise.ts), one on a zone cell part of its row's notes; every comment is also
 * listed in the import report with its cell, so that one on a title or header cell — which has no value to
 * sit on — is kept too. Pure: no workbook library here.
 */
import type { ImportIssue } from '../../domain/types';
import { columnLetters } from './ranges';

export function commentIssues(comments: ReadonlyMap<number, ReadonlyMap<number, string>>, file: string): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const [r, byColumn] of [...comments].sort((a, b) => a[0] - b[0])) {
    for (const [c, text] of [...byColumn].sort((a, b) => a[0] - b[0])) {
      const cell = `${columnLetters(c)}${r + 1}`;
      out.push({ file, row: r + 1, column: cell, raw: text, severity: 'info', reason: `单元格 ${cell} 的批注，作为说明保留：${text} (cell comment kept as a note)` });
    }
  }
  return out;
}
