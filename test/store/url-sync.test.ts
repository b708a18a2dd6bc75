// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { setFilters, useStore, initialState } from '../../src/store/store';
import { startUrlSync } from '../../src/store/url-sync';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  useStore.setState(initialState());
});

const waitForHash = () => new Promise((r) => setTimeout(r, 0));

describe('URL ⇄ filters', () => {
  it('reads a pasted URL into the filters and writes it back unchanged', () => {
    window.history.replaceState(null, '', '#/rankings?ds=reported&ind=rank_overall&year=2020');
    stop = startUrlSync();
    expect(useStore.getState().filters).toMatchObject({ route: 'rankings', ds: 'reported', ind: 'rank_overall', year: 2020 });
    expect(window.location.hash).toBe('#/rankings?ds=reported&ind=rank_overall&year=2020');
  });

  it('a filter change pushes a history entry; back restores the previous view', async () => {
    window.history.replaceState(null, '', '#/rankings?year=2020');
    stop = startUrlSync();
    const length = window.history.length;
    setFilters({ year: 2019 });
    expect(window.location.hash).toBe('#/rankings?year=2019');
    expect(window.history.length).toBe(length + 1);
    window.history.back();
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    expect(useStore.getState().filters.year).toBe(2020);
  });

  it('P6: a tampered URL is replaced by its canonical form with a notice', async () => {
    window.history.replaceState(null, '', '#/rankings?year=<script>&ds=reported');
    stop = startUrlSync();
    await waitForHash();
    expect(window.location.hash).toBe('#/rankings?ds=reported');
    expect(useStore.getState().notices.at(-1)?.text).toMatch(/year=/);
  });
});
