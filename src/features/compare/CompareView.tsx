import '../../charts/echarts-extra';
import { isDemoDataset } from '../../data/demo-dataset';
import { useMemo } from 'react';
import { groupedBarsInput, scatterChartInput } from '../../charts/compare-input';
import { buildGroupedBarsOption, buildScatterOption } from '../../charts/compare-option';
import type { Indicator } from '../../domain/types';
import { indicatorName } from '../../model/format';
import { yearsOf } from '../../model/series';
import { indicatorsWithData } from '../../model/rankings';
import { setFilters, useStore } from '../../store/store';
import { DESK } from '../../theme/tokens';
import { IndicatorSelect, YearSelect } from '../common/Controls';
import { DemoMark } from '../common/DemoMark';
import { EChart } from '../common/EChart';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { ExportMenu, ExportViewZip } from '../export/ExportMenu';
import { ExportViewOffice } from '../export/OfficeExport';
import { observationSpec, rowsFor } from '../export/observation-spec';
import type { ChartExportSpec } from '../export/spec';

/** Preferred pairings of docs/architecture.md §4.1 (R&D ratio × GDP growth, size = patents), used when the URL names none. */
const DEFAULT_Y = ['gdp_growth', 'rd_ratio', 'gdp'];
const DEFAULT_SIZE = ['patent_grants', 'hte_count'];

