import { buildCatalogue } from '../data/catalogue';
import type { Evaluation } from '../data/evaluations';
import { tiersOfDict, TRUSTED_TIERS, type TierRule } from '../data/source-tiers';
import { fetchBytes, fetchJson, fetchText, servedFromCache } from '../data/fetch';
import type { ImportOptions } from '../data/import-file';
import { Importer, ImportCancelled, type ImportJob } from '../data/importer';
import { parseManifest, type Manifest, type ManifestDataset } from '../data/manifest';
import { buildZoneRegistry } from '../data/registry';
import { emptyTable, type TidyTable } from '../data/table';
import { addNotice, useStore, type LoadedDataset } from './store';
import type { BundledData } from './bundled';
import { combinedId } from './url';
import { isDemoDataset } from '../data/demo-dataset';
import type { UserFile, Workspace } from './persist';

/** IndexedDB persistence: loaded when boot restores the saved files, not with the first view's code. */
const persist = () => import('./persist');

export const USER_DATASET_ID = 'user';
const DATA = './data/';

let importer: Importer | null = null;
/** Joining and filtering tables: not needed to draw, so loaded beside the first dataset, not before it. */
const tables = () => import('../data/table-builder');
let previewJob: ImportJob | null = null;
/**
 * The user's files as imported (raw bytes and options), kept in memory as well as in IndexedDB: where the
 * browser cannot store them (private window, quota), the workspace backup still has them (docs/hostile-inputs.md P2).
 */
const userFiles = new Map<string, UserFile>();
/** What the restores in src/store/persist.ts and backup.ts need of this module. */
const workspace = (): Workspace | null => importer && { importer, userFiles, setUserDataset, userId: USER_DATASET_ID };

let booting: Promise<void> | null = null;

/**
 * Loads the registry, the catalogue and the manifest: everything a view needs before any dataset. Once:
 * later calls share the first. `wantedDs` is the dataset the link asks for, when the caller knows it before
 * the URL has been read into the store (src/app/early-start.ts).
 */
export function boot(wantedDs?: string | null): Promise<void> {
  return (booting ??= bootOnce(wantedDs));
}

async function bootOnce(wantedDs?: string | null): Promise<void> {
  try {
    const [zonesCsv, indicatorsJson, manifestJson, evaluations, tierRules, { parseIndicatorsJson }] = await Promise.all([
      fetchText(`${DATA}zones.csv`),
      fetchJson(`${DATA}indicators.json`),
      fetchJson(`${DATA}manifest.json`),
      loadEvaluations(),
      loadTierRules(),
      // the catalogue's checker (the rules the data build uses too) loads beside the fetch: not first-view code
      import('../data/indicators-json'),
    ]);
    const indicators = parseIndicatorsJson(indicatorsJson);
    const manifest = parseManifest(manifestJson);
    importer = new Importer(zonesCsv, indicators);
    // The dataset the link asks for is fetched and queued for the worker now, while the worker starts:
    // the first chart no longer waits for boot, then the fetch, then the parse, one after the other.
    const wanted = manifest.datasets.find((d) => d.id === (wantedDs ?? useStore.getState().filters.ds ?? manifest.default));
    if (wanted) void startDataset(wanted).catch(() => undefined); // ensureDataset reports the failure
    const zones = await importer.zones();
    useStore.setState({
      zones, zonesCsv, indicators, manifest, evaluations, tierRules,
      registry: buildZoneRegistry(zones),
      catalogue: buildCatalogue(indicators),
      boot: 'ready',
    });
  } catch (e) {
    useStore.setState({ boot: 'error', bootError: (e as Error).message });
    return;
  }
  // the service worker answered from its cache: the network or the server is down (docs/architecture.md §7.8)
  if (servedFromCache.size) addNotice('网络已断开，显示本浏览器上次保存的数据 / Offline: showing the data this browser saved last');
  await restoreUserFiles();
}

/**
 * The evaluations' ranked counts. Without them every view still works and says "名录中 N 家" instead of
 * "共 N 家", so a missing or broken file is a notice, not a failed start.
 */
async function loadEvaluations(): Promise<Evaluation[]> {
  try {
    // the checker loads beside the fetch: it is not first-view code
    const [{ parseEvaluationsJson }, json] = await Promise.all([import('../data/evaluations'), fetchJson(`${DATA}evaluations.json`)]);
    return parseEvaluationsJson(json);
  } catch (e) {
    addNotice(`data/evaluations.json 无法读取，位次按名录家数显示 (${(e as Error).message})`, 'error');
    return [];
  }
}

/** Source tiers: without them every source is "unknown" (said in a notice), and the switch keeps nothing. */
async function loadTierRules(): Promise<TierRule[]> {
  try {
    const [{ parseTierRules }, json] = await Promise.all([import('../data/source-tiers-parse'), fetchJson(`${DATA}source-tiers.json`)]);
    return parseTierRules(json);
  } catch (e) {
    addNotice(`data/source-tiers.json 无法读取，来源可信度均显示为“未知” (${(e as Error).message})`, 'error');
    return [];
  }
}

