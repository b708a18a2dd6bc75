/** Kept apart from filename.ts: views compute a scope label up front, the file-name sanitiser loads with export. */
export interface ScopeZone {
  short: string;
  province: string;
}

/**
 * What the chosen zones are, in a few characters: `郑州` (one zone), `河南7区` (all of one province),
 * `3区` (a mix), `全部169区` (none chosen: every zone). English: `Zhengzhou`, `Henan 7 zones`, `3 zones`, `all 169 zones`.
 * `registry`: the total is the registry's count, not one a source states (an evaluation of unknown size):
 * `名录176区` / `176 registry zones`.
 */
export function scopeLabel(zones: readonly ScopeZone[], total: number, lang: 'zh' | 'en', registry = false): string {
  const zh = lang === 'zh';
  const n = zones.length;
  if (n === 0 && registry) return zh ? `名录${total}区` : `${total} registry zones`;
  if (n === 0) return zh ? `全部${total}区` : `all ${total} zones`;
  if (n === 1) return zones[0].short;
  const provinces = new Set(zones.map((z) => z.province));
  const [only] = provinces;
  if (provinces.size === 1 && only) return zh ? `${only}${n}区` : `${only} ${n} zones`;
  return zh ? `${n}区` : `${n} zones`;
}

export interface ChosenZone extends ScopeZone {
  id: string;
  /** the name a note uses in English (the short name otherwise) */
  en?: string;
}

/**
 * The scope of what a chart draws: the chosen zones that have at least one row shown, never those without data.
 * `missingNote` names the chosen zones the chart leaves out (`所选 9 区中 2 区无数据：安阳、南阳`), '' when none.
 * No zone chosen means the whole universe, as scopeLabel says.
 */
export function drawnScope(chosen: readonly ChosenZone[], drawn: ReadonlySet<string>, total: number, lang: 'zh' | 'en', registry = false): { scope: string; missingNote: string } {
  const zh = lang === 'zh';
  if (!chosen.length) return { scope: scopeLabel([], total, lang, registry), missingNote: '' };
  const shown = chosen.filter((z) => drawn.has(z.id));
  const missing = chosen.filter((z) => !drawn.has(z.id));
  const names = missing.map((z) => (zh ? z.short : z.en || z.short)).join(zh ? '、' : ', ');
  const missingNote = !missing.length
    ? ''
    : zh
      ? `所选 ${chosen.length} 区中 ${missing.length} 区无数据：${names}`
      : `${missing.length} of the ${chosen.length} chosen zones have no data: ${names}`;
  return { scope: shown.length ? scopeLabel(shown, total, lang, registry) : zh ? '无数据' : 'no data', missingNote };
}
