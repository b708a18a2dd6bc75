import { ScrollRegion } from '../common/ScrollRegion';
import { isDemoDataset } from '../../data/demo-dataset';
import '../../charts/echarts-extra';
import { useMemo } from 'react';
import { tileMapInput } from '../../charts/tilemap-input';
import { buildTileMapOption } from '../../charts/tilemap-option';
import { indicatorName } from '../../model/format';
import { provinceName } from '../../model/place-names';
import { aggregateByProvince, type ProvinceAggregate } from '../../model/province-aggregate';
import { fullYearCells, yearsOf } from '../../model/series';
import { setFilters, useStore } from '../../store/store';
import { VIEW_URLS } from '../../store/view-params';
import { DESK } from '../../theme/tokens';
import { IndicatorSelect, YearSelect } from '../common/Controls';
import { DemoMark } from '../common/DemoMark';
import { ChartPanel } from '../common/ChartPanel';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { observationSpec, rowsFor } from '../export/observation-spec';
import { existingIn } from '../../model/rank-universe';

// the aggregates a link may name (store/view-params.ts), in the select's order
const AGGREGATES = VIEW_URLS.map.query.agg.values;

/** 地区: 31 equal province tiles coloured by an aggregate, zones as dots; click a province to choose its zones. */
export function MapView() {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const zones = useStore((s) => s.zones);
  const registry = useStore((s) => s.registry);
  const catalogue = useStore((s) => s.catalogue);
  const filters = useStore((s) => s.filters);
  const table = dataset?.table ?? null;
  const ind = view.indicator;
  // checked when the link was read (store/view-params.ts); absent is the zones themselves
  const agg: ProvinceAggregate = filters.agg ?? 'zones';
  const years = useMemo(() => (table && ind ? yearsOf(table, ind.id) : []), [table, ind]);
  const year = view.year;

  const tierRules = useStore((s) => s.tierRules);
  const model = useMemo(() => {
    if (!table || !ind || year === null || !registry) return null;
    const cells = fullYearCells(table, ind.id, { unit: ind.unit });
    const existing = existingIn(zones, year);
    const values = aggregateByProvince(cells, existing, year, ind, agg);
    const input = tileMapInput(values, cells, existing, ind, year, agg, { zonesById: registry.byId, lang, t, home: view.focus, selected: new Set(view.zones), theme: DESK });
    const spec = catalogue
      ? observationSpec(table, { id: 'map', title: `${indicatorName(ind, lang)} · ${t(`agg.${agg}`)}`, when: String(year), unit: agg === 'count' || agg === 'zones' ? '' : ind.unit, rows: rowsFor(table, [ind.id], null, [year]), chosen: [], universe: existing.length, demo: isDemoDataset(dataset), build: (c) => buildTileMapOption(input, c) }, { lang, t, zonesById: registry.byId, catalogue, tierRules })
      : null;
    return { values, input, spec, option: buildTileMapOption(input, { mode: 'desk', theme: DESK, width: 900, height: 640, fontSize: 13 }) };
  }, [table, ind, year, registry, zones, agg, lang, t, view.focus, view.zones, catalogue, dataset, tierRules]);

  const onEvents = useMemo(
    () => ({
      click: (p: unknown) => {
        const name = (p as { name?: string }).name;
        const ids = zones.filter((z) => z.province === name).map((z) => z.id);
        if (ids.length) setFilters({ zones: ids });
      },
    }),
    [zones],
  );

  if (!dataset || dataset.status !== 'ready' || !table) return <p className="status">{t('loading')}</p>;
  if (!ind || year === null || !model) return <p className="status">{t('noData')}</p>;
  return (
    <section className="view map-view" aria-labelledby="map-title">
      <div className="controls">
        <IndicatorSelect table={table} value={ind.id} onChange={(id) => setFilters({ ind: id, year: null })} testId="indicator-select" />
        <YearSelect years={years} value={year} onChange={(y) => setFilters({ year: y })} testId="year-select" />
        <label>
          {t('aggregate')}
          <select value={agg} onChange={(e) => setFilters({ agg: AGGREGATES.find((a) => a !== 'zones' && a === e.target.value) ?? null })} data-testid="agg-select">
            {AGGREGATES.map((a) => (
              <option key={a} value={a}>
                {t(`agg.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <header className="view-header">
        <h2 id="map-title">{t('mapTitle', { indicator: indicatorName(ind, lang), year })}</h2>
        <p className="sub">
          {t(`agg.${agg}`)} · {t('mapClickHint')}
        </p>
        {isDemoDataset(dataset) && <DemoMark />}
      </header>
      <ChartPanel spec={model.spec} option={model.option} height={640} label={model.input.description} testId="map-chart" onEvents={onEvents} />
      <ScrollRegion label={t('province')} short>
        <table className="data-table compact" data-testid="map-table">
          <thead>
            <tr>
              <th scope="col">{t('province')}</th>
              <th scope="col" className="num">{t('zones')}</th>
              <th scope="col" className="num">{t('agg.count')}</th>
              <th scope="col" className="num">{t(`agg.${agg}`)}</th>
            </tr>
          </thead>
          <tbody>
            {model.input.tiles
              .map((tile, k) => ({ tile, v: model.values[k] }))
              .sort((a, b) => b.v.withData - a.v.withData || a.tile.province.localeCompare(b.tile.province, 'zh-CN'))
              .map(({ tile, v }) => (
                <tr key={tile.province}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => setFilters({ zones: zones.filter((z) => z.province === tile.province).map((z) => z.id) })}>
                      {provinceName(tile.province, lang)}
                    </button>
                  </th>
                  <td className="num">{v.zones}</td>
                  <td className="num">{v.withData}</td>
                  <td className="num">{tile.valueLabel}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
