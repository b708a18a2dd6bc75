import { NATIONAL_ZONE_ID, type Basis } from '../domain/types';
import { at } from '../data/table';
import type { TidyTable } from '../data/table';
import { findConflicts } from './cells';

/**
 * The Sources view: every source string as written, with what it supplies.
 * A source is grouped by its exact text (the importer keeps citations verbatim); '' is kept as its own row,
 * "no source given", rather than hidden.
 */
export interface SourceSummary {
  source: string;
  /** observations citing this source, national totals included */
  count: number;
  /** indicator ids, sorted */
  indicators: string[];
  /** first and last year */
  years: [number, number];
  /** distinct zones, the national pseudo-zone not counted (it is not a zone) */
  zones: number;
  bases: Partial<Record<Basis, number>>;
  /** conflicting cells this source has a row in: each cell once, however many rows it gives there */
  conflicts: number;
}

interface Acc {
  count: number;
  indicators: Set<string>;
  lo: number;
  hi: number;
  zones: Set<string>;
  bases: Partial<Record<Basis, number>>;
  conflicts: number;
}

export function summariseSources(t: TidyTable): SourceSummary[] {
  const acc = new Map<string, Acc>();
  for (let i = 0; i < t.size; i++) {
    const s = at(t.source, i);
    let a = acc.get(s);
    if (!a) acc.set(s, (a = { count: 0, indicators: new Set(), lo: Infinity, hi: -Infinity, zones: new Set(), bases: {}, conflicts: 0 }));
    a.count++;
    a.indicators.add(at(t.indicator, i));
    a.lo = Math.min(a.lo, t.year[i]);
    a.hi = Math.max(a.hi, t.year[i]);
    if (at(t.zone, i) !== NATIONAL_ZONE_ID) a.zones.add(at(t.zone, i));
    const basis = at(t.basis, i);
    a.bases[basis] = (a.bases[basis] ?? 0) + 1;
  }
  for (const cell of findConflicts(t)) {
    for (const s of new Set(cell.rows.map((i) => at(t.source, i)))) acc.get(s)!.conflicts++;
  }
  return [...acc.entries()]
    .map(([source, a]): SourceSummary => ({
      source, count: a.count, indicators: [...a.indicators].sort(), years: [a.lo, a.hi], zones: a.zones.size, bases: a.bases, conflicts: a.conflicts,
    }))
    .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/**
 * Characters that end a URL inside a citation: whitespace, quotes and angle brackets, and CJK / full-width
 * punctuation (citations run on as `…html（新华社）` or `…html；http://…`). Other non-ASCII characters are
 * kept, since a decoded IRI such as zh.wikipedia.org/wiki/郑州 is still a link.
 */
const URL_RE = /https?:\/\/[^\s<>"'`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/gi;

/** The http(s) links inside a citation, in order, each once. */
export function splitSourceUrls(source: string): string[] {
  const out: string[] = [];
  for (const m of source.match(URL_RE) ?? []) {
    const url = trimUrl(m);
    if (url.length > url.indexOf('//') + 2 && !out.includes(url)) out.push(url);
  }
  return out;
}

/** Drops sentence punctuation after a link (`see http://a.cn/x.html.`), and a `)` that closes a bracket opened before it. */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const last = u[u.length - 1];
    if ('.,;:!?'.includes(last)) u = u.slice(0, -1);
    else if (last === ')' && count(u, '(') < count(u, ')')) u = u.slice(0, -1);
    else if (last === ']' && count(u, '[') < count(u, ']')) u = u.slice(0, -1);
    else return u;
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;
