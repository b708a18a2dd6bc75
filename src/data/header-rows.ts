/**
 * Header rows as yearbooks and Excel users make them (docs/architecture.md §2.2, §7.3; docs/hostile-inputs.md S4): title rows above
 * the header (`单位：亿元`), a unit row below it (`,（亿元）,（件）`), duplicated and empty names, and
 * footnote marks (`营业收入①`). Nothing here drops a column: names are changed visibly and reported.
 */
import { FOOTNOTE_TAIL, splitMarks, unitOf } from './numbers';
import { textKey } from './text-key';

/** A header changed so that every column has a distinct, visible name. */
export interface HeaderRename {
  index: number;
  /** the header as the file wrote it ('' for an empty one) */
  from: string;
  to: string;
  reason: 'duplicate' | 'empty';
}

/**
 * A header or name without its trailing footnote marks (`*`, `①`, `※`, `注1`), and those marks one by one
 * (`splitMarks`); `km²` is a unit, not a mark.
 */
export function stripMarks(s: string): { text: string; marked: boolean; marks: string[] } {
  const t = s.trim();
  const m = t.match(FOOTNOTE_TAIL);
  if (!m || m.index === 0 || t.endsWith('km²')) return { text: t, marked: false, marks: [] };
  return { text: t.slice(0, m.index).trim(), marked: true, marks: splitMarks(m[0]) };
}

/**
 * Distinct names for every column: an empty header becomes `列N` (its 1-based position), the second
 * `2023年` becomes `2023年_1`, the third `2023年_2`. Names are compared as people mean them (width, case and
 * spaces ignored), and a new name never collides with one already in the file. Only columns that hold data
 * are reported; an empty column under an empty header (Excel's trailing commas) is `blank`.
 */
export function cleanHeaders(header: readonly string[], body: readonly string[][]): { headers: string[]; renamed: HeaderRename[]; blank: Set<number> } {
  const taken = new Set(header.map((h) => textKey(h)).filter(Boolean));
  const seen = new Set<string>();
  const renamed: HeaderRename[] = [];
  const blank = new Set<number>();
  const hasData = (i: number) => body.some((r) => (r[i] ?? '').trim() !== '');
  // the first free name of `base`, `base_1`, `base_2` …
  const claim = (base: string, plainFirst: boolean) => {
    for (let k = plainFirst ? 0 : 1; ; k++) {
      const name = k === 0 ? base : `${base}_${k}`;
      if (!taken.has(textKey(name))) {
        taken.add(textKey(name));
        return name;
      }
    }
  };
  const headers = header.map((raw, index) => {
    const h = raw.trim();
    const key = textKey(h);
    if (key === '') {
      const to = claim(`列${index + 1}`, true);
      if (hasData(index)) renamed.push({ index, from: raw, to, reason: 'empty' });
      else blank.add(index);
      return to;
    }
    if (!seen.has(key)) {
      seen.add(key);
      return h;
    }
    const to = claim(h, false);
    renamed.push({ index, from: h, to, reason: 'duplicate' });
    return to;
  });
  return { headers, renamed, blank };
}

const UNIT_LABEL = /^(?:单位|计量单位|unit|units)$/i;

/** `（亿元）`, `(%)`, `亿元`, `单位：亿元` → the unit; null when the text is not a unit. */
export function unitCell(cell: string): string | null {
  const t = cell.trim().replace(/^[(（[【]\s*(.*?)\s*[)）\]】]$/, '$1');
  return t === '' ? null : unitOf(t);
}

/**
 * A unit row right below the header (two-row headers: names, then `,（亿元）,（件）`): every filled cell is a
 * unit, except a `单位` label. Returns the row index and the unit of each column, or null.
 */
export function findUnitRow(rows: readonly string[][], headerRow: number): { row: number; units: Map<number, string> } | null {
  const row = rows[headerRow + 1];
  if (!row) return null;
  const units = new Map<number, string>();
  for (let i = 0; i < row.length; i++) {
    const c = row[i].trim();
    if (c === '' || UNIT_LABEL.test(c)) continue;
    const u = unitCell(c);
    if (u === null) return null;
    units.set(i, u);
  }
  return units.size ? { row: headerRow + 1, units } : null;
}

/** A file-wide unit stated in a title row above the header: `单位：亿元`, `（单位：万元）`. */
export function findTitleUnit(rows: readonly string[][], headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++) {
    for (const c of rows[r]) {
      const m = /(?:^|[\s(（])(?:计量)?单位\s*[:：]\s*([^)）\s]+)\s*[)）]?\s*$/.exec(c.trim());
      const u = m ? unitOf(m[1]) : null;
      if (u) return u;
    }
  }
  return null;
}

/** One column of a two-row header: the indicator's header text (with its unit and marks) and the year above or below it. */
export interface GroupedColumn {
  name: string;
  year: number;
}

/**
 * A yearbook's two-row header (docs/hostile-inputs.md W1): a row of years, each over several indicators
 * (`2019年` merged over 营业收入 · 出口总额 · 增速, then `2020年` over the same), or a row of indicators each
 * over several years. A workbook's merged cells arrive filled across (src/data/workbook/sheet-grid.ts); a CSV
 * saved from such a sheet leaves them empty, so an empty cell takes the group label to its left while the row
 * below is filled. Found only when the row below names at least one catalogue indicator under a year (or a
 * year under one), so a year matrix's first data row or unit row is never taken for it.
 * `yearOf` reads a header year (`2020年` → 2020), `isIndicator` matches a header against the catalogue.
 */
export function findGroupedHeader(
  rows: readonly string[][],
  headerRow: number,
  yearOf: (cell: string) => number | null,
  isIndicator: (cell: string) => boolean,
): { row: number; columns: Map<number, GroupedColumn> } | null {
  const top = rows[headerRow];
  const sub = rows[headerRow + 1];
  if (!top || !sub) return null;
  const columns = new Map<number, GroupedColumn>();
  let known = false;
  let group = '';
  for (let i = 0; i < Math.max(top.length, sub.length); i++) {
    const t = (top[i] ?? '').trim();
    const s = (sub[i] ?? '').trim();
    if (t) group = t;
    if (!s) continue;
    if (!group) return null;
    const [groupYear, subYear] = [yearOf(group), yearOf(s)];
    if (groupYear !== null && subYear === null) {
      columns.set(i, { name: s, year: groupYear });
      known ||= isIndicator(s);
    } else if (subYear !== null && groupYear === null && (t !== '' || isIndicator(group))) {
      columns.set(i, { name: group, year: subYear });
      known ||= isIndicator(group);
    } else if (s !== t) {
      // any other cell of a header's second row repeats the one above (`高新区` merged down) or is empty;
      // a data row (`郑州,2019,2020`) names a zone there
      return null;
    }
  }
  return known && columns.size >= 2 ? { row: headerRow + 1, columns } : null;
}
