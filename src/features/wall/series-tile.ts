import type { EChartsOption } from 'echarts';
import { at, rowsWith } from '../../data/table';
import { formatValue, indicatorName } from '../../model/format';
import { spanYears } from '../../model/series';
import { WALL } from '../../theme/tokens';
import type { BuiltTile, TileEnv } from './tile-kind';
import { readableOn, tileZones, type Spot } from './tile-model';

/** The wall tile's panel colour (wall.css --wall-panel), which chart colours must read against. */
export const PANEL = '#101c2e';

/** The zones and years of a series tile (trend, bump): at most ten zones with data, the home zone first. */
export function seriesScope({ tile, table, years, focus, zones }: TileEnv) {
  const range: [number, number] = tile.years ?? [years[0], years[years.length - 1]];
  const ids = tileZones(tile, zones, null).map((z) => z.id).filter((id) => table.zone.dict.includes(id)).slice(0, 10);
  if (focus && !ids.includes(focus)) ids.unshift(focus);
  return { ids, range, ys: spanYears(range) };
}

interface Series<P> {
  id: string;
  label: string;
  home: boolean;
  colour: string;
  points: (P | null)[];
}

/**
 * The rest of a series tile once its view has built the chart input: colours readable on the panel (the home zone
 * in the accent), a spotlight stop per zone at its latest point with its rank among the zones and its change, and
 * the rows cited. `read` gives a point's number (a rank on the bump chart) or its band's label.
 */
export function seriesTile<P>(
  env: TileEnv,
  scope: ReturnType<typeof seriesScope>,
  series: Series<P>[],
  read: (p: P) => { value: number | null; band: string | null },
  /** the view's chart of the series, built after their colours are set */
  chart: () => { option: EChartsOption; label: string },
): BuiltTile {
  const { table, ind, lang, t, unitOf, changeText, sourceOf } = env;
  const { ids, range, ys } = scope;
  // the home zone in the accent colour; every other zone's colour readable on the dark panel
  for (const s of series) s.colour = s.home ? WALL.accent : readableOn(s.colour, PANEL);
  const { option, label } = chart();
  const rows: number[] = [];
  for (const i of rowsWith(table.indicator, table.size, ind.id)) if (ids.includes(at(table.zone, i)) && table.year[i] >= range[0] && table.year[i] <= range[1]) rows.push(i);
  const rowAt = (zone: string, year: number) => rows.find((i) => at(table.zone, i) === zone && table.year[i] === year);
  const valueAt = (s: Series<P>, k: number): number | null => {
    const p = s.points[k];
    const v = p ? read(p) : null;
    return v && !v.band && typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : null;
  };
  const spots: Spot[] = series.flatMap((s) => {
    const last = s.points.map((p, k) => (p ? k : -1)).filter((k) => k >= 0).pop();
    if (last === undefined) return [];
    const v = valueAt(s, last);
    const before = last > 0 ? valueAt(s, last - 1) : null;
    const band = read(s.points[last]!).band;
    const peers = series.map((x) => valueAt(x, last)).filter((x): x is number => x !== null);
    const better = v === null ? 0 : peers.filter((x) => (ind.kind === 'rank' || ind.better === 'lower' ? x < v : x > v)).length;
    const change = v === null || before === null ? null : ind.kind === 'rank' ? before - v : v - before;
    return [{
      series: s.id,
      dataIndex: last,
      zone: s.label,
      home: s.home,
      value: `${ys[last]} · ${band ?? (v === null ? '—' : formatValue(v, null, ind, lang))}${unitOf(ind)}`,
      rank: ind.kind !== 'rank' && v !== null && peers.length >= 3 ? t('rankOf', { rank: better + 1, n: peers.length }) : '',
      change: changeText(change, ind),
      source: sourceOf(rowAt(s.id, ys[last])),
    }];
  });
  return { option, label, spots, rows, title: `${indicatorName(ind, lang)} · ${range[0]}—${range[1]}` };
}
