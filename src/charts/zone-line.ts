import type { LineSeriesOption } from 'echarts';
import type { ThemeTokens } from '../theme/tokens';

/** What a zone's line looks like wherever lines are drawn (trends, rank trajectories): one look, one place. */
export interface ZoneLine {
  id: string;
  label: string;
  colour: string;
  home: boolean;
}

/**
 * A zone's line series: gaps stay gaps, the home zone thicker and on top, non-final figures (hollow) drawn
 * as empty circles. `points` are already values or null; `hollow` says which are empty; `mark` is plain text
 * drawn beside a point (a conflict: `⚠ 20`, the other source's value), so a disputed value is never a bare dot.
 * The mark goes above the point, or below it when a neighbouring segment rises from it (`inverse`: the axis
 * has its smallest value at the top, as ranks do), never to its right where the line runs on through it.
 */
export function zoneLineSeries(s: ZoneLine, points: ({ value: number; hollow: boolean; mark?: string; tip?: readonly string[] } | null)[], symbol: number, theme: ThemeTokens, inverse = false, markFont?: number): LineSeriesOption {
  const rises = (i: number, j: number) => {
    const a = points[i];
    const b = points[j];
    return a && b ? (inverse ? b.value < a.value : b.value > a.value) : false;
  };
  const markPosition = (i: number) => (rises(i, i - 1) || rises(i, i + 1) ? ('bottom' as const) : ('top' as const));
  return {
    type: 'line',
    id: s.id,
    name: s.label,
    connectNulls: false,
    showSymbol: true,
    showAllSymbol: true,
    symbol: 'circle',
    symbolSize: s.home ? symbol + 3 : symbol,
    z: s.home ? 4 : 2,
    color: s.colour,
    lineStyle: { color: s.colour, width: s.home ? 4 : 2 },
    itemStyle: { color: s.colour },
    emphasis: { focus: 'series' },
    data: points.map((p, i) =>
      p === null
        ? '-'
        : {
            value: p.value,
            // the tooltip's lines travel with the point (pointTooltip in context.ts)
            ...(p.tip ? { tip: p.tip } : {}),
            itemStyle: p.hollow ? { color: theme.background, borderColor: s.colour, borderWidth: 2 } : { color: s.colour, borderColor: s.colour },
            // text from the data goes through the formatter as a plain string, never as rich-text markup
            ...(p.mark ? { label: { show: true, position: markPosition(i), distance: 4, formatter: () => p.mark!, color: theme.text, fontSize: markFont ?? Math.max(10, symbol + 4) } } : {}),
          },
    ),
  };
}
