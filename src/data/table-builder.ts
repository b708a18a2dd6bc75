import type { Basis, Observation, RankBand } from '../domain/types';
import type { Codes, Coded, TidyTable } from './table';

/*
 * Building tables: in the import worker (observation by observation), and on the page when tables are
 * joined or a file's rows removed. Kept apart from table.ts so that the first view loads only the readers.
 */

/** A dictionary under construction: values by a string key, codes in order of first sight. */
export class DictBuilder<T> {
  private byKey = new Map<string, number>();
  // consecutive rows mostly repeat a source, file or unit: the last key answers without a map lookup
  private lastKey: string | null = null;
  private lastCode = 0;
  readonly values: T[] = [];
  code(key: string, value: T): number {
    if (key === this.lastKey) return this.lastCode;
    let c = this.byKey.get(key);
    if (c === undefined) {
      c = this.values.length;
      this.byKey.set(key, c);
      this.values.push(value);
    }
    this.lastKey = key;
    this.lastCode = c;
    return c;
  }
}

/** The first n codes in the narrowest array their dictionary allows; null when it has one value (or none). */
export function narrow(codes: Uint32Array, n: number, dictSize: number): Codes | null {
  if (dictSize <= 1) return null;
  const Ctor = dictSize <= 0x100 ? Uint8Array : dictSize <= 0x10000 ? Uint16Array : Uint32Array;
  const out = new Ctor(n);
  out.set(codes.subarray(0, n));
  return out;
}

class CodedBuilder<T> {
  dict = new DictBuilder<T>();
  codes = new Uint32Array(0);
  finish(n: number): Coded<T> {
    const dict = this.dict.values;
    return { dict, codes: narrow(this.codes, n, dict.length) };
  }
}

const textBuilder = () => new CodedBuilder<string>();
export const bandKey = (b: RankBand | null) => (b ? `${b.label}\u0000${b.upTo}` : '');
export const flagsKey = (f: readonly string[]) => f.join('\u0000');

/** How the raw text is kept: k when value.toFixed(k) gives it back exactly, else −1. */
export function reproducibleDecimals(raw: string, value: number): number {
  if (Number.isNaN(value) || raw === '') return -1;
  // The common case without toFixed's string (a fifth of a wide file's import): a plain decimal of at most
  // 15 digits, no leading zero, that reads back as `value`. Fifteen significant digits survive a double
  // exactly, so toFixed(k) would return it; everything else takes the general check below.
  const k = plainDecimals(raw);
  if (k >= 0 && Number(raw) === value && !(value === 0 && raw.charCodeAt(0) === 45)) return k;
  const dot = raw.indexOf('.');
  const d = dot === -1 ? 0 : raw.length - dot - 1;
  return d <= 20 && value.toFixed(d) === raw ? d : -1;
}

/** k for `-?(0|[1-9]\d*)(\.\d+)?` with at most 15 digits (k digits after the point), else −1. */
function plainDecimals(raw: string): number {
  let i = raw.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const first = i;
  let digits = 0;
  let dot = -1;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 /* . */ && dot === -1 && i > first) dot = i;
    else return -1;
  }
  const intDigits = (dot === -1 ? raw.length : dot) - first;
  if (digits === 0 || digits > 15 || dot === raw.length - 1) return -1;
  if (intDigits > 1 && raw.charCodeAt(first) === 48 /* leading 0 */) return -1;
  return dot === -1 ? 0 : raw.length - dot - 1;
}

/**
 * Builds a table one observation at a time (the importer's normalise step writes here), growing its
 * arrays by doubling. `finish` narrows each code array to the fewest bytes its dictionary allows.
 */
export class TableBuilder {
  private n = 0;
  private cap = 0;
  private year = new Int16Array(0);
  private value = new Float64Array(0);
  private row = new Int32Array(0);
  private decimals = new Int8Array(0);
  private zone = textBuilder();
  private indicator = textBuilder();
  private band = new CodedBuilder<RankBand | null>();
  private unit = textBuilder();
  private period = textBuilder();
  private basis = new CodedBuilder<Basis>();
  private source = textBuilder();
  private note = textBuilder();
  private rawOther = textBuilder();
  private flags = new CodedBuilder<readonly string[]>();
  private file = textBuilder();
  private column = textBuilder();

  get size() {
    return this.n;
  }

  private grow() {
    const cap = Math.max(1024, this.cap * 2);
    const g = <A extends Int16Array | Float64Array | Int32Array | Int8Array | Uint32Array>(a: A, Ctor: new (n: number) => A): A => {
      const b = new Ctor(cap);
      b.set(a as never);
      return b;
    };
    this.year = g(this.year, Int16Array);
    this.value = g(this.value, Float64Array);
    this.row = g(this.row, Int32Array);
    this.decimals = g(this.decimals, Int8Array);
    for (const c of this.coded()) c.codes = g(c.codes, Uint32Array);
    this.cap = cap;
  }

  private coded(): CodedBuilder<unknown>[] {
    return [this.zone, this.indicator, this.band, this.unit, this.period, this.basis, this.source, this.note, this.rawOther, this.flags, this.file, this.column] as CodedBuilder<unknown>[];
  }

