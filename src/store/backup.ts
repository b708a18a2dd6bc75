import { strFromU8, strToU8, Unzip, UnzipInflate, zipSync } from 'fflate';
import type { ImportOptions } from '../data/import-file';
import { checkImportOptions } from '../data/import-options';
import { LIMITS, STORAGE_LIMITS, formatMB } from '../data/limits';
import { contentHash, saveAndReport, type Workspace } from './persist';
import { addNotice, useStore } from './store';
import type { UrlState } from './url';
import { checkView, isObject, own } from './backup-view';

/**
 * A workspace backup: every imported file as it was (raw bytes), the options chosen in its preview, and
 * the view — in one ZIP (fflate) that a user can keep, mail, or restore on another machine. Raw bytes,
 * not parsed rows: a restore goes through the same import pipeline, so it survives changes to the app.
 *
 * A backup is a file anyone can edit (docs/hostile-inputs.md B1–B6). Reading one therefore:
 * streams the archive (fflate's `Unzip`), inflating only `workspace.json` and the entries it lists, and
 * counts the bytes as they are inflated — the sizes an archive declares are not believed — stopping past the
 * limits (`LIMITS.fileBytes` per file, `STORAGE_LIMITS` for the whole: what a restore brings in is stored);
 * yields to the page between slices, so the tab stays responsive; refuses an entry listed twice, a path that
 * is not `files/N`, more files than may be stored; rebuilds the view through the link parser and the options
 * through `checkImportOptions`, dropping (and naming) what is not understood. A refusal changes nothing.
 */
export interface BackupFile {
  name: string;
  bytes: Uint8Array;
  options: ImportOptions;
  savedAt: string;
}

interface BackupIndex {
  format: 'htz-workspace';
  version: 1;
  createdAt: string;
  view: Partial<UrlState>;
  files: { name: string; path: string; options: ImportOptions; savedAt: string }[];
}

export function packBackup(files: readonly BackupFile[], view: Partial<UrlState>, now = new Date()): Uint8Array {
  const index: BackupIndex = {
    format: 'htz-workspace', version: 1, createdAt: now.toISOString(), view,
    files: files.map((f, i) => ({ name: f.name, path: `files/${i + 1}`, options: f.options, savedAt: f.savedAt })),
  };
  // workspace.json first: its name in the first local header tells a backup from any other zip at a glance
  const entries: Record<string, Uint8Array> = { 'workspace.json': strToU8(JSON.stringify(index, null, 2)) };
  files.forEach((f, i) => (entries[`files/${i + 1}`] = f.bytes));
  return zipSync(entries, { level: 6 });
}

/** Limits of a restore; tests pass small ones instead of hundreds of megabytes. */
export interface BackupLimits {
  /** files a backup may list */
  files: number;
  /** inflated bytes of one file */
  fileBytes: number;
  /** inflated bytes of all files */
  totalBytes: number;
  /** inflated bytes of workspace.json */
  indexBytes: number;
}

export const BACKUP_LIMITS: Readonly<BackupLimits> = Object.freeze({
  files: STORAGE_LIMITS.files,
  fileBytes: LIMITS.fileBytes,
  totalBytes: STORAGE_LIMITS.bytes,
  indexBytes: 16 * 1024 * 1024,
});

/** A reason in both languages; the notice says it as `中文 (English)` (src/i18n/bilingual.ts). */
export interface Reason {
  zh: string;
  en: string;
}

export interface UnpackedBackup {
  files: BackupFile[];
  /** the view's fields the backup had, each checked by the link parser */
  view: Partial<UrlState>;
  /** what was dropped from the view and the options (bilingual, one per line of the notice) */
  notices: string[];
}

class Refused extends Error {
  constructor(readonly reason: Reason) {
    super(reason.en);
  }
}
const refuse = (zh: string, en: string): never => {
  throw new Refused({ zh, en });
};

/** Reads a backup; anything that is not one, or breaks a limit, is refused with a reason, never half-read. */
export async function unpackBackup(bytes: Uint8Array, limits: BackupLimits = BACKUP_LIMITS): Promise<UnpackedBackup | { error: Reason }> {
  try {
    return await unpack(bytes, limits);
  } catch (e) {
    if (e instanceof Refused) return { error: e.reason };
    return { error: { zh: `无法读取（${(e as Error).message}）`, en: `unreadable: ${(e as Error).message}` } };
  }
}

const PATH = /^files\/[1-9]\d{0,5}$/;

