/**
 * The indicator catalogue: data/sources/indicators.json (edited by people) → data/indicators.json (read by the
 * app). docs/architecture.md §2; how to add an indicator: data/sources/README.md.
 *
 * The source file is checked by the app's own rules (src/data/indicator-schema.mjs, shared: the app checks the
 * published file with them too), here with every field required. The one thing the source file may hold that
 * the published one never does is a citation placeholder in definition.source, expanded from the research
 * tables so that a citation is written once:
 *   {torch:园区生产总值}           the row of torch_statistical_indicators.csv whose name starts with the text
 *   {system:知识创造和技术创新能力}  the row of indicator_system.csv with exactly that name
 */
import { checkIndicators, indicatorNameKey } from '../../src/data/indicator-schema.mjs';

/** @typedef {import('../../src/data/indicator-schema.mjs').CheckedIndicator} Indicator */
/** @typedef {{ torch: Record<string, string>[], system: Record<string, string>[] }} CitationTables */

const PLACEHOLDER = /\{([A-Za-z_]+):([^{}]*)\}/g;

/**
 * The citation a placeholder stands for, or why there is none.
 * @param {string} table @param {string} name @param {CitationTables} tables
 * @returns {{ text: string } | { problem: string }}
 */
export function citation(table, name, tables) {
  if (table === 'torch') {
    const rows = tables.torch.filter((x) => x.indicator.startsWith(name));
    if (rows.length !== 1) return { problem: `{torch:${name}} matches ${rows.length} rows of torch_statistical_indicators.csv (must be exactly one)` };
    const r = rows[0];
    return { text: `火炬统计指标 Torch statistical indicator「${r.indicator}」(data/sources/torch_statistical_indicators.csv): ${r.source}` };
  }
  if (table === 'system') {
    const rows = tables.system.filter((x) => x.indicator === name);
    if (rows.length !== 1) return { problem: `{system:${name}} matches ${rows.length} rows of indicator_system.csv (must be exactly one)` };
    const r = rows[0];
    return { text: `${r.version}, ${r.level}「${r.indicator}」${r.weight ? ` (${r.weight})` : ''} (data/sources/indicator_system.csv): ${r.source}` };
  }
  return { problem: `{${table}:${name}} is no known placeholder (use {torch:…} or {system:…})` };
}

/**
 * A definition's source with its placeholders replaced; an unknown or unmatched one is a problem.
 * @param {string} text @param {CitationTables} tables
 */
export function expandCitations(text, tables) {
  /** @type {string[]} */
  const problems = [];
  const expanded = text.replace(PLACEHOLDER, (whole, table, name) => {
    const c = citation(table, name, tables);
    if ('problem' in c) {
      problems.push(c.problem);
      return whole;
    }
    return c.text;
  });
  return { text: expanded, problems };
}

/**
 * Where a JSON syntax error is, as a line number a person can find in an editor.
 * @param {string} text @param {unknown} error
 */
function syntaxMessage(text, error) {
  const message = error instanceof Error ? error.message : String(error);
  const at = message.match(/position (\d+)/);
  return at ? `${message} (line ${text.slice(0, Number(at[1])).split('\n').length})` : message;
}

/**
 * The catalogue from the source file's text: placeholders expanded, every entry checked by the shared rules.
 * `problems` name the file, the indicator id and the reason; the build fails on any.
 * @param {string} text the source file @param {string} file its path, for messages @param {CitationTables} tables
 * @returns {{ catalogue: Indicator[], lookup: Map<string, string>, problems: string[] }}
 */
export function loadCatalogue(text, file, tables) {
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { catalogue: [], lookup: new Map(), problems: [`${file}: not valid JSON: ${syntaxMessage(text, e)}`] };
  }
  /** @type {string[]} */
  const problems = [];
  if (Array.isArray(json)) {
    json = json.map((raw, i) => {
      const def = raw?.definition;
      if (typeof def?.source !== 'string') return raw; // the shared check reports it
      const { text: source, problems: p } = expandCitations(def.source, tables);
      for (const reason of p) problems.push(`${file}: indicator ${typeof raw.id === 'string' ? `"${raw.id}"` : '(no id)'} (entry ${i + 1}): definition.source: ${reason}`);
      return { ...raw, definition: { ...def, source } };
    });
  }
  const checked = checkIndicators(json, { file, complete: true });
  problems.push(...checked.problems);
  return { catalogue: checked.indicators, lookup: nameLookup(checked.indicators), problems };
}

/**
 * indicatorNameKey(any id, zh or en name or alias) → indicator id: how the source tables' metric names are
 * resolved (the shared check has made sure no name belongs to two indicators).
 * @param {Indicator[]} catalogue
 */
export function nameLookup(catalogue) {
  /** @type {Map<string, string>} */
  const lookup = new Map();
  for (const x of catalogue) for (const n of [x.id, x.zh, x.en, ...x.aliases]) lookup.set(indicatorNameKey(n), x.id);
  return lookup;
}
