// @vitest-environment node
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODED, COLUMNAR_VERSION, fnv1a, readColumnar, type ColumnarMeta } from '../../src/data/columnar';
import { encodeColumnar, importBundled, type SourceFile } from '../../src/data/columnar-encode';
import type { ImportResult } from '../../src/data/import-file';
import type { TidyTable } from '../../src/data/table';

/* The columnar copies of the bundled datasets (issue #19 item 2, src/data/columnar.ts) against the CSVs they copy. */
const manifest = JSON.parse(readFileSync('data/manifest.json', 'utf8')) as { datasets: { id: string; files: string[]; columnar?: string }[] };
const zonesCsv = readFileSync('data/zones.csv', 'utf8');
const indicators = JSON.parse(readFileSync('data/indicators.json', 'utf8'));
const bufferOf = (path: string) => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const sourcesOf = (files: string[]): SourceFile[] => files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`data/${name}`)) }));

/** Every column of a table, the typed arrays as they are (type and contents) and the coded ones with their dictionaries. */
function columns(t: TidyTable): Record<string, unknown> {
  const coded = (c: { dict: unknown[]; codes: ArrayBufferView | null }) => ({ dict: c.dict, codes: c.codes });
  return {
    size: t.size, year: t.year, value: t.value, row: t.row, decimals: t.raw.decimals,
    ...Object.fromEntries(CODED.map((n) => [n, coded(n === 'rawOther' ? t.raw.other : t[n])])),
  };
}
const withoutTable = (reports: ImportResult[]) => reports.map(({ table: _t, ...r }) => r);

const datasets = manifest.datasets.filter((d) => d.columnar);

describe('the bundled datasets as columnar tables', () => {
  it('every bundled dataset has one', () => {
    expect(datasets.map((d) => [d.id, d.columnar])).toEqual([['reported', 'reported.htzcol'], ['demo', 'demo/panel.htzcol']]);
  });

  describe.each(datasets)('$id', (d) => {
    let fresh: { table: TidyTable; reports: ImportResult[] };
    beforeAll(async () => {
      fresh = await importBundled(sourcesOf(d.files), zonesCsv, indicators);
    });

    it('decodes to the table a fresh import of its CSVs gives, column by column, dictionaries included', () => {
      const { table } = readColumnar(bufferOf(`data/${d.columnar}`), d.files);
      expect(table.size).toBeGreaterThan(0);
      const got = columns(table);
      const want = columns(fresh.table);
      expect(Object.keys(got)).toEqual(Object.keys(want));
      for (const k of Object.keys(want)) expect(got[k], k).toEqual(want[k]);
    });

    it('carries the import reports the Data view shows (issues, notices, the synthetic flag, counts)', () => {
      const { reports } = readColumnar(bufferOf(`data/${d.columnar}`), d.files);
      expect(withoutTable(reports)).toEqual(withoutTable(fresh.reports));
      expect(reports.map((r) => r.file)).toEqual(d.files);
      expect(reports.some((r) => r.synthetic)).toBe(d.id === 'demo');
    });

    it('is byte for byte what data:build writes from the CSVs in the repo now (else: npm run data:build)', () => {
      const built = encodeColumnar(fresh.table, fresh.reports, sourcesOf(d.files));
      expect(Buffer.from(built).equals(readFileSync(`data/${d.columnar}`))).toBe(true);
    });

    it('records the size and FNV-1a of each CSV it was built from', () => {
      const b = new Uint8Array(bufferOf(`data/${d.columnar}`));
      const meta = JSON.parse(new TextDecoder().decode(b.subarray(16, 16 + new DataView(b.buffer).getUint32(12, true)))) as ColumnarMeta;
      expect(meta.sources).toEqual(sourcesOf(d.files).map((s) => ({ file: s.name, bytes: s.bytes.length, fnv1a: fnv1a(s.bytes) })));
    });
  });
});

describe('reading a columnar file', () => {
  const d = datasets[0];
  const good = () => bufferOf(`data/${d.columnar}`);
  /** The file with its header's version changed and the checksum made right again: only the version is wrong. */
  const withVersion = (v: number) => {
    const buf = good();
    const head = new DataView(buf);
    head.setUint32(4, v, true);
    head.setUint32(8, fnv1a(new Uint8Array(buf, 12)), true);
    return buf;
  };

  it('views the typed arrays in the fetched buffer, without copying them', () => {
    const buf = good();
    const { table } = readColumnar(buf, d.files);
    expect(table.value.buffer).toBe(buf);
    expect(table.year.buffer).toBe(buf);
    expect(table.zone.codes?.buffer).toBe(buf);
  });

  it('refuses another format version', () => {
    expect(() => readColumnar(withVersion(COLUMNAR_VERSION + 1), d.files)).toThrow(`format version ${COLUMNAR_VERSION + 1}, expected ${COLUMNAR_VERSION}`);
    expect(() => readColumnar(withVersion(COLUMNAR_VERSION), d.files)).not.toThrow();
  });

  it('refuses a file whose bytes changed after the build: one byte in the meta, one in the arrays', () => {
    for (const at of [40, good().byteLength - 3]) {
      const buf = good();
      new Uint8Array(buf)[at] ^= 0x01;
      expect(() => readColumnar(buf, d.files)).toThrow('checksum mismatch');
    }
  });

  it('refuses a cut-off file, and one that is not this format at all (an HTML page served instead)', () => {
    expect(() => readColumnar(good().slice(0, 4096), d.files)).toThrow('checksum mismatch');
    expect(() => readColumnar(good().slice(0, 10), d.files)).toThrow('not a columnar table');
    expect(() => readColumnar(new TextEncoder().encode('<!doctype html><html></html>').buffer as ArrayBuffer, d.files)).toThrow('not a columnar table');
  });

  it('refuses a file built from other files than the manifest lists (the manifest was edited, the build not rerun)', () => {
    expect(() => readColumnar(good(), d.files.slice(1))).toThrow(/built from other files \(reported\/rankings\.csv, /);
  });

  it('writes every NaN as the same bits, so a rebuild is byte-identical whatever NaN the import produced', async () => {
    const { table, reports } = await importBundled(sourcesOf(d.files), zonesCsv, indicators);
    const nan = Array.from(table.value.keys()).find((i) => Number.isNaN(table.value[i]));
    expect(nan).toBeDefined();
    const other = table.value.slice();
    new Uint32Array(other.buffer)[2 * nan! + 1] = 0x7ff80abc; // a quiet NaN with a payload
    expect(Number.isNaN(other[nan!])).toBe(true);
    const a = encodeColumnar(table, reports, sourcesOf(d.files));
    const b = encodeColumnar({ ...table, value: other }, reports, sourcesOf(d.files));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
