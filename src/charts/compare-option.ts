import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import type { ChartContext } from './context';
import { baseOption, pointTooltip } from './context';
import { textWidth } from './trends-option';

export interface ScatterPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  /** the third indicator (bubble area ∝ size); null = unknown: a small diamond of fixed size */
  size: number | null;
  colour: string;
  home: boolean;
  /** selected zones: labelled like the home zone */
  highlighted: boolean;
  /** plain-text tooltip lines; escaped by the builder */
  tooltip: string[];
}

export interface ScatterChartInput {
  points: ScatterPoint[];
  xName: string;
  yName: string;
  /** what the bubble size shows; drawn as a small key when any point has a size */
  sizeName: string;
  /** drawn as dashed lines that split the plane into quadrants */
  medians: { x: number; y: number } | null;
  /** accessible description of the chart (ECharts aria) */
  description: string;
  /** optional plain-text formatters for the axis labels */
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
}

/**
 * Bubble diameter in px: area proportional to size (diameter ∝ √size), the largest bubble
 * 3.2 × fontSize across (42 px at 13 px), none smaller than 0.6 × fontSize so that each stays visible
 * and clickable. Sizes ≤ 0 get the minimum.
 */
export function bubbleDiameter(size: number, maxSize: number, fontSize: number): number {
  const max = fontSize * 3.2;
  const min = fontSize * 0.6;
  if (!(size > 0) || !(maxSize > 0)) return min;
  return Math.max(min, max * Math.sqrt(size / maxSize));
}

const axisStyle = (ctx: ChartContext) => ({ color: ctx.theme.muted, fontSize: ctx.fontSize, fontFamily: ctx.theme.fontFamily });

/**
 * Scatter / bubble chart of two indicators, one point per zone in the zone's colour. Bigger bubbles are
 * drawn first so small ones stay visible; the home zone and highlighted zones are drawn last and
 * labelled (labels for every zone would be unreadable). Medians split the plane into quadrants.
 */
export function buildScatterOption(input: ScatterChartInput, ctx: ChartContext): EChartsOption {
  const { theme, fontSize } = ctx;
  const style = axisStyle(ctx);
  const maxSize = Math.max(0, ...input.points.map((p) => p.size ?? 0));
  const diam = (p: ScatterPoint) => (p.size === null ? Math.round(fontSize * 0.9) : bubbleDiameter(p.size, maxSize, fontSize));
  const rankOf = (p: ScatterPoint) => (p.home ? 2 : p.highlighted ? 1 : 0);
  const points = input.points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => rankOf(a) - rankOf(b) || diam(b) - diam(a));

  const series: ScatterSeriesOption = {
    type: 'scatter',
    id: 'points',
    data: points.map((p) => ({
      name: p.id,
      value: [p.x, p.y],
      tip: p.tooltip,
      symbol: p.size === null ? 'diamond' : 'circle',
      symbolSize: diam(p),
      itemStyle: {
        color: p.colour,
        opacity: p.home || p.highlighted ? 0.9 : 0.65,
        borderColor: p.home ? theme.text : theme.background,
        borderWidth: p.home ? 2 : 1,
      },
      label: { show: p.home || p.highlighted, fontWeight: p.home ? 'bold' : 'normal' },
    })),
    label: {
      position: 'right',
      color: theme.text,
      fontSize,
      fontFamily: theme.fontFamily,
      formatter: (p: unknown) => points[(p as { dataIndex: number }).dataIndex]?.label ?? '',
    },
    emphasis: { focus: 'self', label: { show: true } },
  };
  if (input.medians) {
    series.markLine = {
      silent: true,
      symbol: ['none', 'none'],
      label: { show: false },
      lineStyle: { color: theme.muted, type: 'dashed', width: 1 },
      data: [{ xAxis: input.medians.x }, { yAxis: input.medians.y }],
    };
  }

  const sized = input.points.some((p) => p.size !== null && p.size > 0);
  const r = Math.round(fontSize * 0.5);
  return {
    ...baseOption(ctx, input.description),
    grid: { left: 12, right: Math.round(fontSize * 6), top: Math.round(fontSize * 3), bottom: Math.round(fontSize * 3.2) },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: pointTooltip,
    },
    xAxis: {
      type: 'value',
      scale: true,
      name: input.xName,
      nameLocation: 'middle',
      nameGap: Math.round(fontSize * 2),
      nameTextStyle: style,
      axisLabel: { ...style, hideOverlap: true, ...(input.xFormat ? { formatter: input.xFormat } : {}) },
      axisLine: { lineStyle: { color: theme.grid } },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: input.yName,
      nameTextStyle: { ...style, align: 'left' },
      // on a wall the lowest number would touch the x axis's first one in the corner: the axis line marks it
      axisLabel: { ...style, ...(input.yFormat ? { formatter: input.yFormat } : {}), ...(ctx.mode === 'wall' ? { showMinLabel: false, hideOverlap: true } : {}) },
      // on a wall, no more numbers than the plot's height holds (one per 1.6 lines of text)
      ...(ctx.mode === 'wall' ? { splitNumber: Math.max(2, Math.min(8, Math.floor((ctx.height - Math.round(fontSize * 3) - Math.round(fontSize * 3.2)) / (fontSize * 1.6)))) } : {}),
      axisLine: { lineStyle: { color: theme.grid } },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    // the size key: one outlined circle and the size indicator's name, top right
    graphic: sized
      ? [
          {
            type: 'group',
            right: 8,
            top: 4,
            silent: true,
            children: [
              { type: 'circle', shape: { cx: r, cy: r + 2, r }, style: { fill: 'transparent', stroke: theme.muted, lineWidth: 1 } },
              { type: 'text', x: r * 2 + 6, y: r + 2, style: { text: `∝ ${input.sizeName}`, fill: theme.muted, fontSize, fontFamily: theme.fontFamily, verticalAlign: 'middle' } },
            ],
          },
        ]
      : [],
    series: [series],
  };
}

