import type { EChartsOption } from 'echarts';
import type { ChartContext } from './context';
import { baseOption, pointTooltip } from './context';

export interface RankingsChartRow {
  id: string;
  label: string;
  value: number | null;
  /** an official band (top10): drawn as a range from 1 to upTo */
  band: { upTo: number; label: string } | null;
  /** every other value the sources give for this cell: drawn as hollow marks */
  alternatives: number[];
  conflict: boolean;
  /** true when the value is derived, estimated, preliminary or a target: drawn hollow */
  hollow: boolean;
  home: boolean;
  /** the zone's own colour when it is selected; otherwise the neutral bar colour */
  colour: string | null;
  /** plain-text tooltip lines; escaped by the builder */
  tooltip: string[];
  /** text drawn at the end of the bar/dot */
  valueLabel: string;
}

export interface RankingsChartInput {
  kind: 'rank' | 'value';
  rows: RankingsChartRow[];
  /** rank charts: the axis runs from 1 to this (the number of zones evaluated) */
  axisMax: number;
  axisName: string;
  /** one sentence on the home zone (or the leader): shown under the title, and first in the description */
  summary: string;
  /** accessible description of the chart (ECharts aria) */
  description: string;
}

/**
 * Rough text width in px (CJK one em, the rest 0.6 em): trends-option.ts's textWidth, repeated here because this
 * builder draws the first view and importing that module would bring the trends chart's code with it.
 */
function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.6;
  return Math.ceil(w);
}

/** Scatter items carry [x, rowIndex]; bar items are indexed by position. */
function rowIndexOf(p: unknown): number {
  const { value, dataIndex } = p as { value: unknown; dataIndex: number };
  return Array.isArray(value) ? Number(value[1]) : dataIndex;
}

/** The height a rankings chart wants for its rows, so that every zone label stays legible. */
export function rankingsChartHeight(rows: number, fontSize: number): number {
  return Math.max(160, rows * Math.round(fontSize * 1.8) + 70);
}

/**
 * Rankings as a horizontal chart: value indicators as bars, sorted best first; official ranks as a
 * Cleveland dot plot on a 1…N axis (a bar's length would make the worst rank look biggest), with
 * published bands (前10) drawn as ranges, never as a number.
 */
