/**
 * One workbook cell as the text the CSV pipeline reads (docs/hostile-inputs.md W2). The pipeline's number,
 * unit and year readers then treat it exactly as they treat a CSV cell, so a workbook adds no second set of rules:
 * - numbers: the stored value to 15 significant digits (what Excel shows), never the display text, which a
 *   format may have rounded (`0` shows 6.2 as 6) or scaled;
 * - a number formatted as a percentage (0.062 shown as 6.2%) becomes `6.2%`, so the unit logic sees a percent;
 * - a number formatted as a date becomes ISO text (`2020-12-31`; `2020` when the format shows only the year);
 * - a formula gives its cached value, as saved by Excel or WPS; nothing is ever evaluated;
 * - text (numbers stored as text included) is kept as written; errors keep their `#DIV/0!` text.
 */
import { SSF, type CellObject } from '@e965/xlsx';

/** Excel's error codes, for a cell whose display text was not generated. */
const ERRORS = new Map([[0x00, '#NULL!'], [0x07, '#DIV/0!'], [0x0f, '#VALUE!'], [0x17, '#REF!'], [0x1d, '#NAME?'], [0x24, '#NUM!'], [0x2a, '#N/A'], [0x2b, '#GETTING_DATA']]);

/** Significant digits Excel keeps and shows: a stored 0.30000000000000004 is 0.3. */
const DIGITS = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/** Digits of a plain decimal text (`-0.0625` → `625`), to tell whether it is within Excel's 15. */
const significant = (s: string) => s.replace(/^-?[0.]*/, '').replace('.', '').replace(/0+$/, '').length;

export function numberText(v: number): string {
  if (!Number.isFinite(v)) return '';
  // the shortest text of the double is usually it already; the formatter (slow, per cell) only for the rest
  const plain = String(v);
  return plain.includes('e') || significant(plain) > 15 ? DIGITS.format(v) : plain;
}

/** A format's tokens without its quoted literals (`0.0"%"` is not a percentage), escapes, and `[Red]`/`[$-804]` parts. */
const tokens = (format: string) => format.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '').toLowerCase();

export function isPercentFormat(format: string | undefined): boolean {
  return !!format && tokens(format.split(';')[0]).includes('%');
}

export function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? ERRORS.get(cell.v as number) ?? '#N/A';
    case 'd':
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v.toISOString().slice(0, 10) : '';
    case 'n': {
      const v = cell.v as number;
      if (typeof v !== 'number') return '';
      const z = typeof cell.z === 'string' ? cell.z : undefined;
      if (z && SSF.is_date(z)) return dateText(v, z, date1904);
      if (isPercentFormat(z)) return `${numberText(v * 100)}%`;
      return numberText(v);
    }
    default:
      return '';
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A date serial as ISO text, as precise as its format: `yyyy"年"` → `2020`, `yyyy-mm` → `2020-12`,
 * `m/d/yy` → `2020-12-31`, with `hh:mm` only when the format shows a time.
 */
export function dateText(serial: number, format: string, date1904: boolean): string {
  const d = SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number; H: number; M: number; S: number } | null;
  if (!d) return numberText(serial);
  const t = tokens(format);
  const hasDay = /d/.test(t);
  const hasTime = /[hs]/.test(t);
  const hasYear = /[ye]/.test(t);
  // `m` means minutes next to `h` or `s`, months otherwise
  const hasMonth = /m/.test(t.replace(/h+[^a-z]*m+|m+[^a-z]*s+/g, ''));
  const date = !hasDay && !hasMonth && hasYear ? String(d.y) : !hasDay && hasYear ? `${d.y}-${pad(d.m)}` : `${d.y}-${pad(d.m)}-${pad(d.d)}`;
  if (!hasTime) return date;
  const time = `${pad(d.H)}:${pad(d.M)}${/s/.test(t) ? `:${pad(d.S)}` : ''}`;
  return hasYear || hasDay || hasMonth ? `${date} ${time}` : time;
}
