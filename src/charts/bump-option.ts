import { zoneLineSeries } from './zone-line';
import type { CustomSeriesOption, CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts';
import type { ChartContext } from './context';
import { baseOption, pointTooltip } from './context';
import { dodge, lastDrawn, textWidth } from './trends-option';

export interface BumpPoint {
  /** the exact rank; for a band, the band's upper bound (not drawn as a point) */
  rank: number;
  /** an official band (前10): drawn as a vertical bar from rank 1 to upTo, never as a point */
  band: null | { upTo: number; label: string };
  /** derived or disputed: an empty circle (or a dashed band) */
  hollow: boolean;
  /** sources disagree: the other values, drawn as `⚠ 20` beside the point */
  alternatives?: number[];
  /** plain-text tooltip lines; escaped by the builder */
  tooltip: string[];
}

export interface BumpSeries {
  id: string;
  label: string;
  colour: string;
  home: boolean;
  /** text at the end of the line, e.g. `郑州 17 ↑3` (plain text, decided by the caller) */
  endLabel: string;
  /** one per year of `years`; null = not ranked that year (a gap) */
  points: (BumpPoint | null)[];
}

export interface BumpChartInput {
  years: number[];
  series: BumpSeries[];
  /** the rank axis runs from 1 (top) to this */
  maxRank: number;
  /** accessible description of the chart (ECharts aria) */
  description: string;
  /** optional name for the rank axis (e.g. 位次) */
  axisName?: string;
}

/** Axis labels on a rank axis: 1 always, then round steps (rank 0 never exists). */
export function rankTicks(maxRank: number, fit = Infinity): number[] {
  const base = maxRank > 100 ? 20 : maxRank > 40 ? 10 : maxRank > 15 ? 5 : 1;
  // no more labels than the axis has room for (`fit`, from the plot's height and the font)
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((v) => v >= base && Math.floor(maxRank / v) + 1 <= fit) ?? maxRank;
  const ticks = [1];
  for (let v = step; v <= maxRank; v += step) if (v > 1) ticks.push(v);
  return ticks;
}

interface BandItem {
  s: BumpSeries;
  year: number;
  p: BumpPoint;
  slot: number;
  slots: number;
  first: boolean;
}

/**
 * A bump chart: rank by year on an inverted axis (1 at the top), a line per zone through its exact ranks
 * (gaps stay gaps), official bands drawn as a bar from 1 to upTo in the zone's colour at that year (side
 * by side when several zones share a band), and an end label per zone at its last ranked year. The axis
 * runs from 0.5 to maxRank + 0.5 so that rank 1 and the last rank are not drawn on the edge.
 */
export function buildBumpOption(input: BumpChartInput, ctx: ChartContext): EChartsOption {
  const { theme, fontSize } = ctx;
  const labelStyle = { color: theme.muted, fontSize, fontFamily: theme.fontFamily };
  const ordered = [...input.series].sort((a, b) => Number(a.home) - Number(b.home));
  const symbol = Math.max(6, Math.round(fontSize * 0.6));
  const exact = (p: BumpPoint) => p.band === null && Number.isFinite(p.rank);
  const barWidth = Math.max(4, Math.round(fontSize * 0.55));

  const lines: LineSeriesOption[] = ordered.map((s) => zoneLineSeries(s, s.points.map((p) => (p === null || !exact(p) ? null : { value: p.rank, hollow: p.hollow, mark: p.alternatives?.length ? `⚠ ${p.alternatives.join('/')}` : undefined, tip: p.tooltip })), symbol, theme, true, ctx.mode === 'wall' ? fontSize : undefined));

  // bands: one custom series for all, each item knows its slot among the bands of its year
  const bands: BandItem[] = [];
  input.years.forEach((_, year) => {
    const here = ordered.filter((s) => s.points[year]?.band);
    here.forEach((s, slot) => bands.push({ s, year, p: s.points[year]!, slot, slots: here.length, first: slot === 0 }));
  });
  const bandSeries: CustomSeriesOption = {
    type: 'custom',
    id: '__bands',
    z: 3,
    encode: { x: 0, y: 1 },
    data: bands.map((b) => ({ value: [b.year, b.p.band!.upTo], tip: b.p.tooltip })),
    renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const b = bands[params.dataIndex];
      const [x, top] = api.coord([b.year, 0.5]);
      const [, bottom] = api.coord([b.year, b.p.band!.upTo + 0.5]);
      const gap = 2;
      const left = x - (b.slots * (barWidth + gap) - gap) / 2 + b.slot * (barWidth + gap);
      const colour = b.s.colour;
      const rect = {
        type: 'rect' as const,
        shape: { x: left, y: top, width: barWidth, height: bottom - top, r: 2 },
        style: b.p.hollow
          ? { fill: theme.background, stroke: colour, lineWidth: 1.5, lineDash: [3, 2] }
          : { fill: colour, opacity: b.s.home ? 0.85 : 0.6, stroke: b.s.home ? theme.text : colour, lineWidth: b.s.home ? 1.5 : 1 },
      };
      if (!b.first) return rect;
      // the band's label once per year, above the bars (the grid leaves room at the top)
      const label = {
        type: 'text' as const,
        silent: true,
        style: { text: b.p.band!.label, x, y: top - 3, align: 'center' as const, verticalAlign: 'bottom' as const, fill: theme.muted, fontSize, fontFamily: theme.fontFamily },
      };
      return { type: 'group' as const, children: [rect, label] };
    },
  };

  const ends = ordered.flatMap((s) => {
    const i = lastDrawn(s.points, (p) => Number.isFinite(p.rank));
    if (i < 0) return [];
    const p = s.points[i]!;
    return [{ s, i, y: p.band ? (1 + p.band.upTo) / 2 : p.rank }];
  });
  // known margins, so the builder knows where each end label falls and spreads overlapping ones apart
  const top = Math.round(fontSize * 2.8);
  const bottom = Math.round(fontSize * 2.2);
  const ticks = rankTicks(input.maxRank, ctx.mode === 'wall' ? Math.max(2, Math.floor((ctx.height - top - bottom) / (fontSize * 1.6))) : Infinity);
  // the rank labels and the axis name (right-aligned at the axis) set the left margin
  const left = Math.max(textWidth(String(input.maxRank), fontSize), textWidth(input.axisName ?? '', fontSize)) + 14;
  // an end label starts right of every band bar drawn at its year (several zones' bars stand side by side)
  const slotsAt = input.years.map((_, year) => ordered.filter((s) => s.points[year]?.band).length);
  const distanceAt = (year: number) => Math.max(Math.round(barWidth * 1.5 + 6), Math.ceil((slotsAt[year] * (barWidth + 2) - 2) / 2) + 6);
  const right = Math.max(40, ...ordered.map((s) => textWidth(s.endLabel, fontSize))) + Math.max(barWidth * 2, ...input.years.map((_, y) => distanceAt(y) - 6)) + 16;
  const plotH = ctx.height - top - bottom;
  const toPx = (rank: number) => top + ((rank - 0.5) / input.maxRank) * plotH;
  const fromPx = (px: number) => 0.5 + ((px - top) / plotH) * input.maxRank;
  const placed = dodge(ends.map((e) => toPx(e.y)), fontSize * 1.25, top, ctx.height - bottom);
  const endLabels: ScatterSeriesOption = {
    type: 'scatter',
    id: '__end_labels',
    silent: true,
    symbolSize: 0,
    z: 5,
    tooltip: { show: false },
    data: ends.map(({ s, i, y }, k) => ({ value: [i, Math.abs(placed[k] - toPx(y)) < 0.5 ? y : fromPx(placed[k])], label: { color: s.colour, fontWeight: s.home ? 'bold' : 'normal', distance: distanceAt(i) } })),
    label: {
      show: true,
      position: 'right',
      distance: Math.round(barWidth * 1.5 + 6),
      fontSize,
      fontFamily: theme.fontFamily,
      formatter: (p: unknown) => ends[(p as { dataIndex: number }).dataIndex]?.s.endLabel ?? '',
    },
  };

  // horizontal guides at the labelled ranks (a splitLine would follow the 0.5-offset automatic ticks)
  const guides: LineSeriesOption = {
    type: 'line',
    id: '__guides',
    data: [],
    silent: true,
    markLine: { silent: true, symbol: ['none', 'none'], label: { show: false }, lineStyle: { color: theme.grid, type: 'solid', width: 1 }, data: ticks.map((t) => ({ yAxis: t })) },
  };
  return {
    ...baseOption(ctx, input.description),
    grid: { left, right, top, bottom },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: pointTooltip,
    },
    xAxis: {
      type: 'category',
      boundaryGap: true,
      data: input.years.map(String),
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
      axisLabel: { ...labelStyle, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      inverse: true,
      min: 0.5,
      max: input.maxRank + 0.5,
      name: input.axisName ?? '',
      nameLocation: 'start',
      nameTextStyle: { ...labelStyle, align: 'right' },
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { ...labelStyle, customValues: ticks, formatter: (v: number) => String(v) },
      splitLine: { show: false },
    },
    series: [guides, ...lines, bandSeries, endLabels],
  };
}