export function buildRankingsOption(input: RankingsChartInput, ctx: ChartContext): EChartsOption {
  const { theme, fontSize } = ctx;
  const rows = input.rows;
  const labels = rows.map((r) => r.label);
  const colourOf = (r: RankingsChartRow) => (r.home ? theme.accent : r.colour ?? theme.bar);
  const labelStyle = { color: theme.text, fontSize, fontFamily: theme.fontFamily };
  // the widest label with a tenth to spare (a real font may be wider than the estimate: 平顶山 at 32 px measures
  // a hair over 96 px), up to 40 % of the chart (a longer one is cut with … rather than squeezing the plot away)
  const widest = Math.max(fontSize * 2, ...labels.map((l) => textWidth(l, fontSize)));
  // rank charts name their axis after its last number (169 位次), where nothing else is drawn: beside the first
  // zone's label it collided with it
  const nameGap = Math.ceil(textWidth(String(input.axisMax), fontSize) / 2) + 6;
  // on a wall, a value chart's right margin holds its widest value label (18,620.3 at the end of the longest bar)
  const valueRight = ctx.mode === 'wall' ? Math.max(72, ...rows.map((r) => textWidth(r.valueLabel, fontSize) + 16)) : 72;
  const right = input.kind === 'rank' ? Math.max(72, nameGap + textWidth(input.axisName, fontSize) + 8) : valueRight;
  const labelW = Math.round(Math.min(widest * 1.1 + 2, Math.max(fontSize * 4, ctx.width * 0.4)));
  // the axis numbers laid out from the plot's width: as many as fit with a font's gap between them
  const plotW = Math.max(1, ctx.width - (labelW + 16) - right);
  const numbersFit = (widestNumber: string) => Math.max(1, Math.floor(plotW / (textWidth(widestNumber, fontSize) + fontSize)));
  const rankStep = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((step) => step >= (input.axisMax > 100 ? 20 : input.axisMax > 40 ? 10 : input.axisMax > 15 ? 5 : 1) && Math.floor(input.axisMax / step) <= numbersFit(String(input.axisMax))) ?? input.axisMax;
  // Rows closer than a line of text (169 zones in an export's fixed height): the value labels would print over each
  // other, so only the home zone's is printed and the marks shrink to the row pitch; the zone names thin themselves
  // (the category axis's automatic interval)
  const pitch = Math.max(1, ctx.height - Math.round(fontSize * 2.4) - 8) / Math.max(1, rows.length);
  const dense = ctx.mode !== 'desk' && pitch < fontSize * 1.2;
  const shownLabel = (r: RankingsChartRow | undefined) => (r && (!dense || r.home) ? r.valueLabel : '');
  const markSize = dense ? Math.max(3, Math.floor(pitch * 0.9)) : Math.round(fontSize * 0.8);
  const rankTicks = rankAxisTicks(input.axisMax, rankStep, plotW, textWidth(String(input.axisMax), fontSize) + fontSize);
  const common: EChartsOption = {
    // 169 rows is a canvas several thousand pixels tall: animating it redraws it every frame for nothing
    ...baseOption(ctx, input.description, ctx.mode === 'desk' && rows.length <= 40),
    // the left margin follows the longest zone label, so that 平顶山 or a long English name is never pushed
    // against the edge; outerBounds off: the margin is already known
    grid: { left: labelW + 8 + 8, right, top: Math.round(fontSize * 2.4), bottom: 8, outerBoundsMode: 'none' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: pointTooltip,
    },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
      axisLabel: {
        ...labelStyle,
        formatter: (v: string) => v,
        rich: {},
        margin: 8,
        width: labelW,
        overflow: 'truncate',
      },
    },
  };

  if (input.kind === 'value') {
    return {
      ...common,
      xAxis: {
        type: 'value',
        position: 'top',
        // a wall tile's title gives the unit; the name at the axis's end ran into the longest bar's value label
        name: ctx.mode === 'wall' ? '' : input.axisName,
        nameTextStyle: { ...labelStyle, color: theme.muted },
        axisLabel: { ...labelStyle, color: theme.muted, ...(ctx.mode === 'wall' ? { hideOverlap: true } : {}) },
        splitLine: { lineStyle: { color: theme.grid } },
        // a wall tile asks for no more numbers than its width holds (the widest is about 6 characters: 20,000)
        ...(ctx.mode === 'wall' ? { splitNumber: Math.min(5, numbersFit('00,000')) } : {}),
      },
      series: [
        {
          type: 'bar',
          name: input.axisName,
          barMaxWidth: Math.round(fontSize * 1.2),
          data: rows.map((r) => ({
            value: r.value,
            tip: r.tooltip,
            itemStyle: r.hollow
              ? { color: 'transparent', borderColor: colourOf(r), borderWidth: 1.5, borderType: 'dashed' as const }
              : { color: colourOf(r) },
          })),
          label: {
            show: true,
            position: 'right',
            ...labelStyle,
            color: theme.muted,
            formatter: (p: unknown) => shownLabel(rows[(p as { dataIndex: number }).dataIndex]),
          },
        },
      ],
    };
  }

  /** the other source's value that lies right of the dot (the furthest), if any: the row's label goes after it */
  const labelOnAlternative = (r: RankingsChartRow) => (r.value !== null && r.alternatives.some((v) => v > r.value!) ? Math.max(...r.alternatives) : null);
  // Rank chart: invisible base + visible range for bands; dots for exact ranks; hollow rings for other sources.
  const bandBase = rows.map((r) => (r.band ? 0.5 : null));
  const bandSpan = rows.map((r) => (r.band ? r.band.upTo : null));
  return {
    ...common,
    xAxis: {
      type: 'value',
      position: 'top',
      min: 0,
      max: input.axisMax,
      name: input.axisName,
      nameLocation: 'end',
      nameGap,
      nameTextStyle: { ...labelStyle, color: theme.muted },
      // the axis starts at 0 only so that rank 1 is not drawn on the edge
      // the step's multiples and the last rank; a multiple too near the last rank to keep its label clear is
      // dropped (150 beside 169 on a narrow tile printed "150169")
      // (0 keeps its grid line, the plot's left edge, but no label: rank 0 does not exist)
      axisLabel: { ...labelStyle, color: theme.muted, customValues: [0, ...rankTicks], formatter: (v: number) => (v === 0 ? '' : String(v)) },
      axisTick: { customValues: [0, ...rankTicks] },
      splitLine: { lineStyle: { color: theme.grid } },
      interval: rankStep,
    },
    series: [
      { type: 'bar', stack: 'band', silent: true, data: bandBase, itemStyle: { color: 'transparent' }, barMaxWidth: Math.round(fontSize * 1.1) },
      {
        type: 'bar',
        stack: 'band',
        name: 'band',
        data: bandSpan.map((v, i) => (v === null ? null : { value: v, tip: rows[i].tooltip, itemStyle: { color: rows[i].home ? theme.accent : theme.band, opacity: 0.75 } })),
        barMaxWidth: Math.round(fontSize * 1.1),
        label: {
          show: true,
          position: 'insideRight',
          ...labelStyle,
          formatter: (p: unknown) => shownLabel(rows[(p as { dataIndex: number }).dataIndex]),
        },
      },
      {
        type: 'scatter',
        name: 'rank',
        symbolSize: markSize,
        data: rows.map((r, i) => ({
          value: [r.value ?? '-', i],
          tip: r.tooltip,
          itemStyle: r.hollow || r.conflict
            ? { color: theme.background, borderColor: r.conflict ? theme.conflict : colourOf(r), borderWidth: 2 }
            : { color: colourOf(r) },
        })),
        label: {
          show: true,
          position: 'right',
          ...labelStyle,
          formatter: (p: unknown) => {
            const r = rows[rowIndexOf(p)];
            return r && r.value !== null && !labelOnAlternative(r) ? shownLabel(r) : '';
          },
        },
      },
      {
        type: 'scatter',
        name: 'alternatives',
        symbol: 'diamond',
        symbolSize: markSize,
        // a row's label (130 / 131 ⚠) follows its rightmost mark: after the dot it ran through the other source's diamond
        data: rows.flatMap((r, i) =>
          r.alternatives.map((v) => ({
            value: [v, i],
            itemStyle: { color: theme.background, borderColor: theme.conflict, borderWidth: 2 },
            ...(labelOnAlternative(r) === v ? { label: { show: true, position: 'right' as const, ...labelStyle, formatter: () => shownLabel(r) } } : {}),
          })),
        ),
        tooltip: { show: false },
      },
    ],
  };
}

/**
 * The numbers of a rank axis 0…max drawn `plotW` pixels wide: the multiples of `step`, then `max` itself, leaving
 * out a multiple whose label would come within `labelGap` pixels (the widest label and a font's gap) of max's.
 */
export function rankAxisTicks(max: number, step: number, plotW: number, labelGap: number): number[] {
  const pxPerRank = plotW / Math.max(1, max);
  const ticks: number[] = [];
  for (let v = step; v < max; v += step) if ((max - v) * pxPerRank >= labelGap) ticks.push(v);
  return [...ticks, max];
}
