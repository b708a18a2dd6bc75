import type { Region } from './provinces.mjs';
/**
 * Core domain types shared by every layer. Pure types: no React, no store.
 * The canonical (tidy) format is a contract (docs/architecture.md §2.1): one observation per row.
 */

/**
 * How a figure came to be; `reported` is the default when a file says nothing. `synthetic`: made up by a
 * generator (the demo panel) — final within its fiction, never a statistic.
 */
export type Basis = 'reported' | 'derived' | 'estimate' | 'target' | 'preliminary' | 'synthetic';
export const BASES: readonly Basis[] = ['reported', 'derived', 'estimate', 'target', 'preliminary', 'synthetic'];

/** An official rank given only as a group ("top10", "前20"): kept as a band, never as a number. */
export interface RankBand {
  /** the label as written, normalised: `top3`, `top10`, `top20` */
  label: string;
  /** the band's upper bound: top10 → 10 */
  upTo: number;
}

/** Where an observation was read from: enough to point at the cell. */
export interface Origin {
  file: string;
  /** 1-based line/row number in the file as a spreadsheet user would count it */
  row: number;
  column?: string;
}

export interface Observation {
  /** zone id from the registry (data/zones.csv), or NATIONAL_ZONE_ID for national totals */
  zone: string;
  year: number;
  /** indicator id from the catalogue (data/indicators.json) */
  indicator: string;
  /** null when the value is a band or a yearbook placeholder such as `…` */
  value: number | null;
  band: RankBand | null;
  unit: string;
  /** '' for a full calendar year; otherwise e.g. `Q1-Q3`, `1-11月` */
  period: string;
  basis: Basis;
  source: string;
  note: string;
  /** the cell's original text, always kept beside the value */
  raw: string;
  /** flags raised while reading the number: approx, lower-bound, parenthesised-negative … */
  flags: string[];
  origin: Origin;
}

export type IssueSeverity = 'error' | 'warning' | 'info';

/** One thing the importer could not read, or read with a caveat. Nothing is dropped silently. */
export interface ImportIssue {
  file: string;
  /** 1-based row; 0 when the issue concerns the whole file */
  row: number;
  column: string;
  raw: string;
  reason: string;
  severity: IssueSeverity;
  /** a summary row standing for this many issues not listed one by one (src/data/issue-log.ts) */
  count?: number;
}

export type DatasetKind = 'reported' | 'demo' | 'user';

export interface Zone {
  id: string;
  name: string;
  short: string;
  /** English label (pinyin of the short name, or the name in use: Suzhou Industrial Park) */
  en?: string;
  aliases: string[];
  province: string;
  region: Region | '';
  city: string;
  divisionCode: string;
  approvalYear: number | null;
  inEval2020: boolean;
  lat: number | null;
  lon: number | null;
  source: string;
}

export type IndicatorKind = 'rank' | 'amount' | 'rate' | 'count' | 'ratio';

export interface Indicator {
  id: string;
  zh: string;
  en: string;
  aliases: string[];
  unit: string;
  unitEn: string;
  better: 'higher' | 'lower';
  kind: IndicatorKind;
  decimals: number;
  bandsAllowed: boolean;
  group: string;
  definition: { zh: string; en: string; source: string };
}

/** The id of the 全国 pseudo-zone: national totals, never ranked among zones. */
export const NATIONAL_ZONE_ID = 'national';
