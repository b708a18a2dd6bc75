import { tierOf, type SourceTier, type TierRule } from '../../data/source-tiers';

/**
 * Short, numbered source titles for the 数据来源 line of an exported image (docs/architecture.md §6), and the
 * numbered list of full citations that the CSV (来源编号 / source_no) and the JSON (`sources`) carry beside it.
 * Pure: no DOM, no store; the tier rules come in as an argument.
 */
export interface NumberedSource {
  /** 1, 2, 3 … in order of first appearance */
  no: number;
  /** the citation as the data gives it (URLs included) */
  citation: string;
  /** what the image prints after [no] */
  title: string;
  tier: SourceTier;
}

/** A short title is at most about this many characters (the `…` included). */
export const MAX_TITLE_CHARS = 30;

/** Ends an http(s) link inside a citation: whitespace, brackets, quotes, CJK and full-width punctuation. */
const URL_RE = /https?:\/\/[^\s<>"'`()（）\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/gi;
const OPEN = '(（《【[“「';
const CLOSE = ')）》】]”」';
/** A date on its own, as the parenthesised part of some citations is: `2023-02`, `2024-12-23`, `2021年2月`. */
const DATE_ONLY = /^\d{4}(?:[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?月?)?$/;
/**
 * A file path is never printed: an absolute or home-relative path, a Windows drive path, a file: URL, or a
 * relative path ending in a document extension (`data/sources/bulletin.pdf`, `国/国家级高新技术产业开发区.md`).
 */
const PATH_RE = /(?:^|\s)(?:file:\S*|[A-Za-z]:[\\/]\S*|~?\/\S*|\.{1,2}[\\/]\S*|\S*[\\/]\S*\.(?:md|csv|json|txt|pdf|docx?|xlsx?|pptx?|html?|xml|zip)\b\S*)/giu;
const len = (s: string) => [...s].length;
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Trailing list punctuation and spaces off (the line joins titles with ；). */
const trimEnd = (s: string) => s.replace(/[\s,，;；:：、。.·-]+$/u, '');

/** True when every bracket and quote opened in `s` is closed in it. */
function balanced(s: string): boolean {
  const stack: string[] = [];
  for (const ch of s) {
    const o = OPEN.indexOf(ch);
    const c = CLOSE.indexOf(ch);
    if (o >= 0) stack.push(ch);
    else if (c >= 0) {
      if (stack.length && OPEN.indexOf(stack[stack.length - 1]) === c) stack.pop();
      else return false;
    }
  }
  return stack.length === 0;
}

/**
 * Text cut to about MAX_TITLE_CHARS characters at a word or punctuation boundary, never inside a bracket, ending in
 * `…` when cut. Without a boundary in the second half, the text is cut at the length and the brackets it leaves
 * open are closed after the `…` (`《2020年…报告…》`).
 */
export function shortenText(text: string, max = MAX_TITLE_CHARS): string {
  const s = trimEnd(clean(text));
  if (len(s) <= max) return s;
  const chars = [...s].slice(0, max);
  let best = '';
  for (let i = 1; i < chars.length; i++) {
    // a boundary before a space or an opening bracket, after a closing one, list punctuation or a slash
    if (/\s/.test(chars[i]) || OPEN.includes(chars[i]) || CLOSE.includes(chars[i - 1]) || /[,，;；:：、。/]/.test(chars[i - 1])) {
      const cut = trimEnd(chars.slice(0, i).join(''));
      if (cut && balanced(cut)) best = cut;
    }
  }
  if (len(best) >= max / 2) return `${best}…`;
  const cut = trimEnd(chars.slice(0, max - 1).join(''));
  return `${cut}…${closers(cut)}`;
}

/** The closing brackets for those `s` leaves open, innermost first. */
function closers(s: string): string {
  const stack: string[] = [];
  for (const ch of s) {
    if (OPEN.includes(ch)) stack.push(CLOSE[OPEN.indexOf(ch)]);
    else if (CLOSE.includes(ch) && stack[stack.length - 1] === ch) stack.pop();
  }
  return stack.reverse().join('');
}

/** The parenthesised text right after a link (`… (苏州日报 2023-03)`), brackets balanced, or ''. */
function parenAfter(rest: string): string {
  const s = rest.replace(/^\s+/, '');
  if (s[0] !== '(' && s[0] !== '（') return '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '（') depth++;
    else if (s[i] === ')' || s[i] === '）') {
      depth--;
      if (depth === 0) return clean(s.slice(1, i));
    }
  }
  return clean(s.slice(1));
}

/** The first part of a list at the top level (`经济日报 2022-09-18; MOST press conference` → `经济日报 2022-09-18`). */
function firstPart(s: string): string {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[;；,，]/.test(ch)) return s.slice(0, i).trim();
  }
  return s.trim();
}

