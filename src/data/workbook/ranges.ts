/** Excel's A1 references, for the declared ranges checked before a sheet is read (docs/hostile-inputs.md W4). */

/** `A` → 0, `Z` → 25, `AA` → 26; -1 when the text is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/i.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Cells in a range `A1:XFD1048576` (or one cell `B2`): rows × columns. A reference that cannot be read counts
 * as Excel's whole sheet, so a mangled range is refused rather than trusted.
 */
export function rangeCells(ref: string): number {
  const WHOLE = 1_048_576 * 16_384;
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref.trim());
  if (!m) return WHOLE;
  const [c1, r1] = [columnIndex(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [columnIndex(m[3]), Number(m[4])] : [c1, r1];
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
}

/** 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
