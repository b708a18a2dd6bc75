// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildRankingsOption, rankAxisTicks, type RankingsChartInput, type RankingsChartRow } from '../../src/charts/rankings-option';
import { rankingsChartInput } from '../../src/charts/rankings-input';
import type { ChartContext } from '../../src/charts/context';
import { translator } from '../../src/i18n';
import { buildRankings } from '../../src/model/rankings';
import { DESK } from '../../src/theme/tokens';
import { IND_GDP, IND_RANK, obs, tableOf, zone } from '../model/fixtures';
import { matchGolden, pointParams, renderSvg } from './ssr';

const GOLDEN = 'test/charts/__golden__';
const ctx = (width: number, height: number): ChartContext => ({ mode: 'export', theme: DESK, width, height, fontSize: 13 });

const HENAN = [
  zone('zhengzhou', '郑州'), zone('luoyang', '洛阳'), zone('xinxiang', '新乡'), zone('pingdingshan', '平顶山'),
  zone('anyang', '安阳'), zone('nanyang', '南阳'), zone('jiaozuo', '焦作'),
];
const henanTable = tableOf([
  obs('zhengzhou', 2020, 'rank_overall', 17), obs('zhengzhou', 2019, 'rank_overall', 20, { basis: 'derived' }), obs('zhengzhou', 2019, 'rank_overall', 17),
  obs('luoyang', 2020, 'rank_overall', 37), obs('xinxiang', 2020, 'rank_overall', 66), obs('xinxiang', 2019, 'rank_overall', 76),
  obs('pingdingshan', 2020, 'rank_overall', 88), obs('pingdingshan', 2019, 'rank_overall', 98, { basis: 'derived' }),
  obs('anyang', 2020, 'rank_overall', 103), obs('nanyang', 2020, 'rank_overall', 118), obs('jiaozuo', 2020, 'rank_overall', 130),
  obs('jiaozuo', 2020, 'rank_overall', 131, { source: 'a typo in a repost', basis: 'derived' }),
]);
const opts = (home: string | null) => ({ zonesById: new Map(HENAN.map((z) => [z.id, z])), lang: 'zh' as const, t: translator('zh'), home, selected: new Set<string>() });

describe('rankings chart: official ranks (dot plot on 1…N)', () => {
  const input = rankingsChartInput(buildRankings(henanTable, IND_RANK, 2020, HENAN), henanTable, opts('zhengzhou'));
  input.axisMax = 169;
  const option = buildRankingsOption(input, ctx(800, 300));

  it('puts rank 1 at the top, draws bands, dots and the other sources, and names the axis', () => {
    const y = option.yAxis as { inverse: boolean; data: string[] };
    expect(y.inverse).toBe(true);
    expect(y.data).toEqual(['郑州', '洛阳', '新乡', '平顶山', '安阳', '南阳', '焦作']);
    const series = option.series as { type: string; name?: string }[];
    expect(series.map((s) => s.type)).toEqual(['bar', 'bar', 'scatter', 'scatter']);
    expect((option.xAxis as { max: number }).max).toBe(169);
  });

  it('labels conflicts with every value and changes with arrows', () => {
    expect(input.rows.find((r) => r.id === 'jiaozuo')!.valueLabel).toBe('130 / 131 ⚠');
    expect(input.rows.find((r) => r.id === 'xinxiang')!.valueLabel).toBe('66 ↑10');
    // no change is given from a year whose sources disagree
    expect(input.rows.find((r) => r.id === 'zhengzhou')!.valueLabel).toBe('17');
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 800, 300);
    expect(svg).toContain('郑州');
    expect(svg).toContain('130 / 131 ⚠');
    // every style attribute is closed where it should be: no double quote inside (valid XML for export)
    for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
    const g = matchGolden(svg, `${GOLDEN}/rankings-rank-henan-2020.svg`);
    expect(svg).toBe(g.expected);
  });
});

