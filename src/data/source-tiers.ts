/**
 * How far a source can be trusted, from a small table the project keeps (data/sources/source-tiers.csv,
 * written to data/source-tiers.json by `npm run data:build`): host name suffix or source-name text → tier.
 * A tier is never guessed per row: a source no entry matches is `unknown`.
 */
export type SourceTier = 'official' | 'media' | 'mirror' | 'unknown';
export const SOURCE_TIERS: readonly SourceTier[] = ['official', 'media', 'mirror', 'unknown'];

/** Tiers the "official and media only" switch keeps. */
export const TRUSTED_TIERS: ReadonlySet<SourceTier> = new Set(['official', 'media']);

export interface TierRule {
  /** a host name suffix (`people.com.cn` matches `jx.people.com.cn`) or a substring of the source text */
  match: string;
  kind: 'domain' | 'name';
  tier: SourceTier;
  /** the outlet or organisation, when known */
  outlet: string;
}

const RANK: Record<SourceTier, number> = { official: 0, media: 1, mirror: 2, unknown: 3 };

/** The host of each http(s) link in a citation, lower-case, without port. */
export function sourceHosts(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/https?:\/\/([^/\s;,，；)）?#:]+)/gi)) {
    const host = m[1].toLowerCase().replace(/\.$/, '');
    if (!out.includes(host)) out.push(host);
  }
  return out;
}

const suffixOf = (host: string, suffix: string) => host === suffix || host.endsWith(`.${suffix}`);

/** The rule for one host: the longest matching suffix. */
function hostRule(host: string, rules: readonly TierRule[]): TierRule | null {
  let best: TierRule | null = null;
  for (const r of rules) if (r.kind === 'domain' && suffixOf(host, r.match) && (!best || r.match.length > best.match.length)) best = r;
  return best;
}

export interface TierOfSource {
  tier: SourceTier;
  /** the rule that decided it, null when none matched */
  rule: TierRule | null;
}

/**
 * The tier of a citation. With links: the best tier among its links (a value an official page states is
 * official, even if a mirror is cited beside it); without: the longest name rule contained in the text.
 */
export function tierOf(source: string, rules: readonly TierRule[]): TierOfSource {
  const hosts = sourceHosts(source);
  let best: TierOfSource = { tier: 'unknown', rule: null };
  if (hosts.length) {
    for (const h of hosts) {
      const r = hostRule(h, rules);
      if (r && (!best.rule || RANK[r.tier] < RANK[best.tier])) best = { tier: r.tier, rule: r };
    }
    return best;
  }
  for (const r of rules) if (r.kind === 'name' && source.includes(r.match) && (!best.rule || r.match.length > best.rule.match.length)) best = { tier: r.tier, rule: r };
  return best;
}

/** One tier per distinct source of a dictionary-coded column: computed once per source, not per row. */
export function tiersOfDict(dict: readonly string[], rules: readonly TierRule[]): SourceTier[] {
  return dict.map((s) => tierOf(s, rules).tier);
}
