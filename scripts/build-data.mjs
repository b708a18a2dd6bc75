#!/usr/bin/env node
/**
 * build-data.mjs — builds the reference files in data/ from the sourced tables in data/sources/ (docs/architecture.md §2).
 *
 *   node scripts/build-data.mjs        (npm run data:build; run from the repo root)
 *
 * Writes
 *   data/zones.csv            the zone registry (176 rows; ids are stable)            scripts/build-data/zones.mjs
 *   data/indicators.json      the indicator catalogue, from data/sources/indicators.json  …/catalogue.mjs
 *   data/reported/*.csv       every row of the four reference tables, canonical tidy  …/conversions/
 *   data/source-tiers.json    how far each source is trusted                         …/source-tiers.mjs
 *   data/evaluations.json     how many zones each evaluation ranked                  …/evaluations.mjs
 *   data/manifest.json        the datasets the site opens with                       …/manifest.mjs
 *   data/reported.htzcol, data/demo/panel.htzcol   each dataset's imported table     …/columnar.mjs
 *
 * Nothing here guesses: a value is copied as the source states it, a year that the source does not
 * give stays empty, and everything a source row says beyond the canonical columns goes into `note`.
 * The script exits non-zero when a check fails (a bad catalogue entry, id collision, unmapped indicator,
 * row count mismatch), after reporting every failure it found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readCsv, writeCsv, writeJson } from './build-data/io.mjs';
import { ZONE_COLUMNS, checkZones, zoneRows } from './build-data/zones.mjs';
import { loadCatalogue } from './build-data/catalogue.mjs';
import { CANON, checkConversion } from './build-data/conversions/fields.mjs';
import { makeIndicatorResolver, makeIsRenamed, makeZoneResolver } from './build-data/conversions/resolve.mjs';
import { convertRankings } from './build-data/conversions/rankings.mjs';
import { convertSeedFacts } from './build-data/conversions/seed-facts.mjs';
import { convertZoneIndicators } from './build-data/conversions/zone-indicators.mjs';
import { convertNational } from './build-data/conversions/national.mjs';
import { TIERS, countTiers, tierRules } from './build-data/source-tiers.mjs';
import { buildEvaluations } from './build-data/evaluations.mjs';
import { buildManifest, latestDate } from './build-data/manifest.mjs';
import { writeColumnar } from './build-data/columnar.mjs';

// Paths are relative to the repo root (the script is run from there), never absolute.
const REF = 'data/sources';
const OUT = 'data';

let failures = 0;
const fail = (/** @type {string} */ msg) => {
  failures++;
  console.error(`ERROR: ${msg}`);
};
const csv = (/** @type {string} */ name) => readCsv(`${REF}/${name}`, fail);

// 1. Zone registry. Ids already published stay as they are: the previous registry is read first, if any.
const previous = new Map(existsSync(`${OUT}/zones.csv`) ? readCsv(`${OUT}/zones.csv`, fail).map((r) => [r.name, r.id]) : []);
const zones = zoneRows(csv('zones.csv'), previous, (msg) => console.warn(msg));
checkZones(zones, previous, fail, { zones: 176, evaluated: 169 });
writeCsv(`${OUT}/zones.csv`, ZONE_COLUMNS, zones);

// 2. Indicator catalogue.
const CATALOGUE = `${REF}/indicators.json`;
const { catalogue, lookup, problems } = loadCatalogue(readFileSync(CATALOGUE, 'utf8'), CATALOGUE, {
  torch: csv('torch_statistical_indicators.csv'),
  system: csv('indicator_system.csv'),
});
for (const p of problems) fail(p);
writeJson(`${OUT}/indicators.json`, catalogue);

// 3. Reported data → canonical tidy rows.
/** @type {string[]} */
const unresolved = [];
/** @type {string[]} */
const unmatched = [];
const ctx = {
  resolveZone: makeZoneResolver(zones),
  resolveInd: makeIndicatorResolver(lookup, unresolved),
  isRenamed: makeIsRenamed(new Map(catalogue.map((x) => [x.id, x.zh]))),
  unmatched,
  fail,
};
/** @type {[string, string, import('./build-data/conversions/fields.mjs').Conversion][]} */
const conversions = [
  ['rankings.csv', 'rankings.csv', convertRankings(csv('rankings.csv'), ctx)],
  ['seed_facts.csv', 'seed_facts.csv', convertSeedFacts(csv('seed_facts.csv'), ctx)],
  ['zone_indicators_reported.csv', 'zone_indicators.csv', convertZoneIndicators(csv('zone_indicators_reported.csv'), ctx)],
  ['national_aggregates.csv', 'national.csv', convertNational(csv('national_aggregates.csv'), ctx)],
];
const ids = new Set(catalogue.map((x) => x.id));
for (const [inName, outName, conversion] of conversions) {
  checkConversion(outName, conversion, ids, fail);
  writeCsv(`${OUT}/reported/${outName}`, CANON, conversion.out);
  console.log(`reported/${outName}: ${conversion.out.length} rows (from ${inName}: ${conversion.input})`);
}
for (const u of unresolved) fail(`indicator name not in the catalogue: ${u}`);
for (const u of unmatched) console.warn(`NOTE: zone kept as written (no single registry zone): ${u}`);

// 4. Source tiers, evaluations, manifest.
const rules = tierRules(csv('source-tiers.csv'), fail);
const reportedSources = conversions.flatMap(([, outName, { out }]) => out.map((r, i) => ({ file: `reported/${outName}`, row: i + 2, source: r.source })));
const tierCounts = countTiers(rules, reportedSources, fail);
writeJson(`${OUT}/source-tiers.json`, rules);
console.log(`source-tiers.json: ${rules.length} rules; rows of reported/ by tier: ${TIERS.map((t) => `${t} ${tierCounts[t]}`).join(', ')}`);

const evaluations = buildEvaluations(csv('rankings.csv'), zones, fail);
writeJson(`${OUT}/evaluations.json`, evaluations);
for (const e of evaluations) {
  const gap = e.inRegistry === e.evaluated ? '' : ` — the registry has ${e.inRegistry} of them`;
  console.log(`evaluations.json: ${e.year} ranked ${e.evaluated} zones${gap}`);
}

const asOf = latestDate(conversions.map(([inName]) => readFileSync(`${REF}/${inName}`, 'utf8')));
const manifest = buildManifest(conversions.map(([, outName]) => `reported/${outName}`), asOf);
writeJson(`${OUT}/manifest.json`, manifest);

// 5. Each dataset's table as the app imports it (data/demo/panel.csv is npm run data:demo's, read as it is).
if (!failures) await writeColumnar(OUT, manifest, fail);

console.log(`zones.csv: ${zones.length} rows (${zones.filter((z) => z.in_2020_evaluation === 'true').length} in the 2020 evaluation), ids unique`);
console.log(`indicators.json: ${catalogue.length} indicators`);
console.log(`manifest.json: reported asOf ${asOf}`);
if (failures) {
  console.error(`build-data: ${failures} error(s)`);
  process.exit(1);
}
