// @vitest-environment node
import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { contentHash, freeName, loadFiles, persistNotice, removeFile, saveFile } from '../../src/store/persist';

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
    expect(setAside.sort()).toEqual(['junk (not a record)', 'old.csv (version 0)']);
    expect(files.every((f) => f.version === 1)).toBe(true);
  });

  it('P8: one record with a bad field (savedAt, name, bytes) is set aside and named; the good ones load', async () => {
    const s = createStore('htz-dashboard', 'user-files');
    expect(await saveFile('good.csv', bytes, {})).toBe('ok');
    await set('bad-date.csv', { version: 1, name: 'bad-date.csv', bytes, options: {}, hash: 'x', savedAt: 12 }, s);
    await set('bad-date2.csv', { version: 1, name: 'bad-date2.csv', bytes, options: {}, hash: 'x', savedAt: 'yesterday' }, s);
    await set('other-name.csv', { version: 1, name: 'x.csv', bytes, options: {}, hash: 'x', savedAt: '2026-01-01T00:00:00Z' }, s);
    await set('no-bytes.csv', { version: 1, name: 'no-bytes.csv', bytes: [1, 2], options: {}, hash: 'x', savedAt: '2026-01-01T00:00:00Z' }, s);
    await set('odd-options.csv', { version: 1, name: 'odd-options.csv', bytes, options: { encoding: 'ebcdic', delimiter: ';' }, hash: 'x', savedAt: '2026-01-01T00:00:00Z' }, s);
    const { files, setAside, notices, status } = await loadFiles();
    expect(status).toBe('ok');
    expect(files.map((f) => f.name).sort()).toEqual(['good.csv', 'odd-options.csv']);
    expect(files.find((f) => f.name === 'odd-options.csv')!.options).toEqual({ delimiter: ';' });
    expect(notices.join()).toContain('encoding "ebcdic"');
    expect(setAside).toEqual(expect.arrayContaining(['bad-date.csv (savedAt)', 'bad-date2.csv (savedAt)', 'other-name.csv (name)', 'no-bytes.csv (bytes)']));
    for (const k of ['good.csv', 'bad-date.csv', 'bad-date2.csv', 'other-name.csv', 'no-bytes.csv', 'odd-options.csv', 'old.csv', 'junk']) await removeFile(k);
  });

  it('P11: a save past the storage budget (files or bytes) is refused as "budget"; replacing a file counts it once', async () => {
    const limits = { files: 2, bytes: 3 * bytes.length };
    expect(await saveFile('b1.csv', bytes, {}, undefined, limits)).toBe('ok');
    expect(await saveFile('b2.csv', bytes, {}, undefined, limits)).toBe('ok');
    expect(await saveFile('b3.csv', bytes, {}, undefined, limits)).toBe('budget');
    expect(await saveFile('b2.csv', bytes, {}, undefined, limits)).toBe('ok');
    expect(await saveFile('b2.csv', new Uint8Array(3 * bytes.length), {}, undefined, limits)).toBe('budget');
    expect((await loadFiles()).files.map((f) => f.name).sort()).toEqual(['b1.csv', 'b2.csv']);
    await removeFile('b1.csv');
    expect(await saveFile('b3.csv', bytes, {}, undefined, limits)).toBe('ok');
    await removeFile('b2.csv');
    await removeFile('b3.csv');
  });

  it('P2, P10, P11: every save failure names the files, the reason and offers the workspace backup, in both languages', () => {
    for (const status of ['unavailable', 'quota', 'budget', 'error'] as const) {
      const text = persistNotice(status, ['a.csv', '数据.csv']);
      expect(text).toContain('下载工作区备份');
      expect(text).toContain('download a workspace backup in the Data view');
      expect(text).toContain('“数据.csv”');
    }
    expect(persistNotice('budget', ['a.csv'])).toContain('50 files and 200.0 MB');
  });

  it('P9: keep both names the new file data (2).csv, data (3).csv …', () => {
    const taken = new Set(['data.csv', 'data (2).csv']);
    expect(freeName('data.csv', (n) => taken.has(n))).toBe('data (3).csv');
    expect(freeName('README', () => false)).toBe('README (2)');
    expect(freeName('.hidden', () => false)).toBe('.hidden (2)');
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

