import { textKey } from './text-key';

/**
 * The marks synthetic (demo) data carries in every file it leaves in, and how a file brought back in is
 * recognised by them (issue #14): a first comment line in a CSV, a `dataset` column reading `synthetic`,
 * `"synthetic": true` at the top of a JSON export, and the basis `synthetic`.
 */

/** The first line of a CSV export of demo data. No ASCII comma: a spreadsheet shows it in one cell. */
export const DEMO_CSV_COMMENT = '# 演示数据（合成，非真实统计）· synthetic demo data (not real statistics)';
/** The column every row of a demo export carries, and its value. */
export const DEMO_DATASET_COLUMN = 'dataset';
export const DEMO_DATASET_VALUE = 'synthetic';
/** The file-name prefix of every export of demo data. */
export const demoFilePrefix = (lang: 'zh' | 'en') => (lang === 'zh' ? '演示数据' : 'demo');

/** A comment row above the header that says the file is synthetic (`# 演示数据…`, `# synthetic …`). */
export function isDemoComment(cells: readonly string[]): boolean {
  const text = cells.join(',').trim();
  return /^#/.test(text) && /演示数据|合成|synthetic|demo data/i.test(text);
}

/**
 * Whether the rows of a file (header at `headerRow`) say they are synthetic: a comment line above the
 * header, or a `dataset`/`数据集` column whose values read `synthetic`.
 */
export function rowsSaySynthetic(rows: readonly (readonly string[])[], headerRow: number): boolean {
  for (let r = 0; r < Math.min(headerRow, rows.length); r++) if (isDemoComment(rows[r])) return true;
  const header = rows[headerRow] ?? [];
  const col = header.findIndex((h) => ['dataset', '数据集'].includes(textKey(h)));
  if (col < 0) return false;
  for (let r = headerRow + 1; r < rows.length; r++) if (textKey(rows[r][col] ?? '') === DEMO_DATASET_VALUE) return true;
  return false;
}

export { isDemoDataset } from './demo-dataset';
