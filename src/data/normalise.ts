import type { Basis, ImportIssue, Indicator, Observation } from '../domain/types';
import type { TidyTable } from './table';
import { TableBuilder } from './table-builder';
import { NATIONAL_ZONE_ID } from '../domain/types';
import { readBasis } from './basis';
import type { Catalogue } from './catalogue';
import { footerLines, footerMarks, parseRank, readNumber } from './numbers';
import type { ZoneRegistry } from './registry';
import type { ColumnMapping, ShapeGuess } from './shape';
import { readYear } from './year';
import { convertUnit, sameUnit } from './units';
import { stripMarks } from './header-rows';
import { textKey } from './text-key';
import { markFlag } from './footnotes';
import { IssueLog, joinClipped } from './issue-log';

export interface NormaliseContext {
  file: string;
  registry: ZoneRegistry;
  catalogue: Catalogue;
  /** a 资料来源 line found in the file, used where a row names no source */
  defaultSource: string;
  /** the file's issue log, shared with the rest of the import (capped: docs/hostile-inputs.md R1) */
  log?: IssueLog;
  /**
   * a workbook's cell comments by row, then column (docs/hostile-inputs.md W2): one on a value joins that
   * value's note, one on any other cell of a data row (the zone's, say) the notes of the whole row
   */
  cellNotes?: ReadonlyMap<number, ReadonlyMap<number, string>>;
}

export interface NormaliseResult {
  /** the observations, written straight into columns: a big file never exists as millions of objects */
  table: TidyTable;
  /** the issues as listed by the log (capped, with a summary row for the rest) */
  issues: ImportIssue[];
  /** per column, the cells that are not numbers — all of them, listed or only counted (docs/hostile-inputs.md N12) */
  notNumbers: Map<string, number>;
  /** cells left empty in wide and matrix files: counted, not listed one by one */
  emptyCells: number;
  /** data rows read (blank rows and footnotes excluded) */
  dataRows: number;
}

