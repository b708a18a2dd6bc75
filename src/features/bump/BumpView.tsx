import '../../charts/echarts-extra';
import { isDemoDataset } from '../../data/demo-dataset';
import { useMemo } from 'react';
import { bumpChartInput } from '../../charts/bump-input';
import { buildBumpOption, type BumpPoint, type BumpSeries } from '../../charts/bump-option';
import { indicatorName } from '../../model/format';
import { spanYears } from '../../model/series';
import { SeriesTable } from '../common/SeriesTable';
import { MarkLegend } from '../common/MarkLegend';
import { useYearRange } from '../common/year-range';
import { setFilters, useStore } from '../../store/store';
import { DESK } from '../../theme/tokens';
import { IndicatorSelect, YearRange } from '../common/Controls';
import { DemoMark } from '../common/DemoMark';
import { ChartPanel } from '../common/ChartPanel';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { zonesForView } from '../common/view-zones';
import { observationSpec, rowsFor } from '../export/observation-spec';
import type { Lang, Translate } from '../../i18n';

/** 位次变化: a bump chart of rank by year for the chosen zones (rank 1 at the top). */
export function BumpView() {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const zonesAll = useStore((s) => s.zones);
  const table = dataset?.table ?? null;
  const asked = view.indicator;
  const ind = asked?.kind === 'rank' ? asked : catalogue?.byId.get('rank_overall') ?? null;
  const { allYears, range } = useYearRange(table, ind, view.yearsRange);
  const from = range?.[0];
  const to = range?.[1];

  const tierRules = useStore((s) => s.tierRules);
  const model = useMemo(() => {
    if (!table || !ind || from === undefined || to === undefined || !registry) return null;
    const years = spanYears([from, to]);
    const { zones, defaulted } = zonesForView(table, ind.id, ind.better, [from, to], view.zones, 12);
    const input = bumpChartInput(table, ind, zones, years, { zonesById: registry.byId, lang, t, home: view.focus, accent: DESK.accent, tierRules });
    const height = Math.max(420, Math.min(900, input.maxRank * 4 + 120));
    const spec = catalogue
      ? observationSpec(table, {
          id: 'bump', title: t('bumpTitle', { indicator: indicatorName(ind, lang), from, to }).split(' · ')[0], when: `${from}—${to}`, unit: ind.unit,
          rows: rowsFor(table, [ind.id], new Set(zones), years), chosen: zones.map((z) => registry.byId.get(z)).filter((z): z is NonNullable<typeof z> => !!z),
          universe: zonesAll.length, demo: isDemoDataset(dataset), notes: exportNotes(input.series, lang, t), build: (ctx) => buildBumpOption(input, ctx),
        }, { lang, t, zonesById: registry.byId, catalogue, tierRules })
      : null;
    return { input, defaulted, height, spec, option: buildBumpOption(input, { mode: 'desk', theme: DESK, width: 1000, height, fontSize: 13 }) };
  }, [table, ind, from, to, registry, view.zones, view.focus, lang, t, catalogue, zonesAll, dataset, tierRules]);

  if (!dataset || dataset.status !== 'ready' || !table) return <p className="status">{t('loading')}</p>;
  if (!ind || !range || !model) return <p className="status">{t('noData')}</p>;
  return (
    <section className="view bump-view" aria-labelledby="bump-title">
      <div className="controls">
        <IndicatorSelect table={table} value={ind.id} filter={(i) => i.kind === 'rank'} onChange={(id) => setFilters({ ind: id, years: null })} testId="indicator-select" />
        <YearRange years={allYears} range={range} onChange={(r) => setFilters({ years: r, year: null })} />
      </div>
      <header className="view-header">
        <h2 id="bump-title">{t('bumpTitle', { indicator: indicatorName(ind, lang), from: range[0], to: range[1] })}</h2>
        {asked && asked.kind !== 'rank' && <p className="sub">{t('bumpNeedsRank')}</p>}
        {model.defaulted && <p className="sub">{t('defaultZonesNote', { n: model.input.series.length })}</p>}
        {isDemoDataset(dataset) && <DemoMark />}
      </header>
      <ChartPanel spec={model.spec} option={model.option} height={model.height} label={model.input.description} testId="bump-chart" />
      <MarkLegend {...marksOf(model.input.series.flatMap((x) => x.points))} change="ranked" />
      <SeriesTable label={t('route.bump')} years={model.input.years} series={model.input.series.map((x) => ({ ...x, label: x.endLabel }))} cell={(p) => (p.band ? p.band.label : p.alternatives?.length ? `${p.rank} / ${p.alternatives.join(' / ')} ⚠` : String(p.rank))} testId="bump-table" />
    </section>
  );
}

/** The export's key to the marks the trajectories draw (literal zh/en text while the i18n files are restructured). */
function exportNotes(series: readonly BumpSeries[], lang: Lang, t: Translate): string[] {
  const zh = lang === 'zh';
  const m = marksOf(series.flatMap((x) => x.points));
  const notes = [zh ? '位次越小越好' : 'A lower rank is better'];
  if (series.some((x) => /[↑↓]\d/.test(x.endLabel))) notes.push(zh ? '线尾 ↑3 / ↓2：较前一个有位次年份的位次进退' : '↑3 / ↓2 at a line\'s end: places gained or lost since the previous ranked year');
  if (m.conflict) notes.push(zh ? '⚠ 20：另一来源给出的位次（来源之间不一致）' : '⚠ 20: the place another source gives (the sources disagree)');
  if (m.band) notes.push(t('bandNote'));
  return notes;
}

/** Which marks the trajectories draw: the legend names only those. */
function marksOf(points: readonly (BumpPoint | null)[]) {
  const drawn = points.filter((p): p is BumpPoint => p !== null);
  return { hollow: drawn.some((p) => p.hollow && !p.band), conflict: drawn.some((p) => !!p.alternatives?.length), band: drawn.some((p) => !!p.band) };
}
