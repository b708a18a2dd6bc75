import type { Zone } from '../../domain/types';
import { existingIn, narrowTo, type RankUniverse } from '../../model/rank-universe';

/**
 * The zones a ranking is over. For an official rank: the zones that year's evaluation ranked (a universe from
 * model/rank-universe.ts); otherwise those that existed that year (approved no later). Narrowed to the zones
 * chosen in the filter when there are any. A zone outside that set which still has a value this year (a
 * user's file, say) stays in: a value is never hidden because a rule did not expect it.
 */
export function rankingScope(
  zones: readonly Zone[],
  year: number,
  chosen: readonly string[],
  universe: RankUniverse | null = null,
  withValue: ReadonlySet<string> = new Set(),
): Zone[] {
  const base = universe ? narrowTo(universe, chosen) : narrowExisting(zones, year, chosen);
  if (!withValue.size) return base;
  const have = new Set(base.map((z) => z.id));
  const chosenSet = chosen.length ? new Set(chosen) : null;
  const extra = zones.filter((z) => withValue.has(z.id) && !have.has(z.id) && (!chosenSet || chosenSet.has(z.id)));
  return extra.length ? [...base, ...extra] : base;
}

function narrowExisting(zones: readonly Zone[], year: number, chosen: readonly string[]): Zone[] {
  const existing = existingIn(zones, year);
  if (!chosen.length) return existing;
  const set = new Set(chosen);
  return existing.filter((z) => set.has(z.id));
}
