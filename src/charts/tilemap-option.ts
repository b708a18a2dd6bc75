import type { CustomSeriesOption, CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, EChartsOption, ScatterSeriesOption } from 'echarts';
import type { ChartContext } from './context';
import { baseOption, pointTooltip } from './context';
import { PROVINCE_TILES, TILE_COLS, TILE_ROWS, provinceTile } from './province-tiles';
import { textWidth } from './trends-option';

export interface TileMapTile {
  /** full province name as in data/zones.csv (河南省): becomes the clicked item's `name` */
  province: string;
  /** text drawn in the tile (豫 or 河南) */
  label: string;
  /** null = no data: a light, dashed tile */
  value: number | null;
  /** plain text under the label, e.g. `1,234.5` or `—` */
  valueLabel: string;
  /** the province filter: drawn with a heavy outline */
  selected: boolean;
  /** plain-text tooltip lines; escaped by the builder */
  tooltip: string[];
}

export interface TileMapZone {
  id: string;
  label: string;
  /** full province name; zones of provinces outside the grid are not drawn */
  province: string;
  lat: number | null;
  lon: number | null;
  colour: string;
  home: boolean;
  tooltip: string[];
}

export interface TileMapInput {
  /** one per province to colour; a province of the grid without a tile is drawn as no data */
  tiles: TileMapTile[];
  /** a sequential ramp, low → high, from the caller's theme (#rgb/#rrggbb are interpolated) */
  colours: string[];
  /** values are mapped linearly from min to max onto the ramp (clamped) */
  domain: [number, number];
  zones: TileMapZone[];
  /** accessible description of the chart (ECharts aria) */
  description: string;
  /** plain-text labels at the ends of the colour key (default: the domain numbers) */
  domainLabels?: [string, string];
  /** plain-text label for the 'no data' swatch in the key (no swatch when absent) */
  noDataLabel?: string;
  /** the label of a province drawn without a tile (no data), in the interface's language (default: its short name) */
  nameOf?: (province: string) => string;
}

const hex = (c: string): number[] | null => {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (d) => d + d) : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
};
const toHex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The ramp colour at t ∈ [0, 1]: linear RGB interpolation between stops; non-hex stops are not blended. */
export function rampColour(colours: readonly string[], t: number): string {
  if (colours.length === 0) return 'transparent';
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (colours.length - 1);
  const i = Math.min(colours.length - 2, Math.floor(x));
  if (colours.length === 1) return colours[0];
  const [a, b] = [hex(colours[i]), hex(colours[i + 1])];
  const f = x - i;
  if (!a || !b) return f < 0.5 ? colours[i] : colours[i + 1];
  return toHex(a.map((v, k) => v + (b[k] - v) * f));
}

