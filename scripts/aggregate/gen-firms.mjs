#!/usr/bin/env node
// Synthetic firm-level records for the aggregation's tests and benchmark. SYNTHETIC: no real firm, no real
// figure; every firm is named 合成企业… and its code starts with SYN. Seeded, so the same options give the
// same file on every run.
//
//   node scripts/aggregate/gen-firms.mjs --firms 200000 --years 2016-2023 --out /tmp/firms.csv
//   node scripts/aggregate/gen-firms.mjs --firms 200000 --years 2016-2023 --out /tmp/firms.parquet   (needs DuckDB)
//   node scripts/aggregate/gen-firms.mjs --firms 200000 --out /tmp/firms_dir --partitioned             (year=…/ folders)
//   … --encoding gb18030   (CSV in GB18030, as Excel on Chinese Windows saves it)
//   … --rows 1000000       (stop at exactly this many rows; enough firms are made for it)
//
// The columns are the Torch survey's usual ones (scripts/aggregate/mapping.json reads them as they are).
// Zones are written the ways people write them (full name, short name, an alias); about 0.5 % of rows name
// a park the registry does not know, some firms leave R&D or patents empty, a few zones have only a firm or
// two (so suppression has something to do).
import { createWriteStream, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { mulberry32 } from '../lib/random.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const HEADERS = ['统一社会信用代码', '企业名称', '所在高新区', '年份', '营业收入（万元）', 'R&D经费支出（万元）', '专利申请数', '专利授权数', '年末从业人员（人）', '是否高新技术企业', '数据说明'];
export const SYNTHETIC_NOTE = '合成数据 synthetic, not a real firm';
/** Park names no zone goes by: they must come out in the unmatched list. */
export const UNKNOWN_PARKS = ['某某科技园', '示范产业园（合成）'];

/**
 * @typedef {{ code: string, name: string, zoneWritten: string, zoneId: string | null, year: number,
 *   revenue: number, rd: number | null, patentApps: number | null, patentGrants: number | null, employees: number, hte: boolean }} FirmRow
 */

/** The registry's zones: id and the names each goes by. */
export function readZones(file = join(ROOT, 'data/zones.csv')) {
  const rows = Papa.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' }).data;
  return /** @type {Record<string, string>[]} */ (rows).map((r) => ({ id: r.id, names: [r.name, r.short, ...String(r.aliases ?? '').split('|')].filter(Boolean) }));
}

/**
 * Firm-years, one object per row, in file order.
 * @param {{ firms?: number, years?: [number, number], seed?: number, zones?: number, rows?: number }} [o] zones: how many registry zones get
 *   firms (default all); rows: stop after this many rows (the benchmark's round numbers)
 * @returns {Generator<FirmRow>}
 */
export function* firmRows(o = {}) {
  const firms = o.firms ?? 1000;
  const [y0, y1] = o.years ?? [2016, 2023];
  const rand = mulberry32(o.seed ?? 20);
  const all = readZones();
  const zones = all.slice(0, Math.min(o.zones ?? all.length, all.length));
  // zone weights: a few big zones, a long tail, the last two with a firm or two
  const weights = zones.map((_, i) => (i >= zones.length - 2 ? 0 : 1 / (1 + i * 0.15)));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickZone = () => {
    let r = rand() * total;
    for (let i = 0; i < zones.length; i++) if ((r -= weights[i]) < 0) return i;
    return 0;
  };
  const tiny = zones.length >= 4 ? [zones.length - 2, zones.length - 1] : [];
  let emitted = 0;
  const maxRows = o.rows ?? Infinity;
  for (let f = 0; f < firms; f++) {
    // the first firms go to the tiny zones (1 and 2 firms), the rest by weight
    const zi = f < 3 && tiny.length ? tiny[f === 0 ? 0 : 1] : pickZone();
    const zone = zones[zi];
    const code = `SYN${String(f).padStart(15, '0')}`;
    const name = `合成企业${String(f).padStart(6, '0')}`;
    const start = y0 + Math.floor(rand() * (y1 - y0 + 1) * 0.6);
    const end = Math.min(y1, start + 2 + Math.floor(rand() * (y1 - y0 + 2)));
    let revenue = Math.exp(6 + rand() * 5); // 万元: about 400 to 60,000
    const rdRate = 0.005 + rand() * 0.08;
    const hteFrom = rand() < 0.35 ? start + Math.floor(rand() * 3) : Infinity;
    let employees = Math.max(3, Math.round(revenue / (40 + rand() * 80)));
    const reportsPatents = rand() < 0.85;
    const unknown = rand() < 0.005;
    for (let year = start; year <= end; year++) {
      if (emitted++ >= maxRows) return;
      revenue *= 0.9 + rand() * 0.35;
      employees = Math.max(1, Math.round(employees * (0.92 + rand() * 0.2)));
      const written = unknown ? UNKNOWN_PARKS[f % UNKNOWN_PARKS.length] : zone.names[Math.floor(rand() * zone.names.length)];
      const apps = reportsPatents ? Math.floor(rand() * revenue / 2000) : null;
      yield {
        code, name, zoneWritten: written, zoneId: unknown ? null : zone.id, year,
        revenue: Math.round(revenue * 10) / 10,
        rd: rand() < 0.9 ? Math.round(revenue * rdRate * 10) / 10 : null,
        patentApps: apps,
        patentGrants: apps === null ? null : Math.floor(apps * rand() * 0.7),
        employees,
        hte: year >= hteFrom,
      };
    }
  }
}

/** @param {FirmRow} r */
export const rowCells = (r) => [r.code, r.name, r.zoneWritten, String(r.year), String(r.revenue), r.rd === null ? '' : String(r.rd),
  r.patentApps === null ? '' : String(r.patentApps), r.patentGrants === null ? '' : String(r.patentGrants), String(r.employees), r.hte ? '是' : '否', SYNTHETIC_NOTE];

/** @type {Map<string, number[]> | null} */
let gbTable = null;
/**
 * Text → GB18030 bytes, for the characters of GBK's two-byte range and ASCII (all this generator writes):
 * Node decodes GB18030 but has no encoder, so the table is the decoder run backwards.
 * @param {string} text
 */
export function encodeGb18030(text) {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
    }
  }
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else {
      const b = gbTable.get(ch);
      if (!b) throw new Error(`no GB18030 two-byte code for "${ch}"`);
      out.push(b[0], b[1]);
    }
  }
  return Buffer.from(out);
}

