// Column mapping of `npm run aggregate` (docs/scaling.md): which input column feeds each field, found by its
// header (units written in it are read too), from mapping.json and a user's --mapping file.
import { readFileSync } from 'node:fs';
import { FIELDS } from './fields.mjs';
import { DEFAULT_MAPPING_FILE } from './paths.mjs';
import { COUNTS, MONEY, PERSONS } from './units.mjs';

/** Header text compared ignoring case, spaces and full/half width. @param {string} s */
export const normHeader = (s) => String(s).normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * A header's name and the unit it carries: 营业收入（万元） → 营业收入 + 万元; also 营业收入/万元, 营业收入_万元.
 * @param {string} header
 */
export function splitUnit(header) {
  const h = normHeader(header);
  const m = /^(.*?)\(([^()]+)\)$/.exec(h) ?? /^(.*?)[/_](千?万?亿?[十百千]?万?元|万?人|件|个|项|家)$/.exec(h);
  return m ? { name: m[1], unit: m[2] } : { name: h, unit: '' };
}

/**
 * The mapping: defaults from mapping.json, with a user's mapping file's fields replacing them.
 * @param {string} [file] a user's mapping file (JSON)
 * @returns {Record<string, { columns: string[], unit?: string }>}
 */
export function loadMapping(file) {
  const read = (f) => JSON.parse(readFileSync(f, 'utf8'));
  const base = read(DEFAULT_MAPPING_FILE);
  delete base['//'];
  if (!file) return base;
  const user = read(file);
  for (const [k, v] of Object.entries(user)) {
    if (k.startsWith('//')) continue;
    if (!FIELDS.some((f) => f.key === k)) throw new Error(`mapping file ${file}: unknown field "${k}" (known: ${FIELDS.map((f) => f.key).join(', ')})`);
    const entry = typeof v === 'string' ? { columns: [v] } : Array.isArray(v) ? { columns: v } : v;
    base[k] = { ...base[k], ...entry, columns: entry.columns ?? base[k].columns };
  }
  return base;
}

/**
 * Which input column feeds each field, and the factor to the SQL's unit.
 * @param {string[]} headers the input's column names
 * @param {Record<string, { columns: string[], unit?: string }>} mapping
 * @returns {Record<string, { column: string, unit: string, factor: number } | null>}
 */
export function resolveColumns(headers, mapping) {
  /** @type {Record<string, { column: string, unit: string, factor: number } | null>} */
  const out = {};
  const used = new Set();
  for (const field of FIELDS) {
    const spec = mapping[field.key];
    out[field.key] = null;
    if (!spec) continue;
    for (const wanted of spec.columns) {
      const w = normHeader(wanted);
      const wName = splitUnit(wanted).name;
      const hit = headers.find((h) => !used.has(h) && normHeader(h) === w) ?? headers.find((h) => !used.has(h) && splitUnit(h).name === wName);
      if (hit === undefined) continue;
      const unit = splitUnit(hit).unit || splitUnit(wanted).unit || spec.unit || '';
      let factor = 1;
      if (field.kind === 'money' || field.kind === 'persons' || field.kind === 'count') {
        const table = field.kind === 'money' ? MONEY : field.kind === 'persons' ? PERSONS : COUNTS;
        if (!(unit in table)) throw new Error(`column "${hit}" (${field.key}): unit "${unit || '(none)'}" is not one of ${Object.keys(table).join(', ')}; name it in the header or in the mapping file's "unit"`);
        factor = table[unit];
      }
      out[field.key] = { column: hit, unit, factor };
      used.add(hit);
      break;
    }
  }
  if (!out.zone_name) throw new Error(`no zone column: none of ${mapping.zone_name.columns.join(', ')} among the input's columns (${headers.join(', ')}); name it in a --mapping file`);
  if (!out.year) throw new Error(`no year column: none of ${mapping.year.columns.join(', ')} among the input's columns (${headers.join(', ')}); name it in a --mapping file`);
  return out;
}