const hostOf = (url: string) => {
  const m = /^https?:\/\/([^/?#\s]+)/i.exec(url);
  return m ? m[1].toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\./, '') : '';
};

/** What stands for one link: its parenthesised outlet/date, else the tier rule's outlet, else the host without www. */
function linkTitle(url: string, rest: string, rules: readonly TierRule[]): string {
  const outlet = tierOf(url, rules).rule?.outlet.trim() || hostOf(url);
  const paren = parenAfter(rest);
  if (!paren) return outlet;
  if (DATE_ONLY.test(paren)) return `${outlet} ${paren}`;
  return firstPart(paren) || paren;
}

/**
 * The short title of one citation. With links: per link, the parenthesised outlet/date that follows it
 * (`https://imationlatam.com/… (苏州日报 2023-03)` → `苏州日报 2023-03`), else the tier rule's outlet
 * (`http://jx.people.com.cn/…` → `人民网江西频道`), else the host without `www.`; several links give their titles
 * joined with ` / `. Without links: the citation's own text, any file path taken out (a path-like citation that a
 * rule names is called by the rule's outlet). Always at most about `max` characters, cut with `…` (the wall, which
 * wraps its source lines and never cuts, passes a larger `max`).
 */
export function shortSourceTitle(citation: string, rules: readonly TierRule[] = [], max = MAX_TITLE_CHARS): string {
  const text = clean(citation);
  if (!text) return '';
  const links = [...text.matchAll(URL_RE)];
  if (links.length) {
    const titles: string[] = [];
    links.forEach((m, k) => {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const end = k + 1 < links.length ? links[k + 1].index : text.length;
      const t = linkTitle(url, text.slice(m.index + m[0].length, end), rules);
      if (t && !titles.includes(t)) titles.push(t);
    });
    return shortenText(titles.join(' / '), max);
  }
  const withoutPaths = clean(text.replace(PATH_RE, ' ')).replace(/^[(（]([^()（）]*)[)）]$/, '$1');
  if (withoutPaths !== text) {
    const outlet = tierOf(text, rules).rule?.outlet.trim();
    if (outlet) return shortenText(outlet, max);
  }
  return shortenText(withoutPaths, max);
}

/**
 * The distinct citations of a chart's rows, numbered in order of first appearance (empty citations left out),
 * each with its short title and tier; `noOf` gives a row's number from its citation (undefined for none).
 */
export function numberSources(citations: Iterable<string>, rules: readonly TierRule[] = []): { list: NumberedSource[]; noOf: (citation: string) => number | undefined } {
  const byCitation = new Map<string, NumberedSource>();
  for (const c of citations) {
    if (byCitation.has(c) || !c.trim()) continue;
    byCitation.set(c, { no: byCitation.size + 1, citation: c, title: shortSourceTitle(c, rules), tier: tierOf(c, rules).tier });
  }
  return { list: [...byCitation.values()], noOf: (c) => byCitation.get(c)?.no };
}

/** The numbered titles as the source line prints them: `[1] 苏州日报 2023-03`; a citation that is only a path is `[4]` alone. */
export const numberedTitles = (list: readonly NumberedSource[]) => list.map((s) => (s.title ? `[${s.no}] ${s.title}` : `[${s.no}]`));
