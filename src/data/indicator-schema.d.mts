// Types of indicator-schema.mjs, the catalogue rules shared by the app and the data build (see that file for
// why it is JavaScript). src/data/catalogue.ts checks at compile time that CheckedIndicator is exactly the
// app's Indicator (src/domain/types.ts).

export type IndicatorKind = 'rank' | 'amount' | 'rate' | 'count' | 'ratio';

export interface CheckedIndicator {
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

export type IndicatorKey = keyof CheckedIndicator;

export interface CheckOptions {
  /** named in every problem, e.g. "data/sources/indicators.json" */
  file: string;
  /** true: every field must be present and every definition filled (the build); false: defaults fill gaps (the app) */
  complete: boolean;
}

export interface CheckResult {
  /** the entries that are objects, in file order, fields in INDICATOR_KEYS order (defaults where a value was bad) */
  indicators: CheckedIndicator[];
  /** one line per problem: file, indicator id, entry number, reason; empty when the catalogue is sound */
  problems: string[];
}

export type CheckIndicators = (json: unknown, options: CheckOptions) => CheckResult;

/** The fields of an indicator, in the order the published file writes them. */
export declare const INDICATOR_KEYS: IndicatorKey[];
export declare const INDICATOR_KINDS: IndicatorKind[];
export declare const checkIndicators: CheckIndicators;
export declare function indicatorNameKey(name: string): string;
/** The problems as one message; a long list is cut after the first ten, saying how many more there are. */
export declare function summariseProblems(problems: string[]): string;