async function unpack(bytes: Uint8Array, limits: BackupLimits): Promise<UnpackedBackup> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse('不是 ZIP 文件', 'not a zip file');
  // pass 1: workspace.json alone (the first entry of every backup this app writes); nothing else inflated
  const first = await extract(bytes, (n) => n === 'workspace.json', { ...limits, fileBytes: limits.indexBytes, totalBytes: limits.indexBytes }, true);
  const raw = first.get('workspace.json');
  if (!raw) refuse('缺少 workspace.json', 'workspace.json missing');
  let index: unknown;
  try {
    index = JSON.parse(strFromU8(raw!));
  } catch {
    refuse('workspace.json 格式错误', 'workspace.json is not valid JSON');
  }
  if (!isObject(index) || own(index, 'format') !== 'htz-workspace' || own(index, 'version') !== 1 || !Array.isArray(own(index, 'files'))) {
    const v = isObject(index) ? own(index, 'version') : undefined;
    refuse(`不支持的备份版本 ${String(v).slice(0, 20)}`, `unsupported backup version ${String(v).slice(0, 20)}`);
  }
  const idx = index as Record<string, unknown>;
  const list = idx.files as unknown[];
  if (list.length > limits.files) refuse(`列出 ${list.length} 个文件，超过上限 ${limits.files} 个`, `it lists ${list.length} files, more than the limit of ${limits.files}`);
  const notices: string[] = [];
  const refs: { name: string; path: string; options: ImportOptions; savedAt: string }[] = [];
  const paths = new Set<string>();
  const names = new Set<string>();
  for (const [i, f] of list.entries()) {
    if (!isObject(f)) refuse(`第 ${i + 1} 个文件的记录无效`, `file record ${i + 1} is not an object`);
    const rec = f as Record<string, unknown>;
    const name = own(rec, 'name');
    const path = own(rec, 'path');
    if (typeof name !== 'string' || !name.trim() || name.length > 255) refuse(`第 ${i + 1} 个文件没有有效的名称`, `file ${i + 1} has no valid name`);
    const n = name as string;
    if (typeof path !== 'string' || !PATH.test(path)) refuse(`文件“${n}”的路径 ${JSON.stringify(path)?.slice(0, 40)} 无效（应为 files/N）`, `the path ${JSON.stringify(path)?.slice(0, 40)} of “${n}” is not files/N`);
    const p = path as string;
    if (paths.has(p)) refuse(`${p} 被列出不止一次`, `${p} is listed more than once`);
    if (names.has(n)) refuse(`文件名“${n}”重复`, `the name “${n}” is listed more than once`);
    paths.add(p);
    names.add(n);
    const { options, dropped } = checkImportOptions(own(rec, 'options'));
    if (dropped.length) notices.push(`“${n}”的导入选项无效，已忽略并重新识别 (invalid import options of “${n}” ignored): ${dropped.join(', ')}`);
    const savedAt = own(rec, 'savedAt');
    refs.push({ name: n, path: p, options, savedAt: typeof savedAt === 'string' && !Number.isNaN(Date.parse(savedAt)) ? savedAt : '' });
  }
  // pass 2: only the listed entries, each counted as it is inflated
  const got = await extract(bytes, (n) => paths.has(n), limits, false, (n) => refs.find((r) => r.path === n)?.name ?? n);
  const files: BackupFile[] = refs.map((r) => {
    const data = got.get(r.path);
    if (!data) refuse(`缺少文件“${r.name}”（${r.path}）`, `the file “${r.name}” (${r.path}) is missing`);
    return { name: r.name, bytes: data!, options: r.options, savedAt: r.savedAt };
  });
  const view = checkView(own(idx, 'view'), notices);
  return { files, view, notices };
}

/** Inflates the wanted entries, counting bytes as they come; `once`: stop as soon as one wanted entry is complete. */
async function extract(zip: Uint8Array, want: (name: string) => boolean, limits: BackupLimits, once: boolean, label: (name: string) => string = (n) => n): Promise<Map<string, Uint8Array>> {
  const got = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  let total = 0;
  let failure: Refused | null = null;
  let done = false;
  const uz = new Unzip((file) => {
    if (failure || done) return;
    const name = file.name;
    if (!want(name)) return; // never started: passed over without being inflated
    if (seen.has(name)) {
      failure = new Refused({ zh: `压缩包中有两个“${name}”`, en: `the archive holds “${name}” twice` });
      return;
    }
    seen.add(name);
    // the declared size is only a hint: a smaller one is no promise, but a larger one is refused at once
    if (file.originalSize !== undefined && file.originalSize > limits.fileBytes) {
      failure = tooBig(label(name), file.originalSize, limits.fileBytes);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new Refused({ zh: `“${label(name)}”无法解压（${err.message}）`, en: `“${label(name)}” cannot be unpacked: ${err.message}` });
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limits.fileBytes) failure = tooBig(label(name), size, limits.fileBytes, true);
      else if (total > limits.totalBytes) failure = new Refused({ zh: `解压后超过 ${formatMB(limits.totalBytes)} 的上限`, en: `it unpacks to more than the limit of ${formatMB(limits.totalBytes)}` });
      if (failure) {
        chunks.length = 0;
        return;
      }
      // a stored (uncompressed) entry's chunks are views of the archive: copied, so the archive can go
      chunks.push(data.buffer === zip.buffer ? data.slice() : data);
      if (final) {
        got.set(name, concat(chunks, size));
        chunks.length = 0;
        if (once) done = true;
      }
    };
    file.start();
  });
  uz.register(UnzipInflate);
  // Slices sized so that each inflates to about 8 MB (deflate inflates up to ~1,000 times): a bomb is caught
  // within a few MB of the limit, and the page gets the main thread back every few tens of milliseconds.
  const OUT = 8 * 1024 * 1024;
  let slice = 4 * 1024;
  let t = performance.now();
  for (let off = 0; off < zip.length && !failure && !done; ) {
    const before = total;
    const end = Math.min(zip.length, off + slice);
    try {
      uz.push(zip.subarray(off, end), end === zip.length);
    } catch (e) {
      failure ??= new Refused({ zh: `压缩包已损坏（${(e as Error).message}）`, en: `the archive is damaged: ${(e as Error).message}` });
    }
    const ratio = Math.max(1, (total - before) / (end - off));
    off = end;
    slice = Math.max(1024, Math.min(256 * 1024, Math.floor(OUT / ratio)));
    if (performance.now() - t > 12) {
      await new Promise((r) => setTimeout(r, 0));
      t = performance.now();
    }
  }
  if (failure) throw failure as Refused;
  return got;
}

