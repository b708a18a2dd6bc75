// The inputs of `npm run aggregate` (docs/scaling.md §2): each file or folder → a DuckDB relation, with
// GB18030 CSV and .xlsx (one visible sheet, read by SheetJS in xlsx.mjs) converted to UTF-8 CSV first.
import { createReadStream, createWriteStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { basename, extname, join } from 'node:path';
import { sqlString } from './sql.mjs';
import { xlsxToCsv } from './xlsx.mjs';

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

/**
 * One input → a DuckDB relation (SQL text). CSV: UTF-8 read as it is, GB18030 converted to a temp file; all
 * columns read as text (codes keep their leading zeros; numbers are cleaned in the view). Parquet: a file, a
 * glob or a folder (partitioned `year=…/` folders too).
 * @param {string} input @param {string} tmp @param {{ encoding?: string, sheet?: string, log?: (s: string) => void }} opts
 * @returns {Promise<{ sql: string, kind: string, encoding?: string, sheet?: string }>}
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
  /** @type {string | undefined} */
  let sheet;
  if (ext === '.xlsx' || ext === '.xlsm') {
    file = join(tmp, `${basename(input)}.${Math.random().toString(36).slice(2)}.csv`);
    const x = xlsxToCsv(input, file, opts.sheet);
    sheet = x.sheet;
    log(`  ${basename(input)}: Excel sheet "${x.sheet}" → CSV, ${x.rows.toLocaleString('en')} rows${x.hidden.length ? ` (hidden sheets not read: ${x.hidden.join(', ')})` : ''}`);
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
  return { kind: 'csv', encoding, ...(sheet === undefined ? {} : { sheet }), sql: `SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8')` };
}

/** @param {string} dir */
function hasParquet(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() ? hasParquet(join(dir, e.name)) : e.name.toLowerCase().endsWith('.parquet')) return true;
  }
  return false;
}