/** Totals are not zones (docs/architecture.md §7.3): `合计`, `合\u3000计`, `全省合计`, `总计`, `Total`. Compared after textKey. */
const TOTAL_ROW = /^(?:.{0,12}?(?:合计|总计|小计)|全部|总体|total|grandtotal|sum)$/i;
/** `#郑州` and `其中：郑州` are "of which" rows: part of the row above, flagged, still read. */
const OF_WHICH = /^(?:#+|其中\s*[:：])\s*/;
const FOOTNOTE_ROW = /^(?:(?:注|说明|备注|资料来源|数据来源|来源|note|source)\s*\d*\s*[:：]|[*※†‡\u2460-\u2473])/i;
/**
 * An exporter's formula neutralisation (`'=…`, `'+…`, `'-…`, `'@…`, `'` before TAB, CR or LF, and before the
 * full-width `＝ ＋ － ＠`: docs/hostile-inputs.md X4, X8) undone on the way back in, so an export re-imports to the
 * same text (X5). Only that exact prefix: other apostrophes stay. The set is src/charts/export/csv.ts FORMULA_START.
 */
export const unneutralise = (s: string) => (s.charCodeAt(0) === 39 /* ' */ && /^'[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/.test(s) ? s.slice(1) : s);
const NOT_A_NUMBER = '无法读取数值：';
const MISSING_REASONS: Record<string, string> = {
  'no-item': '无此项（“—”）(no such item)',
  'below-unit': '数值不足计量单位（“…”），不是缺失 (below the unit of measure, not missing)',
  'not-available': '无数据 (not available)',
  'spreadsheet-error': '表格公式错误值 (spreadsheet error value)',
  empty: '空值 (empty)',
};

/**
 * The footnotes below a table that start with a mark (`* 为快报数`, `②含…`, `注1：…`): the line of each mark,
 * and the rows they are on. Like findFileSource, the search walks up from the end only through one-cell
 * (or blank) rows. Where two lines start with the same mark, the upper one is kept.
 */
export function findFooterNotes(rows: string[][], headerRow: number): { notes: Map<string, string>; rows: Set<number> } {
  const notes = new Map<string, string>();
  const at = new Set<number>();
  for (let i = rows.length - 1; i > headerRow; i--) {
    const { filled, first } = countFilled(rows[i]);
    if (filled > 1) break;
    if (filled === 0) continue;
    for (const line of footerLines(first)) {
      const marks = footerMarks(line);
      if (!marks) continue;
      at.add(i);
      for (const m of marks) notes.set(m, line);
    }
  }
  return { notes, rows: at };
}

/**
 * A footnote line below a table ("资料来源：火炬中心") becomes the file's default source. Footnotes sit
 * below the last data row, so the search walks up from the end only through one-cell (or blank) rows: a
 * million-row file costs a few rows, not a pass that copies every row.
 */
export function findFileSource(rows: string[][], headerRow: number): string {
  for (let i = rows.length - 1; i > headerRow; i--) {
    const { filled, first } = countFilled(rows[i]);
    if (filled > 1) break;
    if (filled === 1) {
      const m = /^(资料来源|数据来源|来源|source)\s*[:：]\s*(.+)$/i.exec(first.trim());
      if (m) return m[2].trim();
    }
  }
  return '';
}

/** Turns the rows of a file, whatever its shape, into observations and issues. Nothing is dropped silently. */
export function normaliseRows(rows: string[][], guess: ShapeGuess, ctx: NormaliseContext, onProgress?: (done: number) => void): NormaliseResult {
  const { file } = ctx;
  const log = ctx.log ?? new IssueLog();
  const notNumbers = new Map<string, number>();
  const out = new TableBuilder();
  const cols = guess.columns;
  // roles looked up once, not per row: a 50 MB file has a million rows
  const roles = new Map<ColumnMapping['role'], ColumnMapping>();
  for (const c of cols) if (!roles.has(c.role)) roles.set(c.role, c);
  const col = (role: ColumnMapping['role']) => roles.get(role);
  const zoneCol = col('zone');
  const yearCol = col('year') ?? col('yearText');
  const [periodCol, basisCol, sourceCol, noteCol, unitCol, indicatorCol, valueCol] = (['period', 'basis', 'source', 'note', 'unit', 'indicator', 'value'] as const).map(col);
  const extraCols = cols.filter((c) => c.role === 'extra' || c.role === 'yearText');
  const measureCols = cols.filter((c) => c.role === 'measure');
  const yearCols = cols.filter((c) => c.role === 'yearColumn');
  // a two-row header's columns each carry their year (`2020年` over 营业收入 · 出口总额): no year column needed
  const yearsInHeader = guess.shape === 'wide' && measureCols.length > 0 && measureCols.every((c) => c.year !== undefined);
  const valueColumns = new Set([...measureCols, ...yearCols, ...(valueCol ? [valueCol] : [])].map((c) => c.index));
  const issue = (row: number, column: string, raw: string, reason: string, severity: ImportIssue['severity'] = 'error') =>
    log.add({ file, row, column, raw, reason, severity });
  const headerWidth = cols.length;
  let emptyCells = 0;
  let dataRows = 0;
  // a file repeats the same few zone names, years and bases: each distinct text is read once
  const zoneOf = memo((text: string) => readZoneCell(text, ctx.registry));
  const yearOf = memo(readYear);
  const basisOf = memo(readBasis);
  const indicatorOf = memo((text: string) => ctx.catalogue.match(text));
  // footnote lines below the data that start with a mark: a value carrying that mark gets the line in its note
  const footer = findFooterNotes(rows, guess.headerRow);
  // a header's marks (`营业收入①`) apply to every value of its column: their flags built once per column
  const columnFlags = new Map<ColumnMapping, readonly string[]>();
  for (const c of cols) columnFlags.set(c, Object.freeze(c.footnote ? ['footnote', ...(c.marks ?? []).map(markFlag)] : []));

  // one notice per column and unit pair, not one per cell: a converted column of 169 zones is one fact
  const conversions = new Map<string, { row: number; column: string; raw: string; from: string; to: string; n: number }>();
  const every = Math.max(1, Math.floor(rows.length / 100));
  for (let r = guess.headerRow + 1; r < rows.length; r++) {
    if (onProgress && r % every === 0) onProgress(r / rows.length);
    if (r === guess.unitRow || r === guess.subHeaderRow) continue;
    const cells = rows[r];
    const rowNo = r + 1;
    const { filled, first } = countFilled(cells);
    if (filled === 0) continue;
    if (filled === 1 && (FOOTNOTE_ROW.test(first.trim()) || footer.rows.has(r))) {
      issue(rowNo, '', first, '表注行，作为文件说明保留 (footnote row, kept as a file note)', 'info');
      continue;
    }
    dataRows++;
    if (cells.length < headerWidth) {
      issue(rowNo, '', joinClipped(cells, ' | '), `本行只有 ${cells.length} 个单元格，表头有 ${headerWidth} 列；缺少的按空值处理 (short row)`, 'warning');
    } else if (cells.length > headerWidth && cells.slice(headerWidth).some((c) => c.trim() !== '')) {
      issue(rowNo, '', joinClipped(cells.slice(headerWidth), ' | '), `本行有 ${cells.length} 个单元格，多于表头的 ${headerWidth} 列；多出的内容未读取 (long row: extra cells not read)`, 'warning');
    }
    /** a cell as written (trimmed): what `raw` keeps */
    const cell = (c: ColumnMapping | undefined) => (c ? (cells[c.index] ?? '').trim() : '');
    /** a cell as text to use: an exporter's `'=` neutralisation undone */
    const text = (c: ColumnMapping | undefined) => unneutralise(cell(c)).trim();

    // Zone: "#" and "其中：" mark "of which" rows in yearbooks; footnote marks are flags; 合计 rows are totals.
    const zr = zoneOf(text(zoneCol));
    if (zr.kind === 'total') {
      issue(rowNo, zoneCol?.header ?? '', cell(zoneCol), '合计行，不是高新区，未导入 (total row, not a zone)', 'info');
      continue;
    }
    if (zr.kind === 'empty') {
      issue(rowNo, zoneCol?.header ?? '', '', '高新区名称为空 (zone is empty)');
      continue;
    }
    if (zr.kind === 'unknown') {
      issue(rowNo, zoneCol?.header ?? '', cell(zoneCol), zr.reason);
      continue;
    }
    const zone = zr.zone;
    // the memoised reading's flags are frozen and shared by every row of the zone: never pushed to
    const flags: readonly string[] = zone === NATIONAL_ZONE_ID ? [...zr.flags, 'national'] : zr.flags;

    // Year and period: from a year column, a label carrying "2020年", or one column per year.
    let year: number | null = null;
    let period = text(periodCol);
    if (guess.shape !== 'matrix' && !(yearsInHeader && !yearCol)) {
      const yr = yearOf(text(yearCol));
      year = yr.year;
      if (!period && yearCol?.role === 'year') period = yr.period;
      if (year === null) {
        const raw = cell(yearCol);
        const reason = !yearCol ? '缺少年份列 (no year column)' : raw ? '无法读出年份 (no year could be read)' : '年份为空：来源未说明年份，未导入 (year is empty: the source states none)';
        issue(rowNo, yearCol?.header ?? '', raw, reason);
        continue;
      }
    }

    const basisRaw = text(basisCol);
    const readAs = basisOf(basisRaw);
    const basis: Basis = readAs ?? 'reported';
    if (readAs === null) {
      issue(rowNo, basisCol?.header ?? '', basisRaw, '无法识别数据性质，按“reported”处理 (basis not recognised: read as reported)', 'warning');
    }
    const source = text(sourceCol) || ctx.defaultSource || file;
    // extra columns are kept in the note as written; codes (docs/hostile-inputs.md N10) stay the text they are
    let note = text(noteCol);
    for (const c of extraCols) {
      const v = text(c);
      if (v !== '') note += `${note ? '; ' : ''}${c.header}: ${v}`;
    }
    if (basisRaw && basisRaw.toLowerCase() !== basis) note += `${note ? '; ' : ''}basis: ${basisRaw}`;
    const comments = ctx.cellNotes?.get(r);
    if (comments) for (const [c, text] of comments) if (!valueColumns.has(c)) note += `${note ? '; ' : ''}批注: ${text}`;

    const targets: { ind: Indicator | null; indRaw: string; column: ColumnMapping; year: number; unit: string }[] = [];
    if (guess.shape === 'long') {
      const indRaw = text(indicatorCol);
      targets.push({ ind: indicatorOf(indRaw), indRaw, column: valueCol!, year: year!, unit: text(unitCol) });
    } else if (guess.shape === 'wide') {
      for (const c of measureCols) {
        targets.push({ ind: ctx.catalogue.byId.get(c.indicator!) ?? null, indRaw: c.header, column: c, year: c.year ?? year!, unit: text(unitCol) || (c.unit ?? '') });
      }
    } else if (guess.shape === 'matrix') {
      const ind = ctx.catalogue.byId.get(guess.matrixIndicator ?? '') ?? null;
      for (const c of yearCols) {
        targets.push({ ind, indRaw: guess.matrixIndicator ?? '', column: c, year: c.year!, unit: text(unitCol) || (c.unit ?? '') });
      }
    }

    for (const t of targets) {
      const raw = cell(t.column);
      if (!t.ind) {
        issue(rowNo, indicatorCol?.header ?? t.column.header, t.indRaw, '指标不在指标目录中 (indicator not in the catalogue)');
        continue;
      }
      const obs = readValue(unneutralise(raw), t.ind, (reason, severity) => {
        if (reason.startsWith(NOT_A_NUMBER)) notNumbers.set(t.column.header, (notNumbers.get(t.column.header) ?? 0) + 1);
        issue(rowNo, t.column.header, raw, reason, severity);
      }, guess.shape !== 'long');
      if (obs === 'empty') {
        emptyCells++;
        continue;
      }
      if (!obs) continue;
      let unit = t.unit || obs.unit || t.ind.unit;
      let value = obs.value;
      const colFlags = columnFlags.get(t.column) ?? [];
      // each value its own array when it has flags; the shared (frozen) zone flags only when it adds none
      let obsFlags: readonly string[] = obs.flags.length || colFlags.length ? [...flags, ...obs.flags, ...colFlags] : flags;
      // a unit that only spells the catalogue's differently (名 for 位, 个 for 家) takes the catalogue's
      // spelling, so that rankings and trends compare like with like; the cell's raw text keeps the original
      if (unit && t.ind.unit && unit !== t.ind.unit && sameUnit(unit, t.ind.unit)) {
        obsFlags = [...obsFlags, `unit-spelling:${unit}`];
        unit = t.ind.unit;
      }
      if (value !== null && unit && t.ind.unit && unit !== t.ind.unit && !sameUnit(unit, t.ind.unit)) {
        const conv = convertUnit(value, unit, t.ind.unit);
        if (conv !== null) {
          const key = `${t.column.header}\u0001${unit}`;
          const seen = conversions.get(key);
          if (seen) seen.n++;
          else conversions.set(key, { row: rowNo, column: t.column.header, raw, from: unit, to: t.ind.unit, n: 1 });
          obsFlags = [...obsFlags, `unit-converted:${unit}`];
          value = conv;
          unit = t.ind.unit;
        } else {
          issue(rowNo, t.column.header, raw, `单位 ${unit} 与指标“${t.ind.zh}”的单位 ${t.ind.unit} 不一致，无法换算，按原单位保留 (unit differs from the indicator's and cannot be converted)`, 'warning');
        }
      }
      const footed = footer.notes.size ? withFooterNotes(note, obsFlags, footer.notes) : note;
      const comment = comments?.get(t.column.index);
      const noted = comment ? `${footed}${footed ? '; ' : ''}批注: ${comment}` : footed;
      out.add({
        zone, year: t.year, indicator: t.ind.id, value, band: obs.band, unit, period, basis, source, note: noted, raw,
        // a frozen array may be stored as it is: the table keeps it by reference and nobody can change it
        flags: (obsFlags.length > 1 ? [...new Set(obsFlags)] : obsFlags) as string[], origin: { file, row: rowNo, column: t.column.header },
      });
    }
  }
  for (const c of conversions.values()) {
    // one per column and unit: always listed, however many cell issues came before (the preview's notices read them)
    log.add({ file, row: c.row, column: c.column, raw: c.raw, reason: `单位 ${c.from} 已换算为 ${c.to}：本列 ${c.n} 个数值 (unit converted: ${c.n} values from “${c.from}” to “${c.to}”)`, severity: 'info' }, true);
  }
  return { table: out.finish(), issues: log.list(file), notNumbers, emptyCells, dataRows };
}

/** How many cells of a row hold something, and the first that does (no array per row). */
function countFilled(cells: readonly string[]): { filled: number; first: string } {
  let filled = 0;
  let first = '';
  for (const c of cells) {
    if (c === '' || c.trim() === '') continue;
    if (filled++ === 0) first = c;
  }
  return { filled, first };
}

/** The note with the footer line of each of the value's marks added (once each; a line already there is not repeated). */
function withFooterNotes(note: string, flags: readonly string[], notes: ReadonlyMap<string, string>): string {
  let out = note;
  for (const f of flags) {
    if (!f.startsWith('footnote:')) continue;
    const line = notes.get(f.slice(9));
    if (line && !out.includes(line)) out += `${out ? '; ' : ''}${line}`;
  }
  return out;
}

/** A memoised reading, shared by every row that names the zone the same way: its flags are frozen. */
type ZoneReading = { kind: 'zone'; zone: string; flags: readonly string[] } | { kind: 'total' } | { kind: 'empty' } | { kind: 'unknown'; reason: string };

/** A zone cell: "of which" (`#`, `其中：`) and footnote marks become flags, totals are not zones. */
function readZoneCell(text: string, registry: ZoneRegistry): ZoneReading {
  let zoneRaw = text;
  const flags: string[] = [];
  const ofWhich = OF_WHICH.exec(zoneRaw);
  if (ofWhich && ofWhich[0].length < zoneRaw.length) {
    zoneRaw = zoneRaw.slice(ofWhich[0].length);
    flags.push('of-which');
  }
  const marked = stripMarks(zoneRaw);
  if (marked.marked) {
    zoneRaw = marked.text;
    flags.push('footnote', ...marked.marks.map(markFlag));
  }
  if (TOTAL_ROW.test(textKey(zoneRaw))) return { kind: 'total' };
  if (!zoneRaw) return { kind: 'empty' };
  const zm = registry.match(zoneRaw);
  if (zm.zone) return { kind: 'zone', zone: zm.zone.id, flags: Object.freeze(flags) };
  const reason = zm.candidates.length > 1
    ? `名称有歧义，可能是：${zm.candidates.map((z) => z.name).join('、')} (ambiguous zone name)`
    : '不在高新区名录中 (not in the zone registry)';
  return { kind: 'unknown', reason };
}

/** Remembers a pure reading of a text, up to a bound (a hostile file of a million distinct names stays bounded). */
function memo<T>(read: (text: string) => T, max = 50_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined && !seen.has(text)) {
      v = read(text);
      if (seen.size < max) seen.set(text, v);
    }
    return v as T;
  };
}

