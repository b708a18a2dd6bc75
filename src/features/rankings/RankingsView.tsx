import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { isDemoDataset } from '../../data/demo-dataset';
import { buildRankingsOption, rankingsChartHeight } from '../../charts/rankings-option';
import { rankingsChartInput, rankingsSubline } from '../../charts/rankings-input';
import { indicatorName, unitLabel } from '../../model/format';
import { bandCoverage, buildRankings, indicatorsWithData, zonesWithValue } from '../../model/rankings';
import { isEvaluationRank, rankUniverse } from '../../model/rank-universe';
import { setFilters, useStore } from '../../store/store';
import { DESK } from '../../theme/tokens';
import { EChart } from '../common/EChart';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { DemoMark } from '../common/DemoMark';
import { rankingScope } from './scope';
import { withMessages } from '../../i18n';

// The export buttons and the spec they export load after the first chart, like the table.
const RankingsExportTools = lazy(withMessages(() => import('./RankingsExportTools').then((m) => ({ default: m.RankingsExportTools }))));
// The list of zones without data sits below the chart: its code follows the first view.
const MarkLegend = lazy(withMessages(() => import('../common/MarkLegend').then((m) => ({ default: m.MarkLegend }))));
const MissingZones = lazy(withMessages(() => import('./MissingZones').then((m) => ({ default: m.MissingZones }))));

// The table follows the chart (deferred below), so its code can follow the first view too.
const RankingsTable = lazy(withMessages(() => import('./RankingsTable').then((m) => ({ default: m.RankingsTable }))));

/** 排名: one indicator, one year, every zone with data — chart, table, and the zones without data. */
export function RankingsView() {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const zones = useStore((s) => s.zones);
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const [fontSize] = useState(13);
  const table = dataset?.table ?? null;
  const ind = view.indicator;
  const year = view.year;

  const evaluations = useStore((s) => s.evaluations);
  const tierRules = useStore((s) => s.tierRules);
  // an official rank is out of the zones that year's evaluation ranked, not the zones that existed
  const universe = useMemo(() => (ind && isEvaluationRank(ind) && year !== null ? rankUniverse(zones, evaluations, year) : null), [ind, year, zones, evaluations]);
  const rankings = useMemo(() => {
    if (!table || !ind || year === null) return null;
    return buildRankings(table, ind, year, rankingScope(zones, year, view.zones, universe, zonesWithValue(table, ind.id, year)));
  }, [table, ind, year, zones, view.zones, universe]);

  const chart = useMemo(() => {
    if (!rankings || !table || !registry) return null;
    const input = rankingsChartInput(rankings, table, { zonesById: registry.byId, lang, t, home: view.focus, selected: new Set(view.zones), universe: universe ?? undefined, tierRules });
    const height = rankingsChartHeight(input.rows.length, fontSize);
    const chosen = view.zones.map((id) => registry.byId.get(id)).filter((z): z is NonNullable<typeof z> => !!z);
    // what the export says the rank is out of: the evaluation, or (other indicators) the zones in scope
    const exportUniverse = universe ?? { count: rankings.scopeSize, evaluated: false };
    return { input, height, chosen, exportUniverse, option: buildRankingsOption(input, { mode: 'desk', theme: DESK, width: 900, height, fontSize }) };
  }, [rankings, table, registry, lang, t, view.focus, view.zones, fontSize, universe, tierRules]);
  // The table (169 rows of text) follows the chart a moment later, so a filter change redraws the chart first.
  // The rankings and the table they index into are deferred together: rows of one dataset never meet another.
  const pair = useMemo(() => (rankings && table ? { rankings, table } : null), [rankings, table]);
  const deferred = useDeferredValue(pair);
  const available = useMemo(() => (table ? indicatorsWithData(table) : new Map<string, number>()), [table]);
  if (!dataset || dataset.status === 'loading' || !catalogue) return <p className="status">{t('loading')}</p>;
  if (dataset.status === 'error') return <p className="status error">{t('loadFailed', { reason: dataset.error ?? '' })}</p>;
  if (!ind) return <p className="status">{t('noData')}</p>;

  const band = rankings ? bandCoverage(rankings) : null;
  const name = indicatorName(ind, lang);
  const title = t('rankingsTitle', { indicator: name, year: year ?? '' });
  return (
    <section className="view rankings-view" aria-labelledby="rankings-title">
      <div className="controls" role="group" aria-label={t('indicator')}>
        <label>
          {t('indicator')}
          <select value={ind.id} onChange={(e) => setFilters({ ind: e.target.value, year: null })} data-testid="indicator-select">
            {catalogue.indicators
              .filter((i) => available.has(i.id))
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {indicatorName(i, lang)} ({available.get(i.id)})
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('year')}
          <select value={year ?? ''} onChange={(e) => setFilters({ year: Number(e.target.value) })} data-testid="year-select">
            {[...view.years].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <header className="view-header">
        <h2 id="rankings-title">
          {title}
          {ind.unit && <span className="unit"> （{unitLabel(ind, lang)}）</span>}
        </h2>
        {chart?.input.summary && <p className="summary" data-testid="chart-summary">{chart.input.summary}</p>}
        {rankings && <p className="sub" data-testid="rankings-sub">{rankingsSubline(rankings, universe, view.zones.length, lang, t)}</p>}
        {band && <p className="sub" data-testid="band-coverage">{t('bandKnown', band)}</p>}
        {view.yearMoved && (
          <p className="sub notice-inline" role="status" data-testid="year-moved">
            {t('yearMoved', { asked: view.yearMoved.asked, shown: view.yearMoved.shown, years: view.yearMoved.years.join('、') })}
          </p>
        )}
        {isDemoDataset(dataset) && <DemoMark />}
      </header>
      {rankings && rankings.entries.length === 0 && (
        <p className="status" data-testid="no-data">
          {view.years.length ? t('noDataYears', { years: view.years.join('、') }) : t('noData')}
        </p>
      )}
      {chart && rankings && rankings.entries.length > 0 && (
        <div className="chart-toolbar">
          <Suspense fallback={null}>
            <RankingsExportTools
              rankings={rankings} table={table!} input={chart.input} lang={lang} t={t} chosen={chart.chosen}
              universe={chart.exportUniverse} demo={isDemoDataset(dataset)} zonesById={registry!.byId} tierRules={tierRules}
            />
          </Suspense>
        </div>
      )}
      {chart && rankings && rankings.entries.length > 0 && (
        <div className="chart-scroll" role="region" aria-label={chart.input.description} tabIndex={0}>
          <EChart option={chart.option} height={chart.height} label={chart.input.description} testId="rankings-chart" />
        </div>
      )}
      {deferred && deferred.rankings.entries.length > 0 && (
        <Suspense fallback={null}>
          <RankingsTable rankings={deferred.rankings} table={deferred.table} caption={t('tableCaption', { indicator: indicatorName(deferred.rankings.indicator, lang), year: deferred.rankings.year, n: deferred.rankings.entries.length })} />
        </Suspense>
      )}
      {chart && rankings && rankings.entries.length > 0 && (
        <Suspense fallback={null}>
          <MarkLegend
            hollow={chart.input.rows.some((r) => r.hollow)} conflict={chart.input.rows.some((r) => r.conflict)}
            change={rankings.entries.some((e) => !!e.change && e.cell.value !== null) && ind.kind === 'rank'} band={chart.input.rows.some((r) => !!r.band)}
          />
        </Suspense>
      )}
      {rankings && (
        <Suspense fallback={null}>
          <MissingZones rankings={rankings} />
        </Suspense>
      )}
    </section>
  );
}
