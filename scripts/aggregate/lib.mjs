// `npm run aggregate`: enterprise-level records → the dashboard's canonical long CSV, with DuckDB (docs/scaling.md).
// This module does the work; aggregate.mjs is the command line. DuckDB (@duckdb/node-api, an optional
// dependency) is imported only when a run starts, so the rest of the repo never needs it.
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const SQL_FILE = join(HERE, 'to_long.sql');
export const DEFAULT_MAPPING_FILE = join(HERE, 'mapping.json');

/**
 * The firm-level fields the SQL reads, the unit each is brought to before it (万元, 人, 件) and the
 * catalogue indicator(s) it feeds with the unit the SQL writes (checked against data/indicators.json).
 * @type {{ key: string, sql: string, kind: 'id' | 'text' | 'money' | 'persons' | 'count' | 'flag', feeds: Record<string, string> }[]}
 */
export const FIELDS = [
  { key: 'firm_id', sql: 'firm_id', kind: 'id', feeds: { enterprises: '家' } },
  { key: 'zone_name', sql: 'zone_name', kind: 'text', feeds: {} },
  { key: 'year', sql: 'year', kind: 'text', feeds: {} },
  { key: 'revenue', sql: 'revenue_wan', kind: 'money', feeds: { revenue: '亿元', enterprises_revenue_over_100m: '家', rd_intensity_revenue: '%' } },
  { key: 'industrial_output', sql: 'industrial_output_wan', kind: 'money', feeds: { industrial_output: '亿元' } },
  { key: 'net_profit', sql: 'net_profit_wan', kind: 'money', feeds: { net_profit: '亿元' } },
  { key: 'taxes', sql: 'taxes_wan', kind: 'money', feeds: { taxes_paid: '亿元' } },
  { key: 'rd', sql: 'rd_wan', kind: 'money', feeds: { rd_expenditure: '亿元', rd_intensity_revenue: '%' } },
  { key: 'patent_apps', sql: 'patent_apps', kind: 'count', feeds: { patent_apps: '件' } },
  { key: 'patent_grants', sql: 'patent_grants', kind: 'count', feeds: { patent_grants: '件' } },
  { key: 'employees', sql: 'employees_person', kind: 'persons', feeds: { employees: '万人' } },
  { key: 'is_hte', sql: 'is_hte', kind: 'flag', feeds: { hte_count: '家' } },
];

/** Factors to the SQL's firm-level units: money to 万元, persons to 人, counts as they are. */
const MONEY = { 元: 1e-4, 千元: 0.1, 万元: 1, 十万元: 10, 百万元: 100, 千万元: 1000, 亿元: 1e4 };
const PERSONS = { 人: 1, 万人: 1e4 };
const COUNTS = { 件: 1, 个: 1, 项: 1, 家: 1 };

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

const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/;

/** A SQL string literal. @param {string} s */
export const sqlString = (s) => `'${String(s).replace(/'/g, "''")}'`;
/** A SQL identifier. @param {string} s */
export const sqlIdent = (s) => `"${String(s).replace(/"/g, '""')}"`;

/**
 * The `firms` view over `firms_raw`: each field from its column, numbers cleaned (thousands separators) and
 * brought to the SQL's units, absent fields NULL.
 * @param {Record<string, { column: string, unit: string, factor: number } | null>} cols
 * @param {Map<string, string>} [types] column → DuckDB type; numeric columns (Parquet) skip the text cleaning
 */
