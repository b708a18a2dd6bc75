/**
 * Findings about a file as a whole, for the import report: renamed headers (docs/hostile-inputs.md S4), a merged unit row,
 * code columns (N10), a column that is mostly but not all numbers (N12), and one zone/year/indicator given two
 * different values in the same file. Each is reported; none of them drops data.
 */
import type { ImportIssue } from '../domain/types';
import { at, codeAt, rawAt, type TidyTable } from './table';
import type { ShapeGuess } from './shape';

/** What the header analysis changed or found, stated where the user will see it. */
export function headerIssues(guess: ShapeGuess, file: string): ImportIssue[] {
  const row = guess.headerRow + 1;
  const out: ImportIssue[] = [];
  for (const r of guess.renamed ?? []) {
    const n = r.index + 1;
    out.push({
      file,
      row,
      column: r.to,
      raw: r.from,
      severity: 'warning',
      reason:
        r.reason === 'duplicate'
          ? `第 ${n} 列的列名“${r.from}”与前面的列重复，已改名为“${r.to}”；两列的数值都已读取，同一格有两个不同的值时显示为冲突 (duplicate header "${r.from}" in column ${n} renamed to "${r.to}"; both columns are read)`
          : `第 ${n} 列没有列名，已命名为“${r.to}”，请在预览中确认它的含义 (column ${n} has no header: named "${r.to}")`,
    });
  }
  if (guess.unitRow !== undefined) {
    const units = guess.columns.filter((c) => c.unit).map((c) => `${c.header}：${c.unit}`).join('，');
    out.push({
      file,
      row: guess.unitRow + 1,
      column: '',
      raw: '',
      severity: 'info',
      reason: `第 ${guess.unitRow + 1} 行是单位行，已并入各列的单位（${units}），不作为数据读取 (unit row merged into the column units)`,
    });
  }
  if (guess.subHeaderRow !== undefined) {
    const years = [...new Set(guess.columns.filter((c) => c.role === 'measure' && c.year !== undefined).map((c) => c.year))].join('、');
    out.push({
      file,
      row: guess.subHeaderRow + 1,
      column: '',
      raw: '',
      severity: 'info',
      reason: `第 ${row}–${guess.subHeaderRow + 1} 行是两行表头，已合并为列名（如“${guess.columns.find((c) => c.year !== undefined && c.role === 'measure')?.header ?? ''}”），年份 ${years} 取自表头 (two-row header joined into column names; years taken from the header)`,
    });
  }
  for (const c of guess.columns.filter((c) => c.code)) {
    out.push({ file, row, column: c.header, raw: '', severity: 'info', reason: `“${c.header}”是代码列，按原文保留为文本，不作为数值读取 (code column: kept as text)` });
  }
  return out;
}

/**
 * Findings that need the observations: mostly-numeric columns with a few texts (one per column, `columns`),
 * and in-file duplicates (one per repeated cell, `conflicts`). `notNumbers`: per column, the cells that are not
 * numbers, counted by normaliseRows whether or not each was listed.
 */
