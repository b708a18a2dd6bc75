import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { ImportOptions } from '../data/import-file';
import { checkImportOptions } from '../data/import-options';
import { STORAGE_LIMITS, formatMB } from '../data/limits';
import type { Importer } from '../data/importer';
import type { ImportResult } from '../data/import-file';
import type { TidyTable } from '../data/table';
import type { ImportOutcome } from '../data/worker-protocol';
import { addNotice, useStore } from './store';

/**
 * User-loaded files survive a reload (docs/architecture.md §7.5; docs/hostile-inputs.md P1): the raw bytes, the options chosen in the preview and
 * a content hash, in IndexedDB (through idb-keyval). The parsed table is not stored: re-importing the bytes
 * through the same pipeline on boot keeps one source of truth and survives changes of the table format.
 * Records are keyed by file name, which is unique (a second, different `data.csv` is kept as `data (2).csv`
 * or replaces the first, as the user chooses: P9); the hash tells the same bytes from different ones.
 * What is stored stays within `STORAGE_LIMITS` (50 files, 200 MB: P11).
 */
export interface SavedFile {
  version: 1;
  name: string;
  bytes: Uint8Array;
  options: ImportOptions;
  hash: string;
  savedAt: string;
}

/** `budget`: the save would take the stored files past STORAGE_LIMITS */
export type PersistStatus = 'ok' | 'unavailable' | 'quota' | 'budget' | 'error';

let db: UseStore | null = null;
function store(): UseStore | null {
  if (typeof indexedDB === 'undefined') return null;
  db ??= createStore('htz-dashboard', 'user-files');
  return db;
}

/** The size of every stored record, by key: read once (by loadFiles at boot), then kept up to date by each save and removal. */
let sizes: Map<string, number> | null = null;
const recordBytes = (v: unknown) => (typeof v === 'object' && v !== null && (v as SavedFile).bytes instanceof Uint8Array ? (v as SavedFile).bytes.length : 0);
async function usage(s: UseStore): Promise<Map<string, number>> {
  sizes ??= new Map((await entries<IDBValidKey, unknown>(s)).map(([k, v]) => [String(k), recordBytes(v)]));
  return sizes;
}

/** SHA-256 where the browser offers it (not on plain-http intranets: docs/hostile-inputs.md P7), FNV-1a otherwise. */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `fnv1a:${(h >>> 0).toString(16)}:${bytes.length}`;
}

export async function saveFile(name: string, bytes: Uint8Array, options: ImportOptions, hash?: string, limits: { files: number; bytes: number } = STORAGE_LIMITS): Promise<PersistStatus> {
  const s = store();
  if (!s) return 'unavailable';
  try {
    const used = await usage(s);
    let total = bytes.length;
    for (const [k, n] of used) if (k !== name) total += n;
    if (used.size + (used.has(name) ? 0 : 1) > limits.files || total > limits.bytes) return 'budget';
    const record: SavedFile = { version: 1, name, bytes, options, hash: hash ?? (await contentHash(bytes)), savedAt: new Date().toISOString() };
    await set(name, record, s);
    used.set(name, bytes.length);
    return 'ok';
  } catch (e) {
    return (e as DOMException)?.name === 'QuotaExceededError' ? 'quota' : 'error';
  }
}

export async function removeFile(name: string): Promise<void> {
  const s = store();
  if (s) await del(name, s).then(() => sizes?.delete(name), () => undefined);
}

/** Why a stored record cannot be used, or null (docs/hostile-inputs.md P4, P8). */
function recordProblem(key: IDBValidKey, v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'not a record';
  const r = v as Partial<Record<keyof SavedFile, unknown>>;
  if (!Object.hasOwn(r, 'version') || r.version !== 1) return `version ${String(r.version).slice(0, 12)}`;
  if (typeof r.name !== 'string' || r.name !== key) return 'name';
  if (!(r.bytes instanceof Uint8Array)) return 'bytes';
  if (typeof r.savedAt !== 'string' || Number.isNaN(Date.parse(r.savedAt))) return 'savedAt';
  return null;
}

/**
 * Every saved file that is readable. A record of an unknown version or shape, or with one bad field (docs/hostile-inputs.md P4, P8), is set
 * aside — left in storage, named in `setAside` — never thrown on: the app must not crash-loop on its own old
 * data, and one bad record never hides the others. Options that are not understood are dropped (`notices`).
 */
