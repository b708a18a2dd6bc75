// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { at } from '../../src/data/table';
import { findConflicts } from '../../src/model/cells';
import { boot, confirmPreview, ensureDataset, previewFile, removeUserFile } from '../../src/store/actions';
import { resolveView } from '../../src/store/resolve';
import { setFilters, useStore } from '../../src/store/store';
import { DEFAULT_URL_STATE, formatHash, parseHash } from '../../src/store/url';

vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(url.replace(/^\.\//, ''))));
afterAll(() => vi.unstubAllGlobals());

/** Imports a CSV as the dialog would: previewed, then confirmed into "my data". */
async function importCsv(name: string, text: string) {
  previewFile(name, new TextEncoder().encode(text));
  await vi.waitFor(() => expect(useStore.getState().preview?.status).toBe('ready'));
  await confirmPreview();
  await vi.waitFor(() => expect(useStore.getState().preview).toBeNull());
}

const sourcesOf = (id: string, zone: string, year: number, indicator: string) => {
  const t = useStore.getState().datasets[id].table!;
  const out: string[] = [];
  for (let i = 0; i < t.size; i++) if (at(t.zone, i) === zone && t.year[i] === year && at(t.indicator, i) === indicator) out.push(`${t.value[i]} ${at(t.source, i)}`);
  return out;
};

describe('the published dataset viewed together with the user\'s files (ds=reported+user)', () => {
  it('keeps every value with its own source, and a user value that disagrees with a published one is a conflict', async () => {
    await boot('reported');
    await ensureDataset('reported');
    await vi.waitFor(() => expect(useStore.getState().datasets.reported?.status).toBe('ready'));
    await importCsv('henan.csv', '高新区,年份,综合排名,来源\n郑州高新区,2020,16,河南省统计局 2021\n洛阳高新区,2021,35,\n');

    const { datasets } = useStore.getState();
    // my data: as of the latest year of its data, imported today
    expect(datasets.user.asOf).toBe('2021');
    expect(datasets.user.importedAt).toBe(new Date().toISOString().slice(0, 10));
    // offered together with the published data, never with the demo
    expect(datasets['reported+user']).toMatchObject({ kind: 'user', status: 'loading', combines: ['reported', 'user'] });
    expect(datasets['reported+user'].title.zh).toBe('公开发布数据 + 我的数据');
    expect(Object.keys(datasets).filter((k) => k.includes('+'))).toEqual(['reported+user']);

    setFilters({ ds: 'reported+user' });
    await ensureDataset('reported+user');
    const both = useStore.getState().datasets['reported+user'];
    expect(both.status).toBe('ready');
    expect(both.table!.size).toBe(datasets.reported.table!.size + datasets.user.table!.size);
    expect(both.asOf).toBe('2025');

    // 郑州 2020: the published 17 (two sources) and the user's 16, each with its source
    const zz = sourcesOf('reported+user', 'zhengzhou', 2020, 'rank_overall');
    expect(zz).toContain('16 河南省统计局 2021');
    expect(zz.filter((s) => s.startsWith('17 ')).length).toBeGreaterThanOrEqual(2);
    const conflict = findConflicts(both.table!).find((c) => c.zone === 'zhengzhou' && c.year === 2020 && c.indicator === 'rank_overall');
    expect(conflict?.conflict).toBe(true);
    expect(conflict!.rows.map((i) => at(both.table!.source, i))).toContain('河南省统计局 2021');
    // a row without a source keeps its file's name as its source
    expect(sourcesOf('reported+user', 'luoyang', 2021, 'rank_overall')).toEqual(['35 henan.csv']);
    // the published data alone is untouched: no conflict there for 郑州 2020
    expect(findConflicts(useStore.getState().datasets.reported.table!).some((c) => c.zone === 'zhengzhou' && c.year === 2020 && c.indicator === 'rank_overall')).toBe(false);
  });

  it('is joined again when the user\'s files change (a file removed: its rows leave the combined view)', async () => {
    await importCsv('more.csv', '高新区,年份,综合排名\n新乡高新区,2022,50\n');
    await vi.waitFor(() => expect(useStore.getState().datasets['reported+user']?.status).toBe('ready'));
    expect(sourcesOf('reported+user', 'xinxiang', 2022, 'rank_overall')).toEqual(['50 more.csv']);
    expect(useStore.getState().datasets.user.asOf).toBe('2022');
    setFilters({ ds: 'reported+user' });
    await removeUserFile('more.csv');
    await vi.waitFor(() => expect(useStore.getState().datasets['reported+user']?.status).toBe('ready'));
    expect(sourcesOf('reported+user', 'xinxiang', 2022, 'rank_overall')).toEqual([]);
    expect(useStore.getState().datasets.user.asOf).toBe('2021');
  });

  it('demo never combines: ds=demo+user is refused with a notice and the default shown', () => {
    const s = useStore.getState();
    const manifest = s.manifest!;
    expect(manifest.datasets.some((d) => d.id === 'demo' && d.kind === 'demo')).toBe(true);
    const ids = [...manifest.datasets.map((d) => d.id), ...Object.keys(s.datasets).filter((k) => s.datasets[k].kind === 'user')];
    expect(ids).not.toContain('demo+user');
    const v = resolveView({ ...DEFAULT_URL_STATE, ds: 'demo+user' }, manifest, ids, null, s.catalogue, s.registry);
    expect(v.ds).toBe('reported');
    expect(v.notices.join(' ')).toMatch(/ds=demo\+user.*演示数据不与其他数据合并/);
  });
});

describe('ds=<published>+user in the link', () => {
  it('is read strictly and written back the same', () => {
    const ok = parseHash('#/rankings?ds=reported+user&year=2020');
    expect(ok.notices).toEqual([]);
    expect(ok.state.ds).toBe('reported+user');
    expect(formatHash(ok.state)).toBe('#/rankings?ds=reported+user&year=2020');
    expect(parseHash('#/rankings?ds=reported%2Buser').state.ds).toBe('reported+user');
    for (const bad of ['reported+demo', 'user+user', 'reported+user+user', '+user', 'reported%20user', 'reported+', 'a<b>+user', 'reported++user']) {
      const r = parseHash(`#/rankings?ds=${bad}`);
      expect(r.state.ds, bad).toBeNull();
      expect(r.notices.join(' '), bad).toMatch(/^ds=/);
    }
  });
});