export function fileChecks(t: TidyTable, notNumbers: ReadonlyMap<string, number>, guess: ShapeGuess, file: string): { columns: ImportIssue[]; conflicts: ImportIssue[] } {
  const columns: ImportIssue[] = [];
  const out: ImportIssue[] = [];
  // docs/hostile-inputs.md N12: a value column with a few cells that are not numbers is still a number column; say how many
  const perCode = new Array<number>(t.column.dict.length).fill(0);
  for (let i = 0; i < t.size; i++) perCode[codeAt(t.column, i)]++;
  const read = new Map(t.column.dict.map((c, k) => [c, perCode[k]]));
  for (const [column, k] of notNumbers) {
    const n = k + (read.get(column) ?? 0);
    const pct = Math.round((k / n) * 100);
    columns.push({
      file,
      row: guess.headerRow + 1,
      column,
      raw: '',
      severity: 'info',
      reason: `“${column}”列 ${n} 个数值单元格中有 ${k} 个（${pct}%）无法读取为数字，已逐个列出并保留原文，其余按数值读取 (${k} of ${n} cells are not numbers: listed above)`,
    });
  }
  // the same zone, year, indicator, period and basis twice with different values: both kept, flagged
  const shown = (i: number) => {
    const band = at(t.band, i);
    return band ? band.label : Number.isNaN(t.value[i]) ? rawAt(t, i) : String(t.value[i]);
  };
  const first = new Map<number, number>();
  for (const i of repeatedKeyRows(t)) {
    const key = cellKeyCode(t, i);
    const f = first.get(key);
    if (f === undefined) {
      first.set(key, i);
      continue;
    }
    if (shown(f) === shown(i)) continue;
    out.push({
      file,
      row: t.row[i],
      column: at(t.column, i),
      raw: rawAt(t, i),
      severity: 'warning',
      reason:
        `与第 ${t.row[f]} 行“${at(t.column, f)}”是同一高新区、年份和指标，但数值不同（${shown(f)} 与 ${shown(i)}）；两者都已保留，显示为冲突` +
        ` (same zone, year and indicator as row ${t.row[f]} with a different value: both kept, shown as a conflict)`,
    });
  }
  return { columns, conflicts: out };
}

/** zone, indicator, period and basis as one number: a cell's key without its year. */
function groupCode(t: TidyTable, i: number): number {
  return ((codeAt(t.zone, i) * t.indicator.dict.length + codeAt(t.indicator, i)) * t.period.dict.length + codeAt(t.period, i)) * t.basis.dict.length + codeAt(t.basis, i);
}

/** zone, year, indicator, period and basis as one number (exact: the product of the dictionaries is far below 2^53). */
function cellKeyCode(t: TidyTable, i: number): number {
  return groupCode(t, i) * 65536 + (t.year[i] & 0xffff);
}

/**
 * The rows whose key occurs more than once, in row order. Rows are grouped by everything but the year with
 * a counting sort (zone × indicator × period × basis codes), and a repeat is then a year seen twice within
 * one group: linear, with typed arrays only. Where the groups would be too many to count (thousands of
 * distinct period texts), a sorted copy of the keys does it instead.
 */
export function repeatedKeyRows(t: TidyTable): number[] {
  const groups = t.zone.dict.length * t.indicator.dict.length * t.period.dict.length * t.basis.dict.length;
  if (groups > 1 << 22) return repeatedKeyRowsBySort(t);
  const group = new Int32Array(t.size);
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < t.size; i++) start[(group[i] = groupCode(t, i)) + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const order = new Int32Array(t.size);
  for (let i = 0; i < t.size; i++) order[next[group[i]]++] = i;
  // per year: the group it was last seen in (+1) and the row it was first seen at in that group
  const seenIn = new Int32Array(65536);
  const firstAt = new Int32Array(65536);
  const repeated = new Uint8Array(t.size);
  let any = false;
  for (let g = 0; g < groups; g++) {
    if (start[g + 1] - start[g] < 2) continue;
    for (let k = start[g]; k < start[g + 1]; k++) {
      const i = order[k];
      const y = t.year[i] & 0xffff;
      if (seenIn[y] === g + 1) {
        repeated[i] = 1;
        repeated[firstAt[y]] = 1;
        any = true;
      } else {
        seenIn[y] = g + 1;
        firstAt[y] = i;
      }
    }
  }
  const rows: number[] = [];
  if (any) for (let i = 0; i < t.size; i++) if (repeated[i]) rows.push(i);
  return rows;
}

/** The same answer by sorting a copy of every row's key: for tables with too many groups to count. */
export function repeatedKeyRowsBySort(t: TidyTable): number[] {
  const keys = new Float64Array(t.size);
  for (let i = 0; i < t.size; i++) keys[i] = cellKeyCode(t, i);
  const sorted = keys.slice().sort();
  const repeated = new Set<number>();
  for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]);
  const rows: number[] = [];
  if (repeated.size) for (let i = 0; i < t.size; i++) if (repeated.has(keys[i])) rows.push(i);
  return rows;
}
