/**
 * One worksheet → the text grid the shape detector reads (docs/hostile-inputs.md W1, W2, W5). Row i of the
 * grid is Excel's row i + 1 and column j its column j + 1, so every issue cites the row the user sees in Excel.
 */
import type { CellObject, Range, WorkSheet } from '@e965/xlsx';
import { cellText } from './cell-text';

export interface SheetGrid {
  rows: string[][];
  /** 0-based rows and columns that Excel hides and that held something: left out, and reported */
  hiddenRows: number[];
  hiddenColumns: number[];
  comments: Map<number, Map<number, string>>;
  /** formula cells saved without a result (files written by scripts that never calculated): read as empty */
  uncalculated: number;
}

/** The dense cell array of a sheet read with `dense: true`. */
const cellsOf = (ws: WorkSheet) => ((ws as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? []);

/** True when a sheet has at least one cell with a value. */
export function sheetHasValues(ws: WorkSheet): boolean {
  return cellsOf(ws).some((row) => row?.some((c) => c && c.t !== 'z' && c.v !== undefined && c.v !== ''));
}

export function sheetToGrid(ws: WorkSheet, date1904: boolean): SheetGrid {
  const data = cellsOf(ws);
  const rows: string[][] = [];
  const comments = new Map<number, Map<number, string>>();
  let uncalculated = 0;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: string[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell) continue;
        const text = cellText(cell, date1904);
        if (cell.f && (cell.v === undefined || cell.t === 'z')) uncalculated++;
        if (text !== '') {
          while (row.length < c) row.push('');
          row[c] = text;
        }
        const note = cell.c?.map((x) => (x.t ?? '').trim()).filter(Boolean).join('\n');
        if (note) {
          if (!comments.has(r)) comments.set(r, new Map());
          comments.get(r)!.set(c, note);
        }
      }
    }
    rows.push(row);
  }
  unmerge(rows, ws['!merges'] ?? []);

  const hiddenRows: number[] = [];
  (ws['!rows'] ?? []).forEach((p, r) => {
    if (!p?.hidden || r >= rows.length) return;
    if (rows[r].some((c) => c.trim() !== '')) hiddenRows.push(r);
    rows[r] = [];
    comments.delete(r);
  });
  const hiddenColumns: number[] = [];
  (ws['!cols'] ?? []).forEach((p, c) => {
    if (!p?.hidden) return;
    let had = false;
    for (const row of rows) {
      if (c >= row.length) continue;
      had ||= row[c].trim() !== '';
      row[c] = '';
    }
    for (const m of comments.values()) m.delete(c);
    if (had) hiddenColumns.push(c);
  });
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  // every row as wide as the sheet, as a CSV saved by Excel has them: a row whose last cells are empty is not "short"
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const row of rows) while (row.length < width) row.push('');
  return { rows, hiddenRows, hiddenColumns, comments, uncalculated };
}

/**
 * Merged cells hold their value in the top-left cell only. Unmerging fills it where the merge means it:
 * - a merge one column wide (a zone name merged down over its years, `高新区` over a two-row header) is
 *   filled down: every row it covers has that value;
 * - a merge over several columns is filled across only when it is a group header: the row below it is
 *   filled under every column it spans (`2020年` over 营业收入 · 出口总额 · 增速) and it does not cover the
 *   table's first column. A title or a 资料来源 line merged across the whole table stays one cell, so it is
 *   still read as a title or footnote.
 */
export function unmerge(rows: string[][], merges: readonly Range[]): void {
  let firstColumn = Infinity;
  let width = 0;
  for (const row of rows) {
    const i = row.findIndex((c) => c.trim() !== '');
    if (i >= 0 && i < firstColumn) firstColumn = i;
    width = Math.max(width, row.length);
  }
  // Excel's merges never overlap, so the fills of a real sheet are fewer than its cells; a hostile file's
  // overlapping merges (docs/hostile-inputs.md W4) stop there too
  let budget = rows.length * width;
  const fills: { r: number; c: number; v: string }[] = [];
  for (const m of merges) {
    const v = rows[m.s.r]?.[m.s.c] ?? '';
    if (v.trim() === '') continue;
    const wide = m.e.c > m.s.c;
    if (wide) {
      const below = rows[m.e.r + 1] ?? [];
      let group = m.s.c > firstColumn;
      for (let c = m.s.c; c <= m.e.c && group; c++) group = (below[c] ?? '').trim() !== '';
      if (!group) continue;
    }
    for (let r = m.s.r; r <= m.e.r && r < rows.length && budget > 0; r++) {
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1) && budget > 0; c++) {
        if (r !== m.s.r || c !== m.s.c) {
          fills.push({ r, c, v });
          budget--;
        }
      }
    }
  }
  // filled after every merge was judged, so one merge's fill never makes another look like a group header
  for (const { r, c, v } of fills) {
    const row = rows[r];
    while (row.length < c) row.push('');
    row[c] = v;
  }
}
