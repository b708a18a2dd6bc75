import type { Indicator, Zone } from '../domain/types';
import { isFinalBasis } from '../data/final-basis';
import { at, rawAt } from '../data/table';
import { marksText } from '../data/footnotes';
import type { TidyTable } from '../data/table';
import { rankSentence } from './summary';
import type { Lang, Translate } from '../i18n';
import { formatNumber, formatValue, indicatorName, unitLabel } from '../model/format';
import type { Rankings } from '../model/rankings';
import type { RankUniverse } from '../model/rank-universe';
import { tierOf, type TierRule } from '../data/source-tiers';
import { zoneColours } from '../theme/tokens';
import type { RankingsChartInput, RankingsChartRow } from './rankings-option';

export interface PresentOptions {
  zonesById: Map<string, Zone>;
  lang: Lang;
  t: Translate;
  home: string | null;
  selected: ReadonlySet<string>;
  /**
   * rank charts: what the official rank is out of (model/rank-universe.ts) — the evaluation's ranked count,
   * or the registry's zones of that year when no source states the count (`evaluated: false`)
   */
  universe?: { count: number; evaluated: boolean };
  /** source → tier rules (data/source-tiers.ts): each value's source says how far it can be trusted */
  tierRules?: readonly TierRule[];
}

export const zoneLabel = (z: Zone | undefined, id: string, lang: Lang) => (z ? (lang === 'zh' ? z.short : z.en ?? z.id) : id);

/** Plain-text provenance lines of one observation, for tooltips: value, basis, period, source, note. */
export function provenanceLines(t: TidyTable, i: number, ind: Indicator, opts: Pick<PresentOptions, 't' | 'lang' | 'tierRules'>): string[] {
  const { t: tr, lang } = opts;
  const lines = [
    // a footnote mark stays beside the value as the source printed it (`3,456*`); its footer line is in the note
    `${formatValue(Number.isNaN(t.value[i]) ? null : t.value[i], at(t.band, i), ind, lang, rawAt(t, i), at(t.flags, i))}${marksText(at(t.flags, i))} ${at(t.unit, i)} · ${tr(`basis.${at(t.basis, i)}`)}${at(t.period, i) ? ` · ${at(t.period, i)}` : ''}`,
    `${tr('source')}: ${at(t.source, i)}${opts.tierRules ? ` · ${tr(`tier.${tierOf(at(t.source, i), opts.tierRules).tier}`)}` : ''}`,
  ];
  if (at(t.note, i)) lines.push(`${tr('note')}: ${at(t.note, i).length > 140 ? `${at(t.note, i).slice(0, 140)}…` : at(t.note, i)}`);
  return lines;
}