/** 对比: a scatter of two indicators across all zones (with quadrant medians), and grouped bars for the chosen zones. */
export function CompareView() {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const zonesAll = useStore((s) => s.zones);
  const filters = useStore((s) => s.filters);
  const table = dataset?.table ?? null;
  // With no indicator in the link, open on the pairing docs/architecture.md §4.1 names: R&D ratio × GDP growth.
  const x = useMemo(() => {
    if (filters.ind || !table || !catalogue) return view.indicator;
    return indicatorsWithData(table).has('rd_ratio') ? catalogue.byId.get('rd_ratio') ?? view.indicator : view.indicator;
  }, [filters.ind, table, catalogue, view.indicator]);

  const picked = useMemo(() => {
    if (!table || !catalogue || !x) return null;
    const counts = indicatorsWithData(table);
    const pick = (asked: string | null, prefs: string[], exclude: string[]): Indicator | null => {
      const fromUrl = asked ? catalogue.byId.get(asked) : undefined;
      if (fromUrl && counts.has(fromUrl.id)) return fromUrl;
      const id = prefs.find((p) => counts.has(p) && !exclude.includes(p)) ?? [...counts.keys()].find((k) => !exclude.includes(k));
      return id ? catalogue.byId.get(id) ?? null : null;
    };
    const y = pick(filters.ind2, DEFAULT_Y, [x.id]);
    // `ind3=none` in the URL: the user chose no bubble size.
    const size = filters.ind3 === 'none' ? null : pick(filters.ind3, DEFAULT_SIZE, [x.id, y?.id ?? '']);
    return { y, size };
  }, [table, catalogue, x, filters.ind2, filters.ind3]);

  const y = picked?.y ?? null;
  const size = picked?.size ?? null;
  const years = useMemo(() => (table && x && y ? yearsOf(table, x.id).filter((yr) => yearsOf(table, y.id).includes(yr)) : []), [table, x, y]);
  const year = view.year !== null && years.includes(view.year) ? view.year : years[years.length - 1] ?? null;

  const tierRules = useStore((s) => s.tierRules);
  const charts = useMemo(() => {
    if (!table || !x || !y || year === null || !registry) return null;
    const o = { zonesById: registry.byId, lang, t, home: view.focus, selected: new Set(view.zones), theme: DESK };
    const scatter = scatterChartInput(table, x, y, size, year, o);
    const ctx = { mode: 'desk' as const, theme: DESK, width: 1000, height: 520, fontSize: 13 };
    const barZones = view.zones.length ? view.zones : view.focus ? [view.focus] : [];
    const bars = barZones.length ? groupedBarsInput(table, [x, y, ...(size ? [size] : [])], barZones, year, o) : null;
    const chosen = view.zones.map((z) => registry.byId.get(z)).filter((z): z is NonNullable<typeof z> => !!z);
    const specs: ChartExportSpec[] = [];
    if (catalogue) {
      const so = { lang, t, zonesById: registry.byId, catalogue, tierRules };
      const inds = [x.id, y.id, ...(size ? [size.id] : [])];
      specs.push(observationSpec(table, { id: 'scatter', title: `${indicatorName(x, lang)} × ${indicatorName(y, lang)}`, when: String(year), unit: '', rows: rowsFor(table, inds, null, [year]), chosen: [], universe: zonesAll.length, demo: isDemoDataset(dataset), notes: [t('medianNote'), ...(scatter.rho !== null ? [`Spearman ρ = ${scatter.rho.toFixed(2)}`] : [])], summary: `${t('pointsCount', { n: scatter.points.length })}${scatter.rho !== null ? `${lang === 'zh' ? '，' : ', '}Spearman ρ = ${scatter.rho.toFixed(2)}` : ''}`, build: (c) => buildScatterOption(scatter, c) }, so));
      if (bars) specs.push(observationSpec(table, { id: 'grouped', title: t('groupedTitle', { year }).split(' · ')[0], when: String(year), unit: '', rows: rowsFor(table, inds, new Set(barZones), [year]), chosen, universe: zonesAll.length, demo: isDemoDataset(dataset), build: (c) => buildGroupedBarsOption(bars, c) }, so));
    }
    return {
      scatter,
      scatterOption: buildScatterOption(scatter, ctx),
      bars,
      barsOption: bars ? buildGroupedBarsOption(bars, { ...ctx, height: 320 }) : null,
      specs,
    };
  }, [table, x, y, size, year, registry, lang, t, view.focus, view.zones, catalogue, zonesAll, dataset, tierRules]);

  if (!dataset || dataset.status !== 'ready' || !table) return <p className="status">{t('loading')}</p>;
  if (!x || !y || year === null || !charts) return <p className="status">{t('noData')}</p>;
  return (
    <section className="view compare-view" aria-labelledby="compare-title">
      <div className="controls">
        <IndicatorSelect table={table} value={x.id} label={t('xAxis')} onChange={(id) => setFilters({ ind: id })} testId="x-select" />
        <IndicatorSelect table={table} value={y.id} label={t('yAxis')} onChange={(id) => setFilters({ ind2: id })} testId="y-select" />
        <IndicatorSelect table={table} value={size?.id ?? null} label={t('sizeBy')} allowNone onChange={(id) => setFilters({ ind3: id ?? 'none' })} testId="size-select" />
        <YearSelect years={years} value={year} onChange={(yr) => setFilters({ year: yr })} testId="year-select" />
      </div>
      <header className="view-header">
        <h2 id="compare-title">{t('compareTitle', { x: indicatorName(x, lang), y: indicatorName(y, lang), year })}</h2>
        <p className="sub" data-testid="compare-summary">
          {t('pointsCount', { n: charts.scatter.points.length })}
          {charts.scatter.rho !== null && ` · Spearman ρ = ${charts.scatter.rho.toFixed(2)}`} · {t('medianNote')}
        </p>
        {isDemoDataset(dataset) && <DemoMark />}
      </header>
      <div className="chart-toolbar">
        <ExportViewZip specs={charts.specs} fileParts={{ indicator: `${indicatorName(x, lang)}×${indicatorName(y, lang)}`, year }} />
        <ExportViewOffice
          specs={charts.specs}
          fileParts={{ indicator: `${indicatorName(x, lang)}×${indicatorName(y, lang)}`, year }}
          title={t('compareTitle', { x: indicatorName(x, lang), y: indicatorName(y, lang), year })}
          indicators={[x, y, ...(size ? [size] : [])].map((i) => indicatorName(i, lang))}
          when={String(year)}
        />
        {charts.specs[0] && <ExportMenu spec={charts.specs[0]} />}
      </div>
      <div className="chart-panel">
        <EChart option={charts.scatterOption} height={520} label={charts.scatter.description} testId="scatter-chart" />
      </div>
      {charts.bars && charts.barsOption && (
        <>
          <h3>{t('groupedTitle', { year })}</h3>
          {charts.specs[1] && (
            <div className="chart-toolbar">
              <ExportMenu spec={charts.specs[1]} />
            </div>
          )}
          <div className="chart-panel">
            <EChart option={charts.barsOption} height={320} label={charts.bars.description} testId="grouped-chart" />
          </div>
        </>
      )}
    </section>
  );
}
