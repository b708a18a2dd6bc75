import type { Indicator, Zone } from '../domain/types';
import { at } from '../data/table';
import type { TidyTable } from '../data/table';
import type { Lang, Translate } from '../i18n';
import { median, spearman } from '../model/correlation';
import { formatValue, indicatorName, unitLabel } from '../model/format';
import { fullYearCells } from '../model/series';
import type { ThemeTokens } from '../theme/tokens';
import { zoneColours } from '../theme/tokens';
import type { GroupedBarsInput, ScatterChartInput } from './compare-option';
import { zoneLabel } from './rankings-input';

export interface ComparePresentOptions {
  zonesById: Map<string, Zone>;
  lang: Lang;
  t: Translate;
  home: string | null;
  selected: ReadonlySet<string>;
  theme: ThemeTokens;
}

const axisName = (ind: Indicator, lang: Lang) => `${indicatorName(ind, lang)}${ind.unit ? ` (${unitLabel(ind, lang)})` : ''}`;

/** Every zone with both values in the year, the medians that split them into quadrants, and Spearman's rho. */
export function scatterChartInput(table: TidyTable, x: Indicator, y: Indicator, size: Indicator | null, year: number, o: ComparePresentOptions): ScatterChartInput & { rho: number | null } {
  const { lang, t } = o;
  const cx = fullYearCells(table, x.id, { unit: x.unit });
  const cy = fullYearCells(table, y.id, { unit: y.unit });
  const cs = size ? fullYearCells(table, size.id, { unit: size.unit }) : null;
  const points: ScatterChartInput['points'] = [];
  const colours = zoneColours([...(o.home ? [o.home] : []), ...o.selected]);
  for (const [zone, byYear] of cx) {
    const a = byYear.get(year);
    const b = cy.get(zone)?.get(year);
    if (a?.value == null || b?.value == null) continue;
    const s = cs?.get(zone)?.get(year)?.value ?? null;
    const label = zoneLabel(o.zonesById.get(zone), zone, lang);
    const chosen = o.selected.has(zone);
    const tooltip = [
      o.zonesById.get(zone)?.name ?? zone,
      `${indicatorName(x, lang)}: ${formatValue(a.value, null, x, lang)} ${x.unit} · ${at(table.source, a.lead)}`,
      `${indicatorName(y, lang)}: ${formatValue(b.value, null, y, lang)} ${y.unit} · ${at(table.source, b.lead)}`,
    ];
    if (size && s !== null) tooltip.push(`${indicatorName(size, lang)}: ${formatValue(s, null, size, lang)} ${size.unit}`);
    points.push({ id: zone, label, x: a.value, y: b.value, size: s, colour: chosen || o.home === zone ? colours.get(zone)! : o.theme.bar, home: o.home === zone, highlighted: chosen, tooltip });
  }
  const mx = median(points.map((p) => p.x));
  const my = median(points.map((p) => p.y));
  const rho = spearman(points.map((p) => p.x), points.map((p) => p.y));
  return {
    points,
    xName: axisName(x, lang),
    yName: axisName(y, lang),
    sizeName: size ? axisName(size, lang) : '',
    medians: mx !== null && my !== null ? { x: mx, y: my } : null,
    description: `${t('compareTitle', { x: indicatorName(x, lang), y: indicatorName(y, lang), year })}. ${t('pointsCount', { n: points.length })}${rho !== null ? `, Spearman ρ = ${rho.toFixed(2)}` : ''}`,
    rho,
  };
}

/** Several indicators for the chosen zones, one small multiple per indicator (their units differ). */
export function groupedBarsInput(table: TidyTable, indicators: readonly Indicator[], zones: readonly string[], year: number, o: ComparePresentOptions): GroupedBarsInput {
  const colours = zoneColours(zones);
  const { lang, t } = o;
  return {
    zones: zones.map((id) => ({ id, label: zoneLabel(o.zonesById.get(id), id, lang), colour: colours.get(id)!, home: o.home === id })),
    indicators: indicators.map((ind) => {
      const cells = fullYearCells(table, ind.id, { zones: new Set(zones), unit: ind.unit });
      const values = zones.map((z) => cells.get(z)?.get(year)?.value ?? null);
      return {
        id: ind.id,
        title: indicatorName(ind, lang),
        unit: unitLabel(ind, lang),
        values,
        tooltips: zones.map((z, k) => {
          const c = cells.get(z)?.get(year);
          return [o.zonesById.get(z)?.name ?? z, `${indicatorName(ind, lang)}: ${values[k] === null ? '—' : formatValue(values[k], null, ind, lang)} ${ind.unit}`, c ? `${t('source')}: ${at(table.source, c.lead)}` : ''].filter(Boolean);
        }),
      };
    }),
    description: t('groupedTitle', { year }),
  };
}
