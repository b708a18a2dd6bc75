import { zoneLineSeries } from './zone-line';
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts';
import type { ChartContext } from './context';
import { baseOption, pointTooltip } from './context';

export interface TrendsPoint {
  value: number;
  /** derived, estimated, preliminary or a target: drawn as an empty circle */
  hollow: boolean;
  /** a disputed year: `⚠` (and the other sources' values) beside the point */
  mark?: string;
  /** plain-text tooltip lines; escaped by the builder */
  tooltip: string[];
}

export interface TrendsSeries {
  id: string;
  /** the zone's label: drawn at the end of its line, so no legend lookup is needed */
  label: string;
  /** the zone's own colour (the caller decides; the home zone keeps its colour and is drawn thicker) */
  colour: string;
  home: boolean;
  /** one per year of `years`; null = no value (a gap, never bridged) */
  points: (TrendsPoint | null)[];
}

export interface TrendsChartInput {
  years: number[];
  series: TrendsSeries[];
  yAxisName: string;
  /** one sentence on the home zone (or the first): shown under the title, and first in the description */
  summary: string;
  /** a log10 axis; values ≤ 0 cannot sit on it and are left out (drawn as gaps) */
  log: boolean;
  /** plain-text formatter for the value axis labels */
  valueFormat: (v: number) => string;
  /** accessible description of the chart (ECharts aria) */
  description: string;
  /** optional reference level drawn as a dashed line (100 for an index, 0 for YoY %) */
  reference?: number | null;
  /** linear axis only: start at zero (default true); false lets the axis fit the data */
  zeroBased?: boolean;
  /** ranks: 1 at the top, as every Chinese ranking table reads */
  inverse?: boolean;
}

/** Rough text width in px: CJK characters are one em wide, the rest about 0.6 em. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.6;
  return Math.ceil(w);
}

/** Index of the last point that is drawn, or -1. */
export function lastDrawn<T>(points: readonly (T | null)[], drawn: (p: T) => boolean): number {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p !== null && drawn(p)) return i;
  }
  return -1;
}

/**
 * Spreads label centres (px, top to bottom) so that neighbours are at least `gap` apart, moving each as
 * little as the order allows and staying within [lo, hi]. ECharts' own labelLayout.moveOverlap does not
 * run in server-side rendering (the exported SVG), so end labels are placed here instead.
 */
export function dodge(px: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = px.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const out = order.map((o) => o.p);
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k], out[k - 1] + gap);
  if (out.length && out[out.length - 1] > hi) out[out.length - 1] = hi;
  for (let k = out.length - 2; k >= 0; k--) out[k] = Math.min(out[k], out[k + 1] - gap);
  if (out.length && out[0] < lo) {
    out[0] = lo;
    for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k], out[k - 1] + gap);
  }
  const res = new Array<number>(px.length);
  order.forEach((o, k) => (res[o.i] = out[k]));
  return res;
}

/** A value axis whose ends are round numbers, so the builder knows where every value is drawn. */
/** A linear scale whose interval doubles until it has at most `maxTicks` numbers (never fewer than 2); a log scale as it is. */
export function fitScale(s: { min: number; max: number; interval?: number }, maxTicks: number): { min: number; max: number; interval?: number } {
  if (!s.interval) return s;
  const fix = (v: number) => Number(v.toPrecision(12));
  let step = s.interval;
  let min = s.min;
  let max = s.max;
  while (Math.round((max - min) / step) + 1 > Math.max(2, maxTicks) && step < s.max - s.min) {
    step *= 2;
    min = Math.floor(s.min / step) * step;
    max = Math.ceil(s.max / step) * step;
  }
  return { min: fix(min), max: fix(max), interval: fix(step) };
}

export function niceScale(lo: number, hi: number, log: boolean, zeroBased: boolean): { min: number; max: number; interval?: number } | null {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  if (log) {
    const min = 10 ** Math.floor(Math.log10(lo));
    const max = 10 ** Math.ceil(Math.log10(hi));
    return { min, max: max === min ? max * 10 : max };
  }
  if (zeroBased) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (hi === lo) {
    const pad = Math.abs(hi) || 1;
    lo -= pad / 2;
    hi += pad / 2;
  }
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag; // rounded the way ECharts rounds an interval
  const step = (f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10) * mag;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const fix = (v: number) => Number(v.toPrecision(12));
  return { min: fix(min), max: fix(max), interval: fix(step) };
}