/** @param {string} v */
const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Rows → a CSV file (UTF-8 or GB18030), streamed.
 * @param {Iterable<FirmRow>} rows @param {string} file @param {'utf-8' | 'gb18030'} [encoding]
 * @returns {Promise<number>} rows written
 */
export async function writeFirmsCsv(rows, file, encoding = 'utf-8') {
  const out = createWriteStream(file);
  const enc = encoding === 'gb18030' ? encodeGb18030 : (/** @type {string} */ s) => Buffer.from(s, 'utf8');
  let n = 0;
  let buf = HEADERS.map(csvCell).join(',') + '\n';
  for (const r of rows) {
    buf += rowCells(r).map(csvCell).join(',') + '\n';
    n++;
    if (buf.length > 1 << 16) {
      if (!out.write(enc(buf))) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(enc(buf));
  await once(out, 'finish');
  return n;
}

/**
 * A UTF-8 CSV → Parquet with DuckDB (numbers typed, zstd), one file or year=…/ folders.
 * @param {string} csv @param {string} out @param {boolean} [partitioned]
 */
export async function csvToParquet(csv, out, partitioned = false) {
  const name = '@duckdb/node-api';
  const { DuckDBInstance } = await import(name);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const q = (s) => `'${s.replace(/'/g, "''")}'`;
  const typed = `SELECT "统一社会信用代码", "企业名称", "所在高新区", CAST("年份" AS INTEGER) AS "年份",
      CAST("营业收入（万元）" AS DOUBLE) AS "营业收入（万元）", CAST("R&D经费支出（万元）" AS DOUBLE) AS "R&D经费支出（万元）",
      CAST("专利申请数" AS INTEGER) AS "专利申请数", CAST("专利授权数" AS INTEGER) AS "专利授权数",
      CAST("年末从业人员（人）" AS INTEGER) AS "年末从业人员（人）", "是否高新技术企业", "数据说明"
    FROM read_csv(${q(csv)}, header = true, all_varchar = true)`;
  try {
    if (partitioned) {
      await conn.run(`COPY (SELECT *, "年份" AS year FROM (${typed})) TO ${q(out)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), OVERWRITE_OR_IGNORE)`);
    } else {
      await conn.run(`COPY (${typed}) TO ${q(out)} (FORMAT parquet, COMPRESSION zstd)`);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const get = (k, d) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : d;
  };
  const out = get('--out');
  if (!out) {
    console.error('usage: node scripts/aggregate/gen-firms.mjs --out FILE.csv|FILE.parquet|DIR [--firms 200000] [--rows N] [--years 2016-2023] [--seed 20] [--encoding utf-8|gb18030] [--partitioned]');
    process.exit(2);
  }
  const rows = get('--rows') ? Number(get('--rows')) : undefined;
  // about 5.3 rows a firm: --rows alone sets enough firms
  const firms = Number(get('--firms', rows ? String(Math.ceil(rows / 4)) : '200000'));
  const [a, b] = String(get('--years', '2016-2023')).split('-').map(Number);
  const seed = Number(get('--seed', '20'));
  const encoding = /** @type {'utf-8' | 'gb18030'} */ (get('--encoding', 'utf-8'));
  const partitioned = args.includes('--partitioned');
  const started = Date.now();
  const parquet = partitioned || /\.parquet$/i.test(out);
  const tmp = parquet ? mkdtempSync(join(tmpdir(), 'htz-gen-')) : '';
  const csv = parquet ? join(tmp, 'firms.csv') : out;
  try {
    const n = await writeFirmsCsv(firmRows({ firms, years: [a, b], seed, rows }), csv, parquet ? 'utf-8' : encoding);
    if (parquet) await csvToParquet(csv, out, partitioned);
    console.log(`${n.toLocaleString('en')} synthetic firm-rows (${firms.toLocaleString('en')} firms, ${a}–${b}, seed ${seed}) → ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
