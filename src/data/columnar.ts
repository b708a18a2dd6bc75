import type { ImportResult } from './import-file';
import type { Coded, TidyTable } from './table';

/*
 * A bundled dataset's table as the import worker would have built it, written by `npm run data:build`
 * (scripts/build-data/columnar.mjs) so that the first view neither parses a CSV nor waits for the worker
 * (docs/architecture.md §2.3). This file is the reader, loaded beside the fetch (not first-view code); the writer is
 * columnar-encode.ts, which the site never loads.
 *
 * Layout, little-endian:
 *   0  'HTZC'                4  u32 format version     8  u32 FNV-1a of every byte from 12 on
 *   12 u32 n, the byte length of the meta JSON        16 the meta JSON (UTF-8), zero-padded to a multiple of 8
 *   then the typed arrays, each at the 8-aligned offset (from the end of the padding) the meta gives: the page
 *   views the fetched buffer in place, nothing is copied.
 */
export const COLUMNAR_MAGIC = 0x435a5448; // 'HTZC' read as a little-endian u32
export const COLUMNAR_VERSION = 1;

export type ArrayKind = 'i8' | 'i16' | 'i32' | 'f64' | 'u8' | 'u16' | 'u32';
/** Where a typed array lies: its kind and byte offset after the meta; its length is the table's size. */
export type ArraySpot = [ArrayKind, number];
/** A coded column: its dictionary, and where its codes lie (null: every row holds dict[0]). */
export type CodedSpot = [unknown[], ArraySpot | null];

export interface ColumnarSource {
  file: string;
  bytes: number;
  fnv1a: number;
}

/** The meta JSON: what the file was built from, the dictionaries and array offsets, and the import reports. */
export interface ColumnarMeta {
  /** the CSVs read, in the manifest's order, with their size and FNV-1a: what the table is a copy of */
  sources: ColumnarSource[];
  size: number;
  arrays: Record<'year' | 'value' | 'row' | 'decimals', ArraySpot>;
  coded: Record<CodedName, CodedSpot>;
  /** each file's ImportResult without its table (the Data view's notes, the synthetic flag …) */
  reports: Omit<ImportResult, 'table'>[];
}

export const CODED = ['zone', 'indicator', 'band', 'unit', 'period', 'basis', 'source', 'note', 'rawOther', 'flags', 'file', 'column'] as const;
export type CodedName = (typeof CODED)[number];

/**
 * FNV-1a (32 bit): the file's checksum, and the source CSVs' fingerprints — a change detector, not a defence.
 * Not fflate's CRC-32: fflate keeps it internal to its zip code (no public export).
 */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

const TYPES = { i8: Int8Array, i16: Int16Array, i32: Int32Array, f64: Float64Array, u8: Uint8Array, u16: Uint16Array, u32: Uint32Array };

/**
 * A report's own table, empty: a bundled report's observations are the dataset's table, and nothing reads a
 * report's. Written out rather than imported from table.ts (its emptyTable): importing table.ts from this lazy
 * chunk makes the bundler split a module out of the first view's chunks, 75 B gzip more there (issue #19).
 */
function noRows(): TidyTable {
  const none = <T>(): Coded<T> => ({ dict: [], codes: null });
  return {
    size: 0, zone: none(), year: new Int16Array(0), indicator: none(), value: new Float64Array(0), band: none(), unit: none(), period: none(),
    basis: none(), source: none(), note: none(), raw: { decimals: new Int8Array(0), other: none() }, flags: none(), file: none(), row: new Int32Array(0), column: none(),
  };
}

/** Whether `bytes` are still the CSV the table was built from. */
export const sameSource = (s: ColumnarSource, bytes: Uint8Array): boolean => bytes.length === s.bytes && fnv1a(bytes) === s.fnv1a;

/**
 * The table and reports of a columnar file (and the CSVs it copies), or an Error saying why it cannot be used (not this format, another
 * version, a wrong checksum, built from other files than `files`). The caller then imports the CSVs instead.
 */
export function readColumnar(buffer: ArrayBuffer, files: readonly string[]): { table: TidyTable; reports: ImportResult[]; sources: ColumnarSource[] } {
  const head = buffer.byteLength >= 16 ? new Uint32Array(buffer, 0, 4) : null;
  if (!head || head[0] !== COLUMNAR_MAGIC) throw new Error('not a columnar table');
  // the arrays are viewed in the platform's byte order, which the file's little-endian order must be
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('big-endian platform');
  if (head[1] !== COLUMNAR_VERSION) throw new Error(`format version ${head[1]}, expected ${COLUMNAR_VERSION}`);
  if (fnv1a(new Uint8Array(buffer, 12)) !== head[2]) throw new Error('checksum mismatch');
  const meta = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 16, head[3]))) as ColumnarMeta;
  const built = meta.sources.map((s) => s.file).join('\n');
  if (built !== files.join('\n')) throw new Error(`built from other files (${built.replace(/\n/g, ', ')})`);
  const n = meta.size;
  const base = (16 + head[3] + 7) & ~7;
  const view = ([kind, offset]: ArraySpot) => new TYPES[kind](buffer, base + offset, n);
  const coded = (name: CodedName) => {
    const [dict, codes] = meta.coded[name];
    return { dict, codes: codes && view(codes) } as Coded<never>;
  };
  const { year, value, row, decimals } = meta.arrays;
  const table: TidyTable = {
    size: n, zone: coded('zone'), year: view(year) as Int16Array, indicator: coded('indicator'), value: view(value) as Float64Array,
    band: coded('band'), unit: coded('unit'), period: coded('period'), basis: coded('basis'), source: coded('source'), note: coded('note'),
    raw: { decimals: view(decimals) as Int8Array, other: coded('rawOther') }, flags: coded('flags'), file: coded('file'), row: view(row) as Int32Array, column: coded('column'),
  };
  return { table, reports: meta.reports.map((r) => ({ ...r, table: noRows() })), sources: meta.sources };
}
