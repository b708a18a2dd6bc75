/**
 * A JSON array of objects (the canonical keys) becomes rows with a header, like a CSV.
 * Keys are read with Object.keys on JSON.parse output, where `__proto__` is an own key, never a prototype.
 */
export function jsonToRows(text: string): { rows: string[][] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `JSON 格式错误：${(e as Error).message} (invalid JSON)` };
  }
  if (!Array.isArray(data)) return { error: 'JSON 文件应为对象数组 [{…}, …] (expected an array of objects)' };
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
  return { rows: [header, ...rows] };
}
