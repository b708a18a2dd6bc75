#!/usr/bin/env node
// npm run aggregate -- <input…> --out <file.csv> [options]
// Enterprise-level records (CSV in UTF-8 or GB18030, Parquet files or partitioned folders, .xlsx) → the
// dashboard's canonical long CSV, per zone × year, with DuckDB. See docs/scaling.md.
import { aggregate, formatSummary } from './lib.mjs';

const USAGE = `usage: npm run aggregate -- <input…> --out <file.csv> [options]

inputs      CSV (UTF-8 or GB18030, told apart by reading the file), .parquet files, folders of Parquet
            (partitioned year=…/ folders too), .xlsx (the first visible sheet with values, or --sheet NAME;
            hidden sheets are never read)
--out FILE        the canonical long CSV to write (required)
--mapping FILE    a JSON file naming the input's columns (defaults: scripts/aggregate/mapping.json)
--min-firms N     write no value from fewer than N firms (default 3)
--source TEXT     the source column (default: the input file names and today's date)
--basis WORD      the basis column: reported (default) or estimate when the records cover only part of the zone
--encoding E      auto (default), utf-8 or gb18030, for CSV inputs
--sheet NAME      the .xlsx sheet to read (a visible one)
--zones FILE      the zone registry (default data/zones.csv)
--threads N, --memory-limit 4GB   DuckDB settings
--print-sql       print the SQL as run (params filled in)
--json            print the summary as JSON (for scripts and the benchmark)
--quiet           no progress lines`;

const args = process.argv.slice(2);
/** @type {Record<string, string>} */
const opts = {};
const inputs = [];
const flags = new Set(['--print-sql', '--help', '-h', '--quiet', '--json']);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (flags.has(a)) opts[a] = 'true';
  else if (a.startsWith('--')) {
    const eq = a.indexOf('=');
    if (eq > 0) opts[a.slice(0, eq)] = a.slice(eq + 1);
    else if (i + 1 < args.length) opts[a] = args[++i];
    else fail(`${a} needs a value`);
  } else inputs.push(a);
}
const known = ['--out', '--mapping', '--min-firms', '--source', '--basis', '--encoding', '--sheet', '--zones', '--threads', '--memory-limit', ...flags];
for (const k of Object.keys(opts)) if (!known.includes(k)) fail(`unknown option ${k}`);
if (opts['--help'] || opts['-h']) {
  console.log(USAGE);
  process.exit(0);
}
if (!inputs.length || !opts['--out']) fail('give one or more inputs and --out');

/** @param {string} msg @returns {never} */
function fail(msg) {
  console.error(`aggregate: ${msg}\n\n${USAGE}`);
  process.exit(2);
}

const minFirms = opts['--min-firms'] === undefined ? 3 : Number(opts['--min-firms']);
const quiet = Boolean(opts['--quiet']);
const log = (/** @type {string} */ s) => {
  if (!quiet) console.error(s);
};
log(`aggregate: ${inputs.length} input${inputs.length > 1 ? 's' : ''} → ${opts['--out']}`);
try {
  const r = await aggregate({
    inputs,
    out: opts['--out'],
    mapping: opts['--mapping'],
    minFirms,
    source: opts['--source'],
    basis: opts['--basis'],
    encoding: opts['--encoding'],
    sheet: opts['--sheet'],
    zones: opts['--zones'],
    threads: opts['--threads'] ? Number(opts['--threads']) : undefined,
    memoryLimit: opts['--memory-limit'],
    log,
  });
  if (opts['--print-sql']) console.log(r.sql);
  if (opts['--json']) console.log(JSON.stringify({ summary: r.summary, unmatched: r.unmatched, seconds: r.seconds, peakMB: r.peakMB, out: r.out, inputs: r.inputs }));
  else console.log(formatSummary(r, minFirms));
} catch (e) {
  console.error(`aggregate: ${e instanceof Error ? e.message : e}`);
  process.exit(/** @type {any} */ (e)?.code === 'DUCKDB_MISSING' ? 3 : 1);
}
