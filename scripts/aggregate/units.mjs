// Units of `npm run aggregate` (docs/scaling.md): the factors that bring a column to the SQL's firm-level
// units, and the check that what the SQL writes is in the catalogue's units.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELDS } from './fields.mjs';
import { ROOT } from './paths.mjs';

/** Factors to the SQL's firm-level units: money to 万元, persons to 人, counts as they are. */
export const MONEY = { 元: 1e-4, 千元: 0.1, 万元: 1, 十万元: 10, 百万元: 100, 千万元: 1000, 亿元: 1e4 };
export const PERSONS = { 人: 1, 万人: 1e4 };
export const COUNTS = { 件: 1, 个: 1, 项: 1, 家: 1 };

/** Catalogue units for what the SQL writes; a mismatch means to_long.sql and data/indicators.json disagree. */
export function checkCatalogueUnits(indicatorsFile = join(ROOT, 'data/indicators.json')) {
  const cat = new Map(JSON.parse(readFileSync(indicatorsFile, 'utf8')).map((i) => [i.id, i]));
  const problems = [];
  for (const f of FIELDS) {
    for (const [id, unit] of Object.entries(f.feeds)) {
      const entry = cat.get(id);
      if (!entry) problems.push(`${id}: not in the catalogue`);
      else if (entry.unit !== unit) problems.push(`${id}: the SQL writes ${unit}, the catalogue says ${entry.unit}`);
      else if (f.kind === 'money' && unit === '亿元' && entry.kind !== 'amount') problems.push(`${id}: kind ${entry.kind} is not additive`);
    }
  }
  if (problems.length) throw new Error(`to_long.sql and data/indicators.json disagree: ${problems.join('; ')}`);
}
