import type { Zone } from '../../domain/types';

/**
 * The zones a ranking is over: those that existed in that year (approved no later), narrowed to the
 * zones chosen in the filter when there are any.
 */
export function rankingScope(zones: readonly Zone[], year: number, chosen: readonly string[]): Zone[] {
  const existing = zones.filter((z) => z.approvalYear === null || z.approvalYear <= year);
  if (!chosen.length) return existing;
  const set = new Set(chosen);
  return existing.filter((z) => set.has(z.id));
}
