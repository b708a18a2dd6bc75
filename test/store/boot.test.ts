// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { boot } from '../../src/store/actions';
import { useStore } from '../../src/store/store';

describe('boot', () => {
  it('fetches the dataset the link asks for at once (not the default), as its columnar table, and runs only once', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response(readFileSync(url.replace(/^\.\//, '')));
    });
    // the store has not read the URL yet: the early start passes the link's dataset
    const first = boot('demo');
    expect(boot()).toBe(first);
    await first;
    expect(useStore.getState().boot).toBe('ready');
    await vi.waitFor(() => expect(asked).toContain('./data/demo/panel.htzcol'));
    expect(asked.filter((u) => u === './data/zones.csv')).toHaveLength(1);
    // the first paint parses no CSV of the dataset (issue #19 item 2): src/store/bundled.ts
    expect(asked).not.toContain('./data/demo/panel.csv');
    expect(asked.some((u) => u.startsWith('./data/reported'))).toBe(false);
    vi.unstubAllGlobals();
  });
});
