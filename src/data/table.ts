import type { Basis, Observation, RankBand } from '../domain/types';

/**
 * The tidy table, stored by column: typed arrays for numbers, and every text column dictionary-coded —
 * the distinct values once, one small integer per row. A 50 MB file of 3 million observations is then
 * about 20 bytes an observation, built in the import worker and handed to the page as transferable
 * buffers (no copy, no per-string cloning), where the old table of JS strings took seconds to clone.
 * A value of NaN means "no number" (a band, or a yearbook placeholder such as `…`).
 */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A column of repeated values: `dict` holds each once; `codes` is null when every row has dict[0]. */
export interface Coded<T> {
  dict: T[];
  codes: Codes | null;
}

/**
 * The cell's text as written, kept for every observation. Most cells are the number itself written with
 * k decimals (`1234.50`): for those only k is stored and the text is `value.toFixed(k)`, checked exactly
 * when the table is built. The rest (`1,234`, `约 500`, `…`, converted units) are kept as text.
 */
export interface RawText {
  /** k ≥ 0: the raw text is value.toFixed(k); −1: it is other.dict[other.codes[i]] */
  decimals: Int8Array;
  other: Coded<string>;
}

export interface TidyTable {
  size: number;
  zone: Coded<string>;
  year: Int16Array;
  indicator: Coded<string>;
  value: Float64Array;
  band: Coded<RankBand | null>;
  unit: Coded<string>;
  period: Coded<string>;
  basis: Coded<Basis>;
  source: Coded<string>;
  note: Coded<string>;
  raw: RawText;
  flags: Coded<readonly string[]>;
  file: Coded<string>;
  row: Int32Array;
  column: Coded<string>;
}

/** The code of row i in a coded column. */
export const codeAt = (c: Coded<unknown>, i: number): number => (c.codes ? c.codes[i] : 0);
/** The value of row i in a coded column. */
export const at = <T>(c: Coded<T>, i: number): T => c.dict[c.codes ? c.codes[i] : 0];
/** The code of a value, or −1 when no row has it (dictionaries are small: a scan is enough). */
export const codeOf = <T>(c: Coded<T>, v: T): number => c.dict.indexOf(v);

export function rawAt(t: TidyTable, i: number): string {
  const k = t.raw.decimals[i];
  return k >= 0 ? t.value[i].toFixed(k) : at(t.raw.other, i);
}

export const valueAt = (t: TidyTable, i: number): number | null => (Number.isNaN(t.value[i]) ? null : t.value[i]);

const rowIndex = new WeakMap<Coded<unknown>, Int32Array[]>();

/**
 * The rows holding value `v` of a coded column, ascending. The index (one counting sort) is built the first
 * time a column is asked and kept with it, so a filter change visits only its indicator's rows.
 */
export function rowsWith<T>(c: Coded<T>, size: number, v: T): Int32Array {
  const k = codeOf(c, v);
  if (k < 0) return new Int32Array(0);
  let index = rowIndex.get(c);
  if (!index) {
    const counts = new Int32Array(c.dict.length);
    for (let i = 0; i < size; i++) counts[codeAt(c, i)]++;
    index = Array.from(counts, (n) => new Int32Array(n));
    const fill = new Int32Array(c.dict.length);
    for (let i = 0; i < size; i++) {
      const code = codeAt(c, i);
      index[code][fill[code]++] = i;
    }
    rowIndex.set(c, index);
  }
  return index[k];
}

/** The typed arrays of a table, to transfer to another thread instead of copying them. */
export function tableBuffers(t: TidyTable): ArrayBuffer[] {
  const coded = [t.zone, t.indicator, t.band, t.unit, t.period, t.basis, t.source, t.note, t.raw.other, t.flags, t.file, t.column];
  const arrays: ArrayBufferView[] = [t.year, t.value, t.row, t.raw.decimals, ...coded.flatMap((c) => (c.codes ? [c.codes] : []))];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** A table with no rows (a refused file). */
export function emptyTable(): TidyTable {
  const none = <T>(): Coded<T> => ({ dict: [], codes: null });
  return {
    size: 0, zone: none(), year: new Int16Array(0), indicator: none(), value: new Float64Array(0), band: none(), unit: none(), period: none(),
    basis: none(), source: none(), note: none(), raw: { decimals: new Int8Array(0), other: none() }, flags: none(), file: none(), row: new Int32Array(0), column: none(),
  };
}

export function observationAt(t: TidyTable, i: number): Observation {
  return {
    zone: at(t.zone, i), year: t.year[i], indicator: at(t.indicator, i), value: valueAt(t, i), band: at(t.band, i),
    unit: at(t.unit, i), period: at(t.period, i), basis: at(t.basis, i), source: at(t.source, i), note: at(t.note, i), raw: rawAt(t, i),
    flags: [...at(t.flags, i)], origin: { file: at(t.file, i), row: t.row[i], column: at(t.column, i) },
  };
}

export function tableRows(t: TidyTable): Observation[] {
  const out: Observation[] = new Array(t.size);
  for (let i = 0; i < t.size; i++) out[i] = observationAt(t, i);
  return out;
}

