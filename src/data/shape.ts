import type { ImportIssue } from '../domain/types';
import type { Catalogue } from './catalogue';
import { isCodeColumn } from './code-columns';
import { cleanHeaders, findGroupedHeader, findTitleUnit, findUnitRow, stripMarks, type HeaderRename } from './header-rows';
import { splitHeaderUnit } from './numbers';
import type { ZoneRegistry } from './registry';
import { textKey } from './text-key';
import { convertUnit } from './units';

/**
 * What a column means. `measure` = one indicator per column (wide); `yearColumn` = one year per column;
 * `extra` = any other column, kept in each observation's note as "header: value" so nothing is lost.
 */
export type ColumnRole =
  | 'zone' | 'year' | 'yearText' | 'indicator' | 'value' | 'unit' | 'period' | 'basis' | 'source' | 'note'
  | 'measure' | 'yearColumn' | 'extra' | 'ignore';

export interface ColumnMapping {
  index: number;
  header: string;
  role: ColumnRole;
  /** for `measure`: the indicator id */
  indicator?: string;
  /** for `yearColumn`; for `measure` under a two-row header's year (docs/hostile-inputs.md W1) */
  year?: number;
  /** a unit read from the header (`营业收入（亿元）` → 亿元), a unit row below it, or a `单位：` title row */
  unit?: string;
  /** an identifier column (division code, postcode …): its text is kept verbatim, never read as a number (docs/hostile-inputs.md N10) */
  code?: boolean;
  /** the header carries a footnote mark (`营业收入①`): its values are flagged `footnote` */
  footnote?: boolean;
  /** the header's footnote marks (`营业收入①` → `①`): its values carry them as `footnote:①` */
  marks?: string[];
}

export type Shape = 'long' | 'wide' | 'matrix' | 'unknown';

export interface ShapeGuess {
  shape: Shape;
  /** index into Grid.rows of the header row (title rows above it are skipped) */
  headerRow: number;
  columns: ColumnMapping[];
  /** for a year matrix: the one indicator of the file (from its name, or chosen by the user) */
  matrixIndicator?: string;
  /** index into Grid.rows of a unit row below the header (`,（亿元）,（件）`): read as units, not as data */
  unitRow?: number;
  /**
   * index into Grid.rows of a two-row header's second row (years over indicators, or indicators over years:
   * docs/hostile-inputs.md W1): its names are joined to the header's, and it is not read as data
   */
  subHeaderRow?: number;
  /** headers renamed so that every column has a distinct name (docs/hostile-inputs.md S4): reported to the user */
  renamed?: HeaderRename[];
}

// A Map, not an object: a header named `__proto__` or `constructor` must be just a name.
const ROLE_NAMES = new Map<string, ColumnRole>();
const addNames = (role: ColumnRole, names: string[]) => names.forEach((n) => ROLE_NAMES.set(textKey(n), role));
addNames('zone', ['zone', 'zone_id', 'zoneid', '高新区', '高新区名称', '国家高新区', '园区', '园区名称', '名称', '开发区', '地区', '单位名称', '区域', 'name']);
addNames('year', ['year', '年份', '年度', '年', '统计年度', '数据年份', '评价年度']);
addNames('indicator', ['indicator', 'metric', '指标', '指标名称', '项目', '统计指标']);
addNames('value', ['value', '数值', '值', '数据', '指标值', '数量']);
addNames('unit', ['unit', '单位', '计量单位']);
addNames('period', ['period', '期间', '时期', '统计期', '统计期间']);
addNames('basis', ['basis', '口径', '数据性质', '性质']);
addNames('source', ['source', 'sources', '来源', '数据来源', '资料来源', '出处']);
addNames('note', ['note', 'notes', '备注', '说明', '注', 'quote', '引文', '原文']);

const YEAR_HEADER = /^((?:19|20)\d\d)(?:年度?)?$/;
export const YEAR_IN_TEXT = /((?:19|20)\d\d)\s*年/;

const nonEmpty = (row: string[]) => row.filter((c) => c.trim() !== '').length;

