// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildBumpOption, rankTicks, type BumpChartInput, type BumpPoint, type BumpSeries } from '../../src/charts/bump-option';
import type { ChartContext } from '../../src/charts/context';
import { DESK, zoneColour } from '../../src/theme/tokens';
import { matchGolden, pointParams, renderSvg } from './ssr';

const GOLDEN = 'test/charts/__golden__';
const ctx = (width: number, height: number): ChartContext => ({ mode: 'export', theme: DESK, width, height, fontSize: 13 });
const HOSTILE = '<img src=x onerror=alert(1)>';

const years = [2016, 2017, 2018, 2019, 2020, 2021];
/** a number is an exact rank, 'T10' a 前10 band, '17h' a hollow rank, null a gap */
const pts = (label: string, spec: (number | string | null)[]): (BumpPoint | null)[] =>
  spec.map((v, i) => {
    if (v === null) return null;
    if (v === 'T10') return { rank: 10, band: { upTo: 10, label: '前10' }, hollow: false, tooltip: [`${label} ${years[i]}`, '前10'] };
    const hollow = typeof v === 'string';
    const rank = Number(String(v).replace('h', ''));
    return { rank, band: null, hollow, tooltip: [`${label} ${years[i]}`, String(rank)] };
  });
const series = (id: string, label: string, home: boolean, endLabel: string, spec: (number | string | null)[]): BumpSeries => ({
  id, label, colour: zoneColour(id), home, endLabel, points: pts(label, spec),
});

const input: BumpChartInput = {
  years,
  series: [
    series('zhengzhou', '郑州', true, '郑州 17 ↑3', [22, 21, '20h', 20, null, 17]),
    series('luoyang', '洛阳', false, '洛阳 37 ↓2', [41, 38, 36, 35, 35, 37]),
    series('xinxiang', '新乡', false, '新乡 66 ↑10', [null, 80, 78, 76, null, 66]),
    series('wuhan', '武汉东湖', false, '武汉东湖 前10', ['T10', 'T10', 'T10', null, 'T10', 'T10']),
    series('xian', '西安', false, '西安 前10', [12, 'T10', 'T10', 9, 'T10', 'T10']),
  ],
  maxRank: 169,
  description: '综合排名位次变化 · 2016—2021年',
  axisName: '位次',
};

type Line = { type: string; id: string; z: number; connectNulls: boolean; data: (string | { value: number; itemStyle: { color: string } })[] };

describe('bump chart', () => {
  const option = buildBumpOption(input, ctx(900, 560));
  const all = option.series as (Line & { markLine?: { data: { yAxis: number }[] } })[];
  const lines = all.filter((s) => s.type === 'line' && !s.id.startsWith('__'));

  it('puts rank 1 at the top of a 1…maxRank axis with rank labels', () => {
    const y = option.yAxis as { inverse: boolean; min: number; max: number; axisLabel: { customValues: number[] } };
    expect(y.inverse).toBe(true);
    expect([y.min, y.max]).toEqual([0.5, 169.5]);
    expect(y.axisLabel.customValues).toEqual([1, 20, 40, 60, 80, 100, 120, 140, 160]);
    expect(rankTicks(12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rankTicks(30)).toEqual([1, 5, 10, 15, 20, 25, 30]);
    expect(all[0].markLine!.data.map((d) => d.yAxis)).toEqual(y.axisLabel.customValues);
  });

  it('draws a line per zone through exact ranks, with gaps and bands left out of the line', () => {
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.connectNulls === false)).toBe(true);
    const zz = lines.find((l) => l.id === 'zhengzhou')!;
    expect(zz.data[4]).toBe('-');
    expect((zz.data[2] as { itemStyle: { color: string } }).itemStyle.color).toBe(DESK.background);
    expect(lines[lines.length - 1].id).toBe('zhengzhou');
    const xian = lines.find((l) => l.id === 'xian')!;
    expect(xian.data.map((d) => (typeof d === 'string' ? d : d.value))).toEqual([12, '-', '-', 9, '-', '-']);
  });

  it('draws bands as bars from 1 to upTo, one item per zone-year', () => {
    const bands = all.find((s) => s.id === '__bands') as unknown as { type: string; data: { value: number[] }[] };
    expect(bands.type).toBe('custom');
    expect(bands.data.map((d) => d.value)).toEqual([[0, 10], [1, 10], [1, 10], [2, 10], [2, 10], [4, 10], [4, 10], [5, 10], [5, 10]]);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter(pointParams(option, 1 + lines.length, 0))).toBe('<b>武汉东湖 2016</b><br/>前10');
    expect(formatter(pointParams(option, 1 + lines.length - 1, 5))).toBe('<b>郑州 2021</b><br/>17');
  });

  it('ends each zone with its end label at its last ranked year', () => {
    const ends = all.find((s) => s.id === '__end_labels') as unknown as { data: { value: number[] }[]; label: { formatter: (p: unknown) => string } };
    expect(ends.data.map((d) => d.value[0])).toEqual([5, 5, 5, 5, 5]);
    // exact where there is room; the two 前10 labels are spread apart (about one line of text each)
    expect(ends.data.map((d) => d.value[1]).filter((_, k) => k !== 2 && k !== 3)).toEqual([37, 66, 17]);
    const [wuhan, xian] = [ends.data[2].value[1], ends.data[3].value[1]];
    expect(Math.abs(wuhan - xian)).toBeGreaterThan(4);
    expect(Math.min(wuhan, xian)).toBeGreaterThanOrEqual(0.5);
    expect(ends.label.formatter({ dataIndex: 4 })).toBe('郑州 17 ↑3');
  });

  it('sets aria and animation from the context', () => {
    expect(option.aria).toMatchObject({ enabled: true, label: { description: input.description } });
    expect(option.animation).toBe(false);
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 900, 560);
    expect(svg).toContain('郑州 17 ↑3');
    expect(svg).toContain('前10');
    for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
    const g = matchGolden(svg, `${GOLDEN}/bump-henan-bands.svg`);
    expect(svg).toBe(g.expected);
  });
});

