// @ts-check
/**
 * The rules of an indicator catalogue, in ONE place for the app and the data build (docs/architecture.md §2).
 *
 * Why plain JavaScript in src/: scripts/build-data.mjs is run by plain Node 20, which cannot load TypeScript,
 * while the app can load JavaScript. So the rules are written once here, dependency-free, and:
 *   - the build (scripts/build-data/catalogue.mjs) checks data/sources/indicators.json with `complete: true`;
 *   - the app (src/data/catalogue.ts) checks the published data/indicators.json with `complete: false`, which
 *     fills a missing optional field with its default instead of reporting it (a deployer's short hand-made
 *     catalogue still loads); every other rule is the same.
 * The types are declared in indicator-schema.d.mts (the app's type check reads that, not this file); the
 * `@type` annotations below tie this implementation to those declarations, and tsconfig.scripts.json checks
 * this file strictly, so the two cannot drift apart.
 */

/** @type {import('./indicator-schema.mjs').IndicatorKey[]} */
export const INDICATOR_KEYS = ['id', 'zh', 'en', 'aliases', 'unit', 'unitEn', 'better', 'kind', 'decimals', 'bandsAllowed', 'group', 'definition'];

/** @type {import('./indicator-schema.mjs').IndicatorKind[]} */
export const INDICATOR_KINDS = ['rank', 'amount', 'rate', 'count', 'ratio'];

const BETTER = ['higher', 'lower'];
const ID = /^[a-z][a-z0-9_]*$/;
const MAX_DECIMALS = 6;
/** A hostile file with thousands of bad entries gets a readable message, not a wall of text. */
const MAX_REPORTED = 10;

/**
 * The key two names are compared by: width (NFKC), case, white space and quotation marks are ignored, so
 * "R&D 经费" and "ｒ＆ｄ经费" are one name. The build resolves the source tables' metric names with it too.
 * @type {typeof import('./indicator-schema.mjs').indicatorNameKey}
 */
