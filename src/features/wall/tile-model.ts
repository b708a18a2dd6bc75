import type { Zone } from '../../domain/types';
import { at } from '../../data/table';
import type { TidyTable } from '../../data/table';
import type { Tile } from './playlist';
import { existingIn, type RankUniverse } from '../../model/rank-universe';
import type { TierRule } from '../../data/source-tiers';
import { shortSourceTitle } from '../../charts/export/source-titles';

/**
 * The zones a tile is about: a list of ids, a province or region, or every zone that existed that year — or,
 * for an official rank, every zone that year's evaluation ranked (model/rank-universe.ts).
 */
export function tileZones(tile: Tile, zones: readonly Zone[], year: number | null, universe: RankUniverse | null = null): Zone[] {
  const existing = universe ? universe.zones : year === null ? [...zones] : existingIn(zones, year);
  if (!tile.zones) return existing;
  if (Array.isArray(tile.zones)) {
    const set = new Set(tile.zones);
    return existing.filter((z) => set.has(z.id));
  }
  const [kind, name] = tile.zones.split(':');
  return existing.filter((z) => (kind === 'province' ? z.province === name : z.region === name));
}

/** A wall's short title for a citation: the outlet and date, never a raw URL or path, and never cut with … (it wraps). */
export function wallSourceTitle(citation: string, rules: readonly TierRule[] = [], lang: 'zh' | 'en' = 'zh'): string {
  let s = citation;
  // a bilingual note without links (`演示数据 … / synthetic demo data …`): the half in the wall's language
  if (!/https?:/i.test(s) && s.includes(' / ')) {
    const [zh, en] = s.split(' / ', 2);
    s = lang === 'en' && en ? en : zh;
  }
  // a script's path says nothing to a viewer
  s = s.replace(/[\w.-]*\/[\w./-]+\.(?:m?js|ts|py|sh)\b/g, '').replace(/\s+/g, ' ').replace(/：\s+/g, '：');
  return shortSourceTitle(s, rules, 80);
}

/** "数据来源：A；B 等 5 个来源" for the rows a tile shows, by short title: provenance stays on screen on the wall too. */
export function sourceLine(table: TidyTable, rows: readonly number[], lang: 'zh' | 'en', rules: readonly TierRule[] = [], max = 2): string {
  const seen: string[] = [];
  for (const i of rows) {
    const s = wallSourceTitle(at(table.source, i), rules, lang);
    if (s && !seen.includes(s)) seen.push(s);
  }
  if (!seen.length) return '';
  const shown = seen.slice(0, max);
  const more = seen.length - shown.length;
  return lang === 'zh'
    ? `数据来源：${shown.join('；')}${more > 0 ? ` 等 ${seen.length} 个来源` : ''}`
    : `Sources: ${shown.join('; ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** One step of a chart's spotlight: the mark to highlight, and what the strip under the chart says about it. */
export interface Spot {
  /** series id or name, and data index, of the mark highlighted */
  series: string;
  dataIndex: number;
  /** the data item's name, when the chart reorders its data */
  name?: string;
  zone: string;
  home: boolean;
  /** the value with its unit */
  value: string;
  /** e.g. 第 3 位 / 7 (empty when there is no rank) */
  rank: string;
  /** e.g. 进 3 位, or +5.2 % on the year before (empty when unknown) */
  change: string;
  /** the short title of the value's source */
  source: string;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * A zone's colour made readable on the wall's dark panel: mixed with white, in steps, until its contrast with
 * `bg` is at least 4.5:1 (a dark palette colour — brown, navy — is a shadow from across a room). Not #rrggbb: as is.
 */
export function readableOn(colour: string, bg: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour) || !/^#[0-9a-f]{6}$/i.test(bg)) return colour;
  const lb = luminance(bg);
  const ratio = (c: string) => (Math.max(luminance(c), lb) + 0.05) / (Math.min(luminance(c), lb) + 0.05);
  let c = colour;
  for (let k = 1; k <= 10 && ratio(c) < 4.5; k++) {
    const mix = [1, 3, 5].map((i) => Math.round(parseInt(colour.slice(i, i + 2), 16) + (255 - parseInt(colour.slice(i, i + 2), 16)) * (k / 10)));
    c = `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  }
  return c;
}