/**
 * Makes the dataset's table limited to official and media sources, once per table (the switch `sources=trusted`).
 * Tiers are computed per distinct source, not per row.
 */
export async function ensureTrusted(id: string): Promise<void> {
  const ds = useStore.getState().datasets[id];
  const table = ds?.table;
  if (!table || ds.trusted?.of === table) return;
  const { filterRows } = await tables();
  const keep = tiersOfDict(table.source.dict, useStore.getState().tierRules).map((tier) => TRUSTED_TIERS.has(tier));
  const codes = table.source.codes;
  const trusted = filterRows(table, (i) => keep[codes ? codes[i] : 0]);
  useStore.setState((s) => (s.datasets[id]?.table === table ? { datasets: { ...s.datasets, [id]: { ...s.datasets[id], trusted: { of: table, table: trusted } } } } : {}));
}

const USER_TITLE = { zh: '我的数据', en: 'My data' };

/** Brings back the files a user imported before the reload (docs/hostile-inputs.md P1), through the same pipeline (src/store/persist.ts). */
async function restoreUserFiles(): Promise<void> {
  const ws = workspace();
  if (ws) await (await persist()).restoreSaved(ws);
}

/**
 * Sets "my data". Its as-of date is the latest year its data describe (数据截至 2021 年), not the day it was
 * imported, which is kept apart (导入于 …). Every published dataset viewed together with it (`reported+user`)
 * is offered again, to be joined afresh when it is looked at; a demo dataset never is, nor are files that
 * are a demo export brought back in.
 */
function setUserDataset(reports: LoadedDataset['reports'], table: TidyTable | null, importedAt: string, status: LoadedDataset['status'] = 'ready') {
  const user: LoadedDataset = { id: USER_DATASET_ID, kind: 'user', title: USER_TITLE, asOf: latestYear(table), importedAt, status, table, reports };
  const { manifest, filters } = useStore.getState();
  const together: Record<string, LoadedDataset> = {};
  if (!isDemoDataset(user)) {
    for (const d of manifest?.datasets ?? []) {
      if (d.kind !== 'reported') continue;
      const id = combinedId(d.id);
      const title = { zh: `${d.title.zh} + ${USER_TITLE.zh}`, en: `${d.title.en} + ${USER_TITLE.en.toLowerCase()}` };
      together[id] = { id, kind: 'user', title, asOf: '', importedAt, status: 'loading', table: null, reports: [], combines: [d.id, USER_DATASET_ID] };
    }
  }
  useStore.setState((s) => {
    const datasets: Record<string, LoadedDataset> = { ...s.datasets, [USER_DATASET_ID]: user, ...together };
    for (const k of Object.keys(datasets)) if (datasets[k].combines && !together[k]) delete datasets[k];
    return { datasets };
  });
  if (filters.ds && together[filters.ds]) void ensureDataset(filters.ds);
}

/** The latest year a table's observations describe, as text ('' for none). */
function latestYear(table: TidyTable | null): string {
  let y = 0;
  for (let i = 0; i < (table?.size ?? 0); i++) if (table!.year[i] > y) y = table!.year[i];
  return y ? String(y) : '';
}

/**
 * A published dataset and the user's files together: their tables concatenated, every row keeping its own
 * source (the user's rows their file's source column, or the file name), so where the two disagree about a
 * zone, year and indicator the cell is a conflict like any other (src/model/cells.ts). Built when first
 * looked at, and again after the user's files change.
 */
async function ensureCombined(id: string, [base]: [string, string]): Promise<void> {
  const entry = useStore.getState().manifest?.datasets.find((d) => d.id === base);
  const mine = useStore.getState().datasets;
  const wanted = mine[id];
  const user = mine[USER_DATASET_ID];
  if (!entry || !importer || wanted?.status !== 'loading' || user?.status !== 'ready') return;
  try {
    void ensureDataset(base);
    const [loaded, { concatTables }] = await Promise.all([startDataset(entry), tables()]);
    const published = useStore.getState().datasets[base]?.table ?? loaded.table;
    const table = concatTables([published, ...(user.table ? [user.table] : [])]);
    const ready: LoadedDataset = { ...wanted, status: 'ready', table, asOf: latestYear(table), reports: user.reports };
    // the user's files changed meanwhile: the newer entry is joined by its own call
    useStore.setState((s) => (s.datasets[id] === wanted ? { datasets: { ...s.datasets, [id]: ready } } : {}));
  } catch (e) {
    useStore.setState((s) => (s.datasets[id] === wanted ? { datasets: { ...s.datasets, [id]: { ...wanted, status: 'error', error: (e as Error).message } } } : {}));
  }
}

/** Loading bundled datasets (columnar table or CSVs, src/store/bundled.ts): not first-view code. */
const bundled = () => import('./bundled');
/** Bundled datasets whose loading has begun, each at most once. */
const started = new Map<string, Promise<BundledData>>();
function startDataset(entry: ManifestDataset): Promise<BundledData> {
  let p = started.get(entry.id);
  if (!p) {
    // the columnar file is requested now, beside the loader's code (its failure is read there)
    const columnar = entry.columnar ? fetchBytes(DATA + entry.columnar) : null;
    columnar?.catch(() => undefined);
    p = bundled().then((m) => m.loadBundled(entry, DATA, importer!, columnar));
    started.set(entry.id, p);
  }
  return p;
}

