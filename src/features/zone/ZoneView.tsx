import '../../charts/echarts-extra';
import { isDemoDataset } from '../../data/demo-dataset';
import { useMemo } from 'react';
import { bumpChartInput } from '../../charts/bump-input';
import { buildBumpOption } from '../../charts/bump-option';
import { trendsChartInput } from '../../charts/trends-input';
import { buildTrendsOption } from '../../charts/trends-option';
import { formatNumber, formatValue, indicatorName, unitLabel } from '../../model/format';
import { provinceName, regionName } from '../../model/place-names';
import { rankNeighbours, sameProvince } from '../../model/peers';
import { MIN_PEERS, percentilesByYear, standingOf, type Standing } from '../../model/percentile';
import { isEvaluationRank, rankUniverse } from '../../model/rank-universe';
import { fullYearCells, spanYears, yearsOf, zoneSeries } from '../../model/series';
import { indicatorsWithData } from '../../model/rankings';
import { formatHash } from '../../store/url';
import { setFilters, useStore } from '../../store/store';
import { DESK } from '../../theme/tokens';
import { DemoMark } from '../common/DemoMark';
import { EChart } from '../common/EChart';
import { useLang, useResolvedView, useT } from '../common/hooks';

/** 本区画像: one zone — every indicator over time, its rank history, its percentile each year, its peers. */
export function ZoneView() {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const zones = useStore((s) => s.zones);
  const filters = useStore((s) => s.filters);
  const evaluations = useStore((s) => s.evaluations);
  const table = dataset?.table ?? null;
  const zoneId = filters.zoneId ?? view.focus;
  const zone = zoneId ? registry?.byId.get(zoneId) : undefined;

  const model = useMemo(() => {
    if (!table || !zone || !catalogue || !registry) return null;
    const counts = indicatorsWithData(table);
    const o = { zonesById: registry.byId, lang, t, home: zone.id, accent: DESK.accent };
    const rows = catalogue.indicators
      .filter((ind) => counts.has(ind.id))
      .map((ind) => {
        const all = fullYearCells(table, ind.id, { unit: ind.unit });
        const mine = all.get(zone.id);
        if (!mine || mine.size === 0) return null;
        const ys = [...mine.keys()].sort((a, b) => a - b);
        const years = spanYears([ys[0], ys[ys.length - 1]]);
        const series = zoneSeries(all, zone.id, years);
        const pct = percentilesByYear(all, zone.id, years, ind.better);
        const lastK = series.map((c, k) => (c ? k : -1)).filter((k) => k >= 0).pop()!;
        // how many zones have a value each year: a percentile among fewer than MIN_PEERS is not shown
        const withData = years.map((y) => [...all.values()].filter((byYear) => byYear.get(y)?.value != null).length);
        const isRank = ind.kind === 'rank';
        const standing = standingOf({
          isRank, value: series[lastK]!.value,
          universe: isRank && isEvaluationRank(ind) ? rankUniverse(zones, evaluations, years[lastK]) : null,
          percentile: pct[lastK], n: withData[lastK],
        });
        const input = trendsChartInput(table, ind, [zone.id], years, { ...o, mode: 'absolute', log: false });
        return {
          ind,
          years,
          // percentiles are among the zones with a value that year: say how many, sparse data must look sparse
          latest: { year: years[lastK], cell: series[lastK]!, standing },
          // a place is said as a place (above), never as a percentile of the few zones whose place is public
          percentiles: isRank ? [] : years.map((y, k) => ({ year: y, p: pct[k], n: withData[k] })).filter((x) => x.p !== null && x.n >= MIN_PEERS),
          option: years.length > 1 ? buildTrendsOption(input, { mode: 'desk', theme: DESK, width: 320, height: 160, fontSize: 11 }) : null,
          description: input.description,
        };
      })
      .filter((r): r is NonNullable<typeof r> => r !== null);
    const rankInd = catalogue.byId.get('rank_overall');
    const rankYears = rankInd ? yearsOf(table, rankInd.id) : [];
    const rankHistory = rankInd && rankYears.length && rows.some((r) => r.ind.id === rankInd.id)
      ? bumpChartInput(table, rankInd, [zone.id], spanYears([rankYears[0], rankYears[rankYears.length - 1]]), o)
      : null;
    const latestRank = rows.find((r) => r.ind.id === 'rank_overall')?.latest;
    const neighbours = rankInd && latestRank ? rankNeighbours(table, rankInd, latestRank.year, zone.id, 5) : [];
    return { rows, rankHistory, neighbours, peers: sameProvince(zones, zone.id).filter((id) => id !== zone.id) };
  }, [table, zone, catalogue, registry, lang, t, zones, evaluations]);

  if (!dataset || dataset.status !== 'ready' || !table) return <p className="status">{t('loading')}</p>;
  if (!zone) {
    return (
      <section className="view">
        <h2>{t('route.zone')}</h2>
        <label>
          {t('chooseZonePrompt')}
          <select value="" onChange={(e) => setFilters({ route: 'zone', zoneId: e.target.value })} data-testid="zone-choose">
            <option value="">—</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.short} · {provinceName(z.province, lang)}
              </option>
            ))}
          </select>
        </label>
      </section>
    );
  }
  const link = (id: string) => formatHash({ ...filters, route: 'zone', zoneId: id });
  const zoneName = (id: string) => registry?.byId.get(id)?.short ?? id;
  return (
    <section className="view zone-view" aria-labelledby="zone-title">
      <header className="view-header">
        <h2 id="zone-title">{zone.name}</h2>
        <p className="profile-facts">
          <span>{provinceName(zone.province, lang)} · {regionName(zone.region, lang)} · {zone.city}</span>
          {zone.approvalYear && <span>{t('approvedIn', { year: zone.approvalYear })}</span>}
          <button type="button" className="link" onClick={() => setFilters({ focus: zone.id })} aria-pressed={view.focus === zone.id}>
            {view.focus === zone.id ? `★ ${t('homeZone')}` : t('setHome', { zone: zone.short })}
          </button>
        </p>
        {isDemoDataset(dataset) && <DemoMark />}
      </header>
      {model && model.rows.length === 0 && <p className="status">{t('noZoneData')}</p>}
      {model?.rankHistory && (
        <>
          <h3>{t('profileRank')}</h3>
          <div className="chart-panel">
            <EChart option={buildBumpOption(model.rankHistory, { mode: 'desk', theme: DESK, width: 900, height: 260, fontSize: 12 })} height={260} label={model.rankHistory.description} testId="zone-rank-chart" />
          </div>
        </>
      )}
      {model && model.rows.length > 0 && (
        <>
          <h3>{t('profileIndicators')}</h3>
          <div className="small-multiples">
            {model.rows.map((r) => (
              <figure key={r.ind.id} data-testid={`profile-${r.ind.id}`}>
                <figcaption>
                  {indicatorName(r.ind, lang)} <span className="muted">（{unitLabel(r.ind, lang)}）</span>
                </figcaption>
                <p>
                  {t('latest')} {r.latest.year}: <strong>{formatValue(r.latest.cell.value, r.latest.cell.band, r.ind, lang)}</strong>
                  {r.latest.cell.conflict && <span className="conflict-badge">⚠ {t('conflict')}</span>}
                  {r.latest.standing && <span className="muted" data-testid="standing"> · {standingText(r.latest.standing, lang, t)}</span>}
                </p>
                {r.option && <EChart option={r.option} height={160} label={r.description} />}
                {r.percentiles.length > 1 && (
                  <p className="muted small" data-testid="percentiles">
                    {t('profilePercentile')}: {r.percentiles.map((x) => `${x.year} ${formatNumber(x.p!, 0, lang)}`).join(' · ')}
                  </p>
                )}
              </figure>
            ))}
          </div>
        </>
      )}
      {model && model.neighbours.length > 1 && (
        <>
          <h3>{t('presetNeighbours')}</h3>
          <ul className="peer-list">
            {model.neighbours.map((id) => (
              <li key={id}>{id === zone.id ? <strong>{zoneName(id)}</strong> : <a href={link(id)}>{zoneName(id)}</a>}</li>
            ))}
          </ul>
        </>
      )}
      {model && model.peers.length > 0 && (
        <>
          <h3>{t('profilePeers')}</h3>
          <ul className="peer-list">
            {model.peers.map((id) => (
              <li key={id}>
                <a href={link(id)}>{zoneName(id)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The sentence for a Standing (model/percentile.ts), as a reader could quote it. */
function standingText(s: Standing, lang: 'zh' | 'en', t: ReturnType<typeof useT>): string {
  if (s.kind === 'official') return t('standingOfficial', { rank: s.rank, ahead: s.ahead, of: s.of });
  if (s.kind === 'registry') return t('standingRegistry', { rank: s.rank, of: s.of });
  if (s.kind === 'place') return t('standingPlace', { rank: s.rank });
  return t('percentileText', { p: formatNumber(s.percentile, 0, lang), n: s.n });
}