export const indicatorNameKey = (name) =>
  String(name)
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[“”"]/g, '')
    .toLowerCase();

const isText = (/** @type {unknown} */ v) => typeof v === 'string';
const isFilled = (/** @type {unknown} */ v) => typeof v === 'string' && v.trim() !== '';
const show = (/** @type {unknown} */ v) => JSON.stringify(v) ?? String(v);

/**
 * One entry's problems, each a reason without the file or id (the caller adds those), and the entry with
 * defaults filled in where `complete` is false.
 * @param {Record<string, unknown>} o
 * @param {boolean} complete
 * @returns {{ indicator: import('./indicator-schema.mjs').CheckedIndicator, reasons: string[] }}
 */
function checkEntry(o, complete) {
  /** @type {string[]} */
  const reasons = [];
  const unknown = Object.keys(o).filter((k) => !(/** @type {string[]} */ (INDICATOR_KEYS)).includes(k));
  if (unknown.length) reasons.push(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(show).join(', ')} (allowed: ${INDICATOR_KEYS.join(', ')})`);
  /**
   * A field's value when it passes `ok`; otherwise a reason is noted and the fallback stands in. A missing
   * field is a reason when it is `required` or the catalogue must be `complete`; else it takes the fallback.
   * @template T
   * @param {string} key @param {(v: unknown) => boolean} ok @param {string} want @param {T} fallback
   * @returns {T}
   */
  const field = (key, ok, want, fallback, required = false) => {
    const v = o[key];
    if (v === undefined) {
      if (complete || required) reasons.push(`missing "${key}" (${want})`);
      return fallback;
    }
    if (!ok(v)) reasons.push(`"${key}" is ${show(v)}, expected ${want}`);
    return ok(v) ? /** @type {T} */ (v) : fallback;
  };

  const id = field('id', (v) => isText(v) && ID.test(/** @type {string} */ (v)), 'lowercase letters, digits and _, starting with a letter', '', true);
  const zh = field('zh', isFilled, 'the Chinese name', '', true);
  const en = field('en', isFilled, 'the English name', id);
  const aliases = field('aliases', (v) => Array.isArray(v) && v.every(isFilled), 'a list of names', /** @type {string[]} */ ([]));
  const unit = field('unit', isText, 'the unit as text', '');
  const unitEn = field('unitEn', isText, 'the English unit as text', unit);
  const better = field('better', (v) => BETTER.includes(/** @type {string} */ (v)), '"higher" or "lower"', 'higher');
  const kind = field('kind', (v) => (/** @type {unknown[]} */ (INDICATOR_KINDS)).includes(v), `one of ${INDICATOR_KINDS.join(', ')}`, 'amount');
  const decimals = field('decimals', (v) => Number.isInteger(v) && /** @type {number} */ (v) >= 0 && /** @type {number} */ (v) <= MAX_DECIMALS, `a whole number 0–${MAX_DECIMALS}`, 1);
  const bandsAllowed = field('bandsAllowed', (v) => typeof v === 'boolean', 'true or false', false);
  const group = field('group', isText, 'the group as text', '');
  const defOk = (/** @type {unknown} */ v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const def = /** @type {Record<string, unknown>} */ (field('definition', defOk, 'an object with zh, en and source', {}));
  /** @type {{ zh: string, en: string, source: string }} */
  const definition = { zh: '', en: '', source: '' };
  for (const k of /** @type {const} */ (['zh', 'en', 'source'])) {
    const v = def[k];
    // a missing or malformed definition is one problem (above), not four
    if (defOk(o.definition) && (complete ? !isFilled(v) : v !== undefined && !isText(v))) {
      reasons.push(`definition.${k} ${v === undefined || v === '' ? 'is empty' : `is ${show(v)}`}, expected text`);
    }
    definition[k] = isText(v) ? /** @type {string} */ (v) : '';
  }
  return { indicator: { id, zh, en, aliases, unit, unitEn, better, kind, decimals, bandsAllowed, group, definition }, reasons };
}

/** @type {import('./indicator-schema.mjs').CheckIndicators} */
export const checkIndicators = (json, { file, complete }) => {
  /** @type {string[]} */
  const problems = [];
  if (!Array.isArray(json)) return { indicators: [], problems: [`${file}: expected a list of indicators ([ … ]), got ${json === null ? 'null' : typeof json}`] };
  /** @type {Map<string, string>} name key → id of the indicator that has it */
  const owner = new Map();
  const seenIds = new Set();
  const indicators = json.map((raw, i) => {
    const where = (/** @type {string} */ id) => `${file}: indicator ${id ? `"${id}"` : '(no id)'} (entry ${i + 1})`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${where('')}: expected an object { "id": …, "zh": … }, got ${show(raw)}`);
      return null;
    }
    const { indicator, reasons } = checkEntry(/** @type {Record<string, unknown>} */ (raw), complete);
    const id = indicator.id || (isText(raw.id) ? raw.id : '');
    for (const r of reasons) problems.push(`${where(id)}: ${r}`);
    if (indicator.id && seenIds.has(indicator.id)) problems.push(`${where(id)}: the id is used by an earlier entry too`);
    seenIds.add(indicator.id);
    // A name that two indicators share would send a source's figures to whichever the matcher meets first.
    for (const name of new Set([indicator.id, indicator.zh, indicator.en, ...indicator.aliases].filter(Boolean).map(indicatorNameKey))) {
      const o = owner.get(name);
      if (o !== undefined && o !== indicator.id) problems.push(`${where(id)}: the name "${name}" is also a name of "${o}"`);
      else owner.set(name, indicator.id);
    }
    return indicator;
  });
  return { indicators: indicators.filter((x) => x !== null), problems };
};

/** @type {typeof import('./indicator-schema.mjs').summariseProblems} */
export const summariseProblems = (problems) =>
  problems.length <= MAX_REPORTED ? problems.join('\n') : [...problems.slice(0, MAX_REPORTED), `… and ${problems.length - MAX_REPORTED} more`].join('\n');
