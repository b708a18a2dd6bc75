/**
 * The text of the Office exports (issue #18; docs/architecture.md §6): sheet names Excel accepts, number formats,
 * captions, headings and the filter lines of a deck's title slide. Pure: no DOM, no library; the builders in
 * features/export/office/ pass what this returns to SheetJS, pptxgenjs and docx, which escape it as XML.
 */

/**
 * Characters XML 1.0 does not allow at all (escaping cannot save them: Word and PowerPoint refuse the file):
 * C0 controls but TAB, LF and CR, U+FFFE/U+FFFF, lone surrogates; and the bidi controls that reorder what a
 * reader sees (docs/hostile-inputs.md X1, as footer.ts's plainText removes them from images).
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe to hand an Office writer: the characters above removed, CR LF and CR made LF, ends trimmed. */
export function xmlText(s: unknown): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/\r\n?/g, '\n').replace(NOT_XML, '').trim();
}

/** A summary as a paragraph: ends with 。 (or a full stop in English) unless it already ends a sentence. */
export function sentence(s: string, lang: 'zh' | 'en'): string {
  const t = xmlText(s);
  if (!t || /[。.!?！？…]$/u.test(t)) return t;
  return `${t}${lang === 'zh' ? '。' : '.'}`;
}

/** Excel's limits on a sheet name: at most 31 characters, none of `[ ] : * ? / \`, no `'` at either end, not `History`. */
export const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel and WPS accept, unique in the workbook (Excel compares names without case):
 * forbidden characters become `_`, the name is cut to 31 UTF-16 units at a character boundary, and a repeat
 * gets ` (2)`, ` (3)` … within the 31. `taken` is updated.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = xmlText(wanted).replace(/[[\]:*?/\\]/g, '_').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim();
  const base = clean && clean.toLowerCase() !== 'history' ? clean : 'Sheet';
  const fit = (s: string, room: number) => {
    let out = '';
    for (const ch of s) {
      if (out.length + ch.length > room) break;
      out += ch;
    }
    return out.replace(/'+$/, '').trimEnd();
  };
  let name = fit(base, SHEET_NAME_MAX);
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${fit(base, SHEET_NAME_MAX - ` (${k})`.length)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The Excel number format of a value with this many decimals: thousands separated, the decimals fixed (`#,##0.0`). */
export function numberFormat(decimals: number): string {
  const d = Number.isInteger(decimals) ? Math.min(Math.max(decimals, 0), 6) : 1;
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/** The one unit all rows share, or '' when they differ or none is given. */
export function uniformUnit(units: readonly string[]): string {
  const set = new Set(units.map((u) => xmlText(u)));
  return set.size === 1 ? [...set][0] : '';
}

/** A header with its unit, as a yearbook writes it: `数值（亿元）` / `value (100M yuan)`; unchanged without a unit. */
export function headerWithUnit(header: string, unit: string, lang: 'zh' | 'en'): string {
  const u = xmlText(unit);
  if (!u || header.includes(u)) return header;
  return lang === 'zh' ? `${header}（${u}）` : `${header} (${u})`;
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; beyond 99 the Arabic number (a report has fewer sections). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${ones ? DIGITS[ones] : ''}`;
}

/** A report's first-level heading: `一、综合排名（位）` (GB/T 9704 numbering) / `1. Overall rank (place)`. */
export const sectionHeading = (n: number, title: string, lang: 'zh' | 'en') => (lang === 'zh' ? `${chineseNumeral(n)}、${title}` : `${n}. ${title}`);

/** A figure's caption, under the figure: `图1 综合排名（位）：河南7区 · 2020年` / `Figure 1. Overall rank (place): …`. */
export function figureCaption(n: number, title: string, subtitle: string, lang: 'zh' | 'en'): string {
  const rest = subtitle ? (lang === 'zh' ? `：${subtitle}` : `: ${subtitle}`) : '';
  return lang === 'zh' ? `图${n} ${title}${rest}` : `Figure ${n}. ${title}${rest}`;
}

/** A table's caption, above the table (the Chinese convention): `表1 综合排名（位）数据` / `Table 1. Data: Overall rank (place)`. */
export const tableCaption = (n: number, title: string, lang: 'zh' | 'en') => (lang === 'zh' ? `表${n} ${title}数据` : `Table ${n}. Data: ${title}`);

export interface FilterLine {
  label: string;
  value: string;
}

export interface FiltersInput {
  /** the dataset's title */
  dataset?: string;
  /** the indicator names the view shows (compare: x, y and size) */
  indicators: readonly string[];
  /** a year or a range (`2016—2023`) */
  when?: string;
  /** the zones chosen in the link; none: every zone */
  zones: readonly { name: string; province: string }[];
  focus?: string;
  trusted?: boolean;
  /** the view's link, which reproduces it */
  link?: string;
}

/** At most this many chosen zones are named on the title slide; the rest are counted. */
export const MAX_ZONES_NAMED = 12;

/**
 * The filters a view was exported with, as label–value lines for a deck's title slide and a report's opening:
 * indicator, year, zones with their provinces (`郑州高新区（河南）`), focus, dataset, source filter and link.
 */
export function filterLines(f: FiltersInput, lang: 'zh' | 'en'): FilterLine[] {
  const zh = lang === 'zh';
  const out: FilterLine[] = [];
  const add = (label: [string, string], value: string | undefined) => {
    const v = xmlText(value ?? '').replace(/\s+/g, ' ');
    if (v) out.push({ label: zh ? label[0] : label[1], value: v });
  };
  add(['指标', 'Indicator'], f.indicators.join(zh ? '、' : ', '));
  add(['年份', 'Year'], f.when);
  const named = f.zones.slice(0, MAX_ZONES_NAMED).map((z) => (z.province ? (zh ? `${z.name}（${z.province}）` : `${z.name} (${z.province})`) : z.name));
  const more = f.zones.length - named.length;
  const zones = f.zones.length === 0
    ? (zh ? '全部高新区' : 'All zones')
    : `${named.join(zh ? '、' : ', ')}${more > 0 ? (zh ? `等 ${f.zones.length} 家` : ` and ${more} more`) : ''}`;
  add(['高新区', 'Zones'], zones);
  add(['关注', 'Focus'], f.focus);
  add(['数据集', 'Dataset'], f.dataset);
  if (f.trusted) add(['来源', 'Sources'], zh ? '仅官方与媒体来源' : 'Official and media sources only');
  add(['链接', 'Link'], f.link);
  return out;
}

/** The words of the Office files that are not data: sheet and column names, headings, the data-table switch. */
export function officeWords(lang: 'zh' | 'en') {
  return lang === 'zh'
    ? { sources: '来源', about: '说明', chart: '图表', no: '编号', citation: '来源', tier: '来源可信度', view: '视图', exported: '导出日期', subtitle: '副标题', notes: '注', summary: '概述', sourceHeading: '数据来源', charts: (n: number) => `共 ${n} 张图表` }
    : { sources: 'Sources', about: 'About', chart: 'Chart', no: 'No.', citation: 'Source', tier: 'Source tier', view: 'View', exported: 'Exported', subtitle: 'Subtitle', notes: 'Notes', summary: 'Summary', sourceHeading: 'Sources', charts: (n: number) => `${n} chart${n === 1 ? '' : 's'}` };
}

/**
 * The columns of a chart's table that the Word report prints: all but those empty on every row and those that only
 * repeat a source's full citation or its tier (`repeated`): the report's numbered source list carries them and the
 * 来源编号 column points into it, and thirteen columns do not fit a 15.6 cm text width.
 */
export function reportColumns(rows: readonly (readonly unknown[])[], width: number, repeated: ReadonlySet<string>): number[] {
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    const texts = rows.map((r) => (r[c] === null || r[c] === undefined ? '' : xmlText(r[c]))).filter((t) => t !== '');
    if (texts.length && !texts.every((t) => repeated.has(t))) keep.push(c);
  }
  return keep;
}

const fixed = new Map<string, Intl.NumberFormat>();

/** A number as a report's table prints it: the catalogue's decimals with thousands separators, or as it is without them (years stay 2020). */
export function tableNumber(v: number, decimals: number | null | undefined, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(v)) return '';
  if (typeof decimals !== 'number') return String(v);
  const d = Math.min(Math.max(Math.round(decimals), 0), 6);
  const key = `${lang}${d}`;
  let f = fixed.get(key);
  if (!f) fixed.set(key, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d })));
  return f.format(v);
}