/** Relative luminance (WCAG) of a #hex colour; 1 (white) for anything else. */
function luminance(c: string): number {
  const rgb = hex(c);
  if (!rgb) return 1;
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** Diagonal hatching (for 'no data') clipped to a rectangle: segments of x + y = c, c every `step` px. */
function hatch(r: { x: number; y: number; width: number; height: number }, step: number, colour: string) {
  const out = [];
  for (let c = step; c < r.width + r.height; c += step) {
    const x1 = r.x + Math.max(0, c - r.height);
    const y1 = r.y + Math.min(c, r.height);
    const x2 = r.x + Math.min(c, r.width);
    const y2 = r.y + Math.max(0, c - r.width);
    out.push({ type: 'line' as const, silent: true, shape: { x1, y1, x2, y2 }, style: { stroke: colour, lineWidth: 1 } });
  }
  return out;
}

/** Tile geometry in px for a chart size: square tiles, centred, under the colour key. */
export function tileLayout(ctx: Pick<ChartContext, 'width' | 'height' | 'fontSize'>) {
  const pad = 8;
  const keyH = Math.round(ctx.fontSize * 3.2);
  const cell = Math.max(16, Math.floor(Math.min((ctx.width - 2 * pad) / TILE_COLS, (ctx.height - keyH - pad) / TILE_ROWS)));
  const left = Math.round((ctx.width - cell * TILE_COLS) / 2);
  return { pad, keyH, cell, left, top: keyH, width: cell * TILE_COLS, height: cell * TILE_ROWS };
}

/** The height a tile map wants at a width: square tiles of at most 8 em. */
export function tileMapHeight(width: number, fontSize: number): number {
  const cell = Math.min(Math.floor((width - 16) / TILE_COLS), fontSize * 8);
  return Math.round(fontSize * 3.2) + cell * TILE_ROWS + 8;
}

/**
 * Zone dots in tile coordinates (col + fraction, row + fraction). Inside its tile, a zone sits at its
 * relative lon/lat within the bounding box of the coordinates of the zones drawn in that province (west
 * left, north up), inside the band between the tile's label and value lines; a lone zone, or an axis
 * along which all zones agree, sits at the centre. Zones at identical points (same host city) are set
 * side by side. Zones without coordinates sit at the centre; zones outside the grid are dropped.
 */
export function zoneDots(zones: readonly TileMapZone[], cell: number, fontSize: number, dot: number): { zone: TileMapZone; x: number; y: number }[] {
  const groups = new Map<string, TileMapZone[]>();
  for (const z of zones) {
    const tile = provinceTile(z.province);
    if (!tile) continue;
    const list = groups.get(tile.province) ?? [];
    list.push(z);
    groups.set(tile.province, list);
  }
  const out: { zone: TileMapZone; x: number; y: number }[] = [];
  // the dot band: clear of the border by half a dot, of the label (top) and the value (bottom) lines
  const padX = (4 + dot) / cell;
  const padY = Math.min(0.45, (4 + fontSize * 1.3 + dot / 2) / cell);
  for (const [province, list] of groups) {
    const tile = provinceTile(province)!;
    const placed = list.filter((z) => z.lat !== null && z.lon !== null && Number.isFinite(z.lat) && Number.isFinite(z.lon));
    const [lons, lats] = [placed.map((z) => z.lon!), placed.map((z) => z.lat!)];
    const [lon0, lon1, lat0, lat1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const spots = list.map((z) => {
      const fx = z.lon === null || lon1 <= lon0 ? 0.5 : (z.lon - lon0) / (lon1 - lon0);
      const fy = z.lat === null || lat1 <= lat0 ? 0.5 : (lat1 - z.lat) / (lat1 - lat0);
      return { zone: z, fx: padX + fx * (1 - 2 * padX), fy: padY + fy * (1 - 2 * padY) };
    });
    // same spot (to the pixel): side by side, centred on it, kept inside the tile
    const bySpot = new Map<string, typeof spots>();
    for (const s of spots) {
      const key = `${Math.round(s.fx * cell)},${Math.round(s.fy * cell)}`;
      bySpot.set(key, [...(bySpot.get(key) ?? []), s]);
    }
    const step = (dot * 1.15) / cell;
    for (const same of bySpot.values()) {
      same.forEach((s, k) => {
        const fx = Math.min(1 - padX, Math.max(padX, s.fx + (k - (same.length - 1) / 2) * step));
        out.push({ zone: s.zone, x: tile.col + fx, y: tile.row + s.fy });
      });
    }
  }
  // home last, drawn on top
  return out.sort((a, b) => Number(a.zone.home) - Number(b.zone.home));
}

/**
 * The Geography view: 31 equal province tiles coloured by an aggregate on the caller's ramp, with zone
 * dots by host city. A tile's data item is named by its full province name (a click gives it as
 * params.name, series id 'tiles'); a dot's item is named by its zone id (series id 'zones').
 */
export function buildTileMapOption(input: TileMapInput, ctx: ChartContext): EChartsOption {
  const { theme, fontSize } = ctx;
  const L = tileLayout(ctx);
  const [d0, d1] = input.domain;
  const byProvince = new Map(input.tiles.map((t) => [provinceTile(t.province)?.province ?? t.province, t]));
  const tiles = PROVINCE_TILES.map((g) => {
    const t = byProvince.get(g.province);
    const value = t && t.value !== null && Number.isFinite(t.value) ? t.value : null;
    const fill = value === null ? theme.background : rampColour(input.colours, d1 > d0 ? (value - d0) / (d1 - d0) : 0.5);
    const ink = value === null ? theme.muted : contrast(fill, theme.text) >= contrast(fill, theme.background) ? theme.text : theme.background;
    return { g, t, value, fill, ink, label: t?.label ?? input.nameOf?.(g.province) ?? g.short, valueLabel: t?.valueLabel ?? '', selected: !!t?.selected };
  });

  const tileSeries: CustomSeriesOption = {
    type: 'custom',
    id: 'tiles',
    encode: { x: 0, y: 1 },
    data: tiles.map((x) => ({ name: x.g.province, value: [x.g.col, x.g.row], tip: x.t?.tooltip ?? [input.nameOf?.(x.g.province) ?? x.g.short] })),
    renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const x = tiles[params.dataIndex];
      const [px, py] = api.coord([x.g.col, x.g.row]);
      const gap = Math.max(2, Math.round(L.cell * 0.04));
      const size = L.cell - gap;
      // a label wider than its tile (Heilongjiang, Inner Mongolia in English) is set smaller, down to 0.8 of the
      // font, and only then cut with … (the tooltip names it in full)
      const room = size - 10;
      const fitted = (s: string, bold: boolean) => Math.max(Math.round(fontSize * 0.8), Math.min(fontSize, Math.floor(room / Math.max(0.1, textWidth(s, 1) * (bold ? 1.08 : 1)))));
      const text = (s: string, y: number, verticalAlign: 'top' | 'bottom', bold: boolean) => ({
        type: 'text' as const,
        silent: true,
        style: {
          text: s, x: px + gap / 2 + 5, y, verticalAlign, fill: x.ink, fontSize: fitted(s, bold), fontFamily: theme.fontFamily, fontWeight: bold ? ('bold' as const) : ('normal' as const),
          ...(textWidth(s, fitted(s, bold)) * (bold ? 1.08 : 1) > room ? { width: room, overflow: 'truncate' as const } : {}),
          // on hatching, the text sits on a plain patch so that it stays readable
          ...(x.value === null ? { backgroundColor: theme.background, padding: [1, 2] } : {}),
        },
      });
      const rect = { x: px + gap / 2, y: py + gap / 2, width: size, height: size };
      return {
        type: 'group' as const,
        children: [
          {
            type: 'rect' as const,
            shape: { ...rect, r: 3 },
            style: x.selected
              ? { fill: x.fill, stroke: theme.text, lineWidth: 3 }
              : x.value === null
                ? { fill: x.fill, stroke: theme.muted, lineWidth: 1, lineDash: [4, 3] }
                : { fill: x.fill, stroke: x.fill, lineWidth: 1 },
          },
          ...(x.value === null ? hatch(rect, Math.max(6, Math.round(fontSize * 0.9)), theme.grid) : []),
          text(x.label, py + gap / 2 + 4, 'top', true),
          text(x.valueLabel, py + gap / 2 + size - 4, 'bottom', false),
        ],
      };
    },
  };

  const dot = Math.max(5, Math.round(fontSize * 0.55));
  const dots = zoneDots(input.zones, L.cell, fontSize, dot);
  const zoneSeries: ScatterSeriesOption = {
    type: 'scatter',
    id: 'zones',
    z: 3,
    data: dots.map((d) => ({
      name: d.zone.id,
      value: [d.x, d.y],
      tip: d.zone.tooltip,
      symbolSize: d.zone.home ? dot + 5 : dot,
      itemStyle: { color: d.zone.colour, borderColor: d.zone.home ? theme.text : theme.background, borderWidth: d.zone.home ? 2 : 1 },
    })),
  };

  // the colour key: a gradient bar with its two end labels, and a 'no data' swatch
  const keyW = Math.min(220, Math.round(ctx.width * 0.35));
  const barH = Math.round(fontSize * 0.8);
  const [lo, hi] = input.domainLabels ?? [String(d0), String(d1)];
  const muted = { fill: theme.muted, fontSize, fontFamily: theme.fontFamily };
  const colorStops = input.colours.map((color, i) => ({ offset: input.colours.length > 1 ? i / (input.colours.length - 1) : 0, color }));
  const key = [
    { type: 'rect' as const, left: L.left, top: 4, shape: { width: keyW, height: barH }, style: { fill: { type: 'linear' as const, x: 0, y: 0, x2: 1, y2: 0, colorStops } } },
    { type: 'text' as const, left: L.left, top: 6 + barH, style: { text: lo, ...muted } },
    { type: 'text' as const, left: L.left + Math.max(0, keyW - textWidth(hi, fontSize)), top: 6 + barH, style: { text: hi, ...muted } },
    ...(input.noDataLabel
      ? [
          { type: 'group' as const, left: L.left + keyW + 24, top: 4, children: [
            { type: 'rect' as const, shape: { x: 0, y: 0, width: barH * 2, height: barH }, style: { fill: theme.background, stroke: theme.muted, lineWidth: 1, lineDash: [3, 2] } },
            ...hatch({ x: 0, y: 0, width: barH * 2, height: barH }, 5, theme.grid),
          ] },
          { type: 'text' as const, left: L.left + keyW + 30 + barH * 2, top: 4 + barH / 2 - fontSize / 2, style: { text: input.noDataLabel, ...muted } },
        ]
      : []),
  ];

  return {
    ...baseOption(ctx, input.description),
    grid: { left: L.left, top: L.top, width: L.width, height: L.height, outerBoundsMode: 'none' },
    xAxis: { type: 'value', min: 0, max: TILE_COLS, show: false },
    yAxis: { type: 'value', min: 0, max: TILE_ROWS, inverse: true, show: false },
    tooltip: { trigger: 'item', confine: true, formatter: pointTooltip },
    graphic: key,
    series: [tileSeries, zoneSeries],
  };
}
