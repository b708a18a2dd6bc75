import Papa from 'papaparse';
import type { Zone } from '../domain/types';
import { REGIONS as REGION_LIST } from '../domain/provinces.mjs';

/*
 * Kept apart from registry.ts so that the main thread, which only matches names, never loads papaparse:
 * zones.csv is parsed in the import worker and the zones are sent back.
 */
const REGIONS = new Set<string>(REGION_LIST.map((r) => r.zh));

/** Parses data/zones.csv (see data/README.md). Columns are read by name, so their order may change. */
export function parseZonesCsv(text: string): Zone[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const get = (row: string[], name: string) => (col.has(name) ? (row[col.get(name)!] ?? '').trim() : '');
  const num = (s: string) => (s === '' || !Number.isFinite(Number(s)) ? null : Number(s));
  return rows.map((row) => {
    const region = get(row, 'region');
    return {
      id: get(row, 'id'),
      name: get(row, 'name'),
      short: get(row, 'short'),
      en: get(row, 'name_en') || undefined,
      aliases: get(row, 'aliases').split('|').map((a) => a.trim()).filter(Boolean),
      province: get(row, 'province'),
      region: (REGIONS.has(region) ? region : '') as Zone['region'],
      city: get(row, 'city'),
      divisionCode: get(row, 'division_code'),
      approvalYear: num(get(row, 'approval_year')),
      inEval2020: get(row, 'in_2020_evaluation') === 'true',
      lat: num(get(row, 'lat')),
      lon: num(get(row, 'lon')),
      source: get(row, 'source'),
    };
  });
}

