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
import { buildTrendsOption } from '../../charts/trends-option';
import type { TidyTable } from '../../data/table';
import { formatValue, indicatorName, unitLabel } from '../../model/format';
import { buildRankings } from '../../model/rankings';
import { spanYears, yearsOf } from '../../model/series';
import { useStore } from '../../store/store';
import { WALL } from '../../theme/tokens';
import { useLang, useT } from '../common/hooks';
import { useBoxSize } from './hooks';
import type { Tile } from './playlist';
import { sourceLine, tileZones } from './tile-model';
import { isEvaluationRank, rankUniverse } from '../../model/rank-universe';
import { WallChart, type CarouselStep } from './WallChart';

interface Props {
  tile: Tile;
  table: TidyTable;
  focus: string | null;
  fontSize: number;
  paused: boolean;
}

/** One tile of a wall slide: a chart sized to its cell, or a key figure, with its sources beneath. */
export function WallTile({ tile, table, focus, fontSize, paused }: Props) {
  const t = useT();
  const lang = useLang();
  const zones = useStore((s) => s.zones);
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const evaluations = useStore((s) => s.evaluations);
  const tierRules = useStore((s) => s.tierRules);
  const [box, size] = useBoxSize<HTMLDivElement>();
  const ind = catalogue?.byId.get(tile.ind) ?? null;

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
      const fit = Math.max(3, Math.floor((size.height - fontSize * 3) / (fontSize * 1.9)));
      const top = Math.min(tile.top ?? fit, fit);
      let entries = r.entries.slice(0, top);
      const home = r.entries.find((e) => e.zone === focus);
      if (home && !entries.includes(home)) entries = [...entries.slice(0, top - 1), home];
      const input = rankingsChartInput({ ...r, entries }, table, { ...o, universe: universe ?? undefined });
      const steps: CarouselStep[] = input.rows.map((_, k) => ({ series: input.kind === 'rank' ? 'rank' : input.axisName, dataIndex: k }));
      return { option: buildRankingsOption(input, ctx), label: input.description, steps, rows: entries.flatMap((e) => e.cell.rows), title: `${indicatorName(ind, lang)} · ${year}` };
    }
    if (tile.kind === 'trend' || tile.kind === 'bump') {
      const range = tile.years ?? [years[0], years[years.length - 1]];
      const ys = spanYears(range);
      const ids = tileZones(tile, zones, null).map((z) => z.id).filter((id) => table.zone.dict.includes(id)).slice(0, 10);
      if (focus && !ids.includes(focus)) ids.unshift(focus);
      const input = tile.kind === 'trend' ? trendsChartInput(table, ind, ids, ys, { ...o, mode: 'absolute', log: false }) : bumpChartInput(table, ind, ids, ys, o);
      const option = tile.kind === 'trend' ? buildTrendsOption(input as ReturnType<typeof trendsChartInput>, ctx) : buildBumpOption(input as ReturnType<typeof bumpChartInput>, ctx);
      const steps: CarouselStep[] = input.series.flatMap((s) => {
        const last = (s.points as unknown[]).map((p, k) => (p ? k : -1)).filter((k) => k >= 0).pop();
        return last === undefined ? [] : [{ series: s.id, dataIndex: last }];
      });
      const rows: number[] = [];
      for (const i of rowsWith(table.indicator, table.size, ind.id)) if (ids.includes(at(table.zone, i)) && table.year[i] >= range[0] && table.year[i] <= range[1]) rows.push(i);
      return { option, label: input.description, steps, rows, title: `${indicatorName(ind, lang)} · ${range[0]}—${range[1]}` };
    }
    if (tile.kind === 'compare' && year !== null) {
      const y = catalogue?.byId.get(tile.ind2 ?? '');
      if (!y) return null;
      const input = scatterChartInput(table, ind, y, null, year, { ...o, selected: new Set(focus ? [focus] : []) });
      const steps: CarouselStep[] = input.points.map((p, k) => ({ p, k })).filter(({ p }) => p.home || p.highlighted).map(({ k }) => ({ series: 'points', dataIndex: k }));
      const rows: number[] = [];
      for (let i = 0; i < table.size; i++) if ((at(table.indicator, i) === ind.id || at(table.indicator, i) === y.id) && table.year[i] === year) rows.push(i);
      return { option: buildScatterOption(input, ctx), label: input.description, steps, rows, title: `${indicatorName(ind, lang)} × ${indicatorName(y, lang)} · ${year}` };
    }
    return null;
  }, [tile, table, ind, registry, size.width, size.height, fontSize, lang, t, focus, zones, catalogue, evaluations, tierRules]);

  if (!ind) return <div className="wall-tile error">{t('wallSlideError', { reason: `ind=${tile.ind}` })}</div>;
  if (tile.kind === 'kpi') return <KpiTile tile={tile} table={table} focus={focus} />;
  return (
    <section className={`wall-tile span-${tile.span}`}>
      <h3>{built?.title ?? indicatorName(ind, lang)}{ind.unit ? `（${unitLabel(ind, lang)}）` : ''}</h3>
      <div className="wall-tile-body" ref={box}>
        {built && <WallChart option={built.option} width={size.width} height={size.height} label={built.label} steps={built.steps} every={4000} paused={paused} />}
      </div>
      <p className="wall-source">{built ? sourceLine(table, built.rows, lang) : ''}</p>
    </section>
  );
}

/** A key figure: the home zone's value, its place among all zones and its change — big enough to read across a room. */
function KpiTile({ tile, table, focus }: { tile: Tile; table: TidyTable; focus: string | null }) {
  const t = useT();
  const lang = useLang();
  const zones = useStore((s) => s.zones);
  const registry = useStore((s) => s.registry);
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
  return (
    <section className="wall-tile kpi">
      <h3>
        {zoneName} · {indicatorName(ind, lang)} · {data?.year ?? ''}
      </h3>
      <p className="kpi-value">
        {e ? formatValue(e.value, e.band, ind, lang) : '—'}
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
      <p className="wall-source">{e ? sourceLine(table, e.cell.rows, lang) : t('noData')}</p>
    </section>
  );
}
