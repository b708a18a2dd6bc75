import { joinNote, mapBasis, parseYearCell, splitUnit } from './fields.mjs';

/** The bulletins behind seed_facts.csv, by the archive's file id (which is no citation a reader can follow). */
export const SEED_DOCS = {
  '001_7e47003e00cda175.txt': '新乡高新区管委会公报 2021年第1号（总第13号，2021-04-15）',
  '003_4657256a11807d50.txt': '郑州高新区2020年“高光时刻”报道（2021-02-09 党工委管委会全体会议，记者孙庆辉）',
};

/**
 * data/sources/seed_facts.csv → data/reported/seed_facts.csv: figures from two zone bulletins, cited by the bulletin's title.
 * @param {Record<string, string>[]} rows @param {import('./resolve.mjs').ConvertContext} ctx
 * @returns {import('./fields.mjs').Conversion}
 */
export function convertSeedFacts(rows, { resolveZone, resolveInd, isRenamed, unmatched, fail }) {
  const out = rows.map((r, i) => {
    const zone = resolveZone(r.zone);
    if (!zone) unmatched.push(`seed_facts.csv row ${i + 2}: "${r.zone}"`);
    const { id, qualifier } = resolveInd(r.indicator, `seed_facts.csv row ${i + 2}`);
    const basis = mapBasis(r.basis);
    const u = splitUnit(r.unit, r.value.trim());
    const file = r.source.trim();
    const doc = SEED_DOCS[file];
    if (!doc) fail(`seed_facts.csv row ${i + 2}: no description for seed file ${file}`);
    const { year, period, note: yNote } = parseYearCell(r.year);
    return {
      zone: zone ?? r.zone.trim(),
      year,
      indicator: id,
      value: u.value,
      unit: u.unit,
      period,
      basis,
      // the bulletin itself, as a reader can look it up (the archive's file id is no citation)
      source: doc,
      note: joinNote([
        yNote,
        isRenamed(r.indicator, id) ? `原指标名 metric as written: ${r.indicator.trim()}` : '',
        qualifier ? `限定 qualifier: ${qualifier}` : '',
        u.note,
        r.basis.trim() !== basis ? `依据 basis: ${r.basis.trim()}` : '',
        `原文 quote: ${r.quote.trim()}`,
      ]),
    };
  });
  return { input: rows.length, out };
}
