import type { Encoding } from './decode';
import { DELIMITERS } from './delimiters';
import type { ImportOptions } from './import-file';
import { LIMITS } from './limits';
import type { ColumnMapping, ColumnRole, Shape, ShapeGuess } from './shape';

/**
 * Import options that come from outside the preview — a workspace backup, a record in IndexedDB — checked
 * against what the preview itself can produce (docs/hostile-inputs.md B3, P8): known encodings and delimiters,
 * known column roles, ids and years in range. Every accepted value is copied into a fresh object (never the
 * parsed one, whose prototype a `__proto__` key could have set); what is not understood is dropped and named,
 * and the importer then guesses it as for a new file.
 */
const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];
const ROLES: readonly ColumnRole[] = ['zone', 'year', 'yearText', 'indicator', 'value', 'unit', 'period', 'basis', 'source', 'note', 'measure', 'yearColumn', 'extra', 'ignore'];
const SHAPES: readonly Shape[] = ['long', 'wide', 'matrix', 'unknown'];
const ID = /^[a-z0-9_-]{1,64}$/i;
const KEYS = ['encoding', 'delimiter', 'mapping', 'sheet'];
/**
 * A sheet name as Excel allows it (docs/hostile-inputs.md W5): 1–31 characters, none of `: \ / ? * [ ]`, no
 * control characters. A name outside that cannot be a sheet of any workbook.
 */
// eslint-disable-next-line no-control-regex
const SHEET_NAME = /^[^:\\/?*[\]\u0000-\u001f\u007f]{1,31}$/;
/** header rows are looked for among the first 20 rows (shape.ts findHeaderRow); a unit row sits just below */
const MAX_HEADER_ROW = 100;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const isIndex = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

export interface CheckedOptions {
  options: ImportOptions;
  /** what was dropped, short and in English (`encoding "latin-9"`, `mapping: column 3 role`) */
  dropped: string[];
}

export function checkImportOptions(raw: unknown): CheckedOptions {
  const options: ImportOptions = {};
  const dropped: string[] = [];
  if (raw === undefined || raw === null) return { options, dropped };
  if (!isObject(raw)) return { options, dropped: ['options (not an object)'] };
  for (const key of Object.keys(raw)) if (!KEYS.includes(key)) dropped.push(`option "${key.slice(0, 40)}"`);
  const encoding = own(raw, 'encoding');
  if (encoding !== undefined) {
    if (ENCODINGS.includes(encoding as Encoding)) options.encoding = encoding as Encoding;
    else dropped.push(`encoding ${JSON.stringify(encoding)?.slice(0, 40)}`);
  }
  const delimiter = own(raw, 'delimiter');
  if (delimiter !== undefined) {
    if ((DELIMITERS as readonly unknown[]).includes(delimiter)) options.delimiter = delimiter as string;
    else dropped.push(`delimiter ${JSON.stringify(delimiter)?.slice(0, 40)}`);
  }
  const sheet = own(raw, 'sheet');
  if (sheet !== undefined) {
    if (typeof sheet === 'string' && SHEET_NAME.test(sheet)) options.sheet = sheet;
    else dropped.push(`sheet ${JSON.stringify(sheet)?.slice(0, 40)}`);
  }
  const mapping = own(raw, 'mapping');
  if (mapping !== undefined) {
    const m = checkMapping(mapping);
    if (typeof m === 'string') dropped.push(`mapping: ${m}`);
    else options.mapping = m;
  }
  return { options, dropped };
}

