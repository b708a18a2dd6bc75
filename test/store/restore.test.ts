// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { boot, confirmPreview, previewFile, restoreBackup, USER_DATASET_ID } from '../../src/store/actions';
import { packBackup } from '../../src/store/backup';
import { loadFiles } from '../../src/store/persist';
import { useStore } from '../../src/store/store';
import { formatHash } from '../../src/store/url';

const csv = (value: number) => strToU8(`zone,year,indicator,value\n郑州,2020,rank_overall,${value}\n`);
const index = (files: unknown[], view: unknown = {}) => strToU8(JSON.stringify({ format: 'htz-workspace', version: 1, createdAt: '', view, files }));
const lastNotice = () => useStore.getState().notices.at(-1)?.text ?? '';
const user = () => useStore.getState().datasets[USER_DATASET_ID];
const stored = async () => (await loadFiles()).files.map((f) => f.name).sort();

async function importFile(name: string, bytes: Uint8Array, choice?: 'replace' | 'keep') {
  previewFile(name, bytes);
  await vi.waitFor(() => expect(useStore.getState().preview?.status).toBe('ready'));
  await confirmPreview(choice);
}

beforeAll(async () => {
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(url.replace(/^\.\//, ''))));
  await boot('reported');
  expect(useStore.getState().boot).toBe('ready');
  await importFile('before.csv', csv(17));
  await vi.waitFor(async () => expect(await stored()).toEqual(['before.csv']));
});

describe('restoring a hostile backup changes nothing (docs/hostile-inputs.md B1, B6)', () => {
  it.each([
    ['1,000 references to one entry', zipSync({ 'workspace.json': index(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}.csv`, path: 'files/1' }))), 'files/1': new Uint8Array(1024 * 1024) }), /it lists 1000 files, more than the limit of 50/],
    ['a __proto__ path', zipSync({ 'workspace.json': index([{ name: 'a.csv', path: '__proto__' }]), 'files/1': csv(1) }), /is not files\/N/],
    ['a file that does not import', zipSync({ 'workspace.json': index([{ name: 'x.csv', path: 'files/1' }]), 'files/1': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }), /none of its files imports: “x\.csv”/],
  ])('%s: a notice names the backup and the reason; the data and storage are as before', async (_, zip, reason) => {
    const before = user();
    const filters = useStore.getState().filters;
    await restoreBackup(zip, 'evil.zip');
    expect(lastNotice()).toMatch(/^工作区备份“evil\.zip”未恢复：/);
    expect(lastNotice()).toMatch(reason);
    expect(lastNotice()).toContain('Nothing was changed or stored');
    expect(user()).toBe(before);
    expect(useStore.getState().filters).toBe(filters);
    expect(await stored()).toEqual(['before.csv']);
  });

  it('B2, B3: a restorable backup with a bad view and bad options: restored, the view rebuilt, the options dropped, each said', async () => {
    const zip = zipSync({
      'workspace.json': index([{ name: 'r.csv', path: 'files/1', options: { encoding: 'latin-9', mapping: { shape: 'long', headerRow: 0, columns: [{ index: 0, header: 'zone', role: 'zone', year: 70000 }] } } }], { route: 'wall', playlist: '../../x?', zones: 'abc' }),
      'files/1': csv(3),
    });
    await restoreBackup(zip, 'odd.zip');
    const said = useStore.getState().notices.map((n) => n.text).join('\n');
    expect(said).toContain('encoding "latin-9"');
    expect(said).toContain('year 70000');
    expect(said).toContain('playlist="../../x?"');
    expect(said).toContain('restored 1 files');
    const f = useStore.getState().filters;
    expect(f.playlist).toBeNull();
    expect(f.zones).toEqual([]);
    expect(f.route).toBe('wall');
    expect(() => formatHash(f)).not.toThrow();
    expect(user().reports.map((r) => r.file).sort()).toEqual(['before.csv', 'r.csv']);
    await vi.waitFor(async () => expect(await stored()).toEqual(['before.csv', 'r.csv']));
    expect((await loadFiles()).files.find((x) => x.name === 'r.csv')!.options).toEqual({});
  });
});

describe('P9: a second, different file of the same name', () => {
  it('asks; "keep both" stores it as data (2).csv beside the first; the same bytes again re-import in place', async () => {
    await importFile('data.csv', csv(5));
    await vi.waitFor(async () => expect(await stored()).toContain('data.csv'));
    // different bytes: the dialog asks, nothing changes yet
    previewFile('data.csv', csv(6));
    await vi.waitFor(() => expect(useStore.getState().preview?.status).toBe('ready'));
    const before = user();
    await confirmPreview();
    expect(useStore.getState().preview?.conflict).toBe(true);
    expect(user()).toBe(before);
    await confirmPreview('keep');
    expect(useStore.getState().preview).toBeNull();
    expect(user().reports.map((r) => r.file)).toEqual(expect.arrayContaining(['data.csv', 'data (2).csv']));
    const files = new Set(user().table!.file.dict);
    expect(files.has('data.csv') && files.has('data (2).csv')).toBe(true);
    await vi.waitFor(async () => expect(await stored()).toEqual(expect.arrayContaining(['data.csv', 'data (2).csv'])));
    // the same bytes as data.csv: no question, no second copy
    const count = (await stored()).length;
    await importFile('data.csv', csv(5));
    expect(useStore.getState().preview).toBeNull();
    expect((await stored()).length).toBe(count);
    expect(user().reports.filter((r) => r.file === 'data.csv')).toHaveLength(1);
  });

  it('"replace" replaces the rows and the stored bytes of that name', async () => {
    await importFile('data.csv', csv(7));
    expect(useStore.getState().preview?.conflict).toBe(true);
    await confirmPreview('replace');
    expect(user().reports.filter((r) => r.file === 'data.csv')).toHaveLength(1);
    await vi.waitFor(async () => expect(new TextDecoder().decode((await loadFiles()).files.find((f) => f.name === 'data.csv')!.bytes)).toContain(',7'));
  });

  it('a normal backup restores and is stored (round trip through packBackup)', async () => {
    const zip = packBackup([{ name: 'b.csv', bytes: csv(9), options: {}, savedAt: '2026-01-01T00:00:00Z' }], { route: 'rankings', year: 2020 });
    await restoreBackup(zip, 'good.zip');
    expect(lastNotice()).toContain('restored 1 files');
    expect(useStore.getState().filters.year).toBe(2020);
    await vi.waitFor(async () => expect(await stored()).toContain('b.csv'));
  });
});
