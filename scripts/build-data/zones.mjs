/**
 * data/zones.csv, the zone registry, from data/sources/zones.csv (docs/architecture.md §2; data/README.md §2).
 * Ids are PERMANENT: a published id is kept even when the rules would now compute another one, and a zone
 * that was published is never dropped, so a saved link or import never changes meaning.
 */
import { AMBIGUOUS_NAMES, EXTRA_ALIASES, SHORT_OVERRIDES, ZONE_ID_OVERRIDES, nameEn, regionOf, shortenSource, slug } from './zone-names.mjs';
import { joinNote } from './conversions/fields.mjs';

/** The columns of data/zones.csv, in order. */
export const ZONE_COLUMNS = ['id', 'name', 'short', 'name_en', 'aliases', 'province', 'region', 'city', 'division_code', 'zone_stat_code', 'approval_year', 'batch', 'in_2020_evaluation', 'lat', 'lon', 'coord_place', 'source'];

/** @typedef {Record<string, string>} ZoneRow  a row of data/zones.csv (aliases joined by |) */
/** @typedef {(message: string) => void} Report */

/**
 * Everyday names of a zone besides its full name: the short name, <stem>高新区 / <stem>国家高新区 built on the
 * source's short name (苏州 → 苏州高新区, even where the display short name differs), the name as the source
 * wrote it, and the hand-kept extras. Never the full name itself, never a bare ambiguous stem (苏州, 上海).
 * @param {Record<string, string>} z a row of data/sources/zones.csv @param {string} name @param {string} short
 */
export function zoneAliases(z, name, short) {
  /** @type {string[]} */
  const aliases = [];
  const add = (/** @type {string | undefined} */ a) => {
    const t = (a ?? '').trim();
    if (t && t !== name && !aliases.includes(t) && !AMBIGUOUS_NAMES.includes(t)) aliases.push(t);
  };
  add(short);
  const stem = z.short_name.trim();
  const isHtzName = /高新技术产业开发区$|高技术产业开发区$|新技术开发区$|高新技术产业园区$/.test(name);
  if (isHtzName) add(`${stem}高新区`);
  if (/高新技术产业开发区$/.test(name)) add(`${stem}国家高新区`);
  if (z.name_in_source && z.name_in_source.trim() !== name) add(z.name_in_source);
  if (z.short_name.trim() !== short) add(z.short_name);
  for (const a of EXTRA_ALIASES[name] ?? []) add(a);
  return aliases;
}

/**
 * The provenance of one zone: its listing, its division code and where its coordinates come from.
 * @param {Record<string, string>} z
 */
export function zoneSource(z) {
  const coordDetail = z.coord_precision === 'county/district-level place' ? `county/district-level place ${z.coord_place}` : 'host city centre';
  const coordNote = z.coord_note.replace(/^host city\/county centre, not zone boundary;?\s*/, '');
  return [
    shortenSource(z.source),
    `division code: ${shortenSource(z.division_code_source)}`,
    `coordinates (${coordDetail}${coordNote ? `, ${coordNote}` : ''}; not the zone boundary): ${shortenSource(z.coord_source)}`,
  ].join(' | ');
}

/**
 * The registry rows, in source order.
 * @param {Record<string, string>[]} src rows of data/sources/zones.csv
 * @param {Map<string, string>} previous full name → id of the registry published before (empty on a first build)
 * @param {Report} note says an id was kept although the rules would now give another
 * @returns {ZoneRow[]}
 */
export function zoneRows(src, previous, note) {
  return src.map((z) => {
    const name = z.name_zh.trim();
    const short = SHORT_OVERRIDES[name] ?? z.short_name.trim();
    let id = ZONE_ID_OVERRIDES[name] ?? slug(short);
    const prevId = previous.get(name);
    if (prevId && prevId !== id) {
      note(`NOTE: ${name}: computed id "${id}" differs from published id "${prevId}"; keeping "${prevId}" (ids never change). Pin it in ZONE_ID_OVERRIDES.`);
      id = prevId;
    }
    return {
      id,
      name,
      short,
      name_en: nameEn(name, short, z.host_city.trim()),
      aliases: zoneAliases(z, name, short).join('|'),
      province: z.province.trim(),
      region: regionOf(z.province.trim()),
      city: z.host_city.trim(),
      division_code: z.city_division_code.trim(),
      zone_stat_code: z.zone_stat_division_code.trim(),
      approval_year: z.approval_year.trim(),
      batch: joinNote([z.batch, z.approval_doc]),
      in_2020_evaluation: z.in_2020_evaluation_169.trim() === 'Y' ? 'true' : 'false',
      lat: z.lat.trim(),
      lon: z.lon.trim(),
      coord_place: z.coord_place.trim(),
      source: zoneSource(z),
    };
  });
}

/**
 * The registry's checks: count and evaluation flags, id shape and uniqueness, published ids neither dropped
 * nor reused, and no alias naming two zones.
 * @param {ZoneRow[]} zones @param {Map<string, string>} previous @param {Report} fail
 * @param {{ zones: number, evaluated: number }} expected the counts the sources state (176 zones, 169 in the 2020 evaluation)
 */
export function checkZones(zones, previous, fail, expected) {
  if (zones.length !== expected.zones) fail(`zones: expected ${expected.zones} rows, got ${zones.length}`);
  const nEval = zones.filter((z) => z.in_2020_evaluation === 'true').length;
  if (nEval !== expected.evaluated) fail(`zones: expected ${expected.evaluated} in_2020_evaluation=true, got ${nEval}`);
  /** @type {Map<string, ZoneRow>} */
  const byId = new Map();
  for (const z of zones) {
    if (!/^[a-z][a-z0-9]*$/.test(z.id)) fail(`zone id "${z.id}" (${z.name}) is not a lowercase ASCII slug`);
    const other = byId.get(z.id);
    if (other) fail(`zone id collision: "${z.id}" for ${other.name} and ${z.name}; add an entry to ZONE_ID_OVERRIDES`);
    byId.set(z.id, z);
  }
  for (const [name, id] of previous) {
    if (!zones.some((z) => z.name === name)) fail(`zone "${name}" (id ${id}) was published before but is missing now; ids are never dropped or reused`);
  }
  /** @type {Map<string, string>} */
  const aliasOwner = new Map();
  for (const z of zones) {
    for (const a of [z.name, ...z.aliases.split('|')]) {
      const o = aliasOwner.get(a);
      if (o && o !== z.id) fail(`alias "${a}" is used by both ${o} and ${z.id}`);
      aliasOwner.set(a, z.id);
    }
  }
  for (const bad of AMBIGUOUS_NAMES) {
    if (aliasOwner.has(bad)) fail(`bare "${bad}" must not be an alias (ambiguous)`);
  }
}
