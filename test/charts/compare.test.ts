// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  bubbleDiameter, buildGroupedBarsOption, buildScatterOption, groupedBarsColumns, groupedBarsHeight,
  type GroupedBarsInput, type ScatterChartInput, type ScatterPoint,
} from '../../src/charts/compare-option';
import type { ChartContext } from '../../src/charts/context';
import { DESK, zoneColour } from '../../src/theme/tokens';
import { matchGolden, pointParams, renderSvg } from './ssr';

const GOLDEN = 'test/charts/__golden__';
const ctx = (width: number, height: number): ChartContext => ({ mode: 'export', theme: DESK, width, height, fontSize: 13 });
const HOSTILE = '<img src=x onerror=alert(1)>';

const pt = (id: string, label: string, x: number, y: number, size: number | null, extra: Partial<ScatterPoint> = {}): ScatterPoint => ({
  id, label, x, y, size, colour: zoneColour(id), home: false, highlighted: false, tooltip: [label, `${x} / ${y}`], ...extra,
});

const scatterInput: ScatterChartInput = {
  points: [
    pt('zhengzhou', '郑州', 4.1, 8.2, 1800, { home: true }),
    pt('luoyang', '洛阳', 3.2, 6.1, 900, { highlighted: true }),
    pt('xinxiang', '新乡', 2.5, 7.4, 300),
    pt('wuhan', '武汉东湖', 6.8, 9.5, 5200, { highlighted: true }),
    pt('xian', '西安', 5.9, 8.8, 4100),
    pt('hefei', '合肥', 6.1, 10.2, 3900),
    pt('anyang', '安阳', 1.8, 5.2, null),
    pt('nanyang', '南阳', 2.1, 4.6, 120),
    pt('jiaozuo', '焦作', 1.5, 6.9, 80),
  ],
  xName: 'R&D经费投入强度（%）',
  yName: '地区生产总值增速（%）',
  sizeName: '发明专利授权数',
  medians: { x: 3.2, y: 7.4 },
  description: 'R&D经费投入强度 × 地区生产总值增速 · 2022年',
};

type Item = { name: string; value: number[]; symbol: string; symbolSize: number; label: { show: boolean } };

describe('scatter / bubble chart', () => {
  const option = buildScatterOption(scatterInput, ctx(800, 460));
  const series = (option.series as { type: string; data: Item[]; markLine?: { data: object[]; lineStyle: { type: string } } }[])[0];

  it('draws one point per zone, labelled only for the home and highlighted zones', () => {
    expect(option.series as unknown[]).toHaveLength(1);
    expect(series.type).toBe('scatter');
    expect(series.data).toHaveLength(9);
    expect(series.data.filter((d) => d.label.show).map((d) => d.name).sort()).toEqual(['luoyang', 'wuhan', 'zhengzhou']);
    // home last (on top), big bubbles before small ones
    expect(series.data[series.data.length - 1].name).toBe('zhengzhou');
    expect(series.data[0].name).toBe('xian');
  });

  it('scales bubble area with size (diameter ∝ √size) within a pixel range', () => {
    const d = (id: string) => series.data.find((x) => x.name === id)!.symbolSize;
    expect(d('wuhan')).toBeCloseTo(13 * 3.2);
    expect(d('luoyang') / d('wuhan')).toBeCloseTo(Math.sqrt(900 / 5200));
    expect(d('jiaozuo')).toBeGreaterThanOrEqual(13 * 0.6);
    expect(bubbleDiameter(0, 100, 13)).toBe(13 * 0.6);
    expect(series.data.find((x) => x.name === 'anyang')!.symbol).toBe('diamond');
  });

  it('draws the medians as dashed quadrant lines', () => {
    expect(series.markLine!.data).toEqual([{ xAxis: 3.2 }, { yAxis: 7.4 }]);
    expect(series.markLine!.lineStyle.type).toBe('dashed');
    expect(buildScatterOption({ ...scatterInput, medians: null }, ctx(800, 460)).series).not.toHaveProperty('0.markLine');
  });

  it('finds the tooltip of a sorted point', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter(pointParams(option, 0, series.data.length - 1))).toBe('<b>郑州</b><br/>4.1 / 8.2');
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 800, 460);
    expect(svg).toContain('武汉东湖');
    expect(svg).not.toContain('>新乡<');
    for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
    const g = matchGolden(svg, `${GOLDEN}/compare-scatter.svg`);
    expect(svg).toBe(g.expected);
  });
});

