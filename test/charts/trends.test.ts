// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ChartContext } from '../../src/charts/context';
import { buildTrendsOption, dodge, niceScale, type TrendsChartInput, type TrendsSeries } from '../../src/charts/trends-option';
import { DESK, zoneColour } from '../../src/theme/tokens';
import { matchGolden, pointParams, renderSvg } from './ssr';

const GOLDEN = 'test/charts/__golden__';
const ctx = (width: number, height: number): ChartContext => ({ mode: 'export', theme: DESK, width, height, fontSize: 13 });
const HOSTILE = '<img src=x onerror=alert(1)>';

const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022];
const pt = (value: number, hollow = false) => ({ value, hollow, tooltip: [`${value}`] });
const series = (id: string, label: string, home: boolean, values: (number | null)[], hollowAt: number[] = []): TrendsSeries => ({
  id, label, colour: zoneColour(id), home,
  points: values.map((v, i) => (v === null ? null : pt(v, hollowAt.includes(i)))),
});

const input: TrendsChartInput = {
  years,
  series: [
    series('zhengzhou', '郑州', true, [820, 905, 1010, null, 1190, 1302, 1398], [6]),
    series('luoyang', '洛阳', false, [410, 432, 470, 505, 540, 560, 590]),
    series('xinxiang', '新乡', false, [150, null, 170, 182, null, null, 214], [2]),
    series('anyang', '安阳', false, [null, null, null, 120, null, null, null]),
  ],
  yAxisName: '亿元',
  log: false,
  valueFormat: (v) => v.toLocaleString('en-US'),
  summary: '', description: '地区生产总值 · 2016—2022年',
};

type Line = { type: string; id: string; z: number; lineStyle: { width: number }; connectNulls: boolean; data: (string | { value: number; itemStyle: { color: string; borderColor: string } })[] };

describe('trends chart', () => {
  const option = buildTrendsOption(input, ctx(800, 380));
  const lines = (option.series as Line[]).filter((s) => s.type === 'line');

  it('draws a line per zone with gaps kept as gaps', () => {
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.connectNulls === false)).toBe(true);
    const zz = lines.find((l) => l.id === 'zhengzhou')!;
    expect(zz.data[3]).toBe('-');
    const xx = lines.find((l) => l.id === 'xinxiang')!;
    expect(xx.data.filter((d) => d === '-')).toHaveLength(3);
    expect((option.xAxis as { data: string[] }).data).toEqual(years.map(String));
  });

  it('draws hollow points as empty circles and the home zone thicker, on top', () => {
    const zz = lines.find((l) => l.id === 'zhengzhou')!;
    const last = zz.data[6] as { itemStyle: { color: string; borderColor: string } };
    expect(last.itemStyle.color).toBe(DESK.background);
    expect(last.itemStyle.borderColor).toBe(zoneColour('zhengzhou'));
    expect((zz.data[0] as { itemStyle: { color: string } }).itemStyle.color).toBe(zoneColour('zhengzhou'));
    expect(lines[lines.length - 1].id).toBe('zhengzhou');
    expect(zz.z).toBeGreaterThan(lines[0].z);
    expect(zz.lineStyle.width).toBeGreaterThan(lines[0].lineStyle.width);
  });

  it('ends each line with its zone label, at its last drawn point', () => {
    const ends = (option.series as { id: string; data: { value: number[] }[] }[]).find((s) => s.id === '__end_labels')!;
    expect(ends.data.map((d) => d.value)).toEqual([[6, 590], [6, 214], [3, 120], [6, 1398]]);
  });

  it('uses a log axis when asked and leaves values ≤ 0 out', () => {
    const withZero: TrendsChartInput = { ...input, log: true, series: [series('a', '甲', false, [0, 10, -5, 100, null, 1000, 10000])] };
    const o = buildTrendsOption(withZero, ctx(600, 300));
    expect((o.yAxis as { type: string }).type).toBe('log');
    const data = (o.series as Line[])[0].data;
    expect(data.slice(0, 3).map((d) => (typeof d === 'string' ? d : d.value))).toEqual(['-', 10, '-']);
    expect((buildTrendsOption(input, ctx(600, 300)).yAxis as { type: string }).type).toBe('value');
  });

  it('draws a reference line when given', () => {
    const o = buildTrendsOption({ ...input, reference: 100, zeroBased: false }, ctx(600, 300));
    const ref = (o.series as { id: string; markLine?: { data: { yAxis: number }[] } }[])[0];
    expect(ref.id).toBe('__reference');
    expect(ref.markLine!.data[0].yAxis).toBe(100);
    expect((o.yAxis as { scale: boolean }).scale).toBe(true);
    // tooltips still find their zone past the reference series
    const formatter = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter(pointParams(o, 1, 0))).toBe('<b>410</b>');
  });

  it('sets aria, font size and animation from the context', () => {
    expect(option.aria).toMatchObject({ enabled: true, label: { description: input.description } });
    expect(option.animation).toBe(false);
    expect(buildTrendsOption(input, { ...ctx(800, 380), mode: 'desk' }).animation).toBe(true);
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 800, 380);
    expect(svg).toContain('郑州');
    expect(svg).toContain('新乡');
    for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
    const g = matchGolden(svg, `${GOLDEN}/trends-gdp-henan.svg`);
    expect(svg).toBe(g.expected);
  });

  it('matches the golden SVG on a log axis', () => {
    const o = buildTrendsOption({ ...input, log: true }, ctx(640, 320));
    const svg = renderSvg(o, 640, 320);
    const g = matchGolden(svg, `${GOLDEN}/trends-gdp-log.svg`);
    expect(svg).toBe(g.expected);
  });
});

