import type { Basis, Observation, RankBand } from '../domain/types';

/**
 * The tidy table, stored by column: typed arrays for numbers, one JS array per text column
 * (V8 shares equal strings, so a column of 169 zone ids repeated costs little).
 * A value of NaN means "no number" (a band, or a yearbook placeholder such as `…`).
 */
export interface TidyTable {
  size: number;
  zone: string[];
  year: Int16Array;
  indicator: string[];
  value: Float64Array;
  band: (RankBand | null)[];
  unit: string[];
  period: string[];
  basis: Basis[];
  source: string[];
  note: string[];
  raw: string[];
  flags: string[][];
  file: string[];
  row: Int32Array;
  column: string[];
}

export function emptyTable(): TidyTable {
  return toTable([]);
}

export function toTable(obs: readonly Observation[]): TidyTable {
  const n = obs.length;
  const t: TidyTable = {
    size: n, zone: new Array(n), year: new Int16Array(n), indicator: new Array(n), value: new Float64Array(n),
    band: new Array(n), unit: new Array(n), period: new Array(n), basis: new Array(n), source: new Array(n),
    note: new Array(n), raw: new Array(n), flags: new Array(n), file: new Array(n), row: new Int32Array(n), column: new Array(n),
  };
  obs.forEach((o, i) => {
    t.zone[i] = o.zone;
    t.year[i] = o.year;
    t.indicator[i] = o.indicator;
    t.value[i] = o.value ?? NaN;
    t.band[i] = o.band;
    t.unit[i] = o.unit;
    t.period[i] = o.period;
    t.basis[i] = o.basis;
    t.source[i] = o.source;
    t.note[i] = o.note;
    t.raw[i] = o.raw;
    t.flags[i] = o.flags;
    t.file[i] = o.origin.file;
    t.row[i] = o.origin.row;
    t.column[i] = o.origin.column ?? '';
  });
  return t;
}

export function observationAt(t: TidyTable, i: number): Observation {
  const v = t.value[i];
  return {
    zone: t.zone[i], year: t.year[i], indicator: t.indicator[i], value: Number.isNaN(v) ? null : v, band: t.band[i],
    unit: t.unit[i], period: t.period[i], basis: t.basis[i], source: t.source[i], note: t.note[i], raw: t.raw[i],
    flags: t.flags[i], origin: { file: t.file[i], row: t.row[i], column: t.column[i] },
  };
}

export function tableRows(t: TidyTable): Observation[] {
  const out: Observation[] = new Array(t.size);
  for (let i = 0; i < t.size; i++) out[i] = observationAt(t, i);
  return out;
}

export function concatTables(tables: readonly TidyTable[]): TidyTable {
  return toTable(tables.flatMap(tableRows));
}
