import { drawnScope } from '../../charts/export/scope';
import { numberSources } from '../../charts/export/source-titles';
import { isFinalBasis } from '../../data/final-basis';
import { at, rawAt } from '../../data/table';
import { marksText } from '../../data/footnotes';
import { provinceLabel, provinceName } from '../../model/place-names';
import { buildRankingsOption, type RankingsChartInput } from '../../charts/rankings-option';
import type { TidyTable } from '../../data/table';
import type { Zone } from '../../domain/types';
import type { Lang, Translate } from '../../i18n';
import { formatValue, indicatorName, unitLabel } from '../../model/format';
import type { Rankings } from '../../model/rankings';
import type { Evaluation } from '../../data/evaluations';
import { tierOf, type TierRule } from '../../data/source-tiers';
import type { ChartExportSpec } from '../export/spec';
import { uniformUnit } from '../../charts/export/office-text';

/** The Rankings chart as an export: what the report prints and the rows behind it. */
export function rankingsExportSpec(r: Rankings, table: TidyTable, input: RankingsChartInput, o: { lang: Lang; t: Translate; chosen: Zone[]; universe: { count: number; evaluated: boolean; evaluation?: Evaluation | null }; demo: boolean; zonesById: Map<string, Zone>; tierRules?: readonly TierRule[] }): ChartExportSpec {
  const { lang, t } = o;
  const ind = r.indicator;
  const name = indicatorName(ind, lang);
  const rows = r.entries.flatMap((e) => e.cell.rows);
  // the subtitle counts the zones drawn: a chosen zone without a value that year is named in a note, never counted
  const drawn = new Set(r.entries.filter((e) => e.cell.rows.length > 0).map((e) => e.zone));
  const { scope, missingNote } = drawnScope(o.chosen.map((z) => ({ id: z.id, short: z.short, en: z.en, province: provinceLabel(z.province, lang) })), drawn, o.universe.count, lang, ind.kind === 'rank' && !o.universe.evaluated);
  const sources = numberSources(rows.map((i) => at(table.source, i)), o.tierRules ?? []);
  const notes: string[] = [];
  if (missingNote) notes.push(missingNote);
  if (r.entries.some((e) => e.band)) notes.push(t('bandNote'));
  for (const e of r.entries.filter((x) => x.cell.conflict)) notes.push(`${input.rows.find((row) => row.id === e.zone)?.label ?? e.zone}: ${t('conflictDetail', { n: e.cell.rows.length })}`);
  if (rows.some((i) => !isFinalBasis(at(table.basis, i)))) notes.push(lang === 'zh' ? '空心标记为推算、估计、初步或目标数' : 'Hollow marks: derived, estimated, preliminary or target figures');
  if (ind.kind === 'rank') {
    notes.push(lang === 'zh' ? '位次越小越好' : 'A lower rank is better');
    if (r.entries.some((e) => !!e.change)) notes.push(lang === 'zh' ? '↑3 / ↓2：较上一年位次进退' : '↑3 / ↓2: places gained or lost since the year before');
    notes.push(evaluationNote(o.universe, lang));
  }
  const header = lang === 'zh'
    ? ['位次', '高新区', '省份', '数值', '单位', '较上年', '性质', '期间', '来源编号', '来源', '来源可信度', '备注', '脚注']
    : ['rank', 'zone', 'province', 'value', 'unit', 'change', 'basis', 'period', 'source_no', 'source', 'source_tier', 'note', 'footnote'];
  return {
    id: 'rankings',
    fileParts: { indicator: name, year: r.year, scope },
    title: name,
    subtitle: `${scope} · ${lang === 'zh' ? `${r.year}年` : r.year}`,
    unit: unitLabel(ind, lang),
    sources: sources.list,
    notes,
    demo: o.demo,
    summary: input.summary,
    build: (ctx) => buildRankingsOption(input, ctx),
    table: {
      header,
      // the place, and the value in the catalogue's decimals (a rank has none), for the Excel export
      formats: [{ column: 0, decimals: 0 }, { column: 3, decimals: ind.kind === 'rank' ? 0 : ind.decimals, unit: uniformUnit(rows.map((i) => at(table.unit, i))) }],
      rows: r.entries.flatMap((e) =>
        e.cell.rows.map((i) => {
          const zone = input.rows.find((row) => row.id === e.zone);
          return [
            ind.kind === 'rank' ? (e.band ? formatValue(null, e.band, ind, lang) : e.value) : e.rankAmongLoaded,
            o.zonesById.get(e.zone)?.name ?? zone?.label ?? e.zone,
            provinceName(o.zonesById.get(e.zone)?.province ?? '', lang),
            Number.isNaN(table.value[i]) ? rawAt(table, i) : table.value[i],
            at(table.unit, i),
            e.change,
            t(`basis.${at(table.basis, i)}`),
            at(table.period, i),
            sources.noOf(at(table.source, i)) ?? null,
            at(table.source, i),
            t(`tier.${tierOf(at(table.source, i), o.tierRules ?? []).tier}`),
            at(table.note, i),
            marksText(at(table.flags, i)),
          ];
        }),
      ),
    },
  };
}

/** What "out of N" means in a report: the evaluation's ranked count and who it left out, or the registry's count. */
function evaluationNote(u: { count: number; evaluated: boolean; evaluation?: Evaluation | null }, lang: Lang): string {
  const e = u.evaluation;
  if (!u.evaluated) {
    return lang === 'zh' ? `该年参评家数未见公布；名录中 ${u.count} 家` : `Number evaluated that year not published; ${u.count} zones in the registry`;
  }
  const label = e?.label ? (lang === 'zh' ? `${e.label}参评 ${u.count} 家` : `${u.count} zones evaluated (${e.label})`) : lang === 'zh' ? `参评 ${u.count} 家` : `${u.count} zones evaluated`;
  return e?.excludeNote ? `${label}${lang === 'zh' ? `，${e.excludeNote.zh}` : `; ${e.excludeNote.en}`}` : label;
}
