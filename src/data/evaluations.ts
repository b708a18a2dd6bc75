import type { Bilingual } from './manifest';

/**
 * One comprehensive evaluation whose ranked count a source states (data/evaluations.json, made by
 * `npm run data:build` from the ranking rows' `n_evaluated`). The count is the denominator of every
 * "第 N 位（共 M 家）": the zones the evaluation ranked, not the zones that existed that year.
 */
export interface Evaluation {
  /** the evaluation's own year label (2021 = "2021年度…", which used 2020 statistics) */
  year: number;
  /** how many zones it ranked, as the source says */
  evaluated: number;
  /** the evaluation as the first source names it */
  label: string;
  source: string;
  /** provinces whose zones it left out (2021: 湖北省) */
  excludeProvinces: string[];
  excludeNote: Bilingual | null;
  /** how many of the ranked zones the registry holds (2024: 176 of 178) */
  inRegistry: number;
}

const isYear = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1980 && (v as number) <= 2100;

/**
 * Reads data/evaluations.json defensively (deployers may edit it): a malformed entry is an error naming the
 * file and the entry, never a silently wrong denominator.
 */
export function parseEvaluationsJson(json: unknown): Evaluation[] {
  if (!Array.isArray(json)) throw new Error('evaluations.json: expected an array');
  const seen = new Set<number>();
  return json.map((e: Record<string, unknown>, i) => {
    const where = `evaluations.json: entry ${i + 1}`;
    if (!e || typeof e !== 'object') throw new Error(`${where} is not an object`);
    if (!isYear(e.year)) throw new Error(`${where}: year must be a whole year`);
    if (seen.has(e.year)) throw new Error(`${where}: year ${e.year} appears twice`);
    seen.add(e.year);
    if (!Number.isInteger(e.evaluated) || (e.evaluated as number) < 1 || (e.evaluated as number) > 10000) throw new Error(`${where}: evaluated must be a positive whole number`);
    const provinces = Array.isArray(e.excludeProvinces) ? e.excludeProvinces.filter((p): p is string => typeof p === 'string') : [];
    const note = e.excludeNote as Partial<Bilingual> | null | undefined;
    return {
      year: e.year,
      evaluated: e.evaluated as number,
      label: typeof e.label === 'string' ? e.label : '',
      source: typeof e.source === 'string' ? e.source : '',
      excludeProvinces: provinces,
      excludeNote: note && typeof note.zh === 'string' ? { zh: note.zh, en: typeof note.en === 'string' ? note.en : note.zh } : null,
      inRegistry: Number.isInteger(e.inRegistry) ? (e.inRegistry as number) : (e.evaluated as number),
    };
  });
}
