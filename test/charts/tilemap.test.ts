// @vitest-environment node
import { readFileSync } from 'node:fs';
import { parseZonesCsv } from '../../src/data/zones-csv';
import { describe, expect, it } from 'vitest';
import type { ChartContext } from '../../src/charts/context';
import { PROVINCE_TILES, TILE_COLS, TILE_ROWS, provinceTile } from '../../src/charts/province-tiles';
import { buildTileMapOption, rampColour, tileLayout, tileMapHeight, zoneDots, type TileMapInput, type TileMapZone } from '../../src/charts/tilemap-option';
import { DESK, WALL, zoneColour } from '../../src/theme/tokens';
import { matchGolden, pointParams, renderSvg } from './ssr';

const GOLDEN = 'test/charts/__golden__';
const ctx = (width: number, height: number, theme = DESK): ChartContext => ({ mode: 'export', theme, width, height, fontSize: 13 });
const HOSTILE = '<img src=x onerror=alert(1)>';

const z = (id: string, label: string, province: string, lat: number | null, lon: number | null, home = false): TileMapZone => ({
  id, label, province, lat, lon, colour: zoneColour(id), home, tooltip: [label, province],
});
const ZONES: TileMapZone[] = [
  z('zhengzhou', '郑州', '河南省', 34.75, 113.62, true), z('luoyang', '洛阳', '河南省', 34.62, 112.45), z('xinxiang', '新乡', '河南省', 35.3, 113.93),
  z('anyang', '安阳', '河南省', 36.1, 114.35), z('nanyang', '南阳', '河南省', 33.0, 112.53), z('pingdingshan', '平顶山', '河南省', 33.77, 113.19),
  z('zhangjiang', '张江', '上海市', 31.23, 121.47), z('zizhu', '紫竹', '上海市', 31.23, 121.47),
  z('suzhou', '苏州', '江苏省', 31.32, 120.62), z('suzhougy', '苏州工业园', '江苏省', 31.32, 120.62), z('nanjing', '南京', '江苏省', 32.06, 118.8),
  z('xuzhou', '徐州', '江苏省', 34.26, 117.18), z('lianyungang', '连云港', '江苏省', 34.6, 119.22),
  z('zhongguancun', '中关村', '北京市', 39.9, 116.41), z('urumqi', '乌鲁木齐', '新疆维吾尔自治区', 43.83, 87.62), z('changji', '昌吉', '新疆维吾尔自治区', 44.01, 87.31),
  z('haikou', '海口', '海南省', 20.04, 110.35), z('nowhere', '无坐标', '广东省', null, null), z('hk', '香港', '香港特别行政区', 22.3, 114.2),
];
const value = (p: string): number | null => ({ 河南省: 9, 江苏省: 18, 上海市: 2, 北京市: 1, 广东省: 14, 新疆维吾尔自治区: 5, 海南省: 1, 山东省: 13, 湖北省: 12 } as Record<string, number>)[p] ?? null;
const input: TileMapInput = {
  tiles: PROVINCE_TILES.filter((t) => t.province !== '西藏自治区').map((t) => ({
    province: t.province, label: t.short, value: value(t.province), valueLabel: value(t.province) === null ? '—' : `${value(t.province)}个`,
    selected: t.province === '河南省', tooltip: [t.province, String(value(t.province) ?? '—')],
  })),
  colours: ['#e8eef5', '#6b8fb3', '#1f3b5a'],
  domain: [1, 18],
  zones: ZONES,
  description: '国家高新区数量 · 按省份',
  domainLabels: ['1', '18'],
  noDataLabel: '无数据',
};

describe('province tiles', () => {
  it('has 31 tiles on distinct cells of the grid', () => {
    expect(PROVINCE_TILES).toHaveLength(31);
    const cells = new Set(PROVINCE_TILES.map((t) => `${t.row},${t.col}`));
    expect(cells.size).toBe(31);
    expect(new Set(PROVINCE_TILES.map((t) => t.province)).size).toBe(31);
    expect(new Set(PROVINCE_TILES.map((t) => t.abbr)).size).toBe(31);
    for (const t of PROVINCE_TILES) {
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_ROWS);
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_COLS);
    }
  });

  it('finds every province of data/zones.csv, by full name, short name or abbreviation', () => {
    // by column name, not position: data/zones.csv may gain columns
    const provinces = new Set(parseZonesCsv(readFileSync('data/zones.csv', 'utf8')).map((z) => z.province));
    for (const p of provinces) expect(provinceTile(p), p).toBeDefined();
    expect(provinceTile('河南')?.province).toBe('河南省');
    expect(provinceTile('豫')?.province).toBe('河南省');
    expect(provinceTile('新疆维吾尔自治区')?.abbr).toBe('新');
    expect(provinceTile('香港特别行政区')).toBeUndefined();
  });
});

