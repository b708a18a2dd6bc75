#!/usr/bin/env node
// npm run aggregate:bench [-- --rows 1600000 --runs 3]: how fast `npm run aggregate` reads generated
// synthetic firm-rows, as CSV and as Parquet, against DuckDB's own COUNT(*) scan of the same file (the least
// work that reads every row: the baseline). Each run is a fresh process; the figures are medians, with the
// peak resident memory of the aggregating process. The generated files live in a temp dir, removed at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { csvToParquet, firmRows, writeFirmsCsv } from './gen-firms.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const get = (k, d) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const ROWS = Number(get('--rows', '1600000'));
const RUNS = Number(get('--runs', '3'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const api = pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href;

const tmp = mkdtempSync(join(tmpdir(), 'htz-agg-bench-'));
process.on('SIGINT', () => {
  rmSync(tmp, { recursive: true, force: true });
  process.exit(130);
});
try {
  const csv = join(tmp, 'firms.csv');
  const parquet = join(tmp, 'firms.parquet');
  let t = Date.now();
  const n = await writeFirmsCsv(firmRows({ firms: Math.ceil(ROWS / 4), rows: ROWS, years: [2016, 2023] }), csv);
  console.log(`generated ${n.toLocaleString('en')} synthetic firm-rows: CSV ${(statSync(csv).size / 2 ** 20).toFixed(0)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  t = Date.now();
  await csvToParquet(csv, parquet);
  console.log(`  Parquet ${(statSync(parquet).size / 2 ** 20).toFixed(0)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`);

  /** @param {string[]} cmd → seconds and peak RSS (MB) of a fresh process */
  const timed = (cmd) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...cmd], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')}: ${r.stderr}`);
    const [secs, kb] = r.stderr.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
    return { secs, mb: kb / 1024, stdout: r.stdout };
  };
  const rows = [];
  for (const [kind, file, reader] of /** @type {const} */ ([['CSV', csv, 'read_csv'], ['Parquet', parquet, 'read_parquet']])) {
    const agg = [];
    const base = [];
    let summary;
    for (let i = 0; i < RUNS; i++) {
      // interleaved, so a burst of load on a shared machine hits both
      const count = `const { DuckDBInstance } = await import(${JSON.stringify(api)});
        const c = await (await DuckDBInstance.create(':memory:')).connect();
        const r = await c.runAndReadAll(\`SELECT count(*) FROM ${reader}('${file}'${reader === 'read_csv' ? ', header = true, all_varchar = true' : ''})\`);
        console.log(String(r.getRows()[0][0]));`;
      base.push(timed(['--input-type=module', '-e', count]));
      const a = timed([join(HERE, 'aggregate.mjs'), file, '--out', join(tmp, 'out.csv'), '--quiet', '--json']);
      agg.push(a);
      summary = JSON.parse(a.stdout).summary;
    }
    const aSecs = median(agg.map((x) => x.secs));
    const bSecs = median(base.map((x) => x.secs));
    rows.push({
      input: kind, rows: summary.rows_read, 'aggregate s': aSecs, 'rows/s': Math.round(summary.rows_read / aSecs), 'peak MB': Math.round(median(agg.map((x) => x.mb))),
      'COUNT(*) s': bSecs, 'COUNT(*) rows/s': Math.round(summary.rows_read / bSecs), 'COUNT(*) peak MB': Math.round(median(base.map((x) => x.mb))), ratio: +(aSecs / bSecs).toFixed(2),
      values: summary.values_written,
    });
  }
  console.log(`\nmedians of ${RUNS} runs each (wall time of a fresh node process, DuckDB loading included):`);
  console.table(rows);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