export interface GroupedBarsZone {
  id: string;
  label: string;
  colour: string;
  home: boolean;
}

export interface GroupedBarsIndicator {
  id: string;
  title: string;
  unit: string;
  /** one per zone, in the order of `zones`; null = no value */
  values: (number | null)[];
  /** plain-text tooltip lines per zone; escaped by the builder */
  tooltips: string[][];
  /** optional plain-text value label per zone (e.g. `1,234.5`, or `—` for no value); none when absent */
  valueLabels?: string[];
}

export interface GroupedBarsInput {
  indicators: GroupedBarsIndicator[];
  zones: GroupedBarsZone[];
  /** accessible description of the chart (ECharts aria) */
  description: string;
}

/** How many small multiples fit side by side: one per ~22 em of width, at most one per indicator. */
export function groupedBarsColumns(n: number, ctx: Pick<ChartContext, 'width' | 'fontSize'>): number {
  return Math.max(1, Math.min(n, Math.floor(ctx.width / (ctx.fontSize * 22))));
}

/** The height grouped bars want so that every zone label stays legible in every panel. */
export function groupedBarsHeight(indicators: number, zones: number, ctx: Pick<ChartContext, 'width' | 'fontSize'>): number {
  const rows = Math.ceil(indicators / groupedBarsColumns(indicators, ctx));
  return rows * (zones * Math.round(ctx.fontSize * 1.9) + Math.round(ctx.fontSize * 4.5));
}

/**
 * Grouped bars as small multiples: one panel per indicator (their units differ, so they never share an
 * axis), in as many columns as the width allows. Each panel lists the zones top to bottom in the
 * caller's order, one horizontal bar each in the zone's colour; a missing value shows no bar, only its
 * value label.
 */
export function buildGroupedBarsOption(input: GroupedBarsInput, ctx: ChartContext): EChartsOption {
  const { theme, fontSize } = ctx;
  const style = axisStyle(ctx);
  const n = input.indicators.length;
  const cols = groupedBarsColumns(n, ctx);
  const rows = Math.max(1, Math.ceil(n / cols));
  const cellW = ctx.width / cols;
  const cellH = ctx.height / rows;
  const titleH = Math.round(fontSize * 2);
  const labelW = Math.max(...input.zones.map((z) => textWidth(z.label, fontSize)), fontSize * 2) + 10;
  const valueW = Math.max(fontSize * 3, ...input.indicators.flatMap((ind) => (ind.valueLabels ?? []).map((l) => textWidth(l, fontSize)))) + 10;
  const cells = input.indicators.map((_, i) => ({ x: (i % cols) * cellW, y: Math.floor(i / cols) * cellH }));
  const category = input.zones.map((z) => ({ value: z.label, textStyle: z.home ? { fontWeight: 'bold' as const, color: theme.text } : {} }));

  const series: BarSeriesOption[] = input.indicators.map((ind, i) => ({
    type: 'bar',
    id: ind.id,
    name: ind.title,
    xAxisIndex: i,
    yAxisIndex: i,
    barMaxWidth: Math.round(fontSize * 1.2),
    data: input.zones.map((z, k) => {
      const v = ind.values[k];
      // a missing value: a zero-length, invisible bar that still carries its label and tooltip
      const tip = ind.tooltips[k];
      if (v === null || v === undefined || !Number.isFinite(v)) return { value: 0, tip, itemStyle: { color: 'transparent' } };
      return { value: v, tip, itemStyle: { color: z.colour, borderColor: z.home ? theme.text : z.colour, borderWidth: z.home ? 1.5 : 0 } };
    }),
    label: {
      show: !!ind.valueLabels,
      position: 'right',
      ...style,
      formatter: (p: unknown) => ind.valueLabels?.[(p as { dataIndex: number }).dataIndex] ?? '',
    },
  }));

  return {
    ...baseOption(ctx, input.description),
    title: input.indicators.map((ind, i) => ({
      text: ind.title,
      left: cells[i].x + 8,
      top: cells[i].y + 4,
      textStyle: { color: theme.text, fontSize, fontFamily: theme.fontFamily, fontWeight: 'bold' },
    })),
    grid: input.indicators.map((_, i) => ({
      left: cells[i].x + labelW + 8,
      top: cells[i].y + titleH + 4,
      width: Math.max(20, cellW - labelW - valueW - 16),
      height: Math.max(20, cellH - titleH - fontSize * 2.6),
    })),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: pointTooltip,
    },
    xAxis: input.indicators.map((ind, i) => ({
      type: 'value' as const,
      gridIndex: i,
      name: ind.unit,
      nameLocation: 'end' as const,
      nameGap: 6,
      nameTextStyle: { ...style, verticalAlign: 'top' as const, padding: [Math.round(fontSize * 0.6), 0, 0, 0] },
      splitNumber: 3,
      axisLabel: { ...style, hideOverlap: true },
      axisLine: { show: false },
      splitLine: { lineStyle: { color: theme.grid } },
    })),
    yAxis: input.indicators.map((_, i) => ({
      type: 'category' as const,
      gridIndex: i,
      inverse: true,
      data: category,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
      axisLabel: { ...style, color: theme.text, formatter: (v: string) => v },
    })),
    series,
  };
}
