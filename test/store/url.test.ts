// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatHash, parseHash, type UrlState } from '../../src/store/url';

describe('URL state (docs/architecture.md §4.2)', () => {
  it('reads the route and every filter', () => {
    const { state, notices } = parseHash('#/rankings?ds=reported&ind=rank_overall&year=2020&zones=zhengzhou~luoyang&focus=zhengzhou&lang=en');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ route: 'rankings', ds: 'reported', ind: 'rank_overall', year: 2020, zones: ['zhengzhou', 'luoyang'], focus: 'zhengzhou', lang: 'en' });
  });

  it.each([
    '#/rankings?ds=reported&ind=rank_overall&year=2020',
    '#/trends?ds=demo&ind=gdp&years=2016..2023&zones=zhengzhou~xinxiang&focus=xinxiang',
    '#/zone/zhengzhou?ds=reported',
    '#/wall?playlist=default',
    '#/data?lang=en',
    '#/rankings',
    '#/trends?ds=demo&ind=gdp&years=2016..2023&zones=zhengzhou&mode=index&log=1',
    '#/compare?ds=demo&ind=rd_ratio&ind2=gdp_growth&ind3=patent_grants&year=2022',
    '#/map?ind=rank_overall&year=2020&agg=median',
  ])('round-trips %s', (hash) => {
    expect(formatHash(parseHash(hash).state)).toBe(hash);
  });

  it('round-trips any state it formats (formatted → parsed → formatted)', () => {
    const s: UrlState = { ...DEFAULT_URL_STATE, route: 'compare', ds: 'demo', ind: 'rd_ratio', year: 2022, zones: ['a', 'b-c'], focus: 'a', lang: 'en' };
    expect(parseHash(formatHash(s)).state).toEqual(s);
  });

  it('P6: a tampered URL gives defaults and names what was wrong', () => {
    const { state, notices } = parseHash('#/evil?ds=<script>&year=20201&zones=ok~%3Cimg%3E&lang=fr&ind=a"b');
    expect(state.route).toBe('rankings');
    expect(state.ds).toBeNull();
    expect(state.year).toBeNull();
    expect(state.zones).toEqual(['ok']);
    expect(state.lang).toBe('zh');
    expect(state.ind).toBeNull();
    expect(notices.length).toBe(6);
  });

  it('P6: an overlong URL is refused whole', () => {
    const { state, notices } = parseHash(`#/rankings?zones=${'a~'.repeat(3000)}`);
    expect(state).toEqual(DEFAULT_URL_STATE);
    expect(notices[0]).toMatch(/too long/);
  });

  it('drops a years range that runs backwards', () => {
    const { state, notices } = parseHash('#/trends?years=2023..2016');
    expect(state.years).toBeNull();
    expect(notices).toHaveLength(1);
  });

  it('keeps the "official and media sources only" switch in the link, and only its two values', () => {
    const on = parseHash('#/rankings?ds=reported&ind=rank_overall&year=2024&sources=trusted');
    expect(on.state.trusted).toBe(true);
    expect(formatHash(on.state)).toBe('#/rankings?ds=reported&ind=rank_overall&year=2024&sources=trusted');
    expect(parseHash('#/rankings?sources=all').state.trusted).toBe(false);
    expect(formatHash(parseHash('#/rankings?sources=all').state)).toBe('#/rankings');
    const bad = parseHash('#/rankings?sources=<b>');
    expect([bad.state.trusted, bad.notices]).toEqual([false, ['sources="<b>"']]);
  });
});
