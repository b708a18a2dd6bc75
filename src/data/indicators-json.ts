import type { Indicator } from '../domain/types';
import { checkIndicators, summariseProblems, type CheckedIndicator } from './indicator-schema.mjs';

/**
 * Validates data/indicators.json so a deployer's typo is reported, not crashed on. The rules are the ones the
 * data build applies to data/sources/indicators.json (indicator-schema.mjs, shared), except that a missing
 * optional field takes its default here. Any problem fails the start with a message naming the file, the
 * indicator id and the reason. Loaded beside the fetch of the file, not in the first view's code (the checker
 * is about 1.5 KB gzip; docs/architecture.md §3.4).
 */
export function parseIndicatorsJson(json: unknown): Indicator[] {
  const { indicators, problems } = checkIndicators(json, { file: 'indicators.json', complete: false });
  if (problems.length) throw new Error(summariseProblems(problems));
  return indicators;
}

// The shared rules are plain JavaScript typed by indicator-schema.d.mts: this fails the type check if their
// indicator and the app's Indicator ever differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<CheckedIndicator, Indicator> = true;
void sameShape;
