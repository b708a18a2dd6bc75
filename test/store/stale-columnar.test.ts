// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boot, ensureDataset } from '../../src/store/actions';
import { useStore } from '../../src/store/store';
import type { TidyTable } from '../../src/data/table';

/*
 * A deployer replaced a CSV on the server and did not rerun npm run data:build (docs/deployment.md: data is
 * updated without a build). The first paint shows the columnar table; once idle the page finds that the CSV
 * is not the one the table was built from, imports the CSVs and swaps them in, and says so in the console.
 */
describe('a CSV changed after the columnar table was built', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('is found after the first paint, imported, and swapped in', async () => {
    // same length, one digit changed: the size alone would not show it
    const edited = readFileSync('data/reported/national.csv', 'utf8').replace('全国,2005,revenue,33812.82,', '全国,2005,revenue,33812.83,');
    expect(edited).not.toBe(readFileSync('data/reported/national.csv', 'utf8'));
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      if (url === './data/reported/national.csv') return new Response(edited);
      return new Response(readFileSync(url.replace(/^\.\//, '')));
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tables: TidyTable[] = [];
    useStore.subscribe((s) => {
      const t = s.datasets.reported?.table;
      if (t && t !== tables.at(-1)) tables.push(t);
    });
    await boot('reported');
    await ensureDataset('reported');
    const has = (t: TidyTable, v: number) => t.value.includes(v);
    // the first table is the columnar one, read before any CSV was fetched
    expect(tables).toHaveLength(1);
    expect(has(tables[0], 33812.82)).toBe(true);
    expect(asked.filter((u) => u.endsWith('.csv') && u.includes('reported/'))).toEqual([]);
    // then the check: the four CSVs fetched, the changed one named, the import swapped in
    await vi.waitFor(() => expect(tables).toHaveLength(2), { timeout: 15000 });
    expect(has(tables[1], 33812.83)).toBe(true);
    expect(has(tables[1], 33812.82)).toBe(false);
    expect(tables[1].size).toBe(tables[0].size);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^\.\/data\/reported\/national\.csv: .*changed since its columnar table was built/)]);
  });

  it('when every CSV is the one it was built from, nothing is imported again and nothing is said', async () => {
    // boot() runs once per module: a second boot needs fresh modules
    vi.resetModules();
    const fresh = await import('../../src/store/actions');
    const store = await import('../../src/store/store');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response(readFileSync(url.replace(/^\.\//, '')));
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fresh.boot('reported');
    await fresh.ensureDataset('reported');
    const first = store.useStore.getState().datasets.reported?.table;
    expect(first?.size).toBeGreaterThan(0);
    // the check ran (on an idle moment: setTimeout 0 in node): it fetched the four CSVs, then hashed them
    const csvs = store.useStore.getState().manifest!.datasets.find((d) => d.id === 'reported')!.files.map((f) => `./data/${f}`);
    await vi.waitFor(() => expect(asked).toEqual(expect.arrayContaining(csvs)));
    await new Promise((r) => setTimeout(r, 300));
    expect(store.useStore.getState().datasets.reported?.table).toBe(first);
    expect(warn).not.toHaveBeenCalled();
  });
});
