/**
 * Theme tokens: the only place colours live (features/ and charts/ take them from here).
 * Zone colours come from the zone id, never from series order, so a zone keeps its colour everywhere.
 */
export interface ThemeTokens {
  name: 'desk' | 'wall' | 'export-white' | 'export-dark';
  background: string;
  text: string;
  muted: string;
  grid: string;
  bar: string;
  band: string;
  accent: string;
  conflict: string;
  demoMark: string;
  fontFamily: string;
  /** a sequential ramp, light to dark, for choropleth tiles and heatmaps */
  ramp: string[];
  /** a tile or cell with no data */
  empty: string;
}

/**
 * Fonts a Chinese report machine has: Windows (Microsoft YaHei), macOS (PingFang), Linux (Noto CJK).
 * Single quotes only: ECharts writes this into SVG style="…" attributes without escaping double quotes.
 */
export const FONT_STACK = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

export const DESK: ThemeTokens = {
  name: 'desk',
  background: '#ffffff',
  text: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  bar: '#6b8fb3',
  band: '#b6c9dc',
  accent: '#c2410c',
  conflict: '#b91c1c',
  demoMark: '#b45309',
  fontFamily: FONT_STACK,
  ramp: ['#dbe9f6', '#b3d0ea', '#82b1dc', '#5590c9', '#2f6fae', '#1b4f86'],
  empty: '#f1f3f5',
};

export const WALL: ThemeTokens = {
  name: 'wall',
  background: '#0b1320',
  text: '#e8eef5',
  muted: '#a9b8c9',
  grid: '#24344a',
  bar: '#4f8fd6',
  band: '#2b4a6f',
  accent: '#ffb020',
  conflict: '#ff6b6b',
  demoMark: '#ffb020',
  fontFamily: FONT_STACK,
  ramp: ['#1c3350', '#234a73', '#2c6296', '#3a7cbc', '#5b9ad6', '#8cbbe6'],
  empty: '#152236',
};

/**
 * Zone colours: twelve chosen (greedily, from the LCh colours with 3:1 contrast on white) so that every
 * pair — and each against the home-zone accent and the text colour — stays apart (CIEDE2000 ≥ 10) for
 * normal vision and under simulated protanopia, deuteranopia and tritanopia (test/theme/palette.test.ts).
 * Hashing ids onto twelve colours can still give two zones one colour: charts name their series (end
 * labels, legends), so colour never carries identity alone.
 */
export const ZONE_PALETTE = ['#007b9f', '#0857fd', '#809a03', '#8e231e', '#6a00bc', '#a48c7a', '#8186ff', '#b5647a', '#647f4c', '#765655', '#938da9', '#594e66'];

/** FNV-1a: a stable hash, so the same id gives the same colour in every session and export. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const zoneColour = (zoneId: string) => ZONE_PALETTE[hashString(zoneId) % ZONE_PALETTE.length];

/**
 * The colours of the zones of one chart, in order: each zone its own colour unless an earlier zone of
 * the chart has it, then the next free one. Eight zones hashed onto twelve colours would share one
 * almost every time; this way a chart of up to twelve zones has no two alike, and a zone keeps its
 * usual colour wherever it does not clash.
 */
export function zoneColours(ids: Iterable<string>): Map<string, string> {
  const used = new Set<number>();
  const out = new Map<string, string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    let k = hashString(id) % ZONE_PALETTE.length;
    for (let step = 0; step < ZONE_PALETTE.length && used.has(k); step++) k = (k + 1) % ZONE_PALETTE.length;
    used.add(k);
    out.set(id, ZONE_PALETTE[k]);
  }
  return out;
}

/** Colours from files or URLs are allow-listed: only #rgb/#rrggbb pass (docs/architecture.md §7.1; docs/hostile-inputs.md X2). */
export const safeColour = (s: string, fallback: string) => (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(s.trim()) ? s.trim() : fallback);
