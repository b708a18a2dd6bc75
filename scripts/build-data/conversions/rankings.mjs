import { joinNote, mapBasis } from './fields.mjs';

/**
 * data/sources/rankings.csv → data/reported/rankings.csv: every row is a place in the overall evaluation (rank_overall);
 * the evaluation label, publication, ranked count and the quote go into note.
 * @param {Record<string, string>[]} rows @param {import('./resolve.mjs').ConvertContext} ctx
 * @returns {import('./fields.mjs').Conversion}
 */
export function convertRankings(rows, { resolveZone, unmatched }) {
  const out = rows.map((r, i) => {
    const zone = resolveZone(r.zone);
    if (!zone) unmatched.push(`rankings.csv row ${i + 2}: "${r.zone}"`);
    const label = r.evaluation.trim();
    const ym = label.match(/^(\d{4})年/);
    const year = ym ? ym[1] : '';
    const basis = mapBasis(r.basis);
    const dataYear = label.match(/based on (\d{4}) data/);
    return {
      zone: zone ?? r.zone.trim(),
      year,
      indicator: 'rank_overall',
      value: r.rank.trim(),
      unit: '位',
      period: '',
      basis,
      source: r.source.trim(),
      note: joinNote([
        `评价 evaluation: ${label}`,
        year ? '' : /YEAR UNCERTAIN/.test(r.basis) || /year digits missing/.test(label)
          ? '年份未定：来源文字中年份数字缺失，留空不猜 (year unknown: the year digits are missing in the source text; left empty, not guessed)'
          : '年份未定：评价标签未写评价年份，留空不猜 (the evaluation label carries no year; left empty, not guessed)',
        dataYear ? `数据年份 data year: ${dataYear[1]}` : '',
        `发布 published: ${r.published.trim()}`,
        r.n_evaluated.trim() ? `参评 n_evaluated: ${r.n_evaluated.trim()}` : '',
        r.basis.trim() !== basis ? `依据 basis: ${r.basis.trim()}` : '',
        zone ? '' : '未能对应到名录中的单一高新区 (does not match a single registry zone)',
        `原文 quote: ${r.quote.trim()}`,
      ]),
    };
  });
  return { input: rows.length, out };
}
