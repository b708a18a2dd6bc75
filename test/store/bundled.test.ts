// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COLUMNAR_VERSION, fnv1a, readColumnar } from '../../src/data/columnar';
import { Importer } from '../../src/data/importer';
import { parseIndicatorsJson } from '../../src/data/indicators-json';
import { parseManifest, type ManifestDataset } from '../../src/data/manifest';
import type { TidyTable } from '../../src/data/table';
import { loadBundled } from '../../src/store/bundled';
import { fetchBytes } from '../../src/data/fetch';

/*
 * The first view's way to a bundled dataset (src/store/bundled.ts): the columnar file when it can be used, and
 * otherwise — missing, another version, corrupt, built from other files — the CSVs through the importer, with
 * a console warning. Each fallback must give the same table as the columnar file.
 */
const entry = parseManifest(JSON.parse(readFileSync('data/manifest.json', 'utf8'))).datasets.find((d) => d.id === 'reported')!;
const importer = new Importer(readFileSync('data/zones.csv', 'utf8'), parseIndicatorsJson(JSON.parse(readFileSync('data/indicators.json', 'utf8'))));
const copy = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const file = (path: string) => copy(readFileSync(path));
let expected: TidyTable;
let replaced: Record<string, ArrayBuffer | null> = {};

/** Serves data/ as the site does; `replace` gives other bytes (or a 404 for null) for some paths. */
function serve(replace: Record<string, ArrayBuffer | null> = {}) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const path = url.replace(/^\.\//, '');
    if (path in replace) return replace[path] ? new Response(replace[path]) : new Response('not found', { status: 404 });
    return new Response(readFileSync(path));
  });
  return asked;
}

async function load(e: ManifestDataset = entry) {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const asked = serve(replaced);
  const data = await loadBundled(e, './data/', importer, e.columnar ? fetchBytes(`./data/${e.columnar}`) : null);
  return { data, asked, warnings: warn.mock.calls.map((c) => String(c[0])) };
}

beforeAll(() => {
  expected = readColumnar(file(`data/${entry.columnar}`), entry.files).table;
});
afterEach(() => {
  replaced = {};
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const csvs = entry.files.map((f) => `./data/${f}`);
const columnar = `data/${entry.columnar}`;
const sameTable = (t: TidyTable) => {
  expect(t.size).toBe(expected.size);
  expect(t.value).toEqual(expected.value);
  expect(t.zone).toEqual(expected.zone);
  expect(t.source).toEqual(expected.source);
};

describe('loading a bundled dataset', () => {
  it('reads the columnar file and fetches no CSV, with no warning', async () => {
    const { data, asked, warnings } = await load();
    expect(asked).toEqual([`./${columnar}`]);
    expect(warnings).toEqual([]);
    sameTable(data.table);
    expect(data.reports.map((r) => r.file)).toEqual(entry.files);
  });

  it('without a columnar file named in the manifest: the CSVs, quietly (a deployer\'s own dataset)', async () => {
    const { data, asked, warnings } = await load({ ...entry, columnar: undefined });
    expect(asked).toEqual(csvs);
    expect(warnings).toEqual([]);
    sameTable(data.table);
  });

  const broken: [string, () => ArrayBuffer | null, RegExp][] = [
    ['missing (404)', () => null, /reported\.htzcol: .*HTTP 404/],
    [
      'another format version',
      () => {
        const buf = file(columnar);
        new DataView(buf).setUint32(4, COLUMNAR_VERSION + 1, true);
        new DataView(buf).setUint32(8, fnv1a(new Uint8Array(buf, 12)), true);
        return buf;
      },
      /format version/,
    ],
    [
      'corrupt (a byte changed)',
      () => {
        const buf = file(columnar);
        new Uint8Array(buf)[buf.byteLength - 5] ^= 0xff;
        return buf;
      },
      /checksum mismatch/,
    ],
    ['an HTML page instead (a host\'s fallback page)', () => new TextEncoder().encode('<!doctype html><title>x</title>').buffer as ArrayBuffer, /not a columnar table/],
  ];
  it.each(broken)('%s: falls back to the CSVs, with a warning naming the file and the reason', async (_name, bytes, reason) => {
    replaced = { [columnar]: bytes() };
    const { data, asked, warnings } = await load();
    expect(asked).toEqual([`./${columnar}`, ...csvs]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).toContain('reported.htzcol');
    expect(warnings[0]).toContain('npm run data:build');
    sameTable(data.table);
    expect(data.reports.map((r) => r.file)).toEqual(entry.files);
  });

  it('stale (the manifest lists other files than it was built from): falls back to the CSVs the manifest lists', async () => {
    const { data, asked, warnings } = await load({ ...entry, files: entry.files.slice(0, 2) });
    expect(asked).toEqual([`./${columnar}`, ...csvs.slice(0, 2)]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/built from other files/);
    expect(new Set(data.table.file.dict)).toEqual(new Set(entry.files.slice(0, 2)));
  });
});
