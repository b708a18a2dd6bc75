import { NATIONAL_ZONE_ID, type Zone } from '../domain/types';
import { textKey } from './text-key';

/** The 全国 pseudo-zone: national totals. It is matched like a zone but never ranked among zones. */
export const NATIONAL_ZONE: Zone = {
  id: NATIONAL_ZONE_ID,
  name: '全国国家高新区',
  short: '全国',
  aliases: ['全国', '全国高新区', '国家高新区', '全国国家高新区', 'national', 'China', 'all zones'],
  province: '',
  region: '',
  city: '',
  divisionCode: '',
  approvalYear: null,
  inEval2020: false,
  lat: null,
  lon: null,
  source: '',
};

export type ZoneMatch = { zone: Zone } | { zone: null; candidates: Zone[] };

export interface ZoneRegistry {
  zones: Zone[];
  byId: Map<string, Zone>;
  match(name: string): ZoneMatch;
}

/**
 * Builds the matcher for zone names as files write them: id, full name, short name or alias,
 * ignoring width, case and spaces. A name shared by two zones is ambiguous and matches neither.
 */
export function buildZoneRegistry(zones: Zone[]): ZoneRegistry {
  const all = [...zones, NATIONAL_ZONE];
  const byId = new Map(all.map((z) => [z.id, z]));
  const byKey = new Map<string, Zone[]>();
  const add = (key: string, z: Zone) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(z)) list.push(z);
    byKey.set(key, list);
  };
  for (const z of all) {
    for (const n of [z.id, z.name, z.short, ...z.aliases]) add(textKey(n), z);
  }
  const match = (name: string): ZoneMatch => {
    const key = textKey(name);
    const hits = byKey.get(key) ?? byKey.get(key.replace(/^国家级?/, '')) ?? [];
    if (hits.length === 1) return { zone: hits[0] };
    return { zone: null, candidates: hits };
  };
  return { zones, byId, match };
}
