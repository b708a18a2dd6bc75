// The run of `npm run aggregate` (docs/scaling.md): DuckDB (@duckdb/node-api, an optional dependency) is
// imported only when a run starts, so the rest of the repo never needs it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { FIELDS } from './fields.mjs';
import { inputRelation } from './inputs.mjs';
import { loadMapping, resolveColumns } from './mapping.mjs';
import { ROOT } from './paths.mjs';
import { buildSql, firmsView, paramsBlock } from './sql.mjs';
import { checkCatalogueUnits } from './units.mjs';

/**
 * @typedef {{ rows_read: number, firms: number, firm_years: number, duplicate_rows: number, zones: number, years: number,
 *   first_year: number | null, last_year: number | null, unmatched_rows: number, rows_without_year: number,
 *   suppressed_cells: number, suppressed_values: number, values_written: number }} RunSummary
 * @typedef {{ summary: RunSummary, unmatched: { name: string, rows: number }[], columns: Record<string, { column: string, unit: string, factor: number } | null>,
 *   inputs: { input: string, kind: string, encoding?: string, sheet?: string }[], seconds: number, peakMB: number, out: string, sql: string }} RunResult
 */

/**
 * Run the aggregation.
 * @param {{ inputs: string[], out: string, mapping?: string, minFirms?: number, source?: string, basis?: string,
 *   encoding?: string, sheet?: string, zones?: string, threads?: number, memoryLimit?: string,
 *   log?: (s: string) => void, progress?: boolean }} o
 * @returns {Promise<RunResult>}
 */
export async function aggregate(o) {
  const started = performance.now();
  const log = o.log ?? (() => undefined);
  if (!o.inputs.length) throw new Error('no input files');
  if (!o.out) throw new Error('no --out file');
  checkCatalogueUnits();
  const minFirms = o.minFirms ?? 3;
  if (!Number.isInteger(minFirms) || minFirms < 1) throw new Error(`--min-firms must be a whole number ≥ 1 (got ${o.minFirms})`);
  const basis = o.basis ?? 'reported';
  // the dashboard's basis words (docs/data-format.md §1); synthetic marks the output as demo data there
  if (!['reported', 'estimate', 'preliminary', 'derived', 'synthetic'].includes(basis)) throw new Error(`--basis must be reported, estimate, preliminary, derived or synthetic (got ${basis})`);
  const duck = await loadDuckDB();
  const tmp = mkdtempSync(join(tmpdir(), 'htz-aggregate-'));
  const instance = await duck.DuckDBInstance.create(':memory:', {
    temp_directory: join(tmp, 'spill'),
    ...(o.threads ? { threads: String(o.threads) } : {}),
    ...(o.memoryLimit ? { memory_limit: o.memoryLimit } : {}),
  });
  const conn = await instance.connect();
  try {
    // progress is tracked (for the lines every 5 s), never drawn by DuckDB itself
    await conn.run('SET enable_progress_bar = true');
    await conn.run('SET enable_progress_bar_print = false');
    const inputs = [];
    const relations = [];
    for (const input of o.inputs) {
      const rel = await inputRelation(input, tmp, { encoding: o.encoding, sheet: o.sheet, log });
      inputs.push({ input, kind: rel.kind, encoding: rel.encoding, ...(rel.sheet === undefined ? {} : { sheet: rel.sheet }) });
      relations.push(rel.sql);
    }
    // the columns, from the inputs' own schemas (no scan of the data)
    const headerSet = new Set();
    /** @type {Map<string, string>} a column typed differently in two inputs is read as text */
    const types = new Map();
    for (const r of relations) {
      const d = await conn.runAndReadAll(`DESCRIBE ${r}`);
      for (const row of d.getRowObjectsJS()) {
        const name = String(row.column_name);
        const type = String(row.column_type);
        types.set(name, headerSet.has(name) && types.get(name) !== type ? 'VARCHAR' : type);
        headerSet.add(name);
      }
    }
    const columns = resolveColumns([...headerSet], loadMapping(o.mapping));
    log(`  columns: ${FIELDS.map((f) => `${f.key} ← ${columns[f.key] ? `${columns[f.key]?.column}${columns[f.key]?.factor !== 1 ? ` (${columns[f.key]?.unit} ×${columns[f.key]?.factor})` : ''}` : '—'}`).join('; ')}`);
    const source = o.source ?? `企业级记录汇总 aggregated from firm records: ${o.inputs.map((i) => basename(i)).join(', ')}（${new Date().toISOString().slice(0, 10)}）`;
    const params = paramsBlock({ relations, view: firmsView(columns, types), zonesFile: o.zones ?? join(ROOT, 'data/zones.csv'), minFirms, source, basis });
    const outAbs = resolve(o.out);
    const partial = join(tmp, 'out.csv');
    const sql = buildSql(params, partial);
    const statements = await conn.extractStatements(sql);
    for (let i = 0; i < statements.count; i++) {
      const step = Date.now();
      let timer;
      if (o.progress !== false) {
        // long runs: every 5 s, how far DuckDB says the current statement is
        timer = setInterval(() => {
          const p = conn.progress;
          const secs = ((Date.now() - step) / 1000).toFixed(0);
          log(`  … step ${i + 1} of ${statements.count}, ${secs} s${p.percentage >= 0 ? `, ${p.percentage.toFixed(0)} % done` : ''}`);
        }, 5000);
      }
      try {
        const prepared = await statements.prepare(i);
        await prepared.run();
      } finally {
        if (timer) clearInterval(timer);
      }
    }
    // step 7's tables: the summary and the unmatched names
    const summaryRows = await conn.runAndReadAll('SELECT * FROM run_summary');
    const s = summaryRows.getRowObjectsJS()[0];
    /** @type {RunSummary} */
    const summary = /** @type {any} */ (Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === null ? null : Number(v)])));
    const unmatchedRows = await conn.runAndReadAll('SELECT zone_name, n_rows FROM unmatched ORDER BY n_rows DESC, zone_name NULLS FIRST');
    const unmatched = unmatchedRows.getRowObjectsJS().map((r) => ({ name: r.zone_name === null ? '' : String(r.zone_name), rows: Number(r.n_rows) }));
    // the output appears whole or not at all
    writeFileSync(outAbs + '.part', readFileSync(partial));
    renameSync(outAbs + '.part', outAbs);
    // peak resident memory of this process so far (DuckDB's native memory included)
    const peakMB = process.resourceUsage().maxRSS / 1024;
    return { summary, unmatched, columns, inputs, seconds: (performance.now() - started) / 1000, peakMB, out: outAbs, sql };
  } finally {
    conn.closeSync?.();
    instance.closeSync?.();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** @returns {Promise<any>} */
export async function loadDuckDB() {
  const name = '@duckdb/node-api';
  try {
    return await import(name);
  } catch (e) {
    const err = new Error(`DuckDB's Node API (${name}, an optional dependency) cannot be loaded on this machine: ${e instanceof Error ? e.message.split('\n')[0] : e}. Install it with \`npm install ${name}\` (it ships prebuilt binaries for Linux, macOS and Windows on x64 and arm64).`);
    /** @type {any} */ (err).code = 'DUCKDB_MISSING';
    throw err;
  }
}
