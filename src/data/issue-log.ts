import type { ImportIssue, IssueSeverity } from '../domain/types';
import { inLang } from '../i18n/bilingual';

/**
 * The issues of one file, capped (docs/hostile-inputs.md R1): the first ISSUE_CAP are kept one by one; the rest
 * are only counted, per severity, column and reason, and listed as one summary row per severity at the end. A
 * file of a million unreadable cells then costs a thousand issue objects, not a million, in the worker, in the
 * message to the page and in the page's state.
 */
export const ISSUE_CAP = 1000;
/** Raw text in an issue is cut to this many characters, with its full length said, when it is longer than RAW_KEEP. */
export const RAW_CHARS = 200;
const RAW_KEEP = 240;
/**
 * (reason, column) groups counted before a new reason counts as "other reasons", and before a new column counts
 * as "other columns": a file whose every cell has its own reason stays a bounded number of groups, while one
 * reason in each of 2,000 columns (the column limit) is still counted per column.
 */
const REASONS = 100;
const GROUPS = 5000;
/** groups named in a summary row; the others are counted together */
const NAMED = 10;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Raw text cut to RAW_CHARS characters with its full length said (`…（共 1,000,000 字符）`); `total` is the
 * length of the whole text when `text` is already a piece of it. Idempotent: a cut text is short enough to stay.
 */
export function clipRaw(text: string, total = text.length): string {
  if (total <= RAW_KEEP && text.length === total) return text;
  return `${text.slice(0, RAW_CHARS)}…（共 ${count(total)} 字符）`;
}

/** Cells joined by `sep`, never built longer than needed for clipRaw: a row of a million characters costs a few hundred. */
export function joinClipped(cells: readonly string[], sep: string): string {
  let text = '';
  let total = 0;
  for (let i = 0; i < cells.length; i++) {
    const piece = i ? sep + cells[i] : cells[i];
    total += piece.length;
    if (text.length <= RAW_KEEP) text += piece.slice(0, RAW_KEEP + 1 - text.length);
  }
  return clipRaw(text, total);
}

interface Group {
  column: string;
  reason: string;
  n: number;
}

export class IssueLog {
  private kept: ImportIssue[] = [];
  /** issues not kept, by severity, then by reason and column (no key strings built per issue) */
  private rest = new Map<IssueSeverity, Map<string, Map<string, Group>>>();
  private restCount = 0;
  private groups = 0;

  constructor(private readonly cap = ISSUE_CAP) {}

  /**
   * Keeps the issue (its raw text clipped) while there is room; counts it otherwise. `always`: a fact about a
   * whole column (a unit converted, a share of unreadable cells), of which a file has a few: kept regardless.
   */
  add(issue: ImportIssue, always = false): void {
    if (always || this.kept.length < this.cap) {
      this.kept.push(issue.raw.length > RAW_KEEP ? { ...issue, raw: clipRaw(issue.raw) } : issue);
      return;
    }
    this.restCount++;
    let bySeverity = this.rest.get(issue.severity);
    if (!bySeverity) this.rest.set(issue.severity, (bySeverity = new Map()));
    // a reason that names its cell (a code, a row's length) would make a group per cell: bounded
    const reason = bySeverity.has(issue.reason) || this.groups < REASONS ? issue.reason : OTHER;
    let byColumn = bySeverity.get(reason);
    if (!byColumn) bySeverity.set(reason, (byColumn = new Map()));
    const column = byColumn.has(issue.column) || this.groups < GROUPS ? issue.column : OTHER_COLUMNS;
    const g = byColumn.get(column);
    if (g) g.n++;
    else {
      byColumn.set(column, { column, reason, n: 1 });
      this.groups++;
    }
  }

  addAll(issues: readonly ImportIssue[], always = false): void {
    for (const i of issues) this.add(i, always);
  }

  /** How many issues were counted but not kept. */
  get omitted(): number {
    return this.restCount;
  }

  /** The kept issues, then one summary row per severity for those only counted (its `count` says how many). */
  list(file: string): ImportIssue[] {
    const out = this.kept.slice();
    for (const severity of ['error', 'warning', 'info'] as const) {
      const bySeverity = this.rest.get(severity);
      if (bySeverity) out.push(summary(file, severity, [...bySeverity.values()].flatMap((m) => [...m.values()])));
    }
    return out;
  }
}

const OTHER = '其他原因 (other reasons)';
/** the column of issues counted once the groups are many: not a name a file can have (cells are trimmed text) */
const OTHER_COLUMNS = '\u0000';

/** The Chinese part of a bilingual reason: what precedes its closing English group, when there is one. */
function zhPart(reason: string, en: string): string {
  if (en === reason) return reason;
  const end = reason.trimEnd();
  const cut = Math.max(end.lastIndexOf('('), end.lastIndexOf('（'));
  return cut > 0 && /[)）]$/.test(end) ? end.slice(0, cut).trimEnd() : reason;
}

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** `另有 998,999 个同类问题未逐一列出：列“A”‘无法读取数值…’ 1,000 个；… (998,999 more issues not listed: …)` */
function summary(file: string, severity: IssueSeverity, groups: Group[]): ImportIssue {
  groups.sort((a, b) => b.n - a.n);
  const n = groups.reduce((s, g) => s + g.n, 0);
  const named = groups.slice(0, NAMED);
  const others = groups.slice(NAMED).reduce((s, g) => s + g.n, 0);
  const zh: string[] = [];
  const en: string[] = [];
  for (const g of named) {
    const e = inLang(g.reason, 'en');
    const col = short(g.column);
    const other = g.column === OTHER_COLUMNS;
    zh.push(`${other ? '其他列' : col ? `列“${col}”` : ''}‘${short(zhPart(g.reason, e))}’ ${count(g.n)} 个`);
    en.push(`${other ? 'other columns ' : col ? `column “${col}” ` : ''}‘${short(e)}’ ${count(g.n)}`);
  }
  if (others) {
    zh.push(`其他 ${count(others)} 个`);
    en.push(`others ${count(others)}`);
  }
  return {
    file,
    row: 0,
    column: '',
    raw: '',
    severity,
    count: n,
    reason: `另有 ${count(n)} 个同类问题未逐一列出：${zh.join('；')} (${count(n)} more issues not listed: ${en.join('; ')})`,
  };
}
