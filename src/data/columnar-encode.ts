import { COLUMNAR_MAGIC, COLUMNAR_VERSION, CODED, fnv1a, type ArrayKind, type ArraySpot, type CodedName, type CodedSpot, type ColumnarMeta } from './columnar';
import type { ImportResult } from './import-file';
import { parseIndicatorsJson } from './indicators-json';
import { importInline } from './inline-import';
import type { Coded, TidyTable } from './table';
import { concatTables } from './table-builder';

/*
 * The writer of columnar.ts's format, for `npm run data:build` (scripts/build-data/columnar.mjs) and the tests.
 * Never loaded by the site.
 */

export interface SourceFile {
  /** the name the manifest gives (relative to data/), which is also the file name every row records */
  name: string;
  bytes: Uint8Array;
}

/**
 * A bundled dataset exactly as the page's CSV path builds it (src/store/bundled.ts): each file through the
 * one import pipeline (importFile, via importInline) with the registry and catalogue from data/, then the
 * files' tables laid end to end. There is no second normaliser.
 */
export async function importBundled(files: readonly SourceFile[], zonesCsv: string, indicatorsJson: unknown): Promise<{ table: TidyTable; reports: ImportResult[] }> {
  const indicators = parseIndicatorsJson(indicatorsJson);
  const outcomes = [];
  for (const f of files) outcomes.push(await importInline(f.name, f.bytes, zonesCsv, indicators, {}));
  return { table: concatTables(outcomes.map((o) => o.table)), reports: outcomes.map((o) => o.result) };
}

const KINDS: [ArrayKind, new (n: number) => ArrayBufferView][] = [['i8', Int8Array], ['i16', Int16Array], ['i32', Int32Array], ['f64', Float64Array], ['u8', Uint8Array], ['u16', Uint16Array], ['u32', Uint32Array]];
const kindOf = (a: ArrayBufferView): ArrayKind => KINDS.find(([, C]) => a instanceof C)![0];
const align8 = (n: number) => (n + 7) & ~7;

/** NaN's bits are not fixed by the language: written as the one quiet NaN, so a rebuild gives the same bytes. */
function canonicalNaN(values: Float64Array): Float64Array {
  const out = values.slice();
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) {
      words[2 * i] = 0;
      words[2 * i + 1] = 0x7ff80000;
    }
  }
  return out;
}

/** The file's bytes: deterministic for the same table, reports and sources (key order, NaN bits, zero padding). */
export function encodeColumnar(table: TidyTable, reports: readonly ImportResult[], sources: readonly SourceFile[]): Uint8Array {
  const parts: [ArrayBufferView, number][] = [];
  let at = 0;
  const place = (a: ArrayBufferView): ArraySpot => {
    parts.push([a, at]);
    const spot: ArraySpot = [kindOf(a), at];
    at = align8(at + a.byteLength);
    return spot;
  };
  const arrays = { year: place(table.year), value: place(canonicalNaN(table.value)), row: place(table.row), decimals: place(table.raw.decimals) };
  const column = (name: CodedName): Coded<unknown> => (name === 'rawOther' ? table.raw.other : table[name]);
  const coded = Object.fromEntries(CODED.map((name): [CodedName, CodedSpot] => {
    const c = column(name);
    return [name, [c.dict, c.codes && place(c.codes)]];
  })) as Record<CodedName, CodedSpot>;
  const meta: ColumnarMeta = {
    sources: sources.map((s) => ({ file: s.name, bytes: s.bytes.length, fnv1a: fnv1a(s.bytes) })),
    size: table.size,
    arrays,
    coded,
    reports: reports.map(({ table: _table, ...report }) => report),
  };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const base = align8(16 + json.length);
  const out = new Uint8Array(base + at);
  const head = new DataView(out.buffer);
  head.setUint32(0, COLUMNAR_MAGIC, true);
  head.setUint32(4, COLUMNAR_VERSION, true);
  head.setUint32(12, json.length, true);
  out.set(json, 16);
  for (const [a, offset] of parts) out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), base + offset);
  head.setUint32(8, fnv1a(out.subarray(12)), true);
  return out;
}