describe('empty input', () => {
  it('renders without zones', () => {
    expect(() => renderSvg(buildBumpOption({ ...input, series: [] }, ctx(400, 200)), 400, 200)).not.toThrow();
  });
});

describe('X1: bump charts escape text from files', () => {
  it('keeps a hostile end label, band label and tooltip inert', () => {
    const hostile: BumpChartInput = {
      years: [2020, 2021],
      maxRank: 20,
      description: HOSTILE,
      series: [
        { id: 'x', label: HOSTILE, colour: '#0072b2', home: false, endLabel: HOSTILE, points: [{ rank: 3, band: null, hollow: false, tooltip: [HOSTILE] }, { rank: 10, band: { upTo: 10, label: HOSTILE }, hollow: false, tooltip: [HOSTILE, '<script>alert(1)</script>'] }] },
      ],
    };
    const o = buildBumpOption(hostile, ctx(500, 300));
    const formatter = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    for (const html of [formatter(pointParams(o, 1, 0)), formatter(pointParams(o, 2, 0))]) {
      expect(html).toContain('&#60;');
      expect(html).not.toMatch(/<img|<script/);
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    }
    const svg = renderSvg(o, 500, 300);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('a disputed year on the trajectories (郑州 2019: 17 reported, 20 derived)', () => {
  it('draws the other source\'s value beside the point and names it in the tooltip; the end label claims no change', async () => {
    const { readFileSync } = await import('node:fs');
    const { importFile } = await import('../../src/data/import-file');
    const { bundledContext } = await import('../data/bundled');
    const { bumpChartInput } = await import('../../src/charts/bump-input');
    const { translator } = await import('../../src/i18n');
    const ctxData = bundledContext();
    const table = importFile('seed_facts.csv', new Uint8Array(readFileSync('data/reported/seed_facts.csv')), ctxData).table;
    const rank = ctxData.catalogue.byId.get('rank_overall')!;
    const input = bumpChartInput(table, rank, ['zhengzhou'], [2019, 2020], { zonesById: ctxData.registry.byId, lang: 'zh', t: translator('zh'), home: null, accent: '#c2410c' });
    const p2019 = input.series[0].points[0]!;
    expect([p2019.rank, p2019.alternatives, p2019.hollow]).toEqual([17, [20], true]);
    expect(p2019.tooltip.join('\n')).toContain('另有来源为 20');
    expect(input.series[0].endLabel).toBe('郑州 17');
    const option = buildBumpOption(input, ctx(900, 400));
    const line = (option.series as { id: string; data: ({ label?: { formatter: () => string } } | string)[] }[]).find((x) => x.id === 'zhengzhou')!;
    const first = line.data[0] as { label?: { formatter: () => string } };
    expect(first.label?.formatter()).toBe('⚠ 20');
  });
});
