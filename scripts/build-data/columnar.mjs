/**
 * data/reported.htzcol, data/demo/panel.htzcol: each bundled dataset as the columnar table the import worker
 * would build from its CSVs (format: src/data/columnar.ts), so the first view skips the parse (issue #19 item 2,
 * docs/architecture.md §2.3). The CSVs stay the source of truth; a test holds the two equal.
 *
 * The table is made by the app's own TypeScript pipeline (importFile, then concatTables), not by a copy of it
 * here. Node 20 cannot run TypeScript, so the module is loaded with Vite's `runnerImport` — the API Vite itself
 * uses to load vite.config.ts: Vite is already a dependency, transforms the TS with the same Oxc the site's
 * build uses and resolves imports the same way; no tsx, esbuild or compile step is added.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** @typedef {{ name: string, bytes: Uint8Array }} SourceFile */
/** @typedef {{ file: string, blocked: boolean, issues: { severity: string, reason: string, row: number }[] }} Report */
/**
 * The part of src/data/columnar-encode.ts used here.
 * @typedef {object} Encoder
 * @property {(files: SourceFile[], zonesCsv: string, indicatorsJson: unknown) => Promise<{ table: { size: number }, reports: Report[] }>} importBundled
 * @property {(table: unknown, reports: Report[], sources: SourceFile[]) => Uint8Array} encodeColumnar
 */

/** @returns {Promise<Encoder>} */
export async function loadEncoder() {
  const { module } = await runnerImport(resolve(ROOT, 'src/data/columnar-encode.ts'), { configFile: false, root: ROOT, logLevel: 'warn' });
  return /** @type {Encoder} */ (module);
}

/**
 * Writes the columnar file of the manifest's datasets that name one (of `only` when given: data:demo writes
 * the demo's). A file that the importer refuses fails the build: the site would show an empty dataset. A
 * dataset whose CSVs are not there yet (data/demo/panel.csv before the first data:demo) is left out, said.
 * @param {string} dir the data folder (relative to the current folder)
 * @param {{ datasets: { id: string, files: string[], columnar?: string }[] }} manifest
 * @param {(msg: string) => void} fail
 * @param {string[]} [only] dataset ids
 */
export async function writeColumnar(dir, manifest, fail, only) {
  const encoder = await loadEncoder();
  const zonesCsv = readFileSync(`${dir}/zones.csv`, 'utf8');
  const indicators = JSON.parse(readFileSync(`${dir}/indicators.json`, 'utf8'));
  for (const d of manifest.datasets) {
    if (!d.columnar || (only && !only.includes(d.id))) continue;
    const missing = d.files.filter((f) => !existsSync(`${dir}/${f}`));
    if (missing.length) {
      console.warn(`NOTE: ${d.columnar} not written: ${missing.join(', ')} missing (npm run data:demo writes the demo panel and its table)`);
      continue;
    }
    const sources = d.files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));
    const { table, reports } = await encoder.importBundled(sources, zonesCsv, indicators);
    for (const r of reports) if (r.blocked) fail(`${r.file}: the importer refused it (${r.issues.find((i) => i.severity === 'error')?.reason ?? 'no reason given'})`);
    const bytes = encoder.encodeColumnar(table, reports, sources);
    writeFileSync(`${dir}/${d.columnar}`, bytes);
    const csvBytes = sources.reduce((a, s) => a + s.bytes.length, 0);
    console.log(`${d.columnar}: ${table.size} observations, ${bytes.length} bytes (its CSVs: ${csvBytes} bytes)`);
  }
}
