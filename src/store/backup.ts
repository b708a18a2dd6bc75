import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ImportOptions } from '../data/import-file';
import type { UrlState } from './url';

/**
 * A workspace backup: every imported file as it was (raw bytes), the options chosen in its preview, and
 * the view — in one ZIP (fflate) that a user can keep, mail, or restore on another machine. Raw bytes,
 * not parsed rows: a restore goes through the same import pipeline, so it survives changes to the app.
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

/** Reads a backup; anything that is not one (or a later version) is refused with a reason, never half-read. */
export function unpackBackup(bytes: Uint8Array): { files: BackupFile[]; view: Partial<UrlState> } | { error: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return { error: '不是工作区备份文件（无法解压）(not a workspace backup: not a zip)' };
  }
  const raw = entries['workspace.json'];
  if (!raw) return { error: '备份中缺少 workspace.json (workspace.json missing)' };
  let index: Partial<BackupIndex>;
  try {
    index = JSON.parse(strFromU8(raw)) as Partial<BackupIndex>;
  } catch {
    return { error: 'workspace.json 格式错误 (workspace.json is not valid JSON)' };
  }
  if (index.format !== 'htz-workspace' || index.version !== 1 || !Array.isArray(index.files)) {
    return { error: `不支持的备份版本 (unsupported backup version ${String(index.version)})` };
  }
  const files: BackupFile[] = [];
  for (const f of index.files) {
    const data = typeof f?.path === 'string' ? entries[f.path] : undefined;
    if (!data || typeof f.name !== 'string') return { error: `备份中的文件缺失：${String(f?.name)} (a file of the backup is missing)` };
    files.push({ name: f.name, bytes: data, options: (f.options ?? {}) as ImportOptions, savedAt: typeof f.savedAt === 'string' ? f.savedAt : '' });
  }
  return { files, view: index.view && typeof index.view === 'object' ? index.view : {} };
}
