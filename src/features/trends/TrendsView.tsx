import '../../charts/echarts-extra';
import { isDemoDataset } from '../../data/demo-dataset';
import { useMemo } from 'react';
import { trendsChartInput } from '../../charts/trends-input';
import { buildTrendsOption } from '../../charts/trends-option';
import { formatNumber, indicatorName, unitLabel } from '../../model/format';
import { spanYears } from '../../model/series';
import { SeriesTable } from '../common/SeriesTable';
import { MarkLegend } from '../common/MarkLegend';
import { useYearRange } from '../common/year-range';
import { setFilters, useStore } from '../../store/store';
import { VIEW_URLS } from '../../store/view-params';
import { DESK } from '../../theme/tokens';
import { IndicatorSelect, YearRange } from '../common/Controls';
import { DemoMark } from '../common/DemoMark';
import { ChartPanel } from '../common/ChartPanel';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { zonesForView } from '../common/view-zones';
import { observationSpec, rowsFor } from '../export/observation-spec';

/** 趋势: an indicator over the years for the chosen zones — values, YoY %, or an index; gaps stay gaps. */
export function TrendsView() {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const zonesAll = useStore((s) => s.zones);
  const filters = useStore((s) => s.filters);
  const table = dataset?.table ?? null;
  const ind = view.indicator;
  // checked when the link was read (store/view-params.ts); absent is the values as published
  const mode = filters.mode ?? 'absolute';

  const { allYears, range } = useYearRange(table, ind, view.yearsRange);
  const from = range?.[0];
  const to = range?.[1];

  const tierRules = useStore((s) => s.tierRules);
  const model = useMemo(() => {
    if (!table || !ind || from === undefined || to === undefined || !registry) return null;
    const years = spanYears([from, to]);
    const { zones, defaulted } = zonesForView(table, ind.id, ind.better, [from, to], view.zones);
    const input = trendsChartInput(table, ind, zones, years, { zonesById: registry.byId, lang, t, home: view.focus, accent: DESK.accent, mode, log: filters.log, tierRules });
    const spec = catalogue
      ? observationSpec(table, {
          id: 'trends', title: `${indicatorName(ind, lang)}${mode === 'absolute' ? '' : ` · ${t(`mode.${mode}`)}`}`, when: `${from}—${to}`, unit: input.yAxisName,
          rows: rowsFor(table, [ind.id], new Set(zones), years), chosen: zones.map((z) => registry.byId.get(z)).filter((z): z is NonNullable<typeof z> => !!z),
          universe: zonesAll.length, demo: isDemoDataset(dataset), summary: input.summary, build: (ctx) => buildTrendsOption(input, ctx),
          // the key to the ⚠ marks beside disputed points (literal zh/en text while the i18n files are restructured)
          notes: input.series.some((x) => x.points.some((p) => !!p?.mark)) ? [lang === 'zh' ? '⚠ 20：另一来源给出的数值（来源之间不一致）' : '⚠ 20: the value another source gives (the sources disagree)'] : [],
        }, { lang, t, zonesById: registry.byId, catalogue, tierRules })
      : null;
    return { input, defaulted, years, spec, option: buildTrendsOption(input, { mode: 'desk', theme: DESK, width: 1000, height: 460, fontSize: 13 }) };
  }, [table, ind, from, to, registry, view.zones, view.focus, lang, t, mode, filters.log, catalogue, zonesAll, dataset, tierRules]);

  if (!dataset || dataset.status !== 'ready' || !table) return <p className="status">{t('loading')}</p>;
  if (!ind || !range || !model) return <p className="status">{t('noData')}</p>;
  const hasPoints = model.input.series.some((s) => s.points.some(Boolean));
  return (
    <section className="view trends-view" aria-labelledby="trends-title">
      <div className="controls">
        <IndicatorSelect table={table} value={ind.id} onChange={(id) => setFilters({ ind: id, years: null })} testId="indicator-select" />
        <YearRange years={allYears} range={range} onChange={(r) => setFilters({ years: r, year: null })} />
        <fieldset className="segmented">
          <legend>{t('mode')}</legend>
          {VIEW_URLS.trends.query.mode.values.map((m) => (
            <label key={m}>
              <input type="radio" name="trend-mode" checked={mode === m} onChange={() => setFilters({ mode: m === 'absolute' ? null : m })} />
              {t(`mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={filters.log} disabled={mode === 'yoy'} onChange={(e) => setFilters({ log: e.target.checked })} />
          {t('logScale')}
        </label>
      </div>
      <header className="view-header">
        <h2 id="trends-title">
          {t('trendsTitle', { indicator: indicatorName(ind, lang), from: range[0], to: range[1] })}
          <span className="unit"> （{model.input.yAxisName}）</span>
        </h2>
        {model.input.summary && <p className="summary" data-testid="chart-summary">{model.input.summary}</p>}
        {model.defaulted && <p className="sub">{t('defaultZonesNote', { n: model.input.series.length })}</p>}
        {isDemoDataset(dataset) && <DemoMark />}
      </header>
      {!hasPoints && <p className="status">{t('noSeries')}</p>}
      <ChartPanel spec={model.spec} option={model.option} height={460} label={model.input.description} testId="trends-chart" />
      <MarkLegend hollow={model.input.series.some((x) => x.points.some((p) => p?.hollow))} conflict={model.input.series.some((x) => x.points.some((p) => !!p?.mark))} />
      <SeriesTable
        label={t('route.trends')}
        caption={`${indicatorName(ind, lang)} （${mode === 'absolute' ? unitLabel(ind, lang) : model.input.yAxisName}）`}
        years={model.years}
        series={model.input.series}
        cell={(p) => formatNumber(p.value, mode === 'absolute' ? ind.decimals : 1, lang)}
        testId="trends-table"
      />
    </section>
  );
}