/** Loads a bundled dataset (src/store/bundled.ts: its columnar table, or its CSVs through the import pipeline), once. */
export async function ensureDataset(id: string): Promise<void> {
  const s = useStore.getState();
  const together = s.datasets[id]?.combines;
  if (together) return ensureCombined(id, together);
  const entry = s.manifest?.datasets.find((d) => d.id === id);
  if (!entry || !importer || s.datasets[id]) return;
  const put = (patch: Partial<LoadedDataset>) =>
    useStore.setState((st) => ({ datasets: { ...st.datasets, [id]: { ...st.datasets[id], ...patch } } }));
  put({ id, kind: entry.kind, title: entry.title, asOf: entry.asOf, status: 'loading', table: null, reports: [] });
  try {
    const { table, reports } = await startDataset(entry);
    put({ status: 'ready', table, reports });
  } catch (e) {
    put({ status: 'error', error: (e as Error).message });
  }
}

/**
 * The wall's live update (docs/architecture.md §5.3): a bundled dataset whose files changed on the server is imported
 * again from the bytes the check fetched (the CSVs: the columnar file is only the first view's shortcut), and
 * swapped in at once when ready — the old table stays on screen until then (no "loading" in between, so no blank
 * tile). `manifest` is the server's new manifest.
 */
export async function refreshDataset(manifest: Manifest, id: string, bytes: Uint8Array[]): Promise<void> {
  const entry = manifest.datasets.find((d) => d.id === id);
  if (!entry || !importer || bytes.length !== entry.files.length) return;
  const p = bundled().then((m) => m.refreshBundled(manifest, entry, importer!, bytes));
  await p;
  started.set(id, p);
}

/**
 * Opens the preview for a user's file: parsed in the worker, nothing joins the workspace yet. `file`, the
 * File the bytes were read from, lets the worker read it itself instead of receiving a copy of the bytes.
 */
export function previewFile(name: string, bytes: Uint8Array, options: ImportOptions = {}, file?: Blob): void {
  if (!importer) return;
  previewJob?.cancel();
  useStore.setState({ preview: { name, bytes, file, options, status: 'running', progress: null, error: '', result: null, table: null } });
  const job = importer.run(name, bytes, options, (done) => {
    if (previewJob === job) useStore.setState((s) => (s.preview?.status === 'running' ? { preview: { ...s.preview, progress: done } } : {}));
  }, { file });
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

/**
 * Adds the previewed file to "my data" (the user dataset), switches to it, and saves it for the next visit;
 * a second, different file of the same name is not replaced unasked (src/store/persist.ts, docs/hostile-inputs.md P9).
 */
export async function confirmPreview(choice?: 'replace' | 'keep'): Promise<void> {
  const ws = workspace();
  if (ws) await (await persist()).confirmPreview(ws, choice);
}

/** Removes one imported file from "my data" and from storage. */
export async function removeUserFile(name: string): Promise<void> {
  const user = useStore.getState().datasets[USER_DATASET_ID];
  userFiles.delete(name);
  await (await persist()).removeFile(name);
  if (!user?.table) return;
  const { withoutFiles } = await tables();
  setUserDataset(user.reports.filter((r) => r.file !== name), withoutFiles(user.table, new Set([name])), user.importedAt ?? '');
}


/** Refuses a file before reading it into memory (docs/hostile-inputs.md L1): a 1 GB file must not be loaded to be refused. */
export function refuseFile(name: string, size: number, reason: string): void {
  useStore.setState({
    preview: {
      name, bytes: new Uint8Array(0), options: {}, status: 'ready', progress: null, error: '', table: null,
      result: {
        file: name, bytes: size, encoding: null, encodingConfidence: null, notices: [], format: 'csv', delimiter: '', guess: null, sample: [], rowCount: 0,
        table: emptyTable(), issues: [{ file: name, row: 0, column: '', raw: '', reason, severity: 'error' }], emptyCells: 0, blocked: true, synthetic: false,
      },
    },
  });
}

/**
 * Every imported file, with its options and the current view, as one workspace backup (ZIP) and its file name.
 * The caller (the Data view) hands it to the download door: the store never reaches up into features.
 */
export async function workspaceBackup(): Promise<{ file: string; blob: Blob }> {
  const { packBackup } = await import('./backup');
  const files = [...userFiles.entries()].map(([name, f]) => ({ name, ...f }));
  const zip = packBackup(files, useStore.getState().filters);
  return { file: `高新区看板工作区备份_${new Date().toISOString().slice(0, 10)}.zip`, blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) };
}

/** Restores a workspace backup (src/store/backup.ts): each file through the import pipeline, saved again, then the view it had. */
export async function restoreBackup(bytes: Uint8Array, fileName = 'backup.zip'): Promise<void> {
  const ws = workspace();
  if (ws) await (await import('./backup')).restoreBackup(bytes, fileName, ws);
}
