import type { Indicator } from '../domain/types';
import { textKey } from './text-key';

export interface Catalogue {
  indicators: Indicator[];
  byId: Map<string, Indicator>;
  /** finds an indicator by id, Chinese or English name or alias; unit suffixes are ignored */
  match(name: string): Indicator | null;
}

/** Keys also match without brackets' content and common decorations (同比, 年度) stripped. */
function variants(name: string): string[] {
  const k = textKey(name);
  const noBrackets = k.replace(/[([{【][^)\]}】]*[)\]}】]/g, '');
  return [...new Set([k, noBrackets])].filter(Boolean);
}

export function buildCatalogue(indicators: Indicator[]): Catalogue {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const byKey = new Map<string, Indicator>();
  for (const ind of indicators) {
    for (const n of [ind.id, ind.zh, ind.en, ...ind.aliases]) {
      for (const v of variants(n)) if (!byKey.has(v)) byKey.set(v, ind);
    }
  }
  const match = (name: string): Indicator | null => {
    for (const v of variants(name)) {
      const hit = byKey.get(v);
      if (hit) return hit;
    }
    return null;
  };
  return { indicators, byId, match };
}
