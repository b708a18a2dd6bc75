// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaylists } from '../../src/features/wall/playlist';
import { changedDatasets, datasetSignature, DEFAULT_REFRESH_MINUTES, fingerprint, refreshDelayMs } from '../../src/features/wall/refresh';
import { slideMs, syncPosition } from '../../src/features/wall/sync';

const playlist = (extra: Record<string, unknown>) => parsePlaylists({ playlists: [{ id: 'p', slides: [{ ds: 'demo', tiles: [{ kind: 'kpi', ind: 'gdp' }] }], ...extra }] }, [])[0];

describe('playlist: sync and refreshMinutes', () => {
  it('defaults: not synced, a check every 5 minutes', () => {
    const p = playlist({});
    expect(p.sync).toBe(false);
    expect(p.refreshMinutes).toBe(DEFAULT_REFRESH_MINUTES);
  });

  it('sync only when it is the JSON value true', () => {
    expect(playlist({ sync: true }).sync).toBe(true);
    for (const v of ['true', 1, 'yes', null, {}]) expect(playlist({ sync: v }).sync).toBe(false);
  });

  it('refreshMinutes: 0 (never) or 1–1440, anything else the default', () => {
    expect(playlist({ refreshMinutes: 0 }).refreshMinutes).toBe(0);
    expect(playlist({ refreshMinutes: 1 }).refreshMinutes).toBe(1);
    expect(playlist({ refreshMinutes: 2.5 }).refreshMinutes).toBe(2.5);
    expect(playlist({ refreshMinutes: 1440 }).refreshMinutes).toBe(1440);
    for (const v of [0.5, -1, 1441, '10', NaN, Infinity, null, [5]]) expect(playlist({ refreshMinutes: v }).refreshMinutes).toBe(5);
  });
});

describe('sync: the slide is a function of the wall clock', () => {
  it('equal durations: floor(epochMs / slideMs) mod n, with the time to the next boundary', () => {
    const ds = [25_000, 25_000, 25_000, 25_000];
    expect(syncPosition(0, ds)).toEqual({ index: 0, remainingMs: 25_000 });
    expect(syncPosition(24_999, ds)).toEqual({ index: 0, remainingMs: 1 });
    expect(syncPosition(25_000, ds)).toEqual({ index: 1, remainingMs: 25_000 });
    const t = 1_764_684_000_123; // a real epoch
    expect(syncPosition(t, ds).index).toBe(Math.floor(t / 25_000) % 4);
    expect(syncPosition(t, ds).remainingMs).toBe(25_000 - (t % 25_000));
  });

  it('unequal durations lie end to end in one cycle', () => {
    const ds = [10_000, 30_000, 20_000]; // cycle 60 s
    expect(syncPosition(60_000 * 1000 + 5_000, ds)).toEqual({ index: 0, remainingMs: 5_000 });
    expect(syncPosition(60_000 * 1000 + 10_000, ds)).toEqual({ index: 1, remainingMs: 30_000 });
    expect(syncPosition(60_000 * 1000 + 59_000, ds)).toEqual({ index: 2, remainingMs: 1_000 });
  });

  it('two screens whose clocks agree agree; the next boundary is where the index changes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 3600 }), { minLength: 1, maxLength: 100 }), fc.integer({ min: 0, max: 4_102_444_800_000 }), (secs, t) => {
        const ds = secs.map((s) => s * 1000);
        const a = syncPosition(t, ds);
        expect(a).toEqual(syncPosition(t, [...ds]));
        expect(a.index).toBeGreaterThanOrEqual(0);
        expect(a.index).toBeLessThan(ds.length);
        expect(a.remainingMs).toBeGreaterThan(0);
        expect(a.remainingMs).toBeLessThanOrEqual(ds[a.index]);
        // just before the boundary still this slide; at it, the next one (mod n)
        expect(syncPosition(t + a.remainingMs - 1, ds).index).toBe(a.index);
        expect(syncPosition(t + a.remainingMs, ds).index).toBe((a.index + 1) % ds.length);
      }),
    );
  });

  it('a slide that failed its checks counts 10 s; bad durations never stall the tour', () => {
    expect(slideMs({ duration: 25 })).toBe(25_000);
    expect(slideMs({ error: 'x' })).toBe(10_000);
    expect(syncPosition(5, []).index).toBe(0);
    expect(syncPosition(1500, [0, NaN, -1]).index).toBe(1);
  });
});

describe('refresh scheduling', () => {
  const mid = () => 0.5;
  it('every refreshMinutes, within ±10 %', () => {
    expect(refreshDelayMs(5, 0, mid)).toBe(300_000);
    expect(refreshDelayMs(5, 0, () => 0)).toBe(270_000);
    expect(refreshDelayMs(5, 0, () => 1)).toBe(330_000);
  });

  it('0 means never', () => {
    expect(refreshDelayMs(0)).toBe(Infinity);
  });

  it('after failures: sooner (1, 2, 4 … minutes), never later than the interval', () => {
    expect([1, 2, 3, 4, 5, 50].map((f) => refreshDelayMs(10, f, mid))).toEqual([60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    expect(refreshDelayMs(1, 3, mid)).toBe(60_000);
  });

  it('a changed file, a changed file list or a new as-of date changes the signature; the first sighting is no change', () => {
    const a = new TextEncoder().encode('zone,year,value\nzhengzhou,2020,1\n');
    const b = new TextEncoder().encode('zone,year,value\nzhengzhou,2020,2\n');
    expect(fingerprint(a)).toBe(fingerprint(a.slice()));
    expect(fingerprint(a)).not.toBe(fingerprint(b));
    const entry = { files: ['demo/panel.csv'], asOf: '2024-06-30' };
    const s1 = datasetSignature(entry, [fingerprint(a)]);
    expect(datasetSignature(entry, [fingerprint(b)])).not.toBe(s1);
    expect(datasetSignature({ ...entry, asOf: '2024-07-01' }, [fingerprint(a)])).not.toBe(s1);
    expect(datasetSignature({ ...entry, files: ['demo/panel2.csv'] }, [fingerprint(a)])).not.toBe(s1);
    const before = new Map([['demo', s1], ['reported', 'r']]);
    expect(changedDatasets(new Map(), before)).toEqual([]);
    expect(changedDatasets(before, new Map(before))).toEqual([]);
    expect(changedDatasets(before, new Map([['demo', 'x'], ['reported', 'r'], ['new', 'n']]))).toEqual(['demo']);
  });
});
