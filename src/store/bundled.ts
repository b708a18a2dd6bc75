import { readColumnar, sameSource, type ColumnarSource } from '../data/columnar';
import { fetchBytes } from '../data/fetch';
import type { ImportResult } from '../data/import-file';
import type { Importer } from '../data/importer';
import type { Manifest, ManifestDataset } from '../data/manifest';
import type { TidyTable } from '../data/table';
import { useStore } from './store';

/*
 * Loading a bundled dataset (docs/architecture.md §2.3). Not first-view code (its budget is full): actions.ts
 * loads this module beside the dataset's first fetch.
 */

/** A bundled dataset as the views use it: its files' table, and one import report per file. */
export interface BundledData {
  table: TidyTable;
  reports: ImportResult[];
}

/**
 * First the columnar table `npm run data:build` wrote beside the CSVs (`columnar`: its fetch, already under
 * way): viewed in place — no worker round trip, no parse on the first paint. Where that file cannot be used
 * (missing, another format version, corrupt, or built from other files than the manifest now lists), the CSVs
 * go through the import worker as before, and the console says why: the deployer reruns data:build.
 */
export async function loadBundled(entry: ManifestDataset, dir: string, importer: Importer, columnar: Promise<Uint8Array> | null): Promise<BundledData> {
  if (columnar) {
    try {
      const data = readColumnar((await columnar).buffer as ArrayBuffer, entry.files);
      // its CSVs are checked once it is on screen and the page is idle: a deployer may have replaced one without rebuilding
      void shown(entry.id).then(() => recheckWhenIdle(dir, data.sources, (bytes) => refreshBundled(null, entry, importer, bytes)));
      return data;
    } catch (e) {
      console.warn(`${dir}${entry.columnar} not used, importing the CSV files instead: ${(e as Error).message} (rerun npm run data:build)`);
    }
  }
  return importFiles(importer, entry.files, entry.files.map((f) => fetchBytes(dir + f)));
}

/** Resolves once the dataset is ready in the store (its table handed to the views). */
function shown(id: string): Promise<void> {
  return new Promise((resolve) => {
    const ready = () => useStore.getState().datasets[id]?.status === 'ready';
    if (ready()) return resolve();
    const stop = useStore.subscribe(() => {
      if (!ready()) return;
      stop();
      resolve();
    });
  });
}

/** Files through the import worker, each as its bytes arrive, then their tables laid end to end. */
export async function importFiles(importer: Importer, names: readonly string[], bytes: readonly (Uint8Array | Promise<Uint8Array>)[]): Promise<BundledData> {
  const [outcomes, { concatTables }] = await Promise.all([
    Promise.all(names.map(async (name, i) => importer.run(name, await bytes[i], {}, undefined, { give: true }).promise)),
    import('../data/table-builder'),
  ]);
  return { table: concatTables(outcomes.map((o) => o.table)), reports: outcomes.map((o) => o.result) };
}

/**
 * New files of a bundled dataset imported, then swapped in at once: actions.ts's refreshDataset (the wall's
 * live check, with the server's new `manifest`), or changed CSVs found after the first paint (`manifest` null).
 */
export async function refreshBundled(manifest: Manifest | null, entry: ManifestDataset, importer: Importer, bytes: Uint8Array[]): Promise<BundledData> {
  const data = await importFiles(importer, entry.files, bytes);
  const { id, kind, title, asOf } = entry;
  useStore.setState((s) => ({
    manifest: manifest ?? s.manifest,
    datasets: { ...s.datasets, [id]: { ...s.datasets[id], id, kind, title, asOf, status: 'ready', error: undefined, trusted: undefined, table: data.table, reports: data.reports } },
  }));
  return data;
}

/**
 * The CSVs' bytes when they are no longer those the columnar table was built from, else null. The first paint
 * trusts the build; this check runs after it: a deployer may replace a CSV on the server without rerunning
 * data:build (docs/deployment.md), and the page then imports the new files and swaps them in, rather than
 * showing the old figures for good.
 */
async function staleSources(dir: string, sources: readonly ColumnarSource[]): Promise<Uint8Array[] | null> {
  const bytes = await Promise.all(sources.map((s) => fetchBytes(`${dir}${s.file}`)));
  const changed = sources.filter((s, i) => !sameSource(s, bytes[i]));
  if (!changed.length) return null;
  console.warn(`${changed.map((s) => dir + s.file).join(', ')}: changed since its columnar table was built, imported again (rerun npm run data:build)`);
  return bytes;
}

/** Runs `staleSources` in the first idle moment (after the first paint), and hands changed CSVs to `onStale`. */
function recheckWhenIdle(dir: string, sources: readonly ColumnarSource[], onStale: (bytes: Uint8Array[]) => Promise<unknown>): void {
  const run = () =>
    void staleSources(dir, sources)
      .then((bytes) => bytes && onStale(bytes))
      .catch((e: Error) => console.warn(`${dir}: could not check the CSV files against the columnar table: ${e.message}`));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 0);
}