/** Turns the Rankings model into the chart's rows: labels, marks and provenance text. */
export function rankingsChartInput(r: Rankings, table: TidyTable, opts: PresentOptions): RankingsChartInput {
  const selectedColours = zoneColours(opts.selected);
  const { lang, t } = opts;
  const ind = r.indicator;
  const rows: RankingsChartRow[] = r.entries.map((e) => {
    const zone = opts.zonesById.get(e.zone);
    const lead = e.cell.lead;
    const others = e.cell.rows.filter((i) => i !== lead);
    const alternatives = e.cell.conflict
      ? [...new Set(others.map((i) => table.value[i]).filter((v) => Number.isFinite(v) && v !== e.value))]
      : [];
    const tooltip = [
      zone ? zone.name : e.zone,
      ...provenanceLines(table, lead, ind, opts),
      ...others.flatMap((i) => ['—', ...provenanceLines(table, i, ind, opts)]),
    ];
    if (e.cell.conflict) tooltip.splice(1, 0, `⚠ ${t('conflict')}: ${t('conflictDetail', { n: e.cell.rows.length })}`);
    if (e.change !== null && ind.kind === 'rank') {
      tooltip.push(`${t('change')}: ${e.change > 0 ? t('up', { n: e.change }) : e.change < 0 ? t('down', { n: -e.change }) : t('same')}`);
    }
    let valueLabel = formatValue(e.value, e.band, ind, lang);
    if (alternatives.length) valueLabel += ` / ${alternatives.map((v) => formatNumber(v, 0, lang)).join(' / ')} ⚠`;
    else if (e.change !== null && ind.kind === 'rank' && e.change !== 0) valueLabel += e.change > 0 ? ` ↑${e.change}` : ` ↓${-e.change}`;
    return {
      id: e.zone,
      label: zoneLabel(zone, e.zone, lang),
      value: e.value,
      band: e.band ? { upTo: e.band.upTo, label: formatValue(null, e.band, ind, lang) } : null,
      alternatives,
      conflict: e.cell.conflict,
      hollow: !isFinalBasis(at(table.basis, lead)),
      home: opts.home === e.zone,
      colour: opts.selected.has(e.zone) ? selectedColours.get(e.zone)! : null,
      tooltip,
      valueLabel,
    };
  });
  const maxRank = Math.max(0, ...r.entries.map((e) => e.value ?? e.band?.upTo ?? 0));
  const name = indicatorName(ind, lang);
  const top = rows.slice(0, 3).map((row) => `${row.label} ${row.valueLabel}`).join('; ');
  const axisMax = ind.kind === 'rank' ? Math.max(maxRank, opts.universe?.count ?? r.scopeSize) : 0;
  // the home zone when it has a place this year, else the leader
  const placed = (k: number) => (ind.kind === 'rank' ? r.entries[k].value : r.entries[k].value === null ? null : r.entries[k].rankAmongLoaded);
  const homeAt = r.entries.findIndex((e) => e.zone === opts.home);
  const k = homeAt >= 0 && placed(homeAt) !== null ? homeAt : r.entries.findIndex((_, j) => placed(j) !== null);
  const summary = k < 0 ? '' : rankSentence({
    zone: rows[k].label, year: r.year, place: placed(k)!,
    // a rank is out of its evaluation's count; a ranking with no known universe (another list) gives none
    of: ind.kind === 'rank' ? opts.universe?.count ?? null : r.entries.filter((e) => e.value !== null).length,
    ofRegistry: ind.kind === 'rank' && opts.universe?.evaluated === false,
    value: r.entries[k].value, gained: ind.kind === 'rank' ? r.entries[k].change : null,
  }, ind, lang, t);
  return {
    kind: ind.kind === 'rank' ? 'rank' : 'value',
    rows,
    axisMax,
    axisName: ind.kind === 'rank' ? t('rank') : unitLabel(ind, lang),
    summary,
    description: `${summary ? `${summary}. ` : ''}${t('rankingsTitle', { indicator: name, year: r.year })}. ${t('rankingsSub', { n: r.entries.length, scope: r.scopeSize })}. ${top}`,
  };
}

/**
 * The line under a ranking's title: how many zones have data, out of what. For an official rank that is the
 * evaluation's ranked count ("参评 157 家（湖北省12家未参评）"), or, where no source states it, the registry's
 * zones of that year, called so; other indicators count the zones in scope.
 */
export function rankingsSubline(r: Rankings, universe: RankUniverse | null, chosen: number, lang: Lang, t: Translate): string {
  const n = r.entries.length;
  if (r.indicator.kind !== 'rank' || !universe) return t('rankingsSub', { n, scope: r.scopeSize });
  if (!universe.evaluated) return t('rankingsSubRegistry', { n, scope: r.scopeSize });
  const e = universe.evaluation;
  const notes = [
    e?.excludeNote ? e.excludeNote[lang] : '',
    e && e.inRegistry < e.evaluated ? t('registryHolds', { n: e.inRegistry }) : '',
  ].filter(Boolean);
  const extra = notes.length ? (lang === 'zh' ? `（${notes.join('；')}）` : ` (${notes.join('; ')})`) : '';
  return chosen
    ? t('rankingsSubEvaluatedChosen', { n, scope: r.scopeSize, evaluated: universe.count, extra })
    : t('rankingsSubEvaluated', { n, evaluated: universe.count, extra });
}
