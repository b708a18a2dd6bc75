// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatHash, parseHash } from '../../src/store/url';
import { ID } from '../../src/store/url-params';
import { pathParamOf, QUERY_PARAMS, ROUTES } from '../../src/store/view-params';

// The shared filters' names and places in a link (src/store/url.ts SHARED_ORDER; `year` shares `years`' place).
const SHARED = { ds: 10, ind: 20, year: 30, years: 30, zones: 40, focus: 50, sources: 90, lang: 100, route: -1, trusted: -1 };

describe('the URL half of the view registry (docs/architecture.md §4.6)', () => {
  it('uses each parameter name once, across views and with the shared filters (a link carries them all)', () => {
    const names = [...QUERY_PARAMS.map(([k]) => k), ...ROUTES.flatMap((r) => pathParamOf(r)?.[0] ?? [])];
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => Object.hasOwn(SHARED, n))).toEqual([]);
  });

  it('gives each query parameter a place of its own in the canonical link', () => {
    const orders = [...QUERY_PARAMS.map(([, p]) => p.order), ...new Set(Object.values(SHARED).filter((o) => o > 0))];
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('writes only words a link may carry raw, and reads back each word it writes', () => {
    for (const [name, p] of QUERY_PARAMS) {
      for (const word of 'values' in p ? (p.values as string[]) : []) {
        expect(ID.test(word)).toBe(true);
        expect(p.read(word)).toBe(word);
        expect(parseHash(`#/rankings?${name}=${word}`).notices).toEqual([]);
      }
      // the empty value is the default, and the default is left out of links
      expect(p.write(p.empty)).toBeNull();
      expect((DEFAULT_URL_STATE as unknown as Record<string, unknown>)[name]).toBe(p.empty);
    }
  });

  it('reads a path id only on its own route', () => {
    expect(ROUTES.filter((r) => pathParamOf(r))).toEqual(['zone']);
    expect(parseHash('#/zone/zhengzhou').state.zoneId).toBe('zhengzhou');
    expect(parseHash('#/trends/zhengzhou').state.zoneId).toBeNull();
    expect(formatHash({ ...DEFAULT_URL_STATE, route: 'trends', zoneId: 'zhengzhou' })).toBe('#/trends');
  });
});
