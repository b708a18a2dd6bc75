// @vitest-environment node
import { strToU8, Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, packBackup, unpackBackup, type UnpackedBackup } from '../../src/store/backup';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text), options: { encoding: 'utf-8' as const }, savedAt: '2026-11-22T00:00:00Z' });
const index = (files: unknown[], extra: Record<string, unknown> = {}) => strToU8(JSON.stringify({ format: 'htz-workspace', version: 1, createdAt: '', view: {}, files, ...extra }));
const csv = strToU8('zone,year,indicator,value\n郑州,2020,rank_overall,17\n');
const ok = (r: UnpackedBackup | { error: { zh: string; en: string } }): UnpackedBackup => {
  if ('error' in r) throw new Error(r.error.en);
  return r;
};
const refused = (r: UnpackedBackup | { error: { zh: string; en: string } }): string => {
  if (!('error' in r)) throw new Error('not refused');
  expect(r.error.zh.length).toBeGreaterThan(0);
  return r.error.en;
};
/** The local and central headers of every entry, with the uncompressed size they declare set to `size` (a lie). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50) v.setUint32(i + 24, size, true);
  }
  return out;
}

describe('workspace backup', () => {
  it('round-trips files byte for byte, their options and the view', async () => {
    const gbk = { ...file('gbk.csv', ''), bytes: new Uint8Array([0xd6, 0xa3, 0xd6, 0xdd]), options: { encoding: 'gb18030' as const } };
    const zip = packBackup([file('a.csv', 'zone,year\n郑州,2020'), gbk], { route: 'rankings', ds: 'user', year: 2021 });
    const back = ok(await unpackBackup(zip));
    expect(back.files.map((f) => f.name)).toEqual(['a.csv', 'gbk.csv']);
    expect([...back.files[1].bytes]).toEqual([0xd6, 0xa3, 0xd6, 0xdd]);
    expect(back.files[1].options).toEqual({ encoding: 'gb18030' });
    expect(back.view).toEqual({ route: 'rankings', ds: 'user', year: 2021 });
    expect(back.notices).toEqual([]);
    // recognisable from its first bytes: the importer opens a backup instead of refusing a zip
    expect(new TextDecoder('latin1').decode(zip.subarray(0, 64))).toContain('workspace.json');
  });

  it('reads a backup whose workspace.json is not the first entry', async () => {
    const zip = zipSync({ 'files/1': csv, 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }]) });
    expect(ok(await unpackBackup(zip)).files[0].bytes).toEqual(csv);
  });

  it.each([
    ['not a zip', new Uint8Array([1, 2, 3])],
    ['no index', zipSync({ 'x.txt': strToU8('x') })],
    ['later version', zipSync({ 'workspace.json': strToU8(JSON.stringify({ format: 'htz-workspace', version: 2, files: [] })) })],
    ['missing file', zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }]) })],
    ['an index that is not JSON', zipSync({ 'workspace.json': strToU8('{"format":') })],
    ['an index that is an array', zipSync({ 'workspace.json': strToU8('[1,2]') })],
  ])('refuses %s with a reason', async (_, bytes) => {
    refused(await unpackBackup(bytes));
  });
});

describe('hostile backups (docs/hostile-inputs.md B1–B6)', () => {
  it('B1: a small backup listing one 64 MB entry 1,000 times is refused at once, before anything is inflated', async () => {
    const zip = zipSync({ 'workspace.json': index(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}.csv`, path: 'files/1' }))), 'files/1': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(zip.length).toBeLessThan(200_000);
    const t = performance.now();
    const reason = refused(await unpackBackup(zip));
    expect(performance.now() - t).toBeLessThan(500);
    expect(reason).toMatch(/1000 files, more than the limit of 50/);
  });

  it('B1: the same entry listed twice (within the file count) is refused', async () => {
    const zip = zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }, { name: 'b.csv', path: 'files/1' }]), 'files/1': csv });
    expect(refused(await unpackBackup(zip))).toMatch(/files\/1 is listed more than once/);
  });

  it('B1: two files listed under one name are refused', async () => {
    const zip = zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }, { name: 'a.csv', path: 'files/2' }]), 'files/1': csv, 'files/2': csv });
    expect(refused(await unpackBackup(zip))).toMatch(/“a\.csv” is listed more than once/);
  });

  it('B4: a zip bomb whose declared size lies is stopped by the bytes actually inflated, not by what it declares', async () => {
    // 120 MB of zeros, declared as 1 KB: over the 100 MB per-file limit
    const bomb = lieAboutSizes(zipSync({ 'workspace.json': index([{ name: 'bomb.csv', path: 'files/1' }]), 'files/1': new Uint8Array(120 * 1024 * 1024) }, { level: 9 }), 1024);
    expect(bomb.length).toBeLessThan(300_000);
    const t = performance.now();
    const reason = refused(await unpackBackup(bomb));
    const ms = performance.now() - t;
    expect(reason).toMatch(/“bomb\.csv” unpacks to more than the limit of 100\.0 MB per file/);
    expect(ms).toBeLessThan(5000);
  });

  it('B4: with small limits, one lying entry past the file limit and entries past the total are refused', async () => {
    const limits = { ...BACKUP_LIMITS, fileBytes: 1024 * 1024, totalBytes: 1536 * 1024 };
    const one = lieAboutSizes(zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }]), 'files/1': new Uint8Array(2 * 1024 * 1024) }), 10);
    expect(refused(await unpackBackup(one, limits))).toMatch(/more than the limit of 1\.0 MB per file/);
    const two = zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }, { name: 'b.csv', path: 'files/2' }]), 'files/1': new Uint8Array(1000 * 1024), 'files/2': new Uint8Array(1000 * 1024) });
    expect(refused(await unpackBackup(two, limits))).toMatch(/more than the limit of 1\.5 MB/);
    // an honest declaration over the limit is refused before inflating
    const honest = zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }]), 'files/1': new Uint8Array(2 * 1024 * 1024) });
    expect(refused(await unpackBackup(honest, limits))).toMatch(/unpacks to 2\.0 MB/);
  });

  it('B4: entries the index does not list are never inflated, however large', async () => {
    const zip = zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1' }]), 'files/1': csv, 'files/2': new Uint8Array(2 * 1024 * 1024) });
    const back = ok(await unpackBackup(zip, { ...BACKUP_LIMITS, totalBytes: 1024 * 1024, fileBytes: 1024 * 1024 }));
    expect(back.files.map((f) => f.name)).toEqual(['a.csv']);
  });

  it('B5: an archive holding a listed entry twice is refused', async () => {
    const parts: Uint8Array[] = [];
    const z = new Zip((_, d) => parts.push(d));
    for (const [n, d] of [['workspace.json', index([{ name: 'a.csv', path: 'files/1' }])], ['files/1', csv], ['files/1', strToU8('other')]] as const) {
      const e = new ZipPassThrough(n);
      z.add(e);
      e.push(d, true);
    }
    z.end();
    const zip = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    parts.reduce((o, p) => (zip.set(p, o), o + p.length), 0);
    expect(refused(await unpackBackup(zip))).toMatch(/holds “files\/1” twice/);
  });

  it.each(['__proto__', 'constructor', 'toString', '../files/1', 'files/0', 'files/1/../1'])('B3: a file path %s is refused, never looked up', async (path) => {
    const zip = zipSync({ 'workspace.json': index([{ name: 'a.csv', path }]), 'files/1': csv });
    expect(refused(await unpackBackup(zip))).toMatch(/is not files\/N/);
  });

  it('B3: a file record without a name, or not an object, is refused', async () => {
    refused(await unpackBackup(zipSync({ 'workspace.json': index([{ path: 'files/1' }]), 'files/1': csv })));
    refused(await unpackBackup(zipSync({ 'workspace.json': index(['files/1']), 'files/1': csv })));
  });

  it('B3: options the preview cannot produce are dropped and named; the rest is kept', async () => {
    const mapping = { shape: 'matrix', headerRow: 0, columns: [{ index: 0, header: '地区', role: 'zone' }, { index: 1, header: '70000年', role: 'yearColumn', year: 70000 }] };
    const files = [
      { name: 'a.csv', path: 'files/1', options: { encoding: 'latin-9', delimiter: ',' } },
      { name: 'b.csv', path: 'files/2', options: { delimiter: 'x', mapping } },
      { name: 'c.csv', path: 'files/3', options: { mapping: { ...mapping, columns: [{ index: 0, header: 'x', role: 'evil' }] } } },
      { name: 'd.csv', path: 'files/4', options: 'utf-8' },
    ];
    const raw = strToU8(JSON.stringify({ format: 'htz-workspace', version: 1, view: {}, files }).replace('"encoding":"latin-9"', '"encoding":"latin-9","__proto__":{"encoding":"big5"}'));
    const back = ok(await unpackBackup(zipSync({ 'workspace.json': raw, 'files/1': csv, 'files/2': csv, 'files/3': csv, 'files/4': csv })));
    expect(back.files.map((f) => f.options)).toEqual([{ delimiter: ',' }, {}, {}, {}]);
    expect(Object.getPrototypeOf(back.files[0].options)).toBe(Object.prototype);
    expect((back.files[0].options as Record<string, unknown>).encoding).toBeUndefined();
    const said = back.notices.join('\n');
    expect(said).toContain('encoding "latin-9"');
    expect(said).toContain('option "__proto__"');
    expect(said).toContain('delimiter "x"');
    expect(said).toContain('mapping: column 2 year 70000');
    expect(said).toContain('mapping: column 1 role');
    expect(said).toContain('options (not an object)');
  });

  it('B3: valid options, a full mapping included, survive unchanged', async () => {
    const mapping = { shape: 'wide', headerRow: 1, columns: [{ index: 0, header: '地区', role: 'zone' }, { index: 1, header: '营业收入（亿元）', role: 'measure', indicator: 'revenue', unit: '亿元', footnote: true, marks: ['①'] }], unitRow: 2 };
    const zip = zipSync({ 'workspace.json': index([{ name: 'a.csv', path: 'files/1', options: { encoding: 'gb18030', delimiter: '\t', mapping } }]), 'files/1': csv });
    const back = ok(await unpackBackup(zip));
    expect(back.files[0].options).toEqual({ encoding: 'gb18030', delimiter: '\t', mapping });
    expect(back.notices).toEqual([]);
  });

  it('B2: a view that is not a view is rebuilt through the link parser; bad parts become defaults, with a notice', async () => {
    const view = { route: 'wall', playlist: '../../x?', zones: 'abc', year: 70000, ind: 'rank_overall', lang: 'en', log: 'yes', focus: { toString: 1 } };
    const back = ok(await unpackBackup(zipSync({ 'workspace.json': index([], { view }) })));
    expect(back.view).toEqual({ route: 'wall', playlist: null, zones: [], year: null, ind: 'rank_overall', lang: 'en', log: false });
    const said = back.notices.join('\n');
    for (const part of ['zones', 'playlist="../../x?"', 'year="70000"', 'log', 'focus']) expect(said).toContain(part);
  });

  it('B2: a zone route keeps a valid zone id and drops a bad one; a view that is not an object is ignored', async () => {
    const good = ok(await unpackBackup(zipSync({ 'workspace.json': index([], { view: { route: 'zone', zoneId: 'zz_01', zones: ['a', 'b'], years: [2018, 2022], trusted: true } }) })));
    expect(good.view).toEqual({ route: 'zone', zoneId: 'zz_01', zones: ['a', 'b'], years: [2018, 2022], trusted: true });
    const bad = ok(await unpackBackup(zipSync({ 'workspace.json': index([], { view: { route: 'zone', zoneId: '<img src=x>', zones: ['a~b'] } }) })));
    expect(bad.view).toEqual({ route: 'zone', zoneId: null, zones: [] });
    const notObject = ok(await unpackBackup(zipSync({ 'workspace.json': index([], { view: 'rankings' }) })));
    expect(notObject.view).toEqual({});
    expect(notObject.notices).toHaveLength(1);
  });
});
