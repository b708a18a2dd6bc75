import type { Indicator, RankBand } from '../domain/types';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

export const localeOf = (lang: 'zh' | 'en') => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** A number with grouping and the indicator's decimals, up to two more for small values. */
export function formatNumber(v: number, decimals: number, lang: 'zh' | 'en'): string {
  // Fixed decimals, as a yearbook prints a column (1,316.0 beside 1,232.3); small values get two.
  const max = Math.abs(v) < 10 && decimals < 2 ? Math.max(decimals, 2) : decimals;
  return nf(localeOf(lang), { maximumFractionDigits: max, minimumFractionDigits: Math.min(decimals, max) }).format(v);
}

/**
 * An axis number: up to the indicator's decimals, never padded (1,800 and 2.5 on one axis, not 1,800.0): an axis
 * tick is a round number the chart chose, not a published figure whose printed precision matters.
 */
export function formatAxisNumber(v: number, decimals: number, lang: 'zh' | 'en'): string {
  const max = Math.abs(v) < 10 && decimals < 2 ? Math.max(decimals, 2) : decimals;
  return nf(localeOf(lang), { maximumFractionDigits: max, minimumFractionDigits: 0 }).format(v);
}

/** 16284 → 1.6万 (zh) / 16K (en): for axis labels and tight spots, never for tables. */
export function formatCompact(v: number, lang: 'zh' | 'en'): string {
  return nf(localeOf(lang), { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

export function formatBand(band: RankBand, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `前${band.upTo}` : `top ${band.upTo}`;
}

/** The qualifier a source put on a number (`>1000`, `约10%`), which a table must not drop. */
export function qualifier(flags: readonly string[] | undefined, lang: 'zh' | 'en'): string {
  if (!flags?.length) return '';
  if (flags.includes('lower-bound')) return '>';
  if (flags.includes('upper-bound')) return '<';
  if (flags.includes('approx')) return lang === 'zh' ? '约' : '~';
  return '';
}

/** A value as a table shows it: `17`, `前10`, `6.2`, `>1,000`, `…` for "below the unit". */
export function formatValue(value: number | null, band: RankBand | null, ind: Indicator, lang: 'zh' | 'en', raw = '', flags?: readonly string[]): string {
  if (band) return formatBand(band, lang);
  if (value === null) return raw || '—';
  return qualifier(flags, lang) + formatNumber(value, ind.kind === 'rank' ? 0 : ind.decimals, lang);
}

export const unitLabel = (ind: Indicator, lang: 'zh' | 'en') => (lang === 'zh' ? ind.unit : ind.unitEn || ind.unit);
export const indicatorName = (ind: Indicator, lang: 'zh' | 'en') => (lang === 'zh' ? ind.zh : ind.en);

/**
 * An ISO date (2025-11-08) as a reader writes it: 2025年11月8日 / 8 Nov 2025. Intl here, so the first view
 * does not carry date-fns' locales; the wall clock and export footers (loaded later) use date-fns.
 * A year alone reads 2021 年 / 2021; anything else that is not a plain ISO date is shown as written.
 */
export function formatDate(iso: string, lang: 'zh' | 'en'): string {
  // a year alone (the latest year of a user's data): 2021 年 / 2021
  if (/^\d{4}$/.test(iso)) return lang === 'zh' ? `${iso} 年` : iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) return iso;
  return dateFormat(lang).format(d);
}

const dateFormats = new Map<'zh' | 'en', Intl.DateTimeFormat>();
function dateFormat(lang: 'zh' | 'en'): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(localeOf(lang), { year: 'numeric', month: lang === 'zh' ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' })));
  return f;
}

/** 河南省 → 河南, 新疆维吾尔自治区 → 新疆: the province as tables and tiles write it. */
export const provinceShort = (p: string) => p.replace(/(维吾尔|壮族|回族)?(自治区|省|市)$/, '');