  add(o: Observation): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    const v = o.value ?? NaN;
    this.year[i] = o.year;
    this.value[i] = v;
    this.row[i] = o.origin.row;
    const k = reproducibleDecimals(o.raw, v);
    this.decimals[i] = k;
    this.rawOther.codes[i] = k >= 0 ? 0 : this.rawOther.dict.code(o.raw, o.raw);
    this.zone.codes[i] = this.zone.dict.code(o.zone, o.zone);
    this.indicator.codes[i] = this.indicator.dict.code(o.indicator, o.indicator);
    this.band.codes[i] = this.band.dict.code(bandKey(o.band), o.band);
    this.unit.codes[i] = this.unit.dict.code(o.unit, o.unit);
    this.period.codes[i] = this.period.dict.code(o.period, o.period);
    this.basis.codes[i] = this.basis.dict.code(o.basis, o.basis);
    this.source.codes[i] = this.source.dict.code(o.source, o.source);
    this.note.codes[i] = this.note.dict.code(o.note, o.note);
    this.flags.codes[i] = this.flags.dict.code(flagsKey(o.flags), o.flags);
    this.file.codes[i] = this.file.dict.code(o.origin.file, o.origin.file);
    const col = o.origin.column ?? '';
    this.column.codes[i] = this.column.dict.code(col, col);
  }

  finish(): TidyTable {
    const n = this.n;
    return {
      size: n,
      zone: this.zone.finish(n),
      year: this.year.slice(0, n),
      indicator: this.indicator.finish(n),
      value: this.value.slice(0, n),
      band: this.band.finish(n),
      unit: this.unit.finish(n),
      period: this.period.finish(n),
      basis: this.basis.finish(n),
      source: this.source.finish(n),
      note: this.note.finish(n),
      // rows whose raw text is reproducible hold code 0 in `other` and never read it
      raw: { decimals: this.decimals.slice(0, n), other: this.rawOther.finish(n) },
      flags: this.flags.finish(n),
      file: this.file.finish(n),
      row: this.row.slice(0, n),
      column: this.column.finish(n),
    };
  }
}

export function toTable(obs: readonly Observation[]): TidyTable {
  const b = new TableBuilder();
  for (const o of obs) b.add(o);
  return b.finish();
}

/** Rows of one table, or of several laid end to end, with their dictionaries merged. */
export function concatTables(tables: readonly TidyTable[]): TidyTable {
  const parts = tables.filter((t) => t.size > 0);
  if (parts.length === 1) return parts[0];
  return assemble(parts.map((t) => ({ t, rows: null })));
}

/** The rows of `t` for which `keep` is true, in order (a file removed, for example). */
export function filterRows(t: TidyTable, keep: (i: number) => boolean): TidyTable {
  const rows: number[] = [];
  for (let i = 0; i < t.size; i++) if (keep(i)) rows.push(i);
  if (rows.length === t.size) return t;
  return assemble([{ t, rows: Int32Array.from(rows) }]);
}

/** The same rows, read from `from` renamed `to` (a second `data.csv` kept as `data (2).csv`: docs/hostile-inputs.md P9). */
export function renameFile(t: TidyTable, from: string, to: string): TidyTable {
  return { ...t, file: { ...t.file, dict: t.file.dict.map((f) => (f === from ? to : f)) } };
}

/** The table without the rows read from these files (a file re-imported, removed, or restored from a backup). */
export function withoutFiles(t: TidyTable, files: ReadonlySet<string>): TidyTable {
  const drop = t.file.dict.map((f) => files.has(f));
  return filterRows(t, (i) => !drop[t.file.codes ? t.file.codes[i] : 0]);
}

type Part = { t: TidyTable; rows: Int32Array | null };

/** One table from row selections of several: codes remapped into merged dictionaries, typed arrays copied. */
function assemble(parts: Part[]): TidyTable {
  const n = parts.reduce((a, p) => a + (p.rows ? p.rows.length : p.t.size), 0);
  const pick = <A extends Int16Array | Float64Array | Int32Array | Int8Array>(get: (t: TidyTable) => A, Ctor: new (n: number) => A): A => {
    const out = new Ctor(n);
    let o = 0;
    for (const p of parts) {
      const src = get(p.t);
      if (!p.rows) {
        out.set(src as never, o);
        o += src.length;
      } else for (let k = 0; k < p.rows.length; k++) out[o++] = src[p.rows[k]];
    }
    return out;
  };
  const merge = <T>(get: (t: TidyTable) => Coded<T>, key: (v: T) => string): Coded<T> => {
    const dict = new DictBuilder<T>();
    const codes = new Uint32Array(n);
    let o = 0;
    for (const p of parts) {
      const c = get(p.t);
      const remap = c.dict.map((v) => dict.code(key(v), v));
      const count = p.rows ? p.rows.length : p.t.size;
      for (let k = 0; k < count; k++) {
        const i = p.rows ? p.rows[k] : k;
        // `?? 0`: a raw-text code of a row whose text is reproducible, in a part with no other text
        codes[o++] = remap[c.codes ? c.codes[i] : 0] ?? 0;
      }
    }
    const values = dict.values;
    return { dict: values, codes: narrow(codes, n, values.length) };
  };
  const text = (get: (t: TidyTable) => Coded<string>) => merge(get, (s) => s);
  return {
    size: n,
    zone: text((t) => t.zone),
    year: pick((t) => t.year, Int16Array),
    indicator: text((t) => t.indicator),
    value: pick((t) => t.value, Float64Array),
    band: merge((t) => t.band, bandKey),
    unit: text((t) => t.unit),
    period: text((t) => t.period),
    basis: merge((t) => t.basis, (b) => b),
    source: text((t) => t.source),
    note: text((t) => t.note),
    raw: { decimals: pick((t) => t.raw.decimals, Int8Array), other: text((t) => t.raw.other) },
    flags: merge((t) => t.flags, flagsKey),
    file: text((t) => t.file),
    row: pick((t) => t.row, Int32Array),
    column: text((t) => t.column),
  };
}
