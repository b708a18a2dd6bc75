// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// the browser's storage is full: every write is refused with QuotaExceededError
vi.mock('idb-keyval', async (importOriginal) => ({
  ...(await importOriginal<typeof import('idb-keyval')>()),
  set: vi.fn().mockRejectedValue(Object.assign(new Error('full'), { name: 'QuotaExceededError' })),
}));

const { saveFile } = await import('../../src/store/persist');

describe('P2: storage full', () => {
  it('reports quota rather than throwing, so the caller keeps the data in memory and offers a backup', async () => {
    expect(await saveFile('big.csv', new TextEncoder().encode('zone,year\n'), {})).toBe('quota');
  });
});

describe('P10: storage fails while a backup is restored', () => {
  it('the restored files stay on the page, and a notice names them and offers the workspace backup', async () => {
    const [{ boot, restoreBackup, USER_DATASET_ID }, { packBackup }, { useStore }] = await Promise.all([import('../../src/store/actions'), import('../../src/store/backup'), import('../../src/store/store')]);
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(url.replace(/^\.\//, ''))));
    await boot('reported');
    const csv = new TextEncoder().encode('zone,year,indicator,value\n郑州,2020,rank_overall,17\n');
    await restoreBackup(packBackup([{ name: 'r.csv', bytes: csv, options: {}, savedAt: '' }], {}), 'b.zip');
    expect(useStore.getState().datasets[USER_DATASET_ID].reports.map((r) => r.file)).toEqual(['r.csv']);
    const last = useStore.getState().notices.at(-1)!;
    expect(last.kind).toBe('error');
    expect(last.text).toContain('Not saved, so gone after a reload: “r.csv”');
    expect(last.text).toContain('storage is full');
    expect(last.text).toContain('download a workspace backup');
    vi.unstubAllGlobals();
  });
});
