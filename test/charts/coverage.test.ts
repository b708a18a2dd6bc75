// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ChartContext } from '../../src/charts/context';
import { buildCoverageOption, coverageChartHeight, type CoverageChartInput } from '../../src/charts/coverage-option';
import { DESK, WALL } from '../../src/theme/tokens';
import { matchGolden, renderSvg } from './ssr';

const GOLDEN = 'test/charts/__golden__';
const ctx = (width: number, height: number, theme = DESK): ChartContext => ({ mode: 'export', theme, width, height, fontSize: 13 });
const HOSTILE = '<img src=x onerror=alert(1)>';

const input: CoverageChartInput = {
  zones: [
    { id: 'zhengzhou', label: '郑州' }, { id: 'luoyang', label: '洛阳' }, { id: 'xinxiang', label: '新乡' },
    { id: 'pingdingshan', label: '平顶山' }, { id: 'anyang', label: '安阳' }, { id: 'nanyang', label: '南阳' },
  ],
  years: [2016, 2017, 2018, 2019, 2020, 2021, 2022],
  counts: [
    [12, 12, 14, 15, 15, 16, 9],
    [6, 7, 0, 8, 9, 9, 4],
    [2, 0, 0, 3, 3, 4, 1],
    [0, 0, 0, 0, 1, 0, 0],
    [5, 5, 5, 5, 5, 5, 5],
    [0, 0, 0, 0, 0, 0, 0],
  ],
  maxCount: 16,
  description: '数据覆盖：高新区 × 年份',
  countName: '观测数',
};

describe('coverage heatmap', () => {
  const height = coverageChartHeight(input.zones.length, 13);
  const option = buildCoverageOption(input, ctx(720, height));
  const series = (option.series as { type: string; data: number[][] }[])[0];

  it('draws only the cells with observations, so zeros stay empty', () => {
    expect(series.type).toBe('heatmap');
    const nonZero = input.counts.flat().filter((c) => c > 0).length;
    expect(series.data).toHaveLength(nonZero);
    expect(series.data.every(([, , c]) => c > 0)).toBe(true);
    // [yearIndex, zoneIndex, count]
    expect(series.data).toContainEqual([6, 0, 9]);
    expect(series.data.some(([y, z]) => z === 1 && y === 2)).toBe(false);
    expect(series.data.some(([, z]) => z === 5)).toBe(false);
  });

  it('lists zones top to bottom and keys counts from 1 to maxCount', () => {
    const y = option.yAxis as { inverse: boolean; data: string[] };
    expect(y.inverse).toBe(true);
    expect(y.data).toEqual(input.zones.map((z) => z.label));
    expect(option.visualMap).toMatchObject({ min: 1, max: 16, seriesIndex: 0 });
    expect(option.aria).toMatchObject({ enabled: true, label: { description: input.description } });
  });

  it('finds the tooltip of a cell', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ value: [4, 3, 1] })).toBe('<b>平顶山</b><br/>2020: 1');
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 720, height);
    expect(svg).toContain('平顶山');
    for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
    const g = matchGolden(svg, `${GOLDEN}/coverage-henan.svg`);
    expect(svg).toBe(g.expected);
  });

  it('matches the golden SVG on the wall theme, many zones', () => {
    const many: CoverageChartInput = {
      zones: Array.from({ length: 40 }, (_, i) => ({ id: `z${i}`, label: `高新区${i + 1}` })),
      years: input.years,
      counts: Array.from({ length: 40 }, (_, i) => input.years.map((_, k) => ((i * 7 + k * 3) % 11 < 3 ? 0 : ((i + k) % 9) + 1))),
      maxCount: 9,
      description: '',
    };
    const h = coverageChartHeight(40, 13);
    const svg = renderSvg(buildCoverageOption(many, ctx(640, h, WALL)), 640, h);
    const g = matchGolden(svg, `${GOLDEN}/coverage-wall.svg`);
    expect(svg).toBe(g.expected);
  });
});

describe('empty input', () => {
  it('renders without zones or counts', () => {
    expect(() => renderSvg(buildCoverageOption({ zones: [], years: [], counts: [], maxCount: 0, description: '' }, ctx(400, 200)), 400, 200)).not.toThrow();
  });
});

describe('X1: coverage escapes text from files', () => {
  it('keeps a hostile zone label inert', () => {
    const o = buildCoverageOption({ ...input, zones: [{ id: 'x', label: HOSTILE }], counts: [[1, 0, 0, 0, 0, 0, 0]], countName: HOSTILE, description: HOSTILE }, ctx(500, 200));
    const html = (o.tooltip as { formatter: (p: unknown) => string }).formatter({ value: [0, 0, 1] });
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    const svg = renderSvg(o, 500, 200);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
