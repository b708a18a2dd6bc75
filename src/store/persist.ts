import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { ImportOptions } from '../data/import-file';

/**
 * User-loaded files survive a reload (docs/architecture.md §7.5; docs/hostile-inputs.md P1): the raw bytes, the options chosen in the preview and
 * a content hash, in IndexedDB (through idb-keyval). The parsed table is not stored: re-importing the bytes
 * through the same pipeline on boot keeps one source of truth and survives changes of the table format.
 */
export interface SavedFile {
  version: 1;
  name: string;
  bytes: Uint8Array;
  options: ImportOptions;
  hash: string;
  savedAt: string;
}

export type PersistStatus = 'ok' | 'unavailable' | 'quota' | 'error';

let db: UseStore | null = null;
function store(): UseStore | null {
  if (typeof indexedDB === 'undefined') return null;
  db ??= createStore('htz-dashboard', 'user-files');
  return db;
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

export async function saveFile(name: string, bytes: Uint8Array, options: ImportOptions): Promise<PersistStatus> {
  const s = store();
  if (!s) return 'unavailable';
  const record: SavedFile = { version: 1, name, bytes, options, hash: await contentHash(bytes), savedAt: new Date().toISOString() };
  try {
    await set(name, record, s);
    return 'ok';
  } catch (e) {
    return (e as DOMException)?.name === 'QuotaExceededError' ? 'quota' : 'error';
  }
}

export async function removeFile(name: string): Promise<void> {
  const s = store();
  if (s) await del(name, s).catch(() => undefined);
}

/**
 * Every saved file that is readable. A record of an unknown version or shape (docs/hostile-inputs.md P4) is set aside, never
 * thrown on: the app must not crash-loop on its own old data.
 */
export async function loadFiles(): Promise<{ files: SavedFile[]; setAside: string[]; status: PersistStatus }> {
  const s = store();
  if (!s) return { files: [], setAside: [], status: 'unavailable' };
  try {
    const all = await entries<string, unknown>(s);
    const files: SavedFile[] = [];
    const setAside: string[] = [];
    for (const [key, value] of all) {
      const v = value as Partial<SavedFile> | null;
      if (v && v.version === 1 && typeof v.name === 'string' && v.bytes instanceof Uint8Array) files.push(v as SavedFile);
      else setAside.push(String(key));
    }
    files.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    return { files, setAside, status: 'ok' };
  } catch {
    return { files: [], setAside: [], status: 'unavailable' };
  }
}

/** Asks the browser not to evict our data under storage pressure; a refusal changes nothing. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
