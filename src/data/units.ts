/**
 * Unit conversions between files (亿元 vs 万元): done openly, with a notice, never mixed silently.
 * Factors to a common base per dimension; units of different dimensions never convert.
 */
const FACTORS: Record<string, [dimension: string, factor: number]> = {
  元: ['cny', 1],
  千元: ['cny', 1e3],
  万元: ['cny', 1e4],
  亿元: ['cny', 1e8],
  万亿元: ['cny', 1e12],
  美元: ['usd', 1],
  万美元: ['usd', 1e4],
  亿美元: ['usd', 1e8],
  家: ['firms', 1],
  万家: ['firms', 1e4],
  个: ['items', 1],
  万个: ['items', 1e4],
  件: ['docs', 1],
  万件: ['docs', 1e4],
  人: ['people', 1],
  万人: ['people', 1e4],
};

/** Returns the value in `to`, or null when the units are unknown or of different kinds. */
export function convertUnit(value: number, from: string, to: string): number | null {
  const a = FACTORS[from.trim()];
  const b = FACTORS[to.trim()];
  if (!a || !b || a[0] !== b[0]) return null;
  // 12 significant digits hide float noise (1.7 × 1e4 must read 17000, not 17000.000000000004).
  return Number(((value * a[1]) / b[1]).toPrecision(12));
}