export function firmsView(cols, types = new Map()) {
  const lines = FIELDS.map((f) => {
    const c = cols[f.key];
    if (!c) return [`CAST(NULL AS ${f.kind === 'money' ? 'DECIMAL(18,4)' : f.kind === 'persons' || f.kind === 'count' ? 'DOUBLE' : 'VARCHAR'}) AS ${f.sql}`, 'not in the input'];
    const col = sqlIdent(c.column);
    if (f.kind === 'id' || f.kind === 'text' || f.kind === 'flag') return [`nullif(trim(CAST(${col} AS VARCHAR)), '') AS ${f.sql}`, ''];
    // money as DECIMAL: sums exact and the same on every run, whatever the order threads add them in
    const type = f.kind === 'money' ? 'DECIMAL(18,4)' : 'DOUBLE';
    const num = NUMERIC.test(types.get(c.column) ?? '') ? `CAST(${col} AS ${type})` : `TRY_CAST(replace(CAST(${col} AS VARCHAR), ',', '') AS ${type})`;
    return [`${c.factor === 1 ? num : `${num} * ${c.factor}`} AS ${f.sql}`, c.unit ? `${c.unit}${c.factor === 1 ? '' : ` → ${f.kind === 'money' ? '万元' : '人'}`}` : ''];
  }).map(([expr, comment], i, all) => `  ${expr}${i < all.length - 1 ? ',' : ''}${comment ? `  -- ${comment}` : ''}`);
  return `CREATE OR REPLACE TEMP VIEW firms AS\nSELECT\n${lines.join('\n')}\nFROM firms_raw;`;
}