describe('end-label helpers', () => {
  it('spreads overlapping labels apart within bounds, keeping their order', () => {
    expect(dodge([10, 50, 52, 200], 12, 0, 300)).toEqual([10, 50, 62, 200]);
    expect(dodge([295, 296, 5], 12, 0, 300)).toEqual([288, 300, 5]);
    expect(dodge([0, 0], 10, 0, 100)).toEqual([0, 10]);
  });

  it('rounds axis ends', () => {
    expect(niceScale(120, 1398, false, true)).toEqual({ min: 0, max: 1500, interval: 300 });
    expect(niceScale(95, 132, false, false)).toEqual({ min: 90, max: 140, interval: 10 });
    expect(niceScale(120, 1398, true, true)).toEqual({ min: 100, max: 10000 });
    expect(niceScale(-3.2, 8.1, false, false)).toEqual({ min: -4, max: 10, interval: 2 });
  });
});

describe('empty input', () => {
  it('renders without zones or points', () => {
    expect(() => renderSvg(buildTrendsOption({ ...input, series: [] }, ctx(400, 200)), 400, 200)).not.toThrow();
    expect(() => renderSvg(buildTrendsOption({ ...input, log: true, series: [series('a', '甲', false, [null, 0, -1, null, null, null, null])] }, ctx(400, 200)), 400, 200)).not.toThrow();
  });
});

describe('X1: trends escape text from files', () => {
  it('keeps a hostile label and tooltip inert', () => {
    const hostile: TrendsChartInput = {
      ...input,
      series: [{ id: 'x', label: HOSTILE, colour: '#0072b2', home: false, points: [{ value: 1, hollow: false, tooltip: [HOSTILE, `source: <script>alert(1)</script>`] }] }],
    };
    const o = buildTrendsOption(hostile, ctx(500, 300));
    const html = (o.tooltip as { formatter: (p: unknown) => string }).formatter(pointParams(o, 0, 0));
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    const svg = renderSvg(o, 500, 300);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('trends of a rank', () => {
  it('inverts the axis (1 at the top) and places end labels to match', async () => {
    const { buildTrendsOption } = await import('../../src/charts/trends-option');
    const { DESK } = await import('../../src/theme/tokens');
    const input = {
      years: [2019, 2020],
      series: [
        { id: 'a', label: '甲', colour: '#0072b2', home: false, points: [{ value: 1, hollow: false, tooltip: ['a'] }, { value: 2, hollow: false, tooltip: ['a'] }] },
        { id: 'b', label: '乙', colour: '#009e73', home: false, points: [{ value: 9, hollow: false, tooltip: ['b'] }, { value: 8, hollow: false, tooltip: ['b'] }] },
      ],
      yAxisName: '位', log: false, valueFormat: String, summary: '', description: '', zeroBased: false, inverse: true,
    };
    const option = buildTrendsOption(input, { mode: 'export', theme: DESK, width: 500, height: 300, fontSize: 12 });
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
  });
});
