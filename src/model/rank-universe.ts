import type { Evaluation } from '../data/evaluations';
import type { Indicator, Zone } from '../domain/types';

/**
 * What an official rank of one year is out of. Where a source states how many zones that evaluation ranked,
 * that count (`evaluated`) and the zones it covered: those approved before the evaluation year (each used the
 * previous year's statistics) less any province it left out. Elsewhere the registry's zones of that year, and
 * the count is called what it is — 名录中 N 家 — never "共 N 家".
 */
export interface RankUniverse {
  year: number;
  count: number;
  /** true: `count` is the evaluation's own ranked count; false: the registry's zones of that year */
  evaluated: boolean;
  /** the zones a complete ranking of that year would list (the registry may lack some: 2024 has 176 of 178) */
  zones: Zone[];
  evaluation: Evaluation | null;
}

/** The zones that existed in a year: approved no later (苏州工业园区, with no approval year, always). */
export const existingIn = (zones: readonly Zone[], year: number): Zone[] => zones.filter((z) => z.approvalYear === null || z.approvalYear <= year);

export function rankUniverse(zones: readonly Zone[], evaluations: readonly Evaluation[], year: number): RankUniverse {
  const evaluation = evaluations.find((e) => e.year === year) ?? null;
  if (!evaluation) {
    const existing = existingIn(zones, year);
    return { year, count: existing.length, evaluated: false, zones: existing, evaluation: null };
  }
  const excluded = new Set(evaluation.excludeProvinces);
  const ranked = zones.filter((z) => (z.approvalYear === null || z.approvalYear < year) && !excluded.has(z.province));
  return { year, count: evaluation.evaluated, evaluated: true, zones: ranked, evaluation };
}

/** The zones of a universe narrowed to the ones chosen in the filter, when there are any. */
export function narrowTo(universe: RankUniverse, chosen: readonly string[]): Zone[] {
  if (!chosen.length) return universe.zones;
  const set = new Set(chosen);
  return universe.zones.filter((z) => set.has(z.id));
}

/**
 * Whether an indicator is a place in the zones' comprehensive evaluation (or one of its dimensions), whose
 * ranked counts data/evaluations.json holds. Other rankings (the advanced-manufacturing top 100, which ranks
 * high-tech zones and development zones together) have denominators of their own.
 */
export const isEvaluationRank = (ind: Pick<Indicator, 'kind' | 'group'>) => ind.kind === 'rank' && ind.group === 'evaluation';
