// @vitest-environment node
import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { contentHash, loadFiles, removeFile, saveFile } from '../../src/store/persist';

const bytes = new TextEncoder().encode('zone,year,indicator,value\n郑州,2020,rank_overall,17\n');

describe('persistence of user files (P1, P4, P7)', () => {
  it('P1: a saved file comes back with its bytes, options and hash', async () => {
    expect(await saveFile('a.csv', bytes, { encoding: 'utf-8' })).toBe('ok');
    const { files, status } = await loadFiles();
    expect(status).toBe('ok');
    const a = files.find((f) => f.name === 'a.csv')!;
    expect(new TextDecoder().decode(a.bytes)).toContain('郑州');
    expect(a.options).toEqual({ encoding: 'utf-8' });
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    await removeFile('a.csv');
    expect((await loadFiles()).files.some((f) => f.name === 'a.csv')).toBe(false);
  });

  it('P4: a record of an old or corrupt shape is set aside, not thrown on', async () => {
    await set('old.csv', { version: 0, rows: [] }, createStore('htz-dashboard', 'user-files'));
    await set('junk', 'not an object', createStore('htz-dashboard', 'user-files'));
    const { files, setAside } = await loadFiles();
    expect(setAside.sort()).toEqual(['junk', 'old.csv']);
    expect(files.every((f) => f.version === 1)).toBe(true);
  });

  it('P7: without crypto.subtle (plain-http intranet) the hash falls back to FNV-1a', async () => {
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      expect(await contentHash(bytes)).toMatch(/^fnv1a:[0-9a-f]+:\d+$/);
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
    }
  });
});

