import { joinNote, parseYearCell, splitUnit } from './fields.mjs';

/**
 * data/sources/national_aggregates.csv → data/reported/national.csv: totals and shares of all zones (zone 全国).
 * @param {Record<string, string>[]} rows @param {import('./resolve.mjs').ConvertContext} ctx
 * @returns {import('./fields.mjs').Conversion}
 */
export function convertNational(rows, { resolveInd, isRenamed }) {
  let prevSource = '';
  let prevQuote = '';
  const out = rows.map((r, i) => {
    const { id, qualifier } = resolveInd(r.metric, `national_aggregates.csv row ${i + 2}`);
    const { year, period, note: yNote } = parseYearCell(r.year);
    // "same" / "同上" refer to the row above: resolve them so no row depends on its neighbour.
    let source = r.source.trim();
    let sourceNote = '';
    if (source === 'same') {
      source = prevSource;
      sourceNote = '来源原写作 "same"（同上行）';
    } else prevSource = source;
    let quote = r.quote.trim();
    if (quote === '同上') quote = `${prevQuote}（原表写作“同上” ditto）`;
    else prevQuote = quote;

    let value = r.value.trim();
    let basis = 'reported';
    const extra = r.note.trim();
    if (/preliminary/i.test(extra) || qualifier === '初步核算') basis = 'preliminary';
    // "(>)" in the metric name means "more than": carry it into the value (20 → >20).
    if (qualifier === '>' && !/^[>≥]/.test(value)) value = `>${value}`;
    const u = splitUnit(r.unit, value);
    return {
      zone: '全国',
      year,
      indicator: id,
      value: u.value,
      unit: u.unit,
      period,
      basis,
      source,
      note: joinNote([
        yNote,
        period ? `时期 period as written: ${r.year.trim()}` : '',
        isRenamed(r.metric, id) ? `原指标名 metric as written: ${r.metric.trim()}` : '',
        qualifier === '>' ? `原值 value as written: ${r.value.trim()}（指标名带“(>)”，即“以上” more than）` : '',
        u.note,
        r.n_zones.trim() ? `覆盖园区 n_zones: ${r.n_zones.trim()}` : '',
        extra ? `说明 note: ${extra}` : '',
        sourceNote,
        `原文 quote: ${quote}`,
      ]),
    };
  });
  return { input: rows.length, out };
}