export async function loadFiles(): Promise<{ files: SavedFile[]; setAside: string[]; notices: string[]; status: PersistStatus }> {
  const s = store();
  if (!s) return { files: [], setAside: [], notices: [], status: 'unavailable' };
  let all: [IDBValidKey, unknown][];
  try {
    all = await entries<IDBValidKey, unknown>(s);
  } catch {
    return { files: [], setAside: [], notices: [], status: 'unavailable' };
  }
  sizes = new Map(all.map(([k, v]) => [String(k), recordBytes(v)]));
  const files: SavedFile[] = [];
  const setAside: string[] = [];
  const notices: string[] = [];
  for (const [key, value] of all) {
    const problem = recordProblem(key, value);
    if (problem) {
      setAside.push(`${String(key).slice(0, 80)} (${problem})`);
      continue;
    }
    const v = value as SavedFile;
    const { options, dropped } = checkImportOptions(v.options);
    if (dropped.length) notices.push(`“${v.name}”保存的导入选项无效，已忽略 (invalid saved import options of “${v.name}” ignored): ${dropped.join(', ')}`);
    files.push({ version: 1, name: v.name, bytes: v.bytes, options, hash: typeof v.hash === 'string' ? v.hash : '', savedAt: v.savedAt });
  }
  files.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  return { files, setAside, notices, status: 'ok' };
}

/** Asks the browser not to evict our data under storage pressure; a refusal changes nothing. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

const REASONS: Record<Exclude<PersistStatus, 'ok'>, [string, string]> = {
  unavailable: ['此浏览器不能保存导入的数据（如隐私窗口）', 'this browser cannot store data, a private window perhaps'],
  quota: ['浏览器存储空间不足', 'the browser’s storage is full'],
  budget: [`保存的文件将超过上限（${STORAGE_LIMITS.files} 个文件、共 ${formatMB(STORAGE_LIMITS.bytes)}），可在“数据”视图移除不需要的文件`, `the saved files would exceed the limit of ${STORAGE_LIMITS.files} files and ${formatMB(STORAGE_LIMITS.bytes)}; remove files you no longer need in the Data view`],
  error: ['保存时出错', 'saving failed'],
};

/** The notice for files that could not be saved: which, why, and the backup offer (docs/hostile-inputs.md P2, P10, P11). */
export function persistNotice(status: Exclude<PersistStatus, 'ok'>, names: readonly string[]): string {
  const list = (sep: string) => names.slice(0, 5).map((n) => `“${n}”`).join(sep) + (names.length > 5 ? ` … ${names.length}` : '');
  const [zh, en] = REASONS[status];
  return (
    `${list('、')} 未保存，刷新后将不再显示：${zh}。数据仍在本页中，请在“数据”视图中点击“下载工作区备份”保存` +
    ` (Not saved, so gone after a reload: ${list(', ')}. Reason: ${en}. The data stays on this page: download a workspace backup in the Data view to keep it)`
  );
}

/** Saves the files one after another; every failure reaches the user, grouped by its reason, with the backup offer. */
export async function saveAndReport(files: readonly { name: string; bytes: Uint8Array; options: ImportOptions; hash?: string }[]): Promise<void> {
  const failed = new Map<Exclude<PersistStatus, 'ok'>, string[]>();
  let saved = 0;
  for (const f of files) {
    const status = await saveFile(f.name, f.bytes, f.options, f.hash);
    if (status === 'ok') saved++;
    else failed.set(status, [...(failed.get(status) ?? []), f.name]);
  }
  for (const [status, names] of failed) addNotice(persistNotice(status, names), 'error');
  if (saved) void requestPersistence();
}

/** A user's file as it is kept in memory beside IndexedDB (src/store/actions.ts). */
export interface UserFile {
  bytes: Uint8Array;
  options: ImportOptions;
  savedAt: string;
  hash: string;
}

/** What a restore (from storage or a backup) needs of the workspace in src/store/actions.ts. */
export interface Workspace {
  importer: Importer;
  /** the id of "my data" */
  userId: string;
  userFiles: Map<string, UserFile>;
  /** the user dataset's reports and table, replacing what it had */
  setUserDataset(reports: ImportResult[], table: TidyTable | null, asOf: string, status?: 'ready' | 'loading'): void;
}