const zones = [
  { id: 'zhengzhou', label: '郑州', colour: zoneColour('zhengzhou'), home: true },
  { id: 'luoyang', label: '洛阳', colour: zoneColour('luoyang'), home: false },
  { id: 'wuhan', label: '武汉东湖', colour: zoneColour('wuhan'), home: false },
  { id: 'xian', label: '西安', colour: zoneColour('xian'), home: false },
];
const ind = (id: string, title: string, unit: string, values: (number | null)[]) => ({
  id, title, unit, values,
  tooltips: values.map((v, k) => [`${zones[k].label} · ${title}`, v === null ? '—' : String(v)]),
  valueLabels: values.map((v) => (v === null ? '—' : v.toLocaleString('en-US'))),
});
const barsInput: GroupedBarsInput = {
  zones,
  indicators: [
    ind('gdp', '地区生产总值', '亿元', [1398.2, 590.1, 2620.5, 2410.7]),
    ind('rd', 'R&D经费投入强度', '%', [4.1, 3.2, 6.8, null]),
    ind('patents', '发明专利授权数', '件', [1800, 900, 5200, 4100]),
    ind('firms', '高新技术企业数', '家', [2100, 850, 4300, 3600]),
  ],
  description: '对比：郑州、洛阳、武汉东湖、西安',
};

describe('grouped bars (small multiples)', () => {
  const height = groupedBarsHeight(4, 4, ctx(800, 0));
  const option = buildGroupedBarsOption(barsInput, ctx(800, height));

  it('draws one panel per indicator in columns that fit the width', () => {
    expect(groupedBarsColumns(4, ctx(800, 0))).toBe(2);
    expect(groupedBarsColumns(4, ctx(360, 0))).toBe(1);
    expect(groupedBarsColumns(4, ctx(1920, 0))).toBe(4);
    expect(option.grid as unknown[]).toHaveLength(4);
    expect(option.xAxis as unknown[]).toHaveLength(4);
    const series = option.series as { xAxisIndex: number; yAxisIndex: number; data: { value: number; itemStyle: { color: string } }[] }[];
    expect(series.map((s) => [s.xAxisIndex, s.yAxisIndex])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    const grids = option.grid as { left: number; top: number }[];
    expect(grids[1].left).toBeGreaterThan(grids[0].left);
    expect(grids[2].top).toBeGreaterThan(grids[0].top);
  });

  it('colours each bar by its zone and leaves a missing value without a bar', () => {
    const series = option.series as { data: { value: number; itemStyle: { color: string } }[] }[];
    expect(series[0].data.map((d) => d.itemStyle.color)).toEqual(zones.map((z) => z.colour));
    expect(series[1].data[3].itemStyle.color).toBe('transparent');
    expect((option.yAxis as { inverse: boolean }[])[0].inverse).toBe(true);
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 800, height);
    expect(svg).toContain('R&amp;D经费投入强度');
    for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
    const g = matchGolden(svg, `${GOLDEN}/compare-bars.svg`);
    expect(svg).toBe(g.expected);
  });
});

describe('empty input', () => {
  it('renders without points, zones or indicators', () => {
    expect(() => renderSvg(buildScatterOption({ ...scatterInput, points: [] }, ctx(400, 200)), 400, 200)).not.toThrow();
    expect(() => renderSvg(buildGroupedBarsOption({ zones: [], indicators: [], description: '' }, ctx(400, 200)), 400, 200)).not.toThrow();
  });
});

describe('X1: compare charts escape text from files', () => {
  it('keeps hostile labels and tooltips inert', () => {
    const s = buildScatterOption({ ...scatterInput, sizeName: HOSTILE, xName: HOSTILE, points: [pt('x', HOSTILE, 1, 1, 5, { home: true, tooltip: [HOSTILE, '<script>alert(1)</script>'] })] }, ctx(400, 300));
    const b = buildGroupedBarsOption({
      description: HOSTILE,
      zones: [{ id: 'x', label: HOSTILE, colour: '#0072b2', home: true }],
      indicators: [{ id: 'i', title: HOSTILE, unit: HOSTILE, values: [1], tooltips: [[HOSTILE, '<script>alert(1)</script>']], valueLabels: [HOSTILE] }],
    }, ctx(400, 200));
    for (const o of [s, b]) {
      const html = (o.tooltip as { formatter: (p: unknown) => string }).formatter(pointParams(o, 0, 0));
      expect(html).not.toMatch(/<img|<script/);
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
      const svg = renderSvg(o, 400, 300);
      expect(svg).not.toContain('<img');
      expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });
});