/** A column mapping rebuilt field by field, or the first reason it cannot be used (the whole mapping is then dropped). */
function checkMapping(raw: unknown): ShapeGuess | string {
  if (!isObject(raw)) return 'not an object';
  const shape = own(raw, 'shape');
  if (!SHAPES.includes(shape as Shape)) return `shape ${JSON.stringify(shape)?.slice(0, 20)}`;
  const headerRow = own(raw, 'headerRow');
  if (!isIndex(headerRow, MAX_HEADER_ROW)) return `headerRow ${String(headerRow).slice(0, 20)}`;
  const cols = own(raw, 'columns');
  if (!Array.isArray(cols) || cols.length > LIMITS.columns) return 'columns';
  const columns: ColumnMapping[] = [];
  const seen = new Set<number>();
  for (const [n, c] of cols.entries()) {
    const bad = (what: string) => `column ${n + 1} ${what}`;
    if (!isObject(c)) return bad('');
    const index = own(c, 'index');
    if (!isIndex(index, LIMITS.columns - 1) || seen.has(index)) return bad('index');
    seen.add(index);
    const header = own(c, 'header');
    if (!isText(header, LIMITS.cellChars)) return bad('header');
    const role = own(c, 'role');
    if (!ROLES.includes(role as ColumnRole)) return bad('role');
    const col: ColumnMapping = { index, header, role: role as ColumnRole };
    const indicator = own(c, 'indicator');
    if (indicator !== undefined && indicator !== null) {
      if (typeof indicator !== 'string' || !ID.test(indicator)) return bad('indicator');
      col.indicator = indicator;
    }
    const year = own(c, 'year');
    if (year !== undefined && year !== null) {
      // the years a header can name (shape.ts YEAR_HEADER): 1900–2099
      if (!Number.isInteger(year) || (year as number) < 1900 || (year as number) > 2099) return bad(`year ${String(year).slice(0, 12)}`);
      col.year = year as number;
    }
    const unit = own(c, 'unit');
    if (unit !== undefined && unit !== null) {
      if (!isText(unit, 40)) return bad('unit');
      col.unit = unit;
    }
    for (const flag of ['code', 'footnote'] as const) {
      const v = own(c, flag);
      if (v === undefined || v === null) continue;
      if (typeof v !== 'boolean') return bad(flag);
      col[flag] = v;
    }
    const marks = own(c, 'marks');
    if (marks !== undefined && marks !== null) {
      if (!Array.isArray(marks) || marks.length > 20 || !marks.every((x) => isText(x, 10))) return bad('marks');
      col.marks = [...(marks as string[])];
    }
    columns.push(col);
  }
  const guess: ShapeGuess = { shape: shape as Shape, headerRow, columns };
  const matrixIndicator = own(raw, 'matrixIndicator');
  if (matrixIndicator !== undefined && matrixIndicator !== null && matrixIndicator !== '') {
    if (typeof matrixIndicator !== 'string' || !ID.test(matrixIndicator)) return 'matrixIndicator';
    guess.matrixIndicator = matrixIndicator;
  }
  const unitRow = own(raw, 'unitRow');
  if (unitRow !== undefined && unitRow !== null) {
    if (!isIndex(unitRow, MAX_HEADER_ROW + 1)) return 'unitRow';
    guess.unitRow = unitRow;
  }
  const subHeaderRow = own(raw, 'subHeaderRow');
  if (subHeaderRow !== undefined && subHeaderRow !== null) {
    if (!isIndex(subHeaderRow, MAX_HEADER_ROW + 1)) return 'subHeaderRow';
    guess.subHeaderRow = subHeaderRow;
  }
  const renamed = own(raw, 'renamed');
  if (renamed !== undefined && renamed !== null) {
    if (!Array.isArray(renamed) || renamed.length > LIMITS.columns) return 'renamed';
    guess.renamed = [];
    for (const r of renamed) {
      if (!isObject(r)) return 'renamed';
      const [index, from, to, reason] = [own(r, 'index'), own(r, 'from'), own(r, 'to'), own(r, 'reason')];
      if (!isIndex(index, LIMITS.columns - 1) || !isText(from, LIMITS.cellChars) || !isText(to, LIMITS.cellChars) || (reason !== 'duplicate' && reason !== 'empty')) return 'renamed';
      guess.renamed.push({ index, from, to, reason });
    }
  }
  return guess;
}