/** `data.csv` → `data (2).csv`: a name no file of the workspace has (keep both, docs/hostile-inputs.md P9). */
export function freeName(name: string, taken: (n: string) => boolean): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let k = 2; ; k++) if (!taken(`${base} (${k})${ext}`)) return `${base} (${k})${ext}`;
}

const tables = () => import('../data/table-builder');

/** Brings back the files a user imported before the reload (docs/hostile-inputs.md P1, P8), one after another, through the same pipeline. */
export async function restoreSaved(ws: Workspace): Promise<void> {
  const { files, setAside, notices, status } = await loadFiles();
  for (const f of files) ws.userFiles.set(f.name, f);
  if (status === 'unavailable') addNotice('此浏览器不能保存导入的数据（如隐私窗口），刷新后需重新导入 (imports will not be saved in this browser)');
  // docs/hostile-inputs.md P8: named, and the other records load
  if (setAside.length) addNotice(`${setAside.length} 个保存记录无法读取，已搁置：${setAside.join('、')} (saved records set aside): ${setAside.join(', ')}`, 'error');
  for (const n of notices) addNotice(n, 'error');
  if (!files.length) return;
  ws.setUserDataset([], null, '', 'loading');
  // one file after another: the worker holds one copy of one file at a time
  const ok: ImportOutcome[] = [];
  for (const f of files) {
    const o = await ws.importer.run(f.name, f.bytes, f.options).promise.catch(() => null);
    if (o && !o.result.blocked) ok.push(o);
  }
  const { concatTables } = await tables();
  const failed = files.length - ok.length;
  if (failed) addNotice(`${failed} 个已保存的文件无法重新读取 (saved files could not be re-read)`, 'error');
  ws.setUserDataset(ok.map((o) => o.result), concatTables(ok.map((o) => o.table)), files[files.length - 1].savedAt.slice(0, 10));
}

/**
 * Adds the previewed file to "my data" (the user dataset), switches to it, and saves it for the next visit.
 * A file of the same name but other bytes is not replaced unasked (docs/hostile-inputs.md P9): the dialog
 * asks, and `choice` is the answer — `replace`, or `keep` both (the new one as `data (2).csv`). The same
 * bytes again re-import in place, and are stored again only if their options changed.
 */
export async function confirmPreview(ws: Workspace, choice?: 'replace' | 'keep'): Promise<void> {
  const { concatTables, withoutFiles, renameFile } = await tables();
  const first = useStore.getState().preview;
  if (!first?.table || first.status !== 'ready') return;
  const hash = await contentHash(first.bytes);
  const { preview, datasets } = useStore.getState();
  if (preview !== first || !preview.result || preview.result.blocked || !preview.table) return;
  const prior = ws.userFiles.get(preview.name);
  if (prior && prior.hash !== hash && !choice) {
    useStore.setState({ preview: { ...preview, conflict: true } });
    return;
  }
  const name = prior && prior.hash !== hash && choice === 'keep' ? freeName(preview.name, (n) => ws.userFiles.has(n)) : preview.name;
  const rows = name === preview.name ? preview.table : renameFile(preview.table, preview.name, name);
  const result = name === preview.name ? preview.result : { ...preview.result, file: name, table: rows, issues: preview.result.issues.map((i) => ({ ...i, file: name })) };
  const prev = datasets[ws.userId];
  const reports = [...(prev?.reports ?? []).filter((r) => r.file !== name), result];
  // re-importing a file replaces its earlier rows instead of doubling them
  const table = concatTables([...(prev?.table ? [withoutFiles(prev.table, new Set([name]))] : []), rows]);
  ws.setUserDataset(reports, table, new Date().toISOString().slice(0, 10));
  // a new dataset: its own default indicator and year, not the previous dataset's
  useStore.setState((s) => ({ preview: null, filters: { ...s.filters, ds: ws.userId, ind: null, year: null, years: null } }));
  addNotice(`已导入 ${rows.size} 个观测值（${name}） (imported ${rows.size} observations from “${name}”)`);
  const same = prior?.hash === hash && JSON.stringify(prior.options) === JSON.stringify(preview.options);
  ws.userFiles.set(name, { bytes: preview.bytes, options: preview.options, savedAt: new Date().toISOString(), hash });
  if (!same) void saveAndReport([{ name, bytes: preview.bytes, options: preview.options, hash }]);
}
