// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { openFileForImport } from '../../src/features/import/readFile';
import { useStore } from '../../src/store/store';
import { seedStore } from './setup';

describe('L1: a file over the size limit is refused before it is read', () => {
  it('names the size and the limit, and never calls arrayBuffer()', async () => {
    seedStore(['data/reported/seed_facts.csv']);
    const file = new File(['x'], 'huge.csv', { type: 'text/csv' });
    Object.defineProperty(file, 'size', { value: 1024 * 1024 * 1024 });
    let read = false;
    Object.defineProperty(file, 'arrayBuffer', { value: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) });
    await openFileForImport(file);
    const preview = useStore.getState().preview!;
    expect(read).toBe(false);
    expect(preview.result?.blocked).toBe(true);
    expect(preview.result?.issues[0].reason).toMatch(/1024\.0 MB.*100\.0 MB|1,024|1024/);
    // the data loaded before is untouched
    expect(useStore.getState().datasets.reported.table!.size).toBeGreaterThan(0);
  });
});
