// Shared by the `npm run aggregate` tests (issue #20): whether DuckDB can run here, and reading the output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface OutRow { zone: string; year: string; indicator: string; value: string; unit: string; period: string; basis: string; source: string; note: string }

export const readOut = (file: string) => Papa.parse<OutRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** One output value as a number, or undefined when it was not written. */
export const value = (rows: OutRow[], zone: string, year: number, indicator: string) => {
  const r = rows.find((o) => o.zone === zone && o.year === String(year) && o.indicator === indicator);
  return r === undefined ? undefined : Number(r.value);
};

/** Can DuckDB's Node API load here? null when it can, else why not (said once by the caller, and its tests skip). */
export async function duckdbLoads(): Promise<string | null> {
  // HTZ_TEST_NO_DUCKDB=1 plays a machine without it, to see the skip
  if (process.env.HTZ_TEST_NO_DUCKDB) return 'HTZ_TEST_NO_DUCKDB is set';
  try {
    const name = '@duckdb/node-api';
    const duck = await import(/* @vite-ignore */ name);
    const instance = await duck.DuckDBInstance.create(':memory:');
    instance.closeSync();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
}

export const skipMessage = (file: string, why: string) =>
  `${file}: skipping the DuckDB runs: @duckdb/node-api (an optional dependency) cannot load on this machine (${why}). Install it with \`npm install @duckdb/node-api\` to run them.`;

/** A node script of the repo run as the command line runs it: exit status, stdout and stderr. */
export function runScript(script: string, args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', cwd, timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
