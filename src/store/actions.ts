import { buildCatalogue, parseIndicatorsJson } from '../data/catalogue';
import type { Evaluation } from '../data/evaluations';
import { tiersOfDict, TRUSTED_TIERS, type TierRule } from '../data/source-tiers';
import { fetchBytes, fetchJson, fetchText } from '../data/fetch';
import type { ImportOptions } from '../data/import-file';
import { Importer, ImportCancelled, type ImportJob } from '../data/importer';
import { parseManifest, type ManifestDataset } from '../data/manifest';
import type { ImportOutcome } from '../data/worker-protocol';
import { buildZoneRegistry } from '../data/registry';
import { emptyTable, type TidyTable } from '../data/table';
import { addNotice, useStore, type LoadedDataset } from './store';
import type { PersistStatus } from './persist';

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
const userFiles = new Map<string, { bytes: Uint8Array; options: ImportOptions; savedAt: string }>();

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
    const [zonesCsv, indicatorsJson, manifestJson, evaluations, tierRules] = await Promise.all([
      fetchText(`${DATA}zones.csv`),
      fetchJson(`${DATA}indicators.json`),
      fetchJson(`${DATA}manifest.json`),
      loadEvaluations(),
      loadTierRules(),
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

/** Brings back the files a user imported before the reload (docs/hostile-inputs.md P1), through the same pipeline. */
async function restoreUserFiles(): Promise<void> {
  const { files, setAside, status } = await (await persist()).loadFiles();
  for (const f of files) userFiles.set(f.name, { bytes: f.bytes, options: f.options, savedAt: f.savedAt });
  if (status === 'unavailable') addNotice('此浏览器不能保存导入的数据（如隐私窗口），刷新后需重新导入 (imports will not be saved in this browser)');
  if (setAside.length) addNotice(`${setAside.length} 个旧版本保存记录无法读取，已搁置 (old saved records set aside)`, 'error');
  if (!files.length || !importer) return;
  useStore.setState((s) => ({ datasets: { ...s.datasets, [USER_DATASET_ID]: { id: USER_DATASET_ID, kind: 'user', title: USER_TITLE, asOf: '', status: 'loading', table: null, reports: [] } } }));
  const [results, { concatTables }] = await Promise.all([Promise.allSettled(files.map((f) => importer!.run(f.name, f.bytes, f.options).promise)), tables()]);
  const ok = results.flatMap((r) => (r.status === 'fulfilled' && !r.value.result.blocked ? [r.value] : []));
  const failed = results.length - ok.length;
  if (failed) addNotice(`${failed} 个已保存的文件无法重新读取 (saved files could not be re-read)`, 'error');
  setUserDataset(ok.map((o) => o.result), concatTables(ok.map((o) => o.table)), files[files.length - 1].savedAt.slice(0, 10));
}

function setUserDataset(reports: LoadedDataset['reports'], table: TidyTable, asOf: string) {
  const user: LoadedDataset = { id: USER_DATASET_ID, kind: 'user', title: USER_TITLE, asOf, status: 'ready', table, reports };
  useStore.setState((s) => ({ datasets: { ...s.datasets, [USER_DATASET_ID]: user } }));
}

const PERSIST_NOTICES: Record<Exclude<PersistStatus, 'ok'>, string> = {
  unavailable: '此浏览器不能保存导入的数据，刷新后需重新导入；数据仍在本页中 (not saved: storage unavailable; the data stays on this page)',
  quota: '浏览器存储空间不足，文件未保存；数据仍在本页中，请在“数据”视图下载工作区备份 (storage full: not saved; the data stays on this page — download a workspace backup in the Data view)',
  error: '保存文件时出错；数据仍在本页中 (saving failed; the data stays on this page)',
};

/** Bundled datasets whose import has begun, each at most once. */
const started = new Map<string, Promise<[ImportOutcome[], typeof import('../data/table-builder')]>>();
function startDataset(entry: ManifestDataset) {
  let p = started.get(entry.id);
  if (!p) {
    p = Promise.all([Promise.all(entry.files.map(async (f) => importer!.run(f, await fetchBytes(`${DATA}${f}`), {}, undefined, { give: true }).promise)), tables()]);
    started.set(entry.id, p);
  }
  return p;
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
    const [outcomes, { concatTables }] = await startDataset(entry);
    put({ status: 'ready', table: concatTables(outcomes.map((o) => o.table)), reports: outcomes.map((o) => o.result) });
  } catch (e) {
    put({ status: 'error', error: (e as Error).message });
  }
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

/** Adds the previewed file to "my data" (the user dataset), switches to it, and saves it for the next visit. */
export async function confirmPreview(): Promise<void> {
  const { concatTables, withoutFiles } = await tables();
  const { preview, datasets } = useStore.getState();
  if (!preview || preview.status !== 'ready' || !preview.result || preview.result.blocked || !preview.table) return;
  const prev = datasets[USER_DATASET_ID];
  const reports = [...(prev?.reports ?? []).filter((r) => r.file !== preview.name), preview.result];
  // re-importing a file replaces its earlier rows instead of doubling them
  const table = concatTables([...(prev?.table ? [withoutFiles(prev.table, new Set([preview.name]))] : []), preview.table]);
  setUserDataset(reports, table, new Date().toISOString().slice(0, 10));
  // a new dataset: its own default indicator and year, not the previous dataset's
  useStore.setState((s) => ({ preview: null, filters: { ...s.filters, ds: USER_DATASET_ID, ind: null, year: null, years: null } }));
  addNotice(`已导入 ${preview.table.size} 个观测值（${preview.name}） (imported ${preview.table.size} observations from “${preview.name}”)`);
  userFiles.set(preview.name, { bytes: preview.bytes, options: preview.options, savedAt: new Date().toISOString() });
  void persist().then((p) => p.saveFile(preview.name, preview.bytes, preview.options)).then((status) => {
    if (status !== 'ok') addNotice(PERSIST_NOTICES[status], 'error');
    else void persist().then((p) => p.requestPersistence());
  });
}

/** Removes one imported file from "my data" and from storage. */
export async function removeUserFile(name: string): Promise<void> {
  const user = useStore.getState().datasets[USER_DATASET_ID];
  userFiles.delete(name);
  await (await persist()).removeFile(name);
  if (!user?.table) return;
  const { withoutFiles } = await tables();
  setUserDataset(user.reports.filter((r) => r.file !== name), withoutFiles(user.table, new Set([name])), user.asOf);
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

/** Downloads every imported file, with its options and the current view, as one workspace backup (ZIP). */
export async function downloadBackup(): Promise<void> {
  const [{ packBackup }, { downloadBlob }] = await Promise.all([import('./backup'), import('../features/export/download')]);
  const files = [...userFiles.entries()].map(([name, f]) => ({ name, ...f }));
  const zip = packBackup(files, useStore.getState().filters);
  downloadBlob(`高新区看板工作区备份_${new Date().toISOString().slice(0, 10)}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
}

/** Restores a workspace backup: each file through the import pipeline, saved again, then the view it had. */
export async function restoreBackup(bytes: Uint8Array): Promise<void> {
  const [{ unpackBackup }, { concatTables, withoutFiles }] = await Promise.all([import('./backup'), tables()]);
  const backup = unpackBackup(bytes);
  if ('error' in backup) {
    addNotice(backup.error, 'error');
    return;
  }
  if (!importer) return;
  const results = await Promise.allSettled(backup.files.map((f) => importer!.run(f.name, f.bytes, f.options).promise));
  const ok = backup.files.flatMap((f, i) => {
    const r = results[i];
    return r.status === 'fulfilled' && !r.value.result.blocked ? [{ f, o: r.value }] : [];
  });
  for (const { f } of ok) {
    userFiles.set(f.name, { bytes: f.bytes, options: f.options, savedAt: f.savedAt });
    void persist().then((p) => p.saveFile(f.name, f.bytes, f.options));
  }
  const prev = useStore.getState().datasets[USER_DATASET_ID];
  const names = new Set(ok.map(({ f }) => f.name));
  const keptReports = (prev?.reports ?? []).filter((r) => !names.has(r.file));
  const keptTable = prev?.table ? withoutFiles(prev.table, names) : null;
  setUserDataset([...keptReports, ...ok.map(({ o }) => o.result)], concatTables([...(keptTable ? [keptTable] : []), ...ok.map(({ o }) => o.table)]), new Date().toISOString().slice(0, 10));
  useStore.setState((s) => ({ filters: { ...s.filters, ...backup.view, ds: USER_DATASET_ID } }));
  const failed = backup.files.length - ok.length;
  addNotice(`已恢复 ${ok.length} 个文件${failed ? `，${failed} 个无法读取` : ''} (restored ${ok.length} files)`, failed ? 'error' : 'info');
}
