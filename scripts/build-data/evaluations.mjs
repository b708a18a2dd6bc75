/**
 * data/evaluations.json: how many zones each evaluation ranked (docs/architecture.md §2).
 *
 * Who each evaluation ranked, where the sources say. Excluded provinces are the only thing not read from a
 * ranking row's own columns: the 2021年度 evaluation's label says "157 zones excl. Hubei", and that is written
 * down here once rather than parsed out of English prose.
 */
/** @type {Record<number, { provinces: string[], zh: string, en: string }>} */
export const EVALUATION_EXCLUDES = {
  2021: { provinces: ['湖北省'], zh: '湖北省12家未参评', en: "Hubei's 12 zones were not evaluated" },
};

/**
 * data/evaluations.json: one entry per evaluation year whose ranked count a source states (`n_evaluated`).
 * Every row of a year must state the same count. The ranked zones are those approved before the evaluation
 * year (each evaluation used the previous year's statistics) less any excluded province; where that rule and
 * the stated count disagree, the entry says by how much (the registry lacks two zones approved in late 2022).
 * @param {Record<string, string>[]} rows rows of data/sources/rankings.csv
 * @param {Record<string, string>[]} zones rows of data/zones.csv @param {(message: string) => void} fail
 */
export function buildEvaluations(rows, zones, fail) {
  /** @type {Map<number, { year: number, evaluated: number, label: string, source: string, row: number }>} */
  const byYear = new Map();
  for (const [i, r] of rows.entries()) {
    const ym = r.evaluation.trim().match(/^(\d{4})年/);
    const n = r.n_evaluated.trim();
    if (!ym || !n) continue;
    const year = Number(ym[1]);
    const seen = byYear.get(year);
    if (seen && seen.evaluated !== Number(n)) fail(`rankings.csv row ${i + 2}: ${year} ranked ${n} zones, row ${seen.row} says ${seen.evaluated}`);
    if (!seen) {
      const label = r.evaluation.trim().replace(/\s*\(.*$/, '');
      byYear.set(year, { year, evaluated: Number(n), label, source: r.source.trim().split(/\s+;\s+/)[0], row: i + 2 });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year).map(({ row: _row, ...e }) => {
    const ex = EVALUATION_EXCLUDES[e.year];
    const excluded = new Set(ex?.provinces ?? []);
    const inRegistry = zones.filter((z) => Number(z.approval_year) < e.year && !excluded.has(z.province)).length;
    return {
      ...e,
      excludeProvinces: ex?.provinces ?? [],
      excludeNote: ex ? { zh: ex.zh, en: ex.en } : null,
      inRegistry,
    };
  });
}