/** Is this a UTF-8 file (checked on its first 1 MB)? @param {string} file */
export function looksUtf8(file) {
  const fd = readFileSync(file, { flag: 'r' }).subarray(0, 1 << 20);
  let end = fd.length;
  // a multi-byte character cut at the end of the sample is not an error
  if (end === 1 << 20) {
    let back = 0;
    while (back < 4 && end - back - 1 >= 0 && (fd[end - back - 1] & 0xc0) === 0x80) back++;
    end -= back + (back < 4 && end - back - 1 >= 0 && fd[end - back - 1] >= 0xc0 ? 1 : 0);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(fd.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * GB18030 (GBK) → a UTF-8 temp file, streamed (DuckDB's CSV reader reads UTF-8; GB18030 needs its
 * `encodings` extension, which is not bundled and cannot be downloaded here).
 * @param {string} from @param {string} to
 */
export async function gb18030ToUtf8(from, to) {
  const dec = new TextDecoder('gb18030');
  const out = createWriteStream(to);
  for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) {
    if (!out.write(dec.decode(chunk, { stream: true }))) await once(out, 'drain');
  }
  out.end(dec.decode());
  await once(out, 'finish');
}

/** Column letters → 0-based index (A → 0, AA → 26). @param {string} ref */
const colIndex = (ref) => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};
/** @param {string} s */
const unXml = (s) => s.replace(/&(lt|gt|amp|quot|apos|#x?[0-9a-fA-F]+);/g, (_, e) =>
  e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
/** @param {string} v */
const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The first worksheet of an .xlsx → a UTF-8 CSV (DuckDB's excel extension is not bundled with the Node
 * package and cannot be downloaded here). Reads cell values as stored: shared and inline strings, numbers;
 * formulas give their cached value; dates stay serial numbers. The whole workbook is held in memory.
 * @param {string} from @param {string} to @param {string} [sheet] a sheet name
 */
export function xlsxToCsv(from, to, sheet) {
  const zip = unzipSync(new Uint8Array(readFileSync(from)));
  const text = (p) => (zip[p] ? strFromU8(zip[p]) : '');
  const workbook = text('xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: unXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? ''), rid: /r:id="([^"]*)"/.exec(m[0])?.[1] ?? '' }));
  const chosen = sheet ? sheets.find((s) => s.name === sheet) : sheets[0];
  if (!chosen) throw new Error(`${from}: no sheet ${sheet ? `"${sheet}" (sheets: ${sheets.map((s) => s.name).join(', ')})` : ''}`);
  const rels = text('xl/_rels/workbook.xml.rels');
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${chosen.rid}"`));
  let path = /Target="([^"]*)"/.exec(target ?? '')?.[1] ?? 'worksheets/sheet1.xml';
  path = path.startsWith('/') ? path.slice(1) : `xl/${path}`;
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unXml([...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const out = [];
  for (const row of text(path).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    /** @type {string[]} */
    const cells = [];
    for (const c of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const ref = /r="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /t="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's' && v !== undefined) value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = unXml([...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
      else if (v !== undefined) value = unXml(v);
      const at = ref ? colIndex(ref) : cells.length;
      while (cells.length < at) cells.push('');
      cells[at] = value;
    }
    out.push(cells.map(csvCell).join(','));
  }
  writeFileSync(to, out.join('\n') + '\n');
}

/**
 * One input → a DuckDB relation (SQL text). CSV: UTF-8 read as it is, GB18030 converted to a temp file; all
 * columns read as text (codes keep their leading zeros; numbers are cleaned in the view). Parquet: a file, a
 * glob or a folder (partitioned `year=…/` folders too).
 * @param {string} input @param {string} tmp @param {{ encoding?: string, sheet?: string, log?: (s: string) => void }} opts
 * @returns {Promise<{ sql: string, kind: string, encoding?: string }>}
 */
export async function inputRelation(input, tmp, opts = {}) {
  const log = opts.log ?? (() => undefined);
  const isDir = existsSync(input) && statSync(input).isDirectory();
  const ext = extname(input).toLowerCase();
  if (isDir || ext === '.parquet' || ext === '.pq') {
    const glob = isDir ? join(input, '**', '*.parquet') : input;
    if (isDir && !hasParquet(input)) throw new Error(`${input}: a folder with no .parquet file in it`);
    return { kind: 'parquet', sql: `SELECT * FROM read_parquet(${sqlString(glob)}, hive_partitioning = true, union_by_name = true)` };
  }
  if (!existsSync(input)) throw new Error(`${input}: no such file`);
  let file = input;
  let encoding = 'utf-8';
  if (ext === '.xlsx' || ext === '.xlsm') {
    file = join(tmp, `${basename(input)}.${Math.random().toString(36).slice(2)}.csv`);
    log(`  ${basename(input)}: Excel workbook → CSV (first sheet${opts.sheet ? `: ${opts.sheet}` : ''})`);
    xlsxToCsv(input, file, opts.sheet);
    encoding = 'xlsx';
  } else if (ext === '.xls') {
    throw new Error(`${input}: the old Excel format (.xls) is not read; save it as .xlsx or CSV`);
  } else {
    const wanted = (opts.encoding ?? 'auto').toLowerCase();
    const gb = wanted === 'gb18030' || wanted === 'gbk' || (wanted === 'auto' && !looksUtf8(input));
    if (gb) {
      file = join(tmp, `${basename(input)}.${Math.random().toString(36).slice(2)}.utf8.csv`);
      log(`  ${basename(input)}: GB18030 → UTF-8`);
      await gb18030ToUtf8(input, file);
      encoding = 'gb18030';
    }
  }
  return { kind: 'csv', encoding, sql: `SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8')` };
}

/** @param {string} dir */
function hasParquet(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() ? hasParquet(join(dir, e.name)) : e.name.toLowerCase().endsWith('.parquet')) return true;
  }
  return false;
}

/**
 * The params block for to_long.sql.
 * @param {{ relations: string[], view: string, zonesFile: string, minFirms: number, source: string, basis: string }} p
 */
export function paramsBlock(p) {
  return [
    `SET VARIABLE min_firms = ${Math.trunc(p.minFirms)};`,
    `SET VARIABLE source = ${sqlString(p.source)};`,
    `SET VARIABLE basis = ${sqlString(p.basis)};`,
    `CREATE OR REPLACE TEMP VIEW firms_raw AS\n${p.relations.map((r) => `  ${r}`).join('\n  UNION ALL BY NAME\n')};`,
    p.view,
    `CREATE OR REPLACE TEMP VIEW zones_raw AS\n  SELECT id, name, short, aliases FROM read_csv(${sqlString(p.zonesFile)}, header = true, all_varchar = true);`,
  ].join('\n');
}

/**
 * to_long.sql with its params and output blocks replaced.
 * @param {string} params @param {string} outFile
 */
export function buildSql(params, outFile) {
  const sql = readFileSync(SQL_FILE, 'utf8');
  const swap = (text, name, body) => {
    const re = new RegExp(`-- @${name}-begin\\n[\\s\\S]*?-- @${name}-end\\n`);
    if (!re.test(text)) throw new Error(`${SQL_FILE}: no @${name} block`);
    return text.replace(re, () => `-- @${name}-begin (written by npm run aggregate)\n${body}\n-- @${name}-end\n`);
  };
  return swap(swap(sql, 'params', params), 'output', `COPY htz_long TO ${sqlString(outFile)} (HEADER, DELIMITER ',', QUOTE '"');`);
}

/** Catalogue units for what the SQL writes; a mismatch means to_long.sql and data/indicators.json disagree. */
export function checkCatalogueUnits(indicatorsFile = join(ROOT, 'data/indicators.json')) {
  const cat = new Map(JSON.parse(readFileSync(indicatorsFile, 'utf8')).map((i) => [i.id, i]));
  const problems = [];
  for (const f of FIELDS) {
    for (const [id, unit] of Object.entries(f.feeds)) {
      const entry = cat.get(id);
      if (!entry) problems.push(`${id}: not in the catalogue`);
      else if (entry.unit !== unit) problems.push(`${id}: the SQL writes ${unit}, the catalogue says ${entry.unit}`);
      else if (f.kind === 'money' && unit === '亿元' && entry.kind !== 'amount') problems.push(`${id}: kind ${entry.kind} is not additive`);
    }
  }
  if (problems.length) throw new Error(`to_long.sql and data/indicators.json disagree: ${problems.join('; ')}`);
}

/**
 * @typedef {{ rows_read: number, firms: number, firm_years: number, duplicate_rows: number, zones: number, years: number,
 *   first_year: number | null, last_year: number | null, unmatched_rows: number, rows_without_year: number,
 *   suppressed_cells: number, suppressed_values: number, values_written: number }} RunSummary
 * @typedef {{ summary: RunSummary, unmatched: { name: string, rows: number }[], columns: Record<string, { column: string, unit: string, factor: number } | null>,
 *   inputs: { input: string, kind: string, encoding?: string }[], seconds: number, peakMB: number, out: string, sql: string }} RunResult
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
      inputs.push({ input, kind: rel.kind, encoding: rel.encoding });
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

/**
 * The summary, as the command prints it.
 * @param {RunResult} r @param {number} minFirms
 */
export function formatSummary(r, minFirms) {
  const s = r.summary;
  const n = (x) => (x ?? 0).toLocaleString('en');
  const lines = [
    `rows read ${n(s.rows_read)} · firms ${n(s.firms)} (${n(s.firm_years)} firm-years in matched zones) · zones ${n(s.zones)} · years ${n(s.years)}${s.first_year ? ` (${s.first_year}–${s.last_year})` : ''} · ${r.seconds.toFixed(1)} s, peak memory ${r.peakMB.toFixed(0)} MB`,
    `wrote ${n(s.values_written)} values to ${r.out}`,
    `suppressed (fewer than ${minFirms} firms): ${n(s.suppressed_values)} values, of which ${n(s.suppressed_cells)} whole zone-year cells`,
  ];
  if (s.duplicate_rows) lines.push(`note: ${n(s.duplicate_rows)} rows repeat a firm within its zone and year; they are summed, counted once as a firm`);
  if (s.rows_without_year) lines.push(`note: ${n(s.rows_without_year)} rows have no readable year and were left out`);
  if (r.unmatched.length) {
    lines.push(`unmatched zone names (${n(s.unmatched_rows)} rows left out; fix the name or add an alias to data/zones.csv):`);
    for (const u of r.unmatched.slice(0, 50)) lines.push(`  ${u.name || '(empty)'}\t${n(u.rows)} rows`);
    if (r.unmatched.length > 50) lines.push(`  … and ${r.unmatched.length - 50} more`);
  } else lines.push('unmatched zone names: none');
  return lines.join('\n');
}
