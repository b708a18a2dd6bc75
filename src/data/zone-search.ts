import type { Zone } from '../domain/types';
import { textKey } from './text-key';

/** Turns Chinese text into pinyin syllables (toneless). Injected so this module stays small and testable. */
export type PinyinFn = (text: string) => string[];

export interface ZoneSearchIndex {
  search(query: string, limit?: number): Zone[];
}

interface Entry {
  zone: Zone;
  /** names, aliases and province as typed keys */
  names: string[];
  /** pinyin of the short name, whole (zhengzhou) and initials (zz) */
  pinyinFull: string;
  initials: string;
}

/**
 * Finds zones by full name, short name, alias, province, full pinyin or pinyin initials (`zz` → 郑州).
 * Ranking: exact short-name or initials match, then prefixes, then substrings. Ties (zz: 郑州, 漳州, 株洲 …)
 * go to the earlier-approved zone, the one more often looked for, then registry order.
 */
export function buildZoneSearch(zones: readonly Zone[], pinyin: PinyinFn | null): ZoneSearchIndex {
  const entries: Entry[] = zones.map((zone) => {
    const syllables = pinyin ? pinyin(zone.short) : [];
    return {
      zone,
      names: [zone.short, zone.name, zone.id, zone.en ?? '', zone.province, zone.province.replace(/(省|市|自治区|维吾尔|壮族|回族)/g, ''), ...zone.aliases].map(textKey),
      pinyinFull: syllables.join('').toLowerCase(),
      initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase(),
    };
  });
  const score = (e: Entry, q: string): number => {
    if (textKey(e.zone.short) === q || e.initials === q || e.pinyinFull === q) return 0;
    if (e.names.some((n) => n.startsWith(q)) || (q.length >= 2 && (e.initials.startsWith(q) || e.pinyinFull.startsWith(q)))) return 1;
    if (e.names.some((n) => n.includes(q))) return 2;
    if (q.length >= 3 && e.pinyinFull.includes(q)) return 3;
    return Infinity;
  };
  return {
    search(query, limit = 20) {
      const q = textKey(query);
      if (!q) return [];
      return entries
        .map((e, i) => ({ e, i, s: score(e, q) }))
        .filter((x) => x.s !== Infinity)
        .sort((a, b) => a.s - b.s || (a.e.zone.approvalYear ?? 9999) - (b.e.zone.approvalYear ?? 9999) || a.i - b.i)
        .slice(0, limit)
        .map((x) => x.e.zone);
    },
  };
}

/** pinyin-pro, loaded on demand (it is the heaviest dependency after ECharts). */
export async function loadPinyin(): Promise<PinyinFn> {
  const { pinyin } = await import('pinyin-pro');
  return (text) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
}
