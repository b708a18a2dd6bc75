import { scopeLabel } from '../../charts/export/scope';
import { isFinalBasis } from '../../data/basis';
import { at, rawAt } from '../../data/table';
import { marksText } from '../../data/footnotes';
import { provinceShort } from '../../model/format';
import { buildRankingsOption, type RankingsChartInput } from '../../charts/rankings-option';
import type { TidyTable } from '../../data/table';
import type { Zone } from '../../domain/types';
import type { Lang, Translate } from '../../i18n';
import { formatValue, indicatorName, unitLabel } from '../../model/format';
import type { Rankings } from '../../model/rankings';
import type { ChartExportSpec } from '../export/spec';

/** The Rankings chart as an export: what the report prints and the rows behind it. */
export function rankingsExportSpec(r: Rankings, table: TidyTable, input: RankingsChartInput, o: { lang: Lang; t: Translate; chosen: Zone[]; universe: number; demo: boolean; zonesById: Map<string, Zone> }): ChartExportSpec {
  const { lang, t } = o;
  const ind = r.indicator;
  const name = indicatorName(ind, lang);
  const scope = scopeLabel(o.chosen.map((z) => ({ short: z.short, province: provinceShort(z.province) })), o.universe, lang);
  const rows = r.entries.flatMap((e) => e.cell.rows);
  const sources = [...new Set(rows.map((i) => at(table.source, i)))];
  const notes: string[] = [];
  if (r.entries.some((e) => e.band)) notes.push(t('bandNote'));
  for (const e of r.entries.filter((x) => x.cell.conflict)) notes.push(`${input.rows.find((row) => row.id === e.zone)?.label ?? e.zone}: ${t('conflictDetail', { n: e.cell.rows.length })}`);
  if (rows.some((i) => !isFinalBasis(at(table.basis, i)))) notes.push(lang === 'zh' ? '空心标记为推算、估计、初步或目标数' : 'Hollow marks: derived, estimated, preliminary or target figures');
  if (ind.kind === 'rank') notes.push(lang === 'zh' ? '位次越小越好' : 'A lower rank is better');
  const header = lang === 'zh'
    ? ['位次', '高新区', '省份', '数值', '单位', '较上年', '性质', '期间', '来源', '备注', '脚注']
    : ['rank', 'zone', 'province', 'value', 'unit', 'change', 'basis', 'period', 'source', 'note', 'footnote'];
  return {
    id: 'rankings',
    fileParts: { indicator: name, year: r.year, scope },
    title: name,
    subtitle: `${scope} · ${lang === 'zh' ? `${r.year}年` : r.year}`,
    unit: unitLabel(ind, lang),
    sources,
    notes,
    demo: o.demo,
    build: (ctx) => buildRankingsOption(input, ctx),
    table: {
      header,
      rows: r.entries.flatMap((e) =>
        e.cell.rows.map((i) => {
          const zone = input.rows.find((row) => row.id === e.zone);
          return [
            ind.kind === 'rank' ? (e.band ? formatValue(null, e.band, ind, lang) : e.value) : e.rankAmongLoaded,
            o.zonesById.get(e.zone)?.name ?? zone?.label ?? e.zone,
            o.zonesById.get(e.zone)?.province ?? '',
            Number.isNaN(table.value[i]) ? rawAt(table, i) : table.value[i],
            at(table.unit, i),
            e.change,
            t(`basis.${at(table.basis, i)}`),
            at(table.period, i),
            at(table.source, i),
            at(table.note, i),
            marksText(at(table.flags, i)),
          ];
        }),
      ),
    },
  };
}