function tooBig(name: string, size: number, limit: number, atLeast = false): Refused {
  return atLeast
    ? new Refused({ zh: `“${name}”解压后超过每个文件 ${formatMB(limit)} 的上限`, en: `“${name}” unpacks to more than the limit of ${formatMB(limit)} per file` })
    : new Refused({ zh: `“${name}”解压后 ${formatMB(size)}，超过每个文件 ${formatMB(limit)} 的上限`, en: `“${name}” unpacks to ${formatMB(size)}, over the limit of ${formatMB(limit)} per file` });
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * Restores a workspace backup (docs/hostile-inputs.md B1–B6, P10): unpacked within the limits, then each file
 * through the import pipeline, one at a time (the worker holds one file's copy, never all of them); the files
 * that import join "my data" (a file of the same name is replaced: it is a restore), the view is the backup's,
 * and they are saved one after another, every failure said. A refused backup — or one of which no file
 * imports — changes nothing: the notice names the backup and the reason, and nothing is stored.
 */
export async function restoreBackup(bytes: Uint8Array, fileName: string, ws: Workspace): Promise<void> {
  const said = (zh: string, en: string) => `工作区备份“${fileName}”${zh} (workspace backup “${fileName}” ${en})`;
  const backup = await unpackBackup(bytes);
  if ('error' in backup) {
    addNotice(said(`未恢复：${backup.error.zh}。已载入的数据未改变，未保存任何内容`, `not restored: ${backup.error.en}. Nothing was changed or stored`), 'error');
    return;
  }
  const { concatTables, withoutFiles } = await import('../data/table-builder');
  const ok: { f: BackupFile; o: Awaited<ReturnType<Workspace['importer']['run']>['promise']> }[] = [];
  const failed: string[] = [];
  for (const f of backup.files) {
    try {
      const o = await ws.importer.run(f.name, f.bytes, f.options).promise;
      if (o.result.blocked) failed.push(f.name);
      else ok.push({ f, o });
    } catch {
      failed.push(f.name);
    }
  }
  const failedList = failed.slice(0, 5).map((n) => `“${n}”`).join(', ') + (failed.length > 5 ? ' …' : '');
  if (!ok.length && backup.files.length) {
    addNotice(said(`未恢复：其中的文件都无法导入（${failedList}）。已载入的数据未改变，未保存任何内容`, `not restored: none of its files imports: ${failedList}. Nothing was changed or stored`), 'error');
    return;
  }
  for (const n of backup.notices) addNotice(n, 'error');
  const prev = useStore.getState().datasets[ws.userId];
  const names = new Set(ok.map(({ f }) => f.name));
  const keptReports = (prev?.reports ?? []).filter((r) => !names.has(r.file));
  const keptTable = prev?.table ? withoutFiles(prev.table, names) : null;
  ws.setUserDataset([...keptReports, ...ok.map(({ o }) => o.result)], concatTables([...(keptTable ? [keptTable] : []), ...ok.map(({ o }) => o.table)]), new Date().toISOString().slice(0, 10));
  useStore.setState((s) => ({ filters: { ...s.filters, ...backup.view, ds: ws.userId } }));
  addNotice(
    failed.length
      ? `已恢复 ${ok.length} 个文件，${failed.length} 个无法导入：${failedList} (restored ${ok.length} files; ${failed.length} could not be imported: ${failedList})`
      : `已恢复 ${ok.length} 个文件 (restored ${ok.length} files)`,
    failed.length ? 'error' : 'info',
  );
  const saved: { name: string; bytes: Uint8Array; options: ImportOptions; hash: string }[] = [];
  for (const { f } of ok) {
    const hash = await contentHash(f.bytes);
    ws.userFiles.set(f.name, { bytes: f.bytes, options: f.options, savedAt: f.savedAt || new Date().toISOString(), hash });
    saved.push({ name: f.name, bytes: f.bytes, options: f.options, hash });
  }
  await saveAndReport(saved);
}
