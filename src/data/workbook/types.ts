/**
 * What the workbook reader hands the import pipeline (docs/architecture.md §7.3; docs/hostile-inputs.md W1–W7).
 * Types only: import-file.ts stays free of the reader, which the import worker loads on demand when a
 * workbook arrives (src/data/import.worker.ts), so SheetJS never weighs on the first view or a CSV import.
 */
import type { ImportIssue } from '../../domain/types';
import type { Limits, Refusal } from '../limits';

/** A sheet the user may pick in the preview: visible sheets only, in workbook order. */
export interface SheetInfo {
  name: string;
  /** rows and columns of the sheet's used range (0 × 0 for an empty sheet) */
  rows: number;
  columns: number;
  empty: boolean;
}

export interface WorkbookGrid {
  /** the chosen sheet as text, row i = Excel row i + 1, column j = Excel column j + 1: issues cite Excel's own row numbers */
  rows: string[][];
  sheets: SheetInfo[];
  /** the sheet read */
  sheet: string;
  /** hidden sheets, rows and columns left out; a requested sheet that does not exist (info or warning) */
  issues: ImportIssue[];
  /** cell comments (批注) by grid row, then column: they become notes of the values they sit on */
  comments: Map<number, Map<number, string>>;
}

export type WorkbookKind = 'xlsx' | 'xls';

/** Reads a workbook's bytes into the text grid of one sheet, or refuses it (the refusal names the file). */
export type WorkbookReader = (name: string, bytes: Uint8Array, kind: WorkbookKind, sheet: string | undefined, limits: Limits) => { grid: WorkbookGrid } | { refusal: Refusal };
