import { SOURCE_TIERS, type SourceTier, type TierRule } from './source-tiers';

// Loaded by boot beside the fetch of data/source-tiers.json, not with the first view's code.

/** Reads data/source-tiers.json defensively (deployers may add rows): a bad entry names itself. */
export function parseTierRules(json: unknown): TierRule[] {
  if (!Array.isArray(json)) throw new Error('source-tiers.json: expected an array');
  return json.map((r: Record<string, unknown>, i) => {
    const where = `source-tiers.json: entry ${i + 1}`;
    if (!r || typeof r.match !== 'string' || !r.match.trim()) throw new Error(`${where}: match is empty`);
    if (r.kind !== 'domain' && r.kind !== 'name') throw new Error(`${where}: kind must be domain or name`);
    if (!SOURCE_TIERS.includes(r.tier as SourceTier)) throw new Error(`${where}: tier must be one of ${SOURCE_TIERS.join(', ')}`);
    return { match: r.kind === 'domain' ? r.match.trim().toLowerCase() : r.match.trim(), kind: r.kind, tier: r.tier as SourceTier, outlet: typeof r.outlet === 'string' ? r.outlet : '' };
  });
}