describe('tile map chart', () => {
  const height = tileMapHeight(720, 13);
  const option = buildTileMapOption(input, ctx(720, height));
  const [tiles, zones] = option.series as [{ id: string; type: string; data: { name: string; value: number[] }[] }, { id: string; data: { name: string; value: number[] }[] }];

  it('draws 31 tiles named by province, so a click identifies its province', () => {
    expect(tiles.type).toBe('custom');
    expect(tiles.id).toBe('tiles');
    expect(tiles.data).toHaveLength(31);
    expect(new Set(tiles.data.map((d) => d.value.join(','))).size).toBe(31);
    expect(tiles.data.find((d) => d.name === '河南省')!.value).toEqual([3, 3]);
    // Tibet has no tile in the input: still drawn, as no data
    expect(tiles.data.some((d) => d.name === '西藏自治区')).toBe(true);
  });

  it('maps values onto the ramp', () => {
    expect(rampColour(input.colours, 0)).toBe('#e8eef5');
    expect(rampColour(input.colours, 0.5)).toBe('#6b8fb3');
    expect(rampColour(input.colours, 1)).toBe('#1f3b5a');
    expect(rampColour(input.colours, 2)).toBe('#1f3b5a');
    expect(rampColour(['#000', '#fff'], 0.5)).toBe('#808080');
    expect(rampColour(['red', 'blue'], 0.7)).toBe('blue');
  });

  it('puts every zone dot inside its province tile, a lone zone at the centre', () => {
    expect(zones.id).toBe('zones');
    expect(zones.data).toHaveLength(ZONES.length - 1); // Hong Kong is not on the grid
    for (const d of zones.data) {
      const zone = ZONES.find((x) => x.id === d.name)!;
      const tile = provinceTile(zone.province)!;
      const [x, y] = d.value;
      expect(x, zone.id).toBeGreaterThan(tile.col);
      expect(x, zone.id).toBeLessThan(tile.col + 1);
      expect(y, zone.id).toBeGreaterThan(tile.row);
      expect(y, zone.id).toBeLessThan(tile.row + 1);
    }
    const at = (id: string) => zones.data.find((d) => d.name === id)!.value;
    expect(at('zhongguancun')).toEqual([4.5, 1.5]);
    expect(at('haikou')).toEqual([2.5, 7.5]);
    // west is left, north is up
    expect(at('luoyang')[0]).toBeLessThan(at('zhengzhou')[0]);
    expect(at('anyang')[1]).toBeLessThan(at('nanyang')[1]);
    // two zones in one city are set side by side, not on top of each other
    expect(at('zhangjiang')).not.toEqual(at('zizhu'));
    expect(at('zhangjiang')[1]).toBe(at('zizhu')[1]);
    // the home zone is drawn last
    expect(zones.data[zones.data.length - 1].name).toBe('zhengzhou');
  });

  it('keeps dots inside small tiles too', () => {
    const L = tileLayout(ctx(300, 300));
    for (const d of zoneDots(ZONES, L.cell, 13, 7)) {
      const t = provinceTile(d.zone.province)!;
      expect(d.x - t.col).toBeGreaterThanOrEqual(0);
      expect(d.x - t.col).toBeLessThanOrEqual(1);
      expect(d.y - t.row).toBeGreaterThanOrEqual(0);
      expect(d.y - t.row).toBeLessThanOrEqual(1);
    }
  });

  it('sizes the grid to square tiles', () => {
    const grid = option.grid as { width: number; height: number };
    expect(grid.width / TILE_COLS).toBe(grid.height / TILE_ROWS);
    expect(option.aria).toMatchObject({ enabled: true, label: { description: input.description } });
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 720, height);
    expect(svg).toContain('河南');
    expect(svg).toContain('无数据');
    for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
    const g = matchGolden(svg, `${GOLDEN}/tilemap-zone-count.svg`);
    expect(svg).toBe(g.expected);
  });

  it('matches the golden SVG on the wall theme', () => {
    const wall = buildTileMapOption({ ...input, colours: ['#1b2a3d', '#2f6fb0', '#9fd0ff'] }, ctx(960, 620, WALL));
    const svg = renderSvg(wall, 960, 620);
    const g = matchGolden(svg, `${GOLDEN}/tilemap-wall.svg`);
    expect(svg).toBe(g.expected);
  });
});

describe('empty input', () => {
  it('renders every tile as no data, with no zones', () => {
    const o = buildTileMapOption({ tiles: [], zones: [], colours: [], domain: [0, 0], description: '' }, ctx(400, 400));
    expect((o.series as { data: unknown[] }[])[0].data).toHaveLength(31);
    expect(() => renderSvg(o, 400, 400)).not.toThrow();
  });
});

describe('X1: the tile map escapes text from files', () => {
  it('keeps hostile tile and zone text inert', () => {
    const o = buildTileMapOption({
      ...input,
      tiles: [{ province: '河南省', label: HOSTILE, value: 3, valueLabel: HOSTILE, selected: false, tooltip: [HOSTILE, '<script>alert(1)</script>'] }],
      zones: [{ ...ZONES[0], label: HOSTILE, tooltip: [HOSTILE] }],
      domainLabels: [HOSTILE, HOSTILE],
      noDataLabel: HOSTILE,
    }, ctx(500, 500));
    const formatter = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    const henan = (o.series as { data: { name: string }[] }[])[0].data.findIndex((d) => d.name === '河南省');
    for (const html of [formatter(pointParams(o, 0, henan)), formatter(pointParams(o, 1, 0))]) {
      expect(html).not.toMatch(/<img|<script/);
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    }
    const svg = renderSvg(o, 500, 500);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
