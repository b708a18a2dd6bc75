import type { Indicator, Zone } from '../domain/types';
import type { Lang, Translate } from '../i18n';
import { formatNumber, formatValue, indicatorName } from '../model/format';
import { provinceLabel, provinceName } from '../model/place-names';
import type { ProvinceAggregate, ProvinceValue } from '../model/province-aggregate';
import type { CellsByZone } from '../model/series';
import type { ThemeTokens } from '../theme/tokens';
import { zoneColours } from '../theme/tokens';
import type { TileMapInput } from './tilemap-option';
import { zoneLabel } from './rankings-input';

/** 河南省 → 河南, 新疆维吾尔自治区 → 新疆: the tile label. */

export interface TileMapPresentOptions {
  zonesById: Map<string, Zone>;
  lang: Lang;
  t: Translate;
  home: string | null;
  selected: ReadonlySet<string>;
  theme: ThemeTokens;
}

/**
 * Provinces coloured by an aggregate, zones as dots. For a lower-is-better indicator (a rank) the ramp is
 * reversed for median/best, so darker always means better; for counts darker means more zones with data.
 */
export function tileMapInput(values: ProvinceValue[], cells: CellsByZone, zones: readonly Zone[], ind: Indicator, year: number, agg: ProvinceAggregate, o: TileMapPresentOptions): TileMapInput {
  const { t, lang } = o;
  const selectedColours = zoneColours(o.selected);
  const nums = values.map((v) => v.value).filter((v): v is number => v !== null);
  const domain: [number, number] = nums.length ? [Math.min(...nums), Math.max(...nums)] : [0, 1];
  const counting = agg === 'count' || agg === 'zones';
  const reversed = !counting && ind.better === 'lower';
  const selectedProvinces = new Set(zones.filter((z) => o.selected.has(z.id)).map((z) => z.province));
  const fmt = (v: number) => (counting ? String(v) : formatNumber(v, ind.kind === 'rank' ? (agg === 'median' ? 1 : 0) : ind.decimals, lang));
  return {
    tiles: values.map((v) => ({
      province: v.province,
      label: provinceLabel(v.province, lang),
      value: v.value,
      valueLabel: v.value === null ? '—' : fmt(v.value),
      selected: selectedProvinces.has(v.province),
      tooltip: [provinceName(v.province, lang), `${t(`agg.${agg}`)}: ${v.value === null ? '—' : fmt(v.value)}`, `${t('zones')}: ${v.withData} / ${v.zones}`],
    })),
    colours: reversed ? [...o.theme.ramp].reverse() : o.theme.ramp,
    domain,
    zones: zones
      .filter((z) => z.lat !== null && z.lon !== null)
      .map((z) => {
        const cell = cells.get(z.id)?.get(year);
        const has = cell && (cell.value !== null || cell.band);
        return {
          id: z.id,
          label: zoneLabel(z, z.id, lang),
          province: z.province,
          lat: z.lat!,
          lon: z.lon!,
          colour: o.home === z.id ? o.theme.accent : o.selected.has(z.id) ? selectedColours.get(z.id)! : has ? o.theme.text : o.theme.muted,
          home: o.home === z.id,
          tooltip: [z.name, `${z.city} · ${provinceName(z.province, lang)}`, `${indicatorName(ind, lang)} ${year}: ${cell ? formatValue(cell.value, cell.band, ind, lang) : '—'}`],
        };
      }),
    description: `${t('mapTitle', { indicator: indicatorName(ind, lang), year })} (${t(`agg.${agg}`)})`,
    nameOf: (p) => provinceLabel(p, lang),
  };
}