type Reading = { value: number | null; band: Observation['band']; unit: string; flags: readonly string[] };

/** Reads one value cell for an indicator; reports why when it cannot. */
function readValue(
  raw: string,
  ind: Indicator,
  report: (reason: string, severity: ImportIssue['severity']) => void,
  emptyIsSilent: boolean,
): Reading | 'empty' | null {
  const r = ind.kind === 'rank' ? parseRank(raw) : readNumber(raw);
  switch (r.kind) {
    case 'number':
      return { value: r.value, band: null, unit: r.unit ?? '', flags: r.marks ? [...r.flags, ...r.marks.map(markFlag)] : r.flags };
    case 'band':
      if (!ind.bandsAllowed) {
        report(`“${ind.zh}”不接受区间值 (bands are not allowed for this indicator)`, 'error');
        return null;
      }
      return { value: null, band: r.band, unit: '', flags: ['band'] };
    case 'missing':
      if (r.reason === 'empty' && emptyIsSilent) return 'empty';
      if (r.reason === 'below-unit') {
        // "…" is a value too small to show, not a gap: kept as an observation with no number.
        return { value: null, band: null, unit: '', flags: ['below-unit'] };
      }
      report(`缺失：${MISSING_REASONS[r.reason] ?? r.reason}`, 'info');
      return null;
    case 'invalid':
      report(`${NOT_A_NUMBER}${r.reason} (not a number)`, 'error');
      return null;
  }
}
