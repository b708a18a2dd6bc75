// Generated import files for the ingest benchmark, written at run time into a temp dir (never committed):
// a long-format CSV (one observation per row) and a wide one (one indicator per column), each of about
// `bytes` bytes, from the real zone registry (data/zones.csv) and indicator catalogue (data/indicators.json).
// Every (zone, year, period, indicator) occurs once, so a correct import yields exactly `observations`
// observations with no conflicts.
import { createWriteStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { mulberry32 } from '../../scripts/lib/random.mjs';
import { ROOT } from './build.mjs';

// 1990–2099: the app reads years as (19|20)xx, so 2100 is no year even though MAX_YEAR allows it
const YEARS = Array.from({ length: 110 }, (_, i) => 1990 + i);
const PERIODS = ['', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'Q1-Q3', '1-11月'];

export function catalogue() {
  const zones = Papa.parse(readFileSync(resolve(ROOT, 'data', 'zones.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.filter((z) => z.id && z.id !== 'national');
  // ranks are 1…N with their own checks: value indicators only
  const indicators = JSON.parse(readFileSync(resolve(ROOT, 'data', 'indicators.json'), 'utf8')).filter((i) => i.kind !== 'rank');
  return { zones, indicators };
}

const valueFor = (ind, r) => (ind.unit === '%' ? (r() * 60).toFixed(2) : (r() * 20000).toFixed(2));

/**
 * Writes `header` and then rows from nextRow() until the file would exceed `bytes` or nextRow() returns null.
 * @param {string} path
 * @param {string} header
 * @param {() => string | null} nextRow
 * @param {number} bytes
 * @returns {Promise<{ size: number, rows: number }>}
 */
async function write(path, header, nextRow, bytes) {
  const out = createWriteStream(path);
  let size = 0;
  let rows = 0;
  let buf = header + '\n';
  while (size + buf.length < bytes) {
    const row = nextRow();
    if (row === null) break;
    buf += row + '\n';
    rows++;
    if (buf.length > 1 << 20) {
      size += Buffer.byteLength(buf);
      if (!out.write(buf)) await /** @type {Promise<void>} */ (new Promise((r) => out.once('drain', r)));
      buf = '';
    }
  }
  size += Buffer.byteLength(buf);
  out.end(buf);
  await /** @type {Promise<void>} */ (new Promise((r, j) => (out.on('finish', r), out.on('error', j))));
  return { size, rows };
}

/**
 * @typedef {object} GeneratedCsv
 * @property {string} path
 * @property {number} bytes its actual size
 * @property {number} rows data rows (header excluded)
 * @property {number} observations what a correct import yields
 * @property {'long' | 'wide'} shape
 */

/**
 * zone,year,period,indicator,value,unit — zone ids and indicator ids, as the app's own export writes them.
 * @param {string} path
 * @param {number} bytes about this size
 * @returns {Promise<GeneratedCsv>}
 */
export async function longCsv(path, bytes) {
  const { zones, indicators } = catalogue();
  const r = mulberry32(20240630);
  let z = 0;
  let i = 0;
  let y = 0;
  let p = 0;
  const next = () => {
    if (p >= PERIODS.length) return null;
    const ind = indicators[i];
    const row = `${zones[z].id},${YEARS[y]},${PERIODS[p]},${ind.id},${valueFor(ind, r)},${ind.unit}`;
    if (++z === zones.length) {
      z = 0;
      if (++i === indicators.length) {
        i = 0;
        if (++y === YEARS.length) {
          y = 0;
          p++;
        }
      }
    }
    return row;
  };
  const { size, rows } = await write(path, 'zone,year,period,indicator,value,unit', next, bytes);
  return { path, bytes: size, rows, observations: rows, shape: 'long' };
}

/**
 * 高新区,年份,期间,<indicator>（unit）… — full Chinese zone names, one column per indicator.
 * @param {string} path
 * @param {number} bytes about this size
 * @returns {Promise<GeneratedCsv>}
 */
export async function wideCsv(path, bytes) {
  const { zones, indicators } = catalogue();
  const r = mulberry32(19880520);
  let z = 0;
  let y = 0;
  let p = 0;
  const next = () => {
    if (p >= PERIODS.length) return null;
    const cells = [zones[z].name, YEARS[y], PERIODS[p], ...indicators.map((ind) => valueFor(ind, r))];
    if (++z === zones.length) {
      z = 0;
      if (++y === YEARS.length) {
        y = 0;
        p++;
      }
    }
    return cells.join(',');
  };
  const header = ['高新区', '年份', '期间', ...indicators.map((i) => `${i.zh}（${i.unit}）`)].join(',');
  const { size, rows } = await write(path, header, next, bytes);
  return { path, bytes: size, rows, observations: rows * indicators.length, shape: 'wide' };
}
