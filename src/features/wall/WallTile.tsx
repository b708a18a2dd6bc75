import { useMemo } from 'react';
import { isFinalBasis } from '../../data/final-basis';
import { at, rowsWith } from '../../data/table';
import { bumpChartInput } from '../../charts/bump-input';
import { buildBumpOption } from '../../charts/bump-option';
import { scatterChartInput } from '../../charts/compare-input';
import { buildScatterOption } from '../../charts/compare-option';
import type { ChartContext } from '../../charts/context';
import { buildRankingsOption } from '../../charts/rankings-option';
import { rankingsChartInput } from '../../charts/rankings-input';
import { trendsChartInput } from '../../charts/trends-input';
import { buildTrendsOption, textWidth } from '../../charts/trends-option';
import type { TidyTable } from '../../data/table';
import { formatValue, indicatorName, unitLabel } from '../../model/format';
import { buildRankings } from '../../model/rankings';
import { spanYears, yearsOf } from '../../model/series';
import { useStore } from '../../store/store';
import { WALL } from '../../theme/tokens';
import { useLang, useT } from '../common/hooks';
import { useBoxSize } from './hooks';
import type { Tile } from './playlist';
import { readableOn, sourceLine, tileZones, wallSourceTitle, type Spot } from './tile-model';
import { isEvaluationRank, rankUniverse } from '../../model/rank-universe';
import { WallChart } from './WallChart';
import { useCycle } from './hooks';

/** The wall tile's panel colour (wall.css --wall-panel), which chart colours must read against. */
const PANEL = '#101c2e';

interface Props {
  tile: Tile;
  table: TidyTable;
  focus: string | null;
  fontSize: number;
  paused: boolean;
  /** a portrait screen's stack: a key figure keeps to as few lines as it can (one source, its rank beside the figure) */
  compact?: boolean;
}

