import { buildCatalogue, parseIndicatorsJson } from '../data/catalogue';
import { fetchBytes, fetchJson, fetchText } from '../data/fetch';
import type { ImportOptions } from '../data/import-file';
import { Importer, ImportCancelled, type ImportJob } from '../data/importer';
import { parseManifest } from '../data/manifest';
import { buildZoneRegistry, parseZonesCsv } from '../data/registry';
import { concatTables, tableRows, toTable, type TidyTable } from '../data/table';
import { addNotice, useStore, type LoadedDataset } from './store';

export const USER_DATASET_ID = 'user';
const DATA = './data/';

let importer: Importer | null = null;
let previewJob: ImportJob | null = null;

/** Loads the registry, the catalogue and the manifest: everything a view needs before any dataset. */
export async function boot(): Promise<void> {
  try {
    const [zonesCsv, indicatorsJson, manifestJson] = await Promise.all([
      fetchText(`${DATA}zones.csv`),
      fetchJson(`${DATA}indicators.json`),
      fetchJson(`${DATA}manifest.json`),
    ]);
    const zones = parseZonesCsv(zonesCsv);
    const indicators = parseIndicatorsJson(indicatorsJson);
    const manifest = parseManifest(manifestJson);
    importer = new Importer(zonesCsv, indicators);
    useStore.setState({
      zones, zonesCsv, indicators, manifest,
      registry: buildZoneRegistry(zones),
      catalogue: buildCatalogue(indicators),
      boot: 'ready',
    });
  } catch (e) {
    useStore.setState({ boot: 'error', bootError: (e as Error).message });
  }
}

/** Loads a bundled dataset through the same pipeline as a user's file (once; later calls reuse it). */
export async function ensureDataset(id: string): Promise<void> {
  const s = useStore.getState();
  const entry = s.manifest?.datasets.find((d) => d.id === id);
  if (!entry || !importer || s.datasets[id]) return;
  const put = (patch: Partial<LoadedDataset>) =>
    useStore.setState((st) => ({ datasets: { ...st.datasets, [id]: { ...st.datasets[id], ...patch } } }));
  put({ id, kind: entry.kind, title: entry.title, asOf: entry.asOf, status: 'loading', table: null, reports: [] });
  try {
    const outcomes = await Promise.all(
      entry.files.map(async (f) => importer!.run(f, await fetchBytes(`${DATA}${f}`)).promise),
    );
    put({ status: 'ready', table: concatTables(outcomes.map((o) => o.table)), reports: outcomes.map((o) => o.result) });
  } catch (e) {
    put({ status: 'error', error: (e as Error).message });
  }
}

/** Opens the preview for a user's file: parsed in the worker, nothing joins the workspace yet. */
export function previewFile(name: string, bytes: Uint8Array, options: ImportOptions = {}): void {
  if (!importer) return;
  previewJob?.cancel();
  useStore.setState({ preview: { name, bytes, options, status: 'running', error: '', result: null, table: null } });
  const job = importer.run(name, bytes, options);
  previewJob = job;
  job.promise.then(
    ({ result, table }) => {
      if (previewJob !== job) return;
      useStore.setState((s) => (s.preview ? { preview: { ...s.preview, status: 'ready', result, table } } : {}));
    },
    (e: Error) => {
      if (previewJob !== job || e instanceof ImportCancelled) return;
      useStore.setState((s) => (s.preview ? { preview: { ...s.preview, status: 'error', error: e.message } } : {}));
    },
  );
}

export function cancelPreview(): void {
  previewJob?.cancel();
  previewJob = null;
  useStore.setState({ preview: null });
}

/** Adds the previewed file to "my data" (the user dataset) and switches to it. */
export function confirmPreview(): void {
  const { preview, datasets } = useStore.getState();
  if (!preview || preview.status !== 'ready' || !preview.result || preview.result.blocked || !preview.table) return;
  const prev = datasets[USER_DATASET_ID];
  const reports = [...(prev?.reports ?? []).filter((r) => r.file !== preview.name), preview.result];
  const table = concatTables([...(prev?.table ? [withoutFile(prev.table, preview.name)] : []), preview.table]);
  const user: LoadedDataset = {
    id: USER_DATASET_ID, kind: 'user', title: { zh: '我的数据', en: 'My data' }, asOf: new Date().toISOString().slice(0, 10),
    status: 'ready', table, reports,
  };
  useStore.setState((s) => ({ datasets: { ...s.datasets, [USER_DATASET_ID]: user }, preview: null, filters: { ...s.filters, ds: USER_DATASET_ID } }));
  addNotice(`已导入 ${preview.table.size} 个观测值（${preview.name}）`);
}

/** Re-importing a file replaces its earlier rows instead of doubling them. */
function withoutFile(t: TidyTable, file: string): TidyTable {
  return toTable(tableRows(t).filter((o) => o.origin.file !== file));
}
