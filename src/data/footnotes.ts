/**
 * Footnote marks kept with a value (issue #14): a yearbook's `3,456*` or `812②` is read as the number with the
 * flags `footnote` and `footnote:*` / `footnote:②` (a mark on the zone name or on the column header counts
 * too). Small and dependency-free: the importer writes these flags, the page reads them.
 */

const PREFIX = 'footnote:';

/** The flag that keeps a footnote mark's text with a value: `footnote:*`, `footnote:②`, `footnote:注1`. */
export const markFlag = (mark: string) => PREFIX + mark;

/** The footnote marks among a value's flags, in order: `['footnote', 'footnote:*']` → `['*']`. */
export function marksOf(flags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  if (flags) for (const f of flags) if (f.startsWith(PREFIX)) out.push(f.slice(PREFIX.length));
  return out;
}

/** The marks as a table or tooltip writes them beside the value: `*`, `* ②`; '' when none. */
export const marksText = (flags: readonly string[] | undefined) => marksOf(flags).join(' ');

/** How many values of a table carry a footnote mark, and which marks (in order of first sight): the preview's notice. */
export function footnoteSummary(t: { size: number; flags: { dict: readonly (readonly string[])[]; codes: ArrayLike<number> | null } }): { n: number; marks: string[] } {
  const marksByCode = t.flags.dict.map((f) => marksOf(f));
  if (!marksByCode.some((m) => m.length)) return { n: 0, marks: [] };
  const marks = new Set<string>();
  let n = 0;
  for (let i = 0; i < t.size; i++) {
    const m = marksByCode[t.flags.codes ? t.flags.codes[i] : 0];
    if (m.length) {
      n++;
      for (const x of m) marks.add(x);
    }
  }
  return { n, marks: [...marks] };
}
