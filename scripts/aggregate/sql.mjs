// The SQL of `npm run aggregate` (docs/scaling.md): the firms view over the inputs, the params block and
// to_long.sql with its blocks filled in. Text only: nothing here runs DuckDB.
import { readFileSync } from 'node:fs';
import { FIELDS } from './fields.mjs';
import { SQL_FILE } from './paths.mjs';

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
