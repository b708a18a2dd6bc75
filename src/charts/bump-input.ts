import type { Indicator, Zone } from '../domain/types';
import { isFinalBasis } from '../data/final-basis';
import { at } from '../data/table';
import type { TidyTable } from '../data/table';
import type { Lang, Translate } from '../i18n';
import { formatBand, indicatorName } from '../model/format';
import { fullYearCells, zoneSeries } from '../model/series';
import { zoneColours } from '../theme/tokens';
import type { BumpChartInput } from './bump-option';
import { provenanceLines, zoneLabel } from './rankings-input';
import type { TierRule } from '../data/source-tiers';

export interface BumpPresentOptions {
  zonesById: Map<string, Zone>;
  lang: Lang;
  t: Translate;
  home: string | null;
  /** the home zone's colour (theme accent); every other zone keeps the colour of its id */
  accent: string;
  tierRules?: readonly TierRule[];
}

/**
 * Rank by year for some zones. Bands stay bands; a year whose sources disagree is drawn hollow and its
 * tooltip lists every source. The end label gives the latest rank and the places gained since the
 * zone's previous ranked year (none when either year is a band or in conflict).
 */
export function bumpChartInput(table: TidyTable, ind: Indicator, zones: readonly string[], years: readonly number[], o: BumpPresentOptions): BumpChartInput {
  const { t, lang } = o;
  const cells = fullYearCells(table, ind.id, { zones: new Set(zones) });
  let maxRank = 0;
  const colours = zoneColours(zones);
  const series = zones.map((id) => {
    const label = zoneLabel(o.zonesById.get(id), id, lang);
    const zc = zoneSeries(cells, id, years);
    const points = zc.map((cell, k) => {
      if (!cell || (cell.value === null && !cell.band)) return null;
      maxRank = Math.max(maxRank, cell.value ?? cell.band?.upTo ?? 0);
      const lines = [`${label} · ${years[k]}`];
      // the other sources' values of a disputed year: drawn beside the point and named in the tooltip
      const alternatives = cell.conflict ? [...new Set(cell.rows.filter((i) => i !== cell.lead).map((i) => table.value[i]).filter((v) => Number.isFinite(v) && v !== cell.value))] : [];
      if (cell.conflict) lines.push(`⚠ ${t('conflict')}: ${t('conflictDetail', { n: cell.rows.length })}${alternatives.length ? ` · ${t('conflictOthers', { values: alternatives.join(' / ') })}` : ''}`);
      for (const r of [cell.lead, ...cell.rows.filter((i) => i !== cell.lead)]) lines.push(...provenanceLines(table, r, ind, { lang, t, tierRules: o.tierRules }));
      return {
        rank: cell.value ?? cell.band!.upTo,
        band: cell.band ? { upTo: cell.band.upTo, label: formatBand(cell.band, lang) } : null,
        hollow: cell.conflict || !isFinalBasis(at(table.basis, cell.lead)),
        alternatives,
        tooltip: lines,
      };
    });
    const ranked = zc.map((c, k) => ({ c, k })).filter(({ c }) => c && (c.value !== null || c.band));
    const last = ranked[ranked.length - 1];
    const prev = ranked[ranked.length - 2];
    let endLabel = label;
    if (last?.c) {
      endLabel += ` ${last.c.band ? formatBand(last.c.band, lang) : last.c.value}`;
      if (prev?.c && last.c.value !== null && prev.c.value !== null && !last.c.conflict && !prev.c.conflict) {
        const d = prev.c.value - last.c.value;
        endLabel += d > 0 ? ` ↑${d}` : d < 0 ? ` ↓${-d}` : ' =';
      }
    }
    return { id, label, colour: o.home === id ? o.accent : colours.get(id)!, home: o.home === id, endLabel, points };
  });
  const name = indicatorName(ind, lang);
  return {
    years: [...years],
    series,
    maxRank: Math.max(maxRank, 10),
    description: `${t('bumpTitle', { indicator: name, from: years[0], to: years[years.length - 1] })}: ${series.map((s) => s.endLabel).join('；')}`,
  };
}