/** The header is the first row that names a zone column, or else the first row with two or more cells. */
export function findHeaderRow(rows: string[][]): number {
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i++) {
    if (rows[i].some((c) => ROLE_NAMES.get(textKey(splitHeaderUnit(stripMarks(c).text).name)) === 'zone')) return i;
  }
  for (let i = 0; i < limit; i++) if (nonEmpty(rows[i]) >= 2) return i;
  return 0;
}

/**
 * Guesses the role of every column from the header and, for year-in-text columns, from the values. With a
 * registry, a file whose zone column has no recognisable name (the empty top-left cell of a year matrix)
 * still finds it from the values.
 */
export function detectShape(rows: string[][], catalogue: Catalogue, fileName: string, registry?: ZoneRegistry): ShapeGuess {
  const headerRow = findHeaderRow(rows);
  const headerYear = (cell: string) => {
    const m = YEAR_HEADER.exec(textKey(stripMarks(cell).text));
    return m ? Number(m[1]) : null;
  };
  const grouped = findGroupedHeader(rows, headerRow, headerYear, (cell) => !!catalogue.match(splitHeaderUnit(stripMarks(cell).text).name));
  const lastHeader = grouped ? grouped.row : headerRow;
  const unitRow = findUnitRow(rows, lastHeader);
  const bodyStart = lastHeader + (unitRow ? 2 : 1);
  const body = rows.slice(bodyStart, bodyStart + 200);
  const fileUnit = findTitleUnit(rows, headerRow);
  // a two-row header's columns are named `2020年 营业收入（亿元）`: distinct, and saying both rows
  const width = Math.max(rows[headerRow]?.length ?? 0, grouped ? rows[grouped.row].length : 0);
  const headerCells = grouped
    ? Array.from({ length: width }, (_, i) => {
        const g = grouped.columns.get(i);
        return g ? `${g.year}年 ${g.name}` : (rows[headerRow][i] ?? '');
      })
    : (rows[headerRow] ?? []);
  const { headers, renamed, blank } = cleanHeaders(headerCells, rows.slice(bodyStart));
  const used = new Set<ColumnRole>();
  const columns: ColumnMapping[] = headers.map((header, index) => {
    if (blank.has(index)) return { index, header, role: 'ignore' };
    // roles are read from the header as written: a renamed duplicate `2023年_1` is still the year 2023
    const isEmpty = renamed.some((r) => r.index === index && r.reason === 'empty');
    const group = grouped?.columns.get(index);
    const { text, marked, marks } = isEmpty ? { text: '', marked: false, marks: [] } : stripMarks(group ? group.name : headerCells[index]);
    const { name, unit: headerUnit } = splitHeaderUnit(text);
    const unit = headerUnit || unitRow?.units.get(index);
    // optional fields only where they apply: a mapping stays small and compares cleanly
    const extras = (m: ColumnMapping): ColumnMapping => {
      if (marked) {
        m.footnote = true;
        m.marks = marks;
      }
      if (m.unit === undefined) delete m.unit;
      return m;
    };
    const key = textKey(name);
    const yearMatch = group ? null : YEAR_HEADER.exec(key);
    if (yearMatch) return extras({ index, header, role: 'yearColumn', year: Number(yearMatch[1]), unit: unit ?? fileUnit ?? undefined });
    const role = key ? (ROLE_NAMES.get(key) ?? ROLE_NAMES.get(textKey(text))) : undefined;
    if (role && !used.has(role)) {
      used.add(role);
      return { index, header, role };
    }
    const ind = key ? catalogue.match(name) : null;
    if (ind) {
      // a `单位：万元` title applies to the columns whose indicator it can describe, not to 专利授权量 (件)
      const titleUnit = fileUnit && (fileUnit === ind.unit || convertUnit(1, fileUnit, ind.unit) !== null) ? fileUnit : undefined;
      const m = extras({ index, header, role: 'measure', indicator: ind.id, unit: unit ?? titleUnit });
      if (group) m.year = group.year;
      return m;
    }
    const column: ColumnMapping = { index, header, role: 'extra' };
    if (isCodeColumn(name, body.map((r) => r[index] ?? ''))) column.code = true;
    return column;
  });

  if (!used.has('zone') && registry) {
    // the column whose values are mostly zone names
    const best = columns
      .filter((c) => c.role === 'extra')
      .map((c) => {
        const filled = body.map((r) => (r[c.index] ?? '').trim()).filter(Boolean);
        return { c, share: filled.length ? filled.filter((v) => registry.match(v.replace(/^#+/, '')).zone).length / filled.length : 0 };
      })
      .sort((a, b) => b.share - a.share)[0];
    if (best && best.share >= 0.5) {
      best.c.role = 'zone';
      delete best.c.code;
      used.add('zone');
    }
  }

  // No year column: a column whose values carry "2020年…" (an evaluation label) gives the year.
  if (!used.has('year') && !columns.some((c) => c.role === 'yearColumn')) {
    const best = columns
      .filter((c) => c.role === 'extra')
      .map((c) => ({ c, hits: body.filter((r) => YEAR_IN_TEXT.test(r[c.index] ?? '')).length }))
      .sort((a, b) => b.hits - a.hits)[0];
    if (best && best.hits >= Math.max(1, body.length * 0.5)) best.c.role = 'yearText';
  }

  const has = (role: ColumnRole) => columns.some((c) => c.role === role);
  let shape: Shape = 'unknown';
  let matrixIndicator: string | undefined;
  if (has('zone') && has('indicator') && has('value')) shape = 'long';
  else if (has('zone') && columns.filter((c) => c.role === 'yearColumn').length >= 2) {
    shape = 'matrix';
    const base = fileName.replace(/\.[^.]+$/, '');
    matrixIndicator = catalogue.match(splitHeaderUnit(base).name)?.id ?? findIndicatorInText(base, catalogue);
  } else if (has('zone') && has('measure')) shape = 'wide';
  const guess: ShapeGuess = { shape, headerRow, columns, matrixIndicator };
  if (unitRow) guess.unitRow = unitRow.row;
  if (grouped) guess.subHeaderRow = grouped.row;
  if (renamed.length) guess.renamed = renamed;
  return guess;
}

/** A file named `2017-2020综合排名.csv` names its indicator somewhere in the name. */
function findIndicatorInText(text: string, catalogue: Catalogue): string | undefined {
  let best: { id: string; len: number } | undefined;
  for (const ind of catalogue.indicators) {
    for (const n of [ind.zh, ...ind.aliases]) {
      if (n.length >= 2 && text.includes(n) && (!best || n.length > best.len)) best = { id: ind.id, len: n.length };
    }
  }
  return best?.id;
}

/** Why a file's shape could not be read, for the import report. */
export function shapeProblems(guess: ShapeGuess, file: string): ImportIssue[] {
  const issue = (reason: string): ImportIssue => ({ file, row: guess.headerRow + 1, column: '', raw: '', reason, severity: 'error' });
  const has = (role: ColumnRole) => guess.columns.some((c) => c.role === role);
  const out: ImportIssue[] = [];
  if (!has('zone')) out.push(issue('找不到高新区列（如“高新区”“zone”），请在预览中指定 (no zone column: choose one in the preview)'));
  if (guess.shape === 'unknown' && has('zone')) {
    out.push(issue('无法识别表格形式：需要“指标+数值”列、指标列（如“综合排名”）或年份列 (shape not recognised: need indicator+value columns, indicator columns, or year columns)'));
  }
  if (guess.shape === 'matrix' && !guess.matrixIndicator) {
    out.push(issue('年份矩阵文件需要指定指标：文件名中未找到指标名，请在预览中选择 (year-matrix file: choose its indicator in the preview)'));
  }
  const yearsInHeader = guess.shape === 'wide' && guess.columns.some((c) => c.role === 'measure') && guess.columns.every((c) => c.role !== 'measure' || c.year !== undefined);
  if ((guess.shape === 'long' || guess.shape === 'wide') && !has('year') && !has('yearText') && !yearsInHeader) {
    out.push(issue('找不到年份列（如“年份”“year”），请在预览中指定 (no year column: choose one in the preview)'));
  }
  return out;
}
