import type { Zone } from '../../domain/types';
import { at } from '../../data/table';
import type { TidyTable } from '../../data/table';
import type { Tile } from './playlist';
import type { RankUniverse } from '../../model/rank-universe';

/**
 * The zones a tile is about: a list of ids, a province or region, or every zone that existed that year — or,
 * for an official rank, every zone that year's evaluation ranked (model/rank-universe.ts).
 */
export function tileZones(tile: Tile, zones: readonly Zone[], year: number | null, universe: RankUniverse | null = null): Zone[] {
  const existing = universe ? universe.zones : zones.filter((z) => year === null || z.approvalYear === null || z.approvalYear <= year);
  if (!tile.zones) return existing;
  if (Array.isArray(tile.zones)) {
    const set = new Set(tile.zones);
    return existing.filter((z) => set.has(z.id));
  }
  const [kind, name] = tile.zones.split(':');
  return existing.filter((z) => (kind === 'province' ? z.province === name : z.region === name));
}

/** "数据来源：A；B 等 5 个来源" for the rows a tile shows: provenance stays on screen on the wall too. */
export function sourceLine(table: TidyTable, rows: readonly number[], lang: 'zh' | 'en', max = 2): string {
  const seen: string[] = [];
  for (const i of rows) if (!seen.includes(at(table.source, i))) seen.push(at(table.source, i));
  if (!seen.length) return '';
  const shown = seen.slice(0, max).map((s) => (s.length > 60 ? `${s.slice(0, 57)}…` : s));
  const more = seen.length - shown.length;
  return lang === 'zh'
    ? `数据来源：${shown.join('；')}${more > 0 ? ` 等 ${seen.length} 个来源` : ''}`
    : `Sources: ${shown.join('; ')}${more > 0 ? ` and ${more} more` : ''}`;
}
