/**
 * Names in the source tables → the registry's zones and the catalogue's indicators. A name that matches
 * nothing is collected, never guessed at: an unmatched zone is kept as written (and noted), an unmatched
 * indicator fails the build (docs/architecture.md §2).
 */
import { indicatorNameKey } from '../../../src/data/indicator-schema.mjs';

/** @typedef {{ id: string, qualifier: string }} ResolvedIndicator */
/** @typedef {(rawName: string, where: string) => ResolvedIndicator} IndicatorResolver */
/** @typedef {(raw: string) => string | null} ZoneResolver */

/**
 * Resolve a metric name to a catalogue id. A trailing parenthesised qualifier such as "(初步核算)",
 * "(as stated)" or "(>)" is not part of the name: it is returned separately.
 * @param {Map<string, string>} lookup indicatorNameKey(name) → indicator id
 * @param {string[]} unresolved collects "<where>: "<name>"" for every name that matches nothing
 * @returns {IndicatorResolver}
 */
export function makeIndicatorResolver(lookup, unresolved) {
  return (rawName, where) => {
    const m = String(rawName).normalize('NFKC').match(/^(.*?)\s*\(([^()]*)\)\s*$/);
    if (m) {
      const id = lookup.get(indicatorNameKey(m[1]));
      if (id) return { id, qualifier: m[2].trim() };
    }
    const direct = lookup.get(indicatorNameKey(rawName));
    if (direct) return { id: direct, qualifier: '' };
    unresolved.push(`${where}: "${rawName}"`);
    return { id: '', qualifier: '' };
  };
}

/**
 * Full registry name of a zone given by full name, short name or alias; null when it matches no registry
 * zone (the caller keeps the raw text, never a guess).
 * @param {Record<string, string>[]} zones rows of data/zones.csv
 * @returns {ZoneResolver}
 */
export function makeZoneResolver(zones) {
  /** @type {Map<string, string>} */
  const map = new Map();
  for (const z of zones) for (const n of [z.name, z.short, ...z.aliases.split('|')]) map.set(n, z.name);
  return (raw) => map.get(raw.trim()) ?? null;
}

/**
 * True when a source's metric name differs from the catalogue's zh name (so the note keeps the name as written).
 * @param {Map<string, string>} zhOf indicator id → catalogue zh name
 * @returns {(raw: string, id: string) => boolean}
 */
export function makeIsRenamed(zhOf) {
  return (raw, id) => indicatorNameKey(raw) !== indicatorNameKey(zhOf.get(id) ?? id);
}

/**
 * What every converter needs: the resolvers, and where to collect names that match nothing.
 * @typedef {{
 *   resolveZone: ZoneResolver,
 *   resolveInd: IndicatorResolver,
 *   isRenamed: (raw: string, id: string) => boolean,
 *   unmatched: string[],
 *   fail: (message: string) => void,
 * }} ConvertContext
 */
