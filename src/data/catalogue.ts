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

/** Validates data/indicators.json so a deployer's typo is reported, not crashed on. */
export function parseIndicatorsJson(json: unknown): Indicator[] {
  if (!Array.isArray(json)) throw new Error('indicators.json: expected an array');
  return json.map((raw, i) => {
    const o = raw as Partial<Indicator>;
    if (typeof o.id !== 'string' || typeof o.zh !== 'string') {
      throw new Error(`indicators.json: entry ${i + 1} lacks id or zh`);
    }
    return {
      id: o.id,
      zh: o.zh,
      en: typeof o.en === 'string' ? o.en : o.id,
      aliases: Array.isArray(o.aliases) ? o.aliases.filter((a): a is string => typeof a === 'string') : [],
      unit: o.unit ?? '',
      unitEn: o.unitEn ?? o.unit ?? '',
      better: o.better === 'lower' ? 'lower' : 'higher',
      kind: o.kind ?? 'amount',
      decimals: typeof o.decimals === 'number' ? o.decimals : 1,
      bandsAllowed: o.bandsAllowed === true,
      group: o.group ?? '',
      definition: o.definition ?? { zh: '', en: '', source: '' },
    };
  });
}
