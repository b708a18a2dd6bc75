// @vitest-environment node
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatHash, linkState, parseHash, ROUTES, type UrlState } from '../../src/store/url';
import * as v1 from './url-v1-reference';

/**
 * Links are a contract (docs/architecture.md §4): the parser built on the view registry must read every link the
 * earlier parser read to the same state, with the same notices, and write the same canonical link.
 */

const PATHS = ['', '#', '#/', '#/rankings', '#/trends', '#/bump', '#/compare', '#/map', '#/zone', '#/zone/zhengzhou', '#/zone/', '#/zone/%3Cimg%3E',
  '#/zone/zz_01/extra', '#/rankings/zhengzhou', '#/data', '#/sources', '#/wall', '#/evil', '#/%E6%8E%92%E5%90%8D', '#/zone/%E9%83%91%E5%B7%9E', '#/zone/%ZZ'];
// every parameter, with values a link may carry and values it may not; mode/agg only with words the views knew
const PARAMS = ['ds=reported', 'ds=demo', 'ds=reported+user', 'ds=reported%2Buser', 'ds=user+user', 'ds=', 'ds=a%20b', 'ind=gdp', 'ind=', 'ind=a"b',
  'year=2020', 'year=1899', 'year=', 'years=2016..2023', 'years=2023..2016', 'years=2020', 'zones=zhengzhou~luoyang', 'zones=a~%3Cb%3E~a', 'zones=',
  'focus=zhengzhou', 'focus=%3C', 'lang=en', 'lang=zh', 'lang=fr', 'playlist=default', 'playlist=..%2Fx', 'playlist=', 'mode=yoy', 'mode=index',
  'mode=absolute', 'mode=', 'ind2=gdp_growth', 'ind2=', 'ind2=%3Cb%3E', 'ind3=none', 'ind3=patent_grants', 'agg=median', 'agg=zones', 'agg=count',
  'agg=best', 'agg=', 'log=1', 'log=0', 'log=', 'log=yes', 'sources=trusted', 'sources=all', 'sources=x', 'unknown=1', '=', '&'];

/** The fields the earlier parser knew, from a state of today's. */
const asBefore = (s: UrlState) => Object.fromEntries(Object.keys(v1.DEFAULT_URL_STATE).map((k) => [k, s[k as keyof UrlState]]));

/** A seeded generator (mulberry32): the same links on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function links(n: number): string[] {
  const r = rng(16);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const path = PATHS[Math.floor(r() * PATHS.length)];
    const k = Math.floor(r() * 7);
    const q = Array.from({ length: k }, () => PARAMS[Math.floor(r() * PARAMS.length)]);
    out.push(q.length ? `${path || '#'}?${q.join('&')}` : path);
  }
  return out;
}

describe('links read as before the view registry (docs/architecture.md §4.2, §4.3)', () => {
  const corpus = [...PATHS, ...PARAMS.map((p) => `#/rankings?${p}`), ...PARAMS.map((p) => `#/zone/zhengzhou?${p}`), ...links(3000)];

  it('every link of the corpus parses to the same state, with the same notices, and formats to the same canonical link', () => {
    const differ: string[] = [];
    for (const hash of corpus) {
      const before = v1.parseHash(hash);
      const now = parseHash(hash);
      // the same notices, perhaps in another order (each names its parameter); fields of views added since stay at their defaults
      const same = isDeepStrictEqual(asBefore(now.state), before.state) && isDeepStrictEqual([...now.notices].sort(), [...before.notices].sort());
      if (!same) differ.push(`${hash}: ${JSON.stringify(now)} ≠ ${JSON.stringify(before)}`);
      else if (formatHash(now.state) !== v1.formatHash(before.state)) differ.push(`${hash}: ${formatHash(now.state)} ≠ ${v1.formatHash(before.state)}`);
    }
    expect(differ.slice(0, 5)).toEqual([]);
    expect(corpus.length).toBeGreaterThan(3000);
  });

  it('keeps every route, and every field with its default (a view added since only adds)', () => {
    expect(ROUTES.filter((r) => (v1.ROUTES as readonly string[]).includes(r))).toEqual([...v1.ROUTES]);
    expect(asBefore(DEFAULT_URL_STATE)).toEqual(v1.DEFAULT_URL_STATE);
    expect(Object.keys(DEFAULT_URL_STATE)).toEqual(expect.arrayContaining(Object.keys(v1.DEFAULT_URL_STATE)));
  });

  it('the links the app made from any state are the same links', () => {
    const r = rng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    for (let i = 0; i < 2000; i++) {
      const s = {
        ...DEFAULT_URL_STATE,
        route: pick(v1.ROUTES),
        zoneId: pick([null, 'zhengzhou']),
        ds: pick([null, 'demo', 'reported+user']),
        ind: pick([null, 'gdp']),
        year: pick([null, 2020]),
        years: pick([null, [2016, 2023] as [number, number]]),
        zones: pick([[], ['a', 'b']]),
        focus: pick([null, 'zhengzhou']),
        lang: pick(['zh', 'en'] as const),
        playlist: pick([null, 'default']),
        mode: pick([null, 'yoy', 'index', 'absolute'] as const),
        log: pick([false, true]),
        ind2: pick([null, 'gdp_growth']),
        ind3: pick([null, 'none']),
        agg: pick([null, 'median', 'zones'] as const),
        trusted: pick([false, true]),
      };
      const link = v1.formatHash(s);
      expect(formatHash(s)).toBe(link);
      const now = parseHash(link);
      expect({ state: asBefore(now.state), notices: now.notices }).toEqual(v1.parseHash(link));
    }
  });
});

describe('what changed: each view checks its own words once (docs/architecture.md §4.6)', () => {
  it('a mode or aggregate that no view has is dropped with a notice (the views used to fall back on their own)', () => {
    // before: mode="bogus" was kept and TrendsView showed absolute values; now the link parser says so
    expect(v1.parseHash('#/trends?mode=bogus').state.mode).toBe('bogus');
    expect(parseHash('#/trends?mode=bogus')).toEqual({ state: { ...DEFAULT_URL_STATE, route: 'trends' }, notices: ['mode="bogus"'] });
    expect(parseHash('#/map?agg=MEDIAN&log=2')).toEqual({ state: { ...DEFAULT_URL_STATE, route: 'map' }, notices: ['log="2"', 'agg="MEDIAN"'] });
  });

  it('the nav keeps every filter, drops other views\' path ids and opens the zone view on the home zone', () => {
    const here = parseHash('#/zone/luoyang?ds=demo&focus=zhengzhou&mode=yoy&agg=median').state;
    expect(formatHash(linkState(here, 'trends'))).toBe('#/trends?ds=demo&focus=zhengzhou&mode=yoy&agg=median');
    expect(formatHash(linkState(here, 'zone'))).toBe('#/zone/luoyang?ds=demo&focus=zhengzhou&mode=yoy&agg=median');
    const elsewhere = parseHash('#/map?focus=zhengzhou').state;
    expect(formatHash(linkState(elsewhere, 'zone'))).toBe('#/zone/zhengzhou?focus=zhengzhou');
    expect(formatHash(linkState(parseHash('#/map').state, 'zone'))).toBe('#/zone');
  });
});
