import type { EChartsOption } from 'echarts';
import type { ThemeTokens } from '../theme/tokens';

/** What a chart builder needs besides its data: where it is drawn and how. */
export interface ChartContext {
  mode: 'desk' | 'wall' | 'export';
  theme: ThemeTokens;
  width: number;
  height: number;
  /** base font size in px; the wall computes it from the screen height */
  fontSize: number;
}

/** Escapes text for ECharts' HTML tooltips: zone names and sources come from files anyone can edit. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Joins plain-text lines into tooltip HTML, every line escaped; the first line is bold. */
export function tooltipHtml(lines: readonly string[]): string {
  return lines.map((l, i) => (i === 0 ? `<b>${escapeHtml(l)}</b>` : escapeHtml(l))).join('<br/>');
}

/**
 * The tooltip of the point ECharts hands the formatter, from the lines the data item carries (`{ value, tip }`):
 * read from the point itself, never looked up again by series and index (which silently pointed at the wrong
 * zone whenever a series was added in front of the others: a reference line, the guides, the bands).
 */
export function pointTooltip(p: unknown): string {
  const tip = (p as { data?: { tip?: unknown } } | null)?.data?.tip;
  return Array.isArray(tip) ? tooltipHtml(tip.map(String)) : '';
}

/**
 * The chrome every chart shares: no animation outside the desk (a wall or an export draws once), a transparent
 * background (the panel or the export frame paints it), the theme's text, and the chart's description for screen
 * readers. `animate` lets a builder turn the desk's animation off too (169 bars redrawn every frame for nothing).
 */
export function baseOption(ctx: ChartContext, description: string, animate = ctx.mode === 'desk'): EChartsOption {
  return {
    animation: animate,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: ctx.theme.fontFamily, color: ctx.theme.text, fontSize: ctx.fontSize },
    aria: { enabled: true, label: { enabled: true, description } },
  };
}