/** One tile of a wall slide: a chart sized to its cell, or a key figure, with its sources beneath. */
export function WallTile({ tile, table, focus, fontSize, paused, compact = false }: Props) {
  const t = useT();
  const lang = useLang();
  const zones = useStore((s) => s.zones);
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const evaluations = useStore((s) => s.evaluations);
  const tierRules = useStore((s) => s.tierRules);
  const [box, size] = useBoxSize<HTMLDivElement>();
  const [cell, cellSize] = useBoxSize<HTMLElement>();
  const ind = catalogue?.byId.get(tile.ind) ?? null;
  const unitOf = (i: NonNullable<typeof ind>) => (i.unit ? ` ${unitLabel(i, lang)}` : '');
  const changeText = (c: number | null, i: NonNullable<typeof ind>) =>
    c === null || c === 0 ? '' : i.kind === 'rank' ? (c > 0 ? `↑ ${t('up', { n: c })}` : `↓ ${t('down', { n: -c })}`) : t('wallChange', { v: `${c > 0 ? '+' : '−'}${formatValue(Math.abs(c), null, i, lang)}${unitOf(i)}` });
  const sourceOf = (row: number | undefined) => (row === undefined ? '' : wallSourceTitle(at(table.source, row), tierRules, lang));

  const built = useMemo(() => {
    if (!ind || !registry || size.height < 20) return null;
    // Test hook, inert unless a test sets it before the page loads (test/e2e/wall.test.ts): this tile's chart throws.
    if ((window as { __htzFailTile?: string }).__htzFailTile === `${tile.kind}:${tile.ind}`) throw new Error(`test fault in the ${tile.kind} chart of ${tile.ind}`);
    const ctx: ChartContext = { mode: 'wall', theme: WALL, width: size.width, height: size.height, fontSize };
    const years = yearsOf(table, ind.id);
    const year = tile.year ?? years[years.length - 1] ?? null;
    const o = { zonesById: registry.byId, lang, t, home: focus, selected: new Set<string>(), accent: WALL.accent, theme: WALL, tierRules };
    if (tile.kind === 'rankings' && year !== null) {
      const universe = isEvaluationRank(ind) ? rankUniverse(zones, evaluations, year) : null;
      const r = buildRankings(table, ind, year, tileZones(tile, zones, year, universe));
      // as many rows as the box holds at wall size (two at least: the leader and the home zone)
      const fit = Math.max(2, Math.floor((size.height - fontSize * 3) / (fontSize * 1.9)));
      const top = Math.min(tile.top ?? fit, fit);
      let entries = r.entries.slice(0, top);
      const home = r.entries.find((e) => e.zone === focus);
      if (home && !entries.includes(home)) entries = [...entries.slice(0, top - 1), home];
      const input = rankingsChartInput({ ...r, entries }, table, { ...o, universe: universe ?? undefined });
      const spots: Spot[] = entries.flatMap((e, k) =>
        input.kind === 'rank' && e.value === null
          ? []
          : [{
              series: input.kind === 'rank' ? 'rank' : input.axisName,
              dataIndex: k,
              zone: input.rows[k]?.label ?? e.zone,
              home: e.zone === focus,
              value: `${formatValue(e.value, e.band, ind, lang)}${unitOf(ind)}`,
              rank: ind.kind !== 'rank' && e.rankAmongLoaded !== null ? t('rankOf', { rank: e.rankAmongLoaded, n: r.entries.length }) : '',
              change: changeText(e.change, ind),
              source: sourceOf(e.cell.lead),
            }],
      );
      return { option: buildRankingsOption(input, ctx), label: input.description, spots, rows: entries.flatMap((e) => e.cell.rows), title: `${indicatorName(ind, lang)} · ${year}` };
    }
    if (tile.kind === 'trend' || tile.kind === 'bump') {
      const range = tile.years ?? [years[0], years[years.length - 1]];
      const ys = spanYears(range);
      const ids = tileZones(tile, zones, null).map((z) => z.id).filter((id) => table.zone.dict.includes(id)).slice(0, 10);
      if (focus && !ids.includes(focus)) ids.unshift(focus);
      const input = tile.kind === 'trend' ? trendsChartInput(table, ind, ids, ys, { ...o, mode: 'absolute', log: false }) : bumpChartInput(table, ind, ids, ys, o);
      // the home zone in the accent colour; every other zone's colour readable on the dark panel
      for (const s of input.series) s.colour = s.home ? WALL.accent : readableOn(s.colour, PANEL);
      const option = tile.kind === 'trend' ? buildTrendsOption(input as ReturnType<typeof trendsChartInput>, ctx) : buildBumpOption(input as ReturnType<typeof bumpChartInput>, ctx);
      const rows: number[] = [];
      for (const i of rowsWith(table.indicator, table.size, ind.id)) if (ids.includes(at(table.zone, i)) && table.year[i] >= range[0] && table.year[i] <= range[1]) rows.push(i);
      const rowAt = (zone: string, year: number) => rows.find((i) => at(table.zone, i) === zone && table.year[i] === year);
      // a value per series at a year index (a rank for the bump chart), for the rank and the change
      const valueAt = (s: (typeof input.series)[number], k: number): number | null => {
        const p = s.points[k] as { value?: number; rank?: number; band?: unknown } | null;
        if (!p || p.band) return null;
        const v = tile.kind === 'bump' ? p.rank : p.value;
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      };
      const spots: Spot[] = input.series.flatMap((s) => {
        const last = (s.points as unknown[]).map((p, k) => (p ? k : -1)).filter((k) => k >= 0).pop();
        if (last === undefined) return [];
        const v = valueAt(s, last);
        const before = last > 0 ? valueAt(s, last - 1) : null;
        const p = s.points[last] as { band?: { label: string } | null };
        const peers = input.series.map((x) => valueAt(x, last)).filter((x): x is number => x !== null);
        const better = v === null ? 0 : peers.filter((x) => (ind.kind === 'rank' || ind.better === 'lower' ? x < v : x > v)).length;
        const change = v === null || before === null ? null : ind.kind === 'rank' ? before - v : v - before;
        return [{
          series: s.id,
          dataIndex: last,
          zone: s.label,
          home: s.home,
          value: `${ys[last]} · ${p.band ? p.band.label : v === null ? '—' : formatValue(v, null, ind, lang)}${unitOf(ind)}`,
          rank: ind.kind !== 'rank' && v !== null && peers.length >= 3 ? t('rankOf', { rank: better + 1, n: peers.length }) : '',
          change: changeText(change, ind),
          source: sourceOf(rowAt(s.id, ys[last])),
        }];
      });
      return { option, label: input.description, spots, rows, title: `${indicatorName(ind, lang)} · ${range[0]}—${range[1]}` };
    }
    if (tile.kind === 'compare' && year !== null) {
      const y = catalogue?.byId.get(tile.ind2 ?? '');
      if (!y) return null;
      const input = scatterChartInput(table, ind, y, null, year, { ...o, selected: new Set(focus ? [focus] : []) });
      for (const p of input.points) if (p.home) p.colour = WALL.accent;
      const rows: number[] = [];
      for (let i = 0; i < table.size; i++) if ((at(table.indicator, i) === ind.id || at(table.indicator, i) === y.id) && table.year[i] === year) rows.push(i);
      // the home zone first, then the zones furthest out on either axis (the ones a viewer asks about)
      const order = input.points.map((p, k) => ({ p, k }));
      const extremes = [...order].sort((a, b) => b.p.x - a.p.x).slice(0, 3).concat([...order].sort((a, b) => b.p.y - a.p.y).slice(0, 3));
      const picked = [...order.filter(({ p }) => p.home || p.highlighted), ...extremes].filter((v, i, all) => all.findIndex((w) => w.k === v.k) === i).slice(0, 6);
      const spots: Spot[] = picked.map(({ p, k }) => ({
        series: 'points',
        dataIndex: k,
        name: p.id,
        zone: p.label,
        home: p.home,
        value: `${indicatorName(ind, lang)} ${formatValue(p.x, null, ind, lang)}${unitOf(ind)} · ${indicatorName(y, lang)} ${formatValue(p.y, null, y, lang)}${unitOf(y)}`,
        rank: '',
        change: '',
        source: sourceOf(rows.find((i) => at(table.zone, i) === p.id)),
      }));
      return { option: buildScatterOption(input, ctx), label: input.description, spots, rows, title: `${indicatorName(ind, lang)} × ${indicatorName(y, lang)} · ${year}` };
    }
    return null;
  }, [tile, table, ind, registry, size.width, size.height, fontSize, lang, t, focus, zones, catalogue, evaluations, tierRules]); // eslint-disable-line react-hooks/exhaustive-deps
  // the spotlight: one zone at a time, the home zone first, every 4 s (one interval, cleared on pause and unmount)
  const spots = useMemo(() => [...(built?.spots ?? [])].sort((a, b) => Number(b.home) - Number(a.home)), [built]);
  const step = useCycle(spots.length, 4000, paused);
  const spot = spots.length ? spots[step % spots.length] : null;
  // a low tile (a portrait screen's stack) names one source and counts the rest, keeping its height for the chart
  // (in a portrait stack, under 16 lines: a scatter's spotlight of two values takes three of them)
  const low = cellSize.height > 0 && cellSize.height < fontSize * (compact ? 16 : 12);
  const sources = useMemo(() => (built ? sourceLine(table, built.rows, lang, tierRules, low ? 1 : 2) : ''), [built, table, lang, tierRules, low]);

  if (!ind) return <div className="wall-tile error">{t('wallSlideError', { reason: `ind=${tile.ind}` })}</div>;
  if (tile.kind === 'kpi') return <KpiTile tile={tile} table={table} focus={focus} compact={compact} fontSize={fontSize} />;
  return (
    <section ref={cell} className={`wall-tile span-${tile.span}`}>
      <h3>{built?.title ?? indicatorName(ind, lang)}{ind.unit ? `（${unitLabel(ind, lang)}）` : ''}</h3>
      <div className="wall-tile-body" ref={box}>
        {built && <WallChart option={built.option} width={size.width} height={size.height} label={built.label} highlight={spot} />}
      </div>
      {/* a low tile (a portrait screen's stack) keeps its height for the chart: no spotlight under 12 lines */}
      {!low && <Spotlight spot={spot} sources={sources} />}
      <p className="wall-source">{sources}</p>
    </section>
  );
}

