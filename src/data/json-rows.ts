import { LIMITS, type Limits } from './limits';

/**
 * Cells a JSON file may spread into: as many as it has characters (what a CSV of the same size could hold at
 * most, one delimiter per cell), and at least this many, so a small sparse file is never refused for its shape.
 */
export const JSON_MIN_CELLS = 1_000_000;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * A JSON array of objects (the canonical keys) becomes rows with a header, like a CSV; so does the
 * `rows` array of an object (`{"synthetic": true, "rows": [...]}`, the app's export of demo data), whose
 * `synthetic: true` is reported. Keys are read with Object.keys on JSON.parse output, where `__proto__` is
 * an own key, never a prototype.
 *
 * Every row of the grid has a cell for every key of the file, so keys spread over many objects make a grid
 * far larger than the file (docs/hostile-inputs.md J1: 4,000 objects of one new key each, 47 KB, would be 16 M
 * cells). The keys are counted against the column limit while they are collected, and the grid's size against
 * JSON_MIN_CELLS or the text's length, before any row is built.
 */
export function jsonToRows(
  text: string,
  limits: Pick<Limits, 'columns'> = LIMITS,
): { rows: string[][]; synthetic: boolean } | { error: string; row?: number; raw?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `JSON 格式错误：${(e as Error).message} (invalid JSON)` };
  }
  let synthetic = false;
  if (data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { rows?: unknown }).rows)) {
    synthetic = (data as { synthetic?: unknown }).synthetic === true;
    data = (data as { rows: unknown[] }).rows;
  }
  if (!Array.isArray(data)) return { error: 'JSON 文件应为对象数组 [{…}, …] 或 {"rows": [{…}, …]} (expected an array of objects, or an object with a "rows" array)' };
  const header: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const k of Object.keys(item)) {
        if (seen.has(k)) continue;
        seen.add(k);
        header.push(k);
      }
      if (header.length > limits.columns) {
        return {
          error:
            `JSON 的前 ${count(i + 1)} 个对象已有 ${count(header.length)} 个不同的键（每个键是一列），超过上限 ${count(limits.columns)} 列，文件未读取` +
            ` (the first ${count(i + 1)} JSON objects have ${count(header.length)} distinct keys, more than the limit of ${count(limits.columns)} columns)`,
          row: i + 2,
          raw: header.slice(-5).join(',').slice(0, 60),
        };
      }
    }
  }
  const cells = (data.length + 1) * Math.max(1, header.length);
  const maxCells = Math.max(JSON_MIN_CELLS, text.length);
  if (cells > maxCells) {
    return {
      error:
        `JSON 的 ${count(data.length)} 个对象共有 ${count(header.length)} 个不同的键，展开成表格有 ${count(cells)} 个单元格，超过上限 ${count(maxCells)} 个（不超过文件的字符数，至少 ${count(JSON_MIN_CELLS)} 个）；多数对象缺少大部分键，文件未读取` +
        ` (${count(data.length)} JSON objects with ${count(header.length)} distinct keys make ${count(cells)} cells, more than the limit of ${count(maxCells)}: most objects lack most keys)`,
      row: 0,
      raw: header.slice(0, 5).join(',').slice(0, 60),
    };
  }
  const cellText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const rows = data.map((item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? header.map((k) => (Object.prototype.hasOwnProperty.call(item, k) ? cellText((item as Record<string, unknown>)[k]) : ''))
      : [cellText(item)],
  );
  return { rows: [header, ...rows], synthetic };
}
