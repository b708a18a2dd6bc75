import type { Indicator, Zone } from '../domain/types';
import { isFinalBasis } from '../data/final-basis';
import { at } from '../data/table';
import type { TidyTable } from '../data/table';
import type { Lang, Translate } from '../i18n';
import { growthSeries, type GrowthMode } from '../model/growth';
import { formatAxisNumber, formatNumber, indicatorName, unitLabel } from '../model/format';
import { fullYearCells, seriesValues, zoneSeries } from '../model/series';
import { zoneColours } from '../theme/tokens';
import { trendSentence } from './summary';
import { provenanceLines, zoneLabel } from './rankings-input';
import type { TierRule } from '../data/source-tiers';
import type { TrendsChartInput } from './trends-option';

export interface TrendsPresentOptions {
  zonesById: Map<string, Zone>;
  lang: Lang;
  t: Translate;
  home: string | null;
  /** the home zone's colour (theme accent); every other zone keeps the colour of its id */
  accent: string;
  mode: GrowthMode;
  log: boolean;
  tierRules?: readonly TierRule[];
}

/**
 * An indicator over consecutive years for some zones, as absolute values, YoY % or an index (base = the
 * first year shown). Missing years stay gaps; non-reported figures are hollow; every point says where it
 * came from, and a point that cannot be computed says why in its neighbour's tooltip.
 */
export function trendsChartInput(table: TidyTable, ind: Indicator, zones: readonly string[], years: readonly number[], o: TrendsPresentOptions): TrendsChartInput {
  const { t, lang } = o;
  const cells = fullYearCells(table, ind.id, { zones: new Set(zones), unit: ind.unit });
  const colours = zoneColours(zones);
  const series = zones.map((id) => {
    const zc = zoneSeries(cells, id, years);
    const g = growthSeries(seriesValues(zc), o.mode, 0);
    const label = zoneLabel(o.zonesById.get(id), id, lang);
    return {
      id,
      label,
      colour: o.home === id ? o.accent : colours.get(id)!,
      home: o.home === id,
      points: g.values.map((v, k) => {
        const cell = zc[k];
        if (v === null || !cell) return null;
        const lines = [`${label} · ${years[k]}`];
        if (o.mode !== 'absolute') lines.push(`${t(`mode.${o.mode}`)}: ${formatNumber(v, 1, lang)}`);
        // every source of a disputed year is listed, and the point says ⚠ beside it (the other values in absolute mode)
        for (const r of [cell.lead, ...(cell.conflict ? cell.rows.filter((i) => i !== cell.lead) : [])]) lines.push(...provenanceLines(table, r, ind, { lang, t, tierRules: o.tierRules }));
        const others = cell.conflict ? [...new Set(cell.rows.filter((i) => i !== cell.lead).map((i) => table.value[i]).filter((x) => Number.isFinite(x) && x !== cell.value))] : [];
        if (cell.conflict) lines.push(`⚠ ${t('conflictDetail', { n: cell.rows.length })}${others.length ? ` · ${t('conflictOthers', { values: others.map((x) => formatNumber(x, ind.decimals, lang)).join(' / ') })}` : ''}`);
        const mark = cell.conflict ? (o.mode === 'absolute' && others.length ? `⚠ ${others.map((x) => formatNumber(x, ind.decimals, lang)).join('/')}` : '⚠') : undefined;
        return { value: v, hollow: !isFinalBasis(at(table.basis, cell.lead)), mark, tooltip: lines };
      }),
    };
  });
  const name = indicatorName(ind, lang);
  // the sentence follows the values as written (not YoY or index), on the home zone or else the first
  // zone with two points
  let summary = '';
  for (const id of o.home && zones.includes(o.home) ? [o.home, ...zones] : zones) {
    const points = zoneSeries(cells, id, years).flatMap((c, k) => (c?.value != null ? [{ year: years[k], value: c.value }] : []));
    if (points.length < 2) continue;
    summary = trendSentence(zoneLabel(o.zonesById.get(id), id, lang), points, ind, lang, t);
    break;
  }
  const axis = o.mode === 'yoy' ? '%' : o.mode === 'index' ? `${years[0]} = 100` : unitLabel(ind, lang);
  return {
    years: [...years],
    series,
    yAxisName: axis,
    log: o.log && o.mode !== 'yoy',
    reference: o.mode === 'index' ? 100 : o.mode === 'yoy' ? 0 : null,
    // amounts start at zero so bars of growth are not exaggerated; rates, ranks, and indices fit their data
    zeroBased: o.mode === 'absolute' && ind.kind !== 'rate' && ind.kind !== 'rank',
    inverse: o.mode === 'absolute' && ind.kind === 'rank',
    // ranks are whole numbers: no 4.5th place on the axis
    valueFormat: (v: number) => (o.mode === 'absolute' && ind.kind === 'rank' ? (Number.isInteger(v) ? String(v) : '') : formatAxisNumber(v, o.mode === 'absolute' ? ind.decimals : 1, lang)),
    summary,
    description: `${summary ? `${summary}. ` : ''}${t('trendsTitle', { indicator: name, from: years[0], to: years[years.length - 1] })}: ${series.map((s) => s.label).join('、')}`,
  };
}