/** A key figure: the home zone's value, its place among all zones and its change — big enough to read across a room. */
function KpiTile({ tile, table, focus, compact, fontSize }: { tile: Tile; table: TidyTable; focus: string | null; compact: boolean; fontSize: number }) {
  const t = useT();
  const lang = useLang();
  const zones = useStore((s) => s.zones);
  const registry = useStore((s) => s.registry);
  const tierRules = useStore((s) => s.tierRules);
  const ind = useStore((s) => s.catalogue?.byId.get(tile.ind)) ?? null;
  const data = useMemo(() => {
    if (!ind || !focus) return null;
    const years = yearsOf(table, ind.id);
    const year = tile.year ?? years[years.length - 1];
    if (year === undefined) return null;
    const r = buildRankings(table, ind, year, tileZones({ ...tile, zones: undefined }, zones, year));
    const e = r.entries.find((x) => x.zone === focus);
    return { year, e, n: r.entries.length, scope: r.scopeSize };
  }, [ind, focus, table, tile, zones]);
  if (!ind) return null;
  const zoneName = focus ? registry?.byId.get(focus)?.short ?? focus : '';
  const e = data?.e;
  const value = e ? formatValue(e.value, e.band, ind, lang) : '—';
  // A figure grows with its tile (wall.css .kpi.fit): how wide it is in ems, and its unit in px, bound the size
  // that fits the width. Not in a portrait stack, whose key-figure rows take their height from their text.
  const fit = compact ? undefined : ({ '--kpi-ems': textWidth(value, 1), '--kpi-unit': `${Math.ceil(textWidth(unitLabel(ind, lang), fontSize * 1.2) + fontSize * 0.36)}px` } as React.CSSProperties);
  return (
    <section className={`wall-tile kpi${fit ? ' fit' : ''}`} style={fit}>
      <h3>
        {zoneName} · {indicatorName(ind, lang)} · {data?.year ?? ''}
      </h3>
      <div className="kpi-figure">
        <p className="kpi-value">
          {value}
          <span className="kpi-unit">{unitLabel(ind, lang)}</span>
        </p>
        {e && (
          <p className="kpi-sub">
            {ind.kind === 'rank'
              ? e.change !== null && e.change !== 0 && (e.change > 0 ? `↑ ${t('up', { n: e.change })}` : `↓ ${t('down', { n: -e.change })}`)
              : e.rankAmongLoaded !== null && data!.n >= 5 && t('rankOf', { rank: e.rankAmongLoaded, n: data!.n })}
            {e.cell.conflict && <span className="conflict"> ⚠ {t('conflict')}</span>}
            {!isFinalBasis(at(table.basis, e.cell.lead)) && <span> · {t(`basis.${at(table.basis, e.cell.lead)}`)}</span>}
          </p>
        )}
      </div>
      <p className="wall-source">{e ? sourceLine(table, e.cell.rows, lang, tierRules, compact ? 1 : 2) : t('noData')}</p>
    </section>
  );
}

/** The strip under a chart: the zone highlighted now, its value with unit, rank and change, and its source's short title
 * (when the tile's source line does not already give it). */
function Spotlight({ spot, sources }: { spot: Spot | null; sources: string }) {
  const t = useT();
  if (!spot) return null;
  return (
    <p className={`wall-spotlight${spot.home ? ' home' : ''}`} data-testid="wall-spotlight" aria-live="off">
      <span className="spot-zone">{spot.zone}</span>
      <span className="spot-value">{spot.value}</span>
      {spot.rank && <span>{spot.rank}</span>}
      {spot.change && <span>{spot.change}</span>}
      {/* the zone's own source, unless the tile's 数据来源 line already names it */}
      {spot.source && !sources.includes(spot.source) && <span className="spot-source">{t('wallSpotSource', { s: spot.source })}</span>}
    </p>
  );
}
