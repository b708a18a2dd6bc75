import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import type { ChartContext } from './context';
import { baseOption, tooltipHtml } from './context';
import { textWidth } from './trends-option';

export interface CoverageChartInput {
  zones: { id: string; label: string }[];
  years: number[];
  /** observation counts, [zoneIndex][yearIndex]; 0 = nothing known (an empty cell) */
  counts: number[][];
  /** the top of the colour scale (the largest count, or a fixed cap) */
  maxCount: number;
  /** accessible description of the chart (ECharts aria) */
  description: string;
  /** optional sequential ramp, low → high; default: the theme's band → bar colours */
  colours?: string[];
  /** optional caption beside the colour key (e.g. 观测数) */
  countName?: string;
}

/** The height a coverage chart wants so that each zone row stays legible. */
export function coverageChartHeight(zones: number, fontSize: number): number {
  return Math.max(160, zones * Math.round(fontSize * 1.6) + Math.round(fontSize * 6));
}

/**
 * Coverage: a zone × year heatmap of observation counts. Only cells with a count are drawn; a zero stays
 * the bare background inside the cell grid, so a gap looks like a gap (a pale colour would read as
 * "a little data"). The colour key runs from 1 to maxCount. Counts are written in the cells when the
 * cells are big enough to hold them.
 */
export function buildCoverageOption(input: CoverageChartInput, ctx: ChartContext): EChartsOption {
  const { theme, fontSize } = ctx;
  const style = { color: theme.muted, fontSize, fontFamily: theme.fontFamily };
  const max = Math.max(1, input.maxCount);
  const data: [number, number, number][] = [];
  input.counts.forEach((row, z) => row.forEach((c, y) => {
    if (Number.isFinite(c) && c > 0) data.push([y, z, c]);
  }));

  const labelW = Math.max(fontSize * 2, ...input.zones.map((z) => textWidth(z.label, fontSize))) + 12;
  const top = Math.round(fontSize * 4.2);
  const bottom = 8;
  const right = 12;
  const cellW = (ctx.width - labelW - right) / Math.max(1, input.years.length);
  const cellH = (ctx.height - top - bottom) / Math.max(1, input.zones.length);
  const showCounts = cellH >= fontSize * 1.3 && cellW >= textWidth(String(max), fontSize) + 6;

  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    id: 'coverage',
    data,
    itemStyle: { borderColor: theme.background, borderWidth: 1 },
    label: { show: showCounts, fontSize, fontFamily: theme.fontFamily, color: theme.text, formatter: (p: unknown) => String((p as { value: number[] }).value[2]) },
    emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
  };

  const keyW = Math.min(160, Math.round(ctx.width * 0.3));
  return {
    ...baseOption(ctx, input.description),
    grid: { left: labelW, right, top, bottom },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const [y, z, c] = (p as { value: number[] }).value;
        const zone = input.zones[z];
        return zone ? tooltipHtml([zone.label, `${input.years[y]}: ${c}`]) : '';
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: input.years.map(String),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...style, hideOverlap: true },
      // the cell grid: empty cells keep their outline, so a gap is seen as a gap
      splitLine: { show: true, interval: 0, lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.zones.map((z) => z.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...style, color: theme.text, interval: 0, formatter: (v: string) => v },
      splitLine: { show: true, interval: 0, lineStyle: { color: theme.grid } },
    },
    visualMap: {
      type: 'continuous',
      min: 1,
      max,
      calculable: false,
      orient: 'horizontal',
      left: labelW,
      top: 2,
      itemWidth: Math.round(fontSize * 0.9),
      itemHeight: keyW,
      text: [String(max), input.countName ? `${input.countName}  1` : '1'],
      textGap: 6,
      textStyle: style,
      inRange: { color: input.colours && input.colours.length ? input.colours : [theme.band, theme.bar] },
      seriesIndex: 0,
    },
    series: [series],
  };
}
