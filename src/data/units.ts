/**
 * Unit conversions between files (亿元 vs 万元): done openly, with a notice, never mixed silently.
 * Factors to a common base per dimension; units of different dimensions never convert.
 */
// A Map: units come from files, and a unit cell `constructor` must not find Object's.
const FACTORS = new Map<string, [dimension: string, factor: number]>(Object.entries({
  元: ['cny', 1],
  千元: ['cny', 1e3],
  万元: ['cny', 1e4],
  亿元: ['cny', 1e8],
  万亿元: ['cny', 1e12],
  美元: ['usd', 1],
  万美元: ['usd', 1e4],
  亿美元: ['usd', 1e8],
  // counts: firms in 家 or 个, patents in 件 or 项 — yearbooks use them interchangeably
  家: ['count', 1],
  万家: ['count', 1e4],
  个: ['count', 1],
  万个: ['count', 1e4],
  件: ['count', 1],
  万件: ['count', 1e4],
  项: ['count', 1],
  万项: ['count', 1e4],
  人: ['people', 1],
  万人: ['people', 1e4],
  // a rank is written 第17位 or 第17名: the same thing
  位: ['rank', 1],
  名: ['rank', 1],
} satisfies Record<string, [string, number]>));

/** Returns the value in `to`, or null when the units are unknown or of different kinds. */
export function convertUnit(value: number, from: string, to: string): number | null {
  const a = FACTORS.get(from.trim());
  const b = FACTORS.get(to.trim());
  if (!a || !b || a[0] !== b[0]) return null;
  // 12 significant digits hide float noise (1.7 × 1e4 must read 17000, not 17000.000000000004).
  return Number(((value * a[1]) / b[1]).toPrecision(12));
}

/** `位 (of 387)` → `位`: a note in brackets after a unit does not change the unit. */
const bare = (u: string) => u.trim().replace(/\s*[(（][^()（）]*[)）]$/, '');

/** Two spellings of one unit (`位` and `名`, `个` and `家`, `位 (of 387)`): nothing to convert or report. */
export function sameUnit(a: string, b: string): boolean {
  const x = FACTORS.get(bare(a));
  const y = FACTORS.get(bare(b));
  return bare(a) === bare(b) || (!!x && !!y && x[0] === y[0] && x[1] === y[1]);
}
