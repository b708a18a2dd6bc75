/**
 * data/source-tiers.json from data/sources/source-tiers.csv: how far each source can be trusted, decided per
 * host or source name (never per row). Every source of data/reported/ must match a rule: the build fails
 * naming any that does not, so a new source cannot arrive untiered (docs/architecture.md §2).
 */

/** Most trusted first: a row citing several sources counts under the best of them. */
export const TIERS = ['official', 'media', 'mirror', 'unknown'];

/** @typedef {{ match: string, kind: string, tier: string, outlet: string }} TierRule */

/**
 * The rules of source-tiers.csv, checked: a known kind and tier, evidence given, no rule twice.
 * @param {Record<string, string>[]} rows @param {(message: string) => void} fail
 * @returns {TierRule[]}
 */
export function tierRules(rows, fail) {
  const rules = rows.map((r, i) => {
    const where = `source-tiers.csv row ${i + 2}`;
    if (!['domain', 'name'].includes(r.kind)) fail(`${where}: kind "${r.kind}"`);
    if (!TIERS.includes(r.tier)) fail(`${where}: tier "${r.tier}"`);
    if (!r.evidence?.trim()) fail(`${where}: no evidence given`);
    return { match: r.kind === 'domain' ? r.match.trim().toLowerCase() : r.match.trim(), kind: r.kind, tier: r.tier, outlet: (r.outlet ?? '').trim() };
  });
  const seen = new Set();
  for (const r of rules) {
    const key = `${r.kind}:${r.match}`;
    if (seen.has(key)) fail(`source-tiers.csv: "${r.match}" twice`);
    seen.add(key);
  }
  return rules;
}

/**
 * The rules a source text matches: for each URL host, the longest domain rule it falls under (sub-domains
 * included); a source without a URL, the name rules it contains. [] or fewer rules than hosts = untiered.
 * @param {TierRule[]} rules @param {string} source
 */
export function rulesFor(rules, source) {
  const hosts = [...source.matchAll(/https?:\/\/([^/\s;,，；)）?#:]+)/gi)].map((m) => m[1].toLowerCase());
  const matched = hosts.length
    ? hosts.flatMap((h) => rules.filter((r) => r.kind === 'domain' && (h === r.match || h.endsWith(`.${r.match}`))).sort((a, b) => b.match.length - a.match.length).slice(0, 1))
    : rules.filter((r) => r.kind === 'name' && source.includes(r.match));
  return { hosts, matched };
}

/**
 * Checks that every reported row's source has a tier, and counts the rows by their best tier.
 * @param {TierRule[]} rules @param {{ file: string, row: number, source: string }[]} reportedRows
 * @param {(message: string) => void} fail
 * @returns {Record<string, number>}
 */
export function countTiers(rules, reportedRows, fail) {
  /** @type {Record<string, number>} */
  const counts = Object.fromEntries(TIERS.map((t) => [t, 0]));
  for (const { file, row, source } of reportedRows) {
    const { hosts, matched } = rulesFor(rules, source);
    if (!matched.length || (hosts.length && matched.length < hosts.length)) fail(`${file} row ${row}: no tier rule for the source "${source.slice(0, 80)}"`);
    else counts[matched.map((r) => r.tier).sort((a, b) => TIERS.indexOf(a) - TIERS.indexOf(b))[0]]++;
  }
  return counts;
}
