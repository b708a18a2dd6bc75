import type { EChartsOption } from 'echarts';
import { isFinalBasis } from '../../data/final-basis';
import { at, rawAt, rowsWith } from '../../data/table';
import { marksText } from '../../data/footnotes';
import type { ChartContext } from '../../charts/context';
import { drawnScope } from '../../charts/export/scope';
import { numberSources } from '../../charts/export/source-titles';
import { provinceLabel, provinceName } from '../../model/place-names';
import type { Catalogue } from '../../data/catalogue';
import type { TidyTable } from '../../data/table';
import type { Zone } from '../../domain/types';
import type { Lang, Translate } from '../../i18n';
import type { ChartExportSpec } from './spec';
import { tierOf, type TierRule } from '../../data/source-tiers';
import { uniformUnit } from '../../charts/export/office-text';

export interface ObservationSpecInput {
  id: string;
  title: string;
  /** the year or range shown: `2020` or `2016—2023` */
  when: string;
  unit: string;
  /** the rows of the tidy table the chart shows: their sources become the 数据来源 line and the CSV */
  rows: readonly number[];
  chosen: readonly Zone[];
  universe: number;
  notes?: string[];
  /** the chart's one-sentence summary, when the view has one (charts/summary.ts) */
  summary?: string;
  demo: boolean;
  build: (ctx: ChartContext) => EChartsOption;
}

/**
 * The export of a chart made of observations (trends, trajectories, comparisons, the map): the sources of
 * the rows it shows, notes for non-final figures, and those rows as the data file.
 */
export function observationSpec(table: TidyTable, x: ObservationSpecInput, o: { lang: Lang; t: Translate; zonesById: Map<string, Zone>; catalogue: Catalogue; tierRules?: readonly TierRule[] }): ChartExportSpec {
  const { lang, t } = o;
  // the subtitle counts the zones drawn: a chosen zone without a row shown is named in a note, never counted
  const drawn = new Set(x.rows.map((i) => at(table.zone, i)));
  const { scope, missingNote } = drawnScope(x.chosen.map((z) => ({ id: z.id, short: z.short, en: z.en, province: provinceLabel(z.province, lang) })), drawn, x.universe, lang);
  // the zones left out first: the notes line is cut after two lines
  const notes = [...(missingNote ? [missingNote] : []), ...(x.notes ?? [])];
  if (x.rows.some((i) => !isFinalBasis(at(table.basis, i)))) notes.push(lang === 'zh' ? '空心标记为推算、估计、初步或目标数' : 'Hollow marks: derived, estimated, preliminary or target figures');
  const sources = numberSources(x.rows.map((i) => at(table.source, i)), o.tierRules ?? []);
  const header = lang === 'zh'
    ? ['高新区', '省份', '年份', '指标', '数值', '原文', '单位', '性质', '期间', '来源编号', '来源', '来源可信度', '备注', '脚注']
    : ['zone', 'province', 'year', 'indicator', 'value', 'raw', 'unit', 'basis', 'period', 'source_no', 'source', 'source_tier', 'note', 'footnote'];
  return {
    id: x.id,
    fileParts: { indicator: x.title, year: x.when, scope },
    title: x.title,
    subtitle: `${scope} · ${x.when}`,
    unit: x.unit,
    sources: sources.list,
    notes,
    demo: x.demo,
    ...(x.summary ? { summary: x.summary } : {}),
    build: x.build,
    table: {
      header,
      // the value in its indicator's decimals (a rank has none), for the Excel export
      formats: [{
        column: 4,
        decimals: x.rows.map((i) => {
          const ind = o.catalogue.byId.get(at(table.indicator, i));
          return ind ? (ind.kind === 'rank' ? 0 : ind.decimals) : null;
        }),
        unit: uniformUnit(x.rows.map((i) => at(table.unit, i))),
      }],
      rows: x.rows.map((i) => {
        const z = o.zonesById.get(at(table.zone, i));
        const ind = o.catalogue.byId.get(at(table.indicator, i));
        return [z?.name ?? at(table.zone, i), provinceName(z?.province ?? '', lang), table.year[i], ind ? (lang === 'zh' ? ind.zh : ind.en) : at(table.indicator, i), Number.isNaN(table.value[i]) ? null : table.value[i], rawAt(table, i), at(table.unit, i), t(`basis.${at(table.basis, i)}`), at(table.period, i), sources.noOf(at(table.source, i)) ?? null, at(table.source, i), t(`tier.${tierOf(at(table.source, i), o.tierRules ?? []).tier}`), at(table.note, i), marksText(at(table.flags, i))];
      }),
    },
  };
}

/**
 * Row indices of some indicators for some zones and years, ascending: what a multi-zone chart shows. Read through
 * the indicator index (rowsWith), so a filter change visits only those indicators' rows, not the whole table
 * (a full scan was 1.44 M rows on every compare redraw of a million-observation file).
 */
export function rowsFor(table: TidyTable, indicators: readonly string[], zones: ReadonlySet<string> | null, years: readonly number[]): number[] {
  const ys = new Set(years);
  const out: number[] = [];
  for (const ind of new Set(indicators)) {
    for (const i of rowsWith(table.indicator, table.size, ind)) {
      if (!ys.has(table.year[i]) || at(table.period, i) !== '') continue;
      if (zones && !zones.has(at(table.zone, i))) continue;
      out.push(i);
    }
  }
  return indicators.length > 1 ? out.sort((a, b) => a - b) : out;
}
