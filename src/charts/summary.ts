import type { Indicator } from '../domain/types';
import type { Lang, Translate } from '../i18n';
import { formatValue, indicatorName } from '../model/format';

/*
 * One sentence that says what a chart shows, for screen readers (it leads the chart's aria description)
 * and for everyone (it is printed under the title): "郑州 ranked 17th of 169 in 2020, up 3".
 */

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st; Chinese writes 第 17 位 in the sentence itself. */
export function ordinal(n: number, lang: Lang): string {
  if (lang === 'zh') return String(n);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export interface RankFact {
  zone: string;
  year: number;
  /** the official rank (rank indicators) or the place among the zones with data */
  place: number;
  /** null: the ranking's total is not known (a list other than the zones' evaluation) */
  of: number | null;
  /** `of` counts the registry's zones of that year, not the evaluation's ranked zones (unknown that year) */
  ofRegistry?: boolean;
  value: number | null;
  /** places gained since the year before (rank indicators), null when not comparable */
  gained: number | null;
}

export function rankSentence(f: RankFact, ind: Indicator, lang: Lang, t: Translate): string {
  const base = { zone: f.zone, year: f.year, indicator: indicatorName(ind, lang), place: ordinal(f.place, lang), of: f.of ?? '' };
  if (ind.kind !== 'rank') return t('summaryValue', { ...base, value: formatValue(f.value, null, ind, lang) });
  const change = f.gained === null ? '' : f.gained > 0 ? t('summaryUp', { n: f.gained }) : f.gained < 0 ? t('summaryDown', { n: -f.gained }) : t('summarySame');
  return t(f.of === null ? 'summaryRankNoTotal' : f.ofRegistry ? 'summaryRankRegistry' : 'summaryRank', base) + change;
}

/** A series from its first to its last value: "郑州: GDP 1,020 in 2015 → 2,340 in 2022 (+129 %)". */
export function trendSentence(zone: string, points: readonly { year: number; value: number }[], ind: Indicator, lang: Lang, t: Translate): string {
  if (points.length < 2) return '';
  const a = points[0];
  const b = points[points.length - 1];
  const pct = ind.kind !== 'rank' && ind.kind !== 'rate' && a.value > 0 ? Math.round(((b.value - a.value) / a.value) * 100) : null;
  return t('summaryTrend', {
    zone, indicator: indicatorName(ind, lang), from: a.year, to: b.year,
    a: formatValue(a.value, null, ind, lang), b: formatValue(b.value, null, ind, lang),
    pct: pct === null ? '' : ` (${pct >= 0 ? '+' : ''}${pct}%)`,
  });
}