describe('rankings chart: values (bars, best first)', () => {
  const zones = [zone('a', '甲'), zone('b', '乙'), zone('c', '丙'), zone('d', '丁')];
  const table = tableOf([
    obs('a', 2022, 'gdp', 3515.61), obs('b', 2022, 'gdp', 1565.3, { basis: 'estimate' }), obs('c', 2022, 'gdp', 1350.7), obs('d', 2022, 'gdp', 80.25),
  ]);
  const input = rankingsChartInput(buildRankings(table, IND_GDP, 2022, zones), table, { ...opts(null), zonesById: new Map(zones.map((z) => [z.id, z])) });
  const option = buildRankingsOption(input, ctx(700, 220));

  it('sorts bars best first and draws estimates hollow', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['甲', '乙', '丙', '丁']);
    const data = (option.series as { data: { itemStyle: { color: string; borderType?: string } }[] }[])[0].data;
    expect(data[1].itemStyle.borderType).toBe('dashed');
    expect(input.rows.map((r) => r.valueLabel)).toEqual(['3,515.6', '1,565.3', '1,350.7', '80.3']);
  });

  it('matches the golden SVG', () => {
    const svg = renderSvg(option, 700, 220);
    const g = matchGolden(svg, `${GOLDEN}/rankings-value-gdp.svg`);
    expect(svg).toBe(g.expected);
  });
});

describe('X1: tooltips escape text from files', () => {
  it('turns a hostile zone name and source into inert text', () => {
    const row: RankingsChartRow = {
      id: 'x', label: '<img src=x onerror=alert(1)>', value: 1, band: null, alternatives: [], conflict: false, hollow: false, home: false,
      colour: null, tooltip: ['<img src=x onerror=alert(1)>', 'source: <script>alert(1)</script>'], valueLabel: '1',
    };
    const input: RankingsChartInput = { kind: 'rank', rows: [row], axisMax: 10, axisName: '位次', summary: '', description: '' };
    const option = buildRankingsOption(input, ctx(400, 100));
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    // the dot of the rank series (after the invisible and the band bars)
    const html = formatter(pointParams(option, 2, 0));
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('rank axis numbers', () => {
  it('keeps the multiples of the step and the last rank, dropping a multiple whose label would touch the last one', () => {
    // 1,000 px for 169 ranks: 160 is 53 px from 169, clear of a 45 px label gap
    expect(rankAxisTicks(169, 20, 1000, 45)).toEqual([20, 40, 60, 80, 100, 120, 140, 160, 169]);
    // a wall tile 600 px wide with 48 px text: 150 stands 67 px from 169, less than 169's width and a font's gap
    expect(rankAxisTicks(169, 50, 600, 48 * 1.6 + 48)).toEqual([50, 100, 169]);
    // a max that is itself a multiple is drawn once
    expect(rankAxisTicks(100, 20, 800, 40)).toEqual([20, 40, 60, 80, 100]);
  });
});

describe('rankings chart: 169 zones in an export of fixed height', () => {
  const many = Array.from({ length: 169 }, (_, i) => zone(`z${i + 1}`, `区${i + 1}`));
  const table = tableOf(many.map((z, i) => obs(z.id, 2020, 'rank_overall', i + 1)));
  const input = rankingsChartInput(buildRankings(table, IND_RANK, 2020, many), table, { ...opts('z17'), zonesById: new Map(many.map((z) => [z.id, z])) });
  input.axisMax = 169;
  const formatter = (o: ReturnType<typeof buildRankingsOption>) => (o.series as { name?: string; label: { formatter: (p: unknown) => string } }[]).find((s) => s.name === 'rank')!.label.formatter;

  it('prints only the home zone’s value when rows are closer than a line of text, with marks the height of a row', () => {
    // a 16:9 slide's chart area: 169 rows in ~800 px is under 5 px a row at 32 px text
    const option = buildRankingsOption(input, { ...ctx(1920, 800), fontSize: 32 });
    const label = formatter(option);
    const printed = input.rows.map((_, i) => label({ dataIndex: i, value: [i + 1, i] })).filter(Boolean);
    expect(printed).toEqual(['17']);
    const size = (option.series as { name?: string; symbolSize?: number }[]).find((s) => s.name === 'rank')!.symbolSize!;
    expect(size).toBeLessThanOrEqual(5);
    expect(size).toBeGreaterThanOrEqual(3);
  });

  it('prints every value when the rows have room (the desk grows its canvas with the rows)', () => {
    const option = buildRankingsOption(input, { ...ctx(1920, 169 * 28), mode: 'desk', fontSize: 13 });
    const label = formatter(option);
    expect(input.rows.map((_, i) => label({ dataIndex: i, value: [i + 1, i] })).filter(Boolean)).toHaveLength(169);
  });
});
