// @vitest-environment node
import 'fake-indexeddb/auto';
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
