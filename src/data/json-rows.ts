/**
 * A JSON array of objects (the canonical keys) becomes rows with a header, like a CSV; so does the
 * `rows` array of an object (`{"synthetic": true, "rows": [...]}`, the app's export of demo data), whose
 * `synthetic: true` is reported. Keys are read with Object.keys on JSON.parse output, where `__proto__` is
 * an own key, never a prototype.
 */
export function jsonToRows(text: string): { rows: string[][]; synthetic: boolean } | { error: string } {
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
  for (const item of data) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const k of Object.keys(item)) {
        if (seen.has(k)) continue;
        seen.add(k);
        header.push(k);
      }
    }
  }
  const cellText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const rows = data.map((item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? header.map((k) => (Object.prototype.hasOwnProperty.call(item, k) ? cellText((item as Record<string, unknown>)[k]) : ''))
      : [cellText(item)],
  );
  return { rows: [header, ...rows], synthetic };
}
