/**
 * Wall-screen playlists (docs/architecture.md §5.1): JSON that deployers edit by hand, so every field is checked and a bad
 * slide or tile becomes an error shown on screen in its place — the rest of the tour still plays.
 * Pure: no React, no DOM.
 */
import type { WallTileKind } from './tile-kind';

/** The kinds a playlist may name: the wall's own key figure, and the views' tiles the registry hands the wall (src/app/views.ts). */
export type TileKinds = readonly Pick<WallTileKind, 'kind' | 'needs'>[];
const KPI = 'kpi';

export interface Tile {
  /** `kpi`, or a view's tile kind (features/<view>/wall-tile.ts) */
  kind: string;
  ind: string;
  ind2?: string;
  year?: number;
  years?: [number, number];
  /** a list of zone ids, or `province:河南省` / `region:中部`; absent = all zones */
  zones?: string[] | string;
  /** how many rows a rankings tile shows at most */
  top?: number;
  /** 1 or 2 grid cells wide (tall on a wide wall) */
  span: 1 | 2;
}

export interface Slide {
  title: { zh: string; en: string };
  ds: string;
  focus: string | null;
  /** seconds */
  duration: number;
  tiles: (Tile | { error: string })[];
}

export interface Playlist {
  id: string;
  title: { zh: string; en: string };
  /** true: the slide shown follows the wall clock, so screens with this playlist show the same slide (§5.3) */
  sync: boolean;
  /** minutes between checks of the manifest and its data files (0 = never); default 5 */
  refreshMinutes: number;
  slides: (Slide | { error: string; title: { zh: string; en: string } })[];
}

const ID = /^[a-z0-9_-]{1,64}$/i;
const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : '');
const bilingual = (v: unknown, fallback: string) => {
  if (typeof v === 'string') return { zh: str(v), en: str(v) };
  const o = (v ?? {}) as Record<string, unknown>;
  const zh = str(o.zh) || str(o.en) || fallback;
  return { zh, en: str(o.en) || zh };
};
const year = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 1980 && v <= 2100 ? v : undefined);

function parseTile(raw: unknown, where: string, kinds: TileKinds): Tile | { error: string } {
  const o = (raw ?? {}) as Record<string, unknown>;
  const kind = str(o.kind, 40);
  const known = kinds.find((k) => k.kind === kind);
  if (kind !== KPI && !known) return { error: `${where}: 未知的图块类型 "${str(o.kind, 40)}" (unknown tile kind)` };
  const ind = str(o.ind, 64);
  if (!ID.test(ind)) return { error: `${where}: 缺少或无效的指标 ind (missing or invalid indicator)` };
  const tile: Tile = { kind, ind, span: o.span === 2 ? 2 : 1 };
  if (o.ind2 !== undefined) {
    if (!ID.test(str(o.ind2, 64))) return { error: `${where}: 无效的 ind2` };
    tile.ind2 = str(o.ind2, 64);
  }
  if (o.year !== undefined) {
    tile.year = year(o.year);
    if (tile.year === undefined) return { error: `${where}: 无效的年份 year` };
  }
  if (o.years !== undefined) {
    const ys = Array.isArray(o.years) ? o.years.map(year) : [];
    if (ys.length !== 2 || ys.some((y) => y === undefined) || ys[0]! > ys[1]!) return { error: `${where}: 无效的年份范围 years` };
    tile.years = [ys[0]!, ys[1]!];
  }
  if (typeof o.zones === 'string') {
    if (!/^(province|region):.{1,20}$/.test(o.zones)) return { error: `${where}: 无效的 zones` };
    tile.zones = o.zones;
  } else if (Array.isArray(o.zones)) {
    tile.zones = o.zones.map((z) => str(z, 64)).filter((z) => ID.test(z)).slice(0, 200);
  }
  if (typeof o.top === 'number' && Number.isInteger(o.top) && o.top > 0) tile.top = Math.min(o.top, 60);
  for (const field of known?.needs ?? []) if (!tile[field]) return { error: `${where}: ${kind} 图块需要 ${field} (a ${kind} tile needs ${field})` };
  return tile;
}

function parseSlide(raw: unknown, k: number, kinds: TileKinds): Slide | { error: string; title: { zh: string; en: string } } {
  const o = (raw ?? {}) as Record<string, unknown>;
  const title = bilingual(o.title, `第 ${k + 1} 页`);
  const ds = str(o.ds, 64);
  if (!ID.test(ds)) return { error: `第 ${k + 1} 页：缺少数据集 ds (slide ${k + 1}: missing dataset)`, title };
  const tiles = Array.isArray(o.tiles) ? o.tiles.slice(0, 8).map((t, i) => parseTile(t, `第 ${k + 1} 页第 ${i + 1} 块`, kinds)) : [];
  if (!tiles.length) return { error: `第 ${k + 1} 页没有图块 (slide ${k + 1} has no tiles)`, title };
  const focus = ID.test(str(o.focus, 64)) ? str(o.focus, 64) : null;
  const duration = typeof o.duration === 'number' && o.duration >= 5 && o.duration <= 3600 ? o.duration : 20;
  return { title, ds, focus, duration, tiles };
}

/** 0 (never) or 1–1440 minutes; anything else (a string, a negative number, a day and more) is the default 5. */
const refreshMinutes = (v: unknown) => (typeof v === 'number' && (v === 0 || (v >= 1 && v <= 1440)) ? v : 5);

/** Reads data/wall.json (or a playlist file) with the tile kinds the wall knows; throws only when the file is not a playlist at all. */
export function parsePlaylists(json: unknown, kinds: TileKinds): Playlist[] {
  const o = (json ?? {}) as Record<string, unknown>;
  const list = Array.isArray(o.playlists) ? o.playlists : Array.isArray(o.slides) ? [o] : null;
  if (!list) throw new Error('wall.json: 应包含 playlists 数组 (expected a "playlists" array)');
  return list.map((p: Record<string, unknown>, i: number) => ({
    id: ID.test(str(p.id, 64)) ? str(p.id, 64) : `playlist-${i + 1}`,
    title: bilingual(p.title, '大屏'),
    sync: p.sync === true,
    refreshMinutes: refreshMinutes(p.refreshMinutes),
    slides: Array.isArray(p.slides) ? p.slides.slice(0, 100).map((s, k) => parseSlide(s, k, kinds)) : [],
  }));
}

export const isSlide = (s: Playlist['slides'][number]): s is Slide => !('error' in s);
export const isTile = (t: Slide['tiles'][number]): t is Tile => !('error' in t);
