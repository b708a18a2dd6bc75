import { joinNote, parseYearCell, splitUnit } from './fields.mjs';

/**
 * data/sources/zone_indicators_reported.csv → data/reported/zone_indicators.csv: single figures of single zones.
 * @param {Record<string, string>[]} rows @param {import('./resolve.mjs').ConvertContext} ctx
 * @returns {import('./fields.mjs').Conversion}
 */
export function convertZoneIndicators(rows, { resolveZone, resolveInd, isRenamed, unmatched }) {
  let prevQuote = '';
  const out = rows.map((r, i) => {
    const zone = resolveZone(r.zone);
    if (!zone) unmatched.push(`zone_indicators_reported.csv row ${i + 2}: "${r.zone}"`);
    const { id, qualifier } = resolveInd(r.metric, `zone_indicators_reported.csv row ${i + 2}`);
    const { year, period, note: yNote } = parseYearCell(r.year);
    const u = splitUnit(r.unit, r.value.trim());
    // "同上" (ditto) points at the previous row's quote: spell it out so each row stands alone.
    let quote = r.quote.trim();
    if (quote === '同上') quote = `${prevQuote}（原表写作“同上” ditto）`;
    else prevQuote = quote;
    return {
      zone: zone ?? r.zone.trim(),
      year,
      indicator: id,
      value: u.value,
      unit: u.unit,
      period,
      basis: 'reported',
      source: r.source.trim(),
      note: joinNote([
        yNote,
        period ? `时期 period as written: ${r.year.trim()}` : '',
        isRenamed(r.metric, id) ? `原指标名 metric as written: ${r.metric.trim()}` : '',
        qualifier ? `限定 qualifier: ${qualifier}` : '',
        u.note,
        `原文 quote: ${quote}`,
      ]),
    };
  });
  return { input: rows.length, out };
}