function axisTicks(scale: { min: number; max: number; interval?: number }, log: boolean): number[] {
  const out: number[] = [];
  if (log) for (let v = scale.min; v <= scale.max * 1.0001; v *= 10) out.push(v);
  else for (let v = scale.min; v <= scale.max + scale.interval! / 1e6; v += scale.interval!) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * Trends: one line per zone over the years. Missing years are gaps (connectNulls off, '-' in the data),
 * so an interrupted series never looks continuous; an isolated year still shows as a dot. Hollow
 * (non-reported) values are empty circles. The home zone is thicker and drawn on top. Each line ends in
 * its zone label (a label-only series). The builder fixes the value axis to round ends and the grid to
 * known margins, so it knows where each end label falls and spreads overlapping ones apart.
 */
export function buildTrendsOption(input: TrendsChartInput, ctx: ChartContext): EChartsOption {
  const { theme, fontSize } = ctx;
  const labelStyle = { color: theme.muted, fontSize, fontFamily: theme.fontFamily };
  const drawn = (p: TrendsPoint) => Number.isFinite(p.value) && (!input.log || p.value > 0);
  // home last: ECharts draws later series on top when z is equal, and z is raised as well
  const ordered = [...input.series].sort((a, b) => Number(a.home) - Number(b.home));
  const symbol = Math.max(6, Math.round(fontSize * 0.55));

  const lines: LineSeriesOption[] = ordered.map((s) => zoneLineSeries(s, s.points.map((p) => (p === null || !drawn(p) ? null : { ...p, tip: p.tooltip })), symbol, theme, input.inverse === true, ctx.mode === 'wall' ? ctx.fontSize : undefined));

  const ends = ordered.flatMap((s) => {
    const i = lastDrawn(s.points, drawn);
    return i < 0 ? [] : [{ s, i, value: s.points[i]!.value }];
  });
  const values = ordered.flatMap((s) => s.points.filter((p): p is TrendsPoint => p !== null && drawn(p)).map((p) => p.value));
  if (input.reference !== undefined && input.reference !== null && (!input.log || input.reference > 0)) values.push(input.reference);
  const nice = values.length ? niceScale(Math.min(...values), Math.max(...values), input.log, input.zeroBased !== false) : null;
  // A wall tile's title already carries the unit (地区生产总值（亿元）): the axis goes unnamed there, and the plot
  // starts half a line down (room for the top number) instead of under a name line
  const named = ctx.mode !== 'wall';
  const top = Math.round(fontSize * (named ? 2.6 : 0.8));
  const bottom = Math.round(fontSize * 2.2);
  // on a wall, no more numbers on the value axis than the plot's height holds (one per 1.6 lines of text)
  const scale = nice && ctx.mode === 'wall' ? fitScale(nice, Math.floor((ctx.height - top - bottom) / (fontSize * 1.6))) : nice;

  // known margins: the value labels on the left, the end labels on the right, the years below
  const ticks = scale ? axisTicks(scale, input.log) : [];
  const left = Math.max(24, ...ticks.map((v) => textWidth(input.valueFormat(v), fontSize))) + 12;
  const right = Math.max(40, ...ordered.map((s) => textWidth(s.label, fontSize) + (s.home ? 4 : 0))) + 16;
  const toPx = (v: number) => {
    if (!scale) return top;
    const f = input.log ? (Math.log10(v) - Math.log10(scale.min)) / (Math.log10(scale.max) - Math.log10(scale.min)) : (v - scale.min) / (scale.max - scale.min);
    return top + (input.inverse ? f : 1 - f) * (ctx.height - top - bottom);
  };
  const fromPx = (px: number) => {
    if (!scale) return 0;
    const g = (px - top) / (ctx.height - top - bottom);
    const f = input.inverse ? g : 1 - g;
    return input.log ? 10 ** (Math.log10(scale.min) + f * (Math.log10(scale.max) - Math.log10(scale.min))) : scale.min + f * (scale.max - scale.min);
  };
  // on a wall, the lowest end label stays above the row of years (2023 reaches right under it)
  const placed = dodge(ends.map((e) => toPx(e.value)), fontSize * 1.25, top, ctx.height - bottom - (ctx.mode === 'wall' ? fontSize * 0.7 : 0));

  const endLabels: ScatterSeriesOption = {
    type: 'scatter',
    id: '__end_labels',
    silent: true,
    symbolSize: 0,
    z: 5,
    tooltip: { show: false },
    data: ends.map(({ s, i, value }, k) => ({
      // unmoved labels keep their exact value; moved ones go where the dodge put them
      value: [i, Math.abs(placed[k] - toPx(value)) < 0.5 ? value : fromPx(placed[k])],
      label: { color: s.colour, fontWeight: s.home ? 'bold' : 'normal' },
    })),
    label: {
      show: true,
      position: 'right',
      distance: 8,
      fontSize,
      fontFamily: theme.fontFamily,
      formatter: (p: unknown) => ends[(p as { dataIndex: number }).dataIndex]?.s.label ?? '',
    },
  };
  if (input.reference !== undefined && input.reference !== null && (!input.log || input.reference > 0)) {
    lines.unshift({
      type: 'line',
      id: '__reference',
      data: [],
      silent: true,
      markLine: {
        silent: true,
        symbol: ['none', 'none'],
        label: { show: false },
        lineStyle: { color: theme.muted, type: 'dashed', width: 1 },
        data: [{ yAxis: input.reference }],
      },
    });
  }

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
      boundaryGap: false,
      data: input.years.map(String),
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { lineStyle: { color: theme.grid } },
      axisLabel: { ...labelStyle, hideOverlap: true },
    },
    yAxis: {
      type: input.log ? 'log' : 'value',
      ...(input.log ? { logBase: 10 } : { scale: input.zeroBased === false }),
      ...(scale ?? {}),
      inverse: input.inverse === true,
      name: named ? input.yAxisName : undefined,
      // at the top either way: an inverted (rank) axis has its end at the bottom, over the years
      nameLocation: input.inverse === true ? 'start' : 'end',
      nameTextStyle: { ...labelStyle, align: 'left' },
      // on a wall the lowest number would touch the first year in the corner: the axis line marks it
      axisLabel: { ...labelStyle, formatter: (v: number) => input.valueFormat(v), ...(ctx.mode === 'wall' ? { showMinLabel: input.inverse === true } : {}) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [...lines, endLabels],
  };
}
