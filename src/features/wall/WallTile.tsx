import { useMemo } from 'react';
import { isFinalBasis } from '../../data/final-basis';
import { at } from '../../data/table';
import { textWidth } from '../../charts/trends-option';
import type { TidyTable } from '../../data/table';
import { formatValue, indicatorName, unitLabel } from '../../model/format';
import { buildRankings } from '../../model/rankings';
import { yearsOf } from '../../model/series';
import { useStore } from '../../store/store';
import { WALL } from '../../theme/tokens';
import { useLang, useT } from '../common/hooks';
import { useBoxSize } from './hooks';
import type { Tile } from './playlist';
import type { WallTileKind } from './tile-kind';
import { sourceLine, tileZones, wallSourceTitle, type Spot } from './tile-model';
import { WallChart } from './WallChart';
import { useCycle } from './hooks';

interface Props {
  tile: Tile;
  /** how its view draws it (from the view registry, src/app/views.ts); absent for the wall's own key figure */
  kind: WallTileKind | undefined;
  table: TidyTable;
  focus: string | null;
  fontSize: number;
  paused: boolean;
  /** a portrait screen's stack: a key figure keeps to as few lines as it can (one source, its rank beside the figure) */
  compact?: boolean;
}

/** One tile of a wall slide: a view's chart sized to its cell, or a key figure, with its sources beneath. */
export function WallTile({ tile, kind, table, focus, fontSize, paused, compact = false }: Props) {
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
    const years = yearsOf(table, ind.id);
    return kind?.build({
      tile, table, ind, years, year: tile.year ?? years[years.length - 1] ?? null, focus, lang, t, zones, registry, catalogue, evaluations, tierRules, unitOf, changeText, sourceOf,
      ctx: { mode: 'wall', theme: WALL, width: size.width, height: size.height, fontSize },
      present: { zonesById: registry.byId, lang, t, home: focus, selected: new Set<string>(), accent: WALL.accent, theme: WALL, tierRules },
    }) ?? null;
  }, [tile, kind, table, ind, registry, size.width, size.height, fontSize, lang, t, focus, zones, catalogue, evaluations, tierRules]); // eslint-disable-line react-hooks/exhaustive-deps
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
