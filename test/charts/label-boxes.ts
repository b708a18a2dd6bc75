import type { EChartsOption } from 'echarts';
import { echarts } from '../../src/charts/echarts-svg';

/** A drawn element's box in chart pixels. */
export interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ZrEl {
  type: string;
  invisible?: boolean;
  ignore?: boolean;
  style?: { text?: string; opacity?: number; fill?: string; stroke?: string };
  shape?: { points?: ArrayLike<number> | number[][]; symbolType?: string };
  parent?: ZrEl;
  silent?: boolean;
  getBoundingRect(): { x: number; y: number; width: number; height: number; clone(): { applyTransform(m: number[]): void; x: number; y: number; width: number; height: number } };
  transform?: number[];
}

/**
 * Lays an option out with ECharts itself (server-side, no DOM) and returns the boxes of what it drew:
 * every piece of text (labels, axis names, axis numbers), every symbol (dots, diamonds) and every
 * polyline's points. Text widths come from zrender's own measure, which without a canvas counts a
 * CJK or unknown character as one em and Latin letters by a width table: the same estimate the
 * builders use, so a box here is close to (a little wider than) the browser's.
 */
export function drawnBoxes(option: EChartsOption, width: number, height: number): { texts: Box[]; symbols: Box[]; polylines: number[][][] } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...option, animation: false });
  const zr = (chart as unknown as { getZr(): { storage: { getDisplayList(update: boolean): ZrEl[] } } }).getZr();
  const texts: Box[] = [];
  const symbols: Box[] = [];
  const polylines: number[][][] = [];
  for (const el of zr.storage.getDisplayList(true)) {
    if (el.invisible || el.ignore) continue;
    const r = el.getBoundingRect().clone();
    if (el.transform) r.applyTransform(el.transform);
    const box = { x: r.x, y: r.y, width: r.width, height: r.height };
    if (el.type === 'tspan' || el.type === 'text') {
      const text = el.style?.text ?? '';
      if (text.trim()) texts.push({ text, ...box });
    } else if (el.type === 'ec-polyline' && el.shape?.points) {
      // ECharts keeps a line's points flat ([x0, y0, x1, y1 …]); NaN marks a gap
      const flat = Array.from(el.shape.points as ArrayLike<number> & Iterable<unknown>).flat() as number[];
      const m = el.transform;
      const pts: number[][] = [];
      for (let k = 0; k + 1 < flat.length; k += 2) {
        const [x, y] = [flat[k], flat[k + 1]];
        pts.push(m ? [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] : [x, y]);
      }
      polylines.push(pts);
    } else if (el.shape?.symbolType && box.width > 0) {
      symbols.push({ text: el.shape.symbolType, ...box });
    }
  }
  chart.dispose();
  return { texts, symbols, polylines };
}

/** Overlap of two boxes in px² (0 when they only touch); `pad` shrinks both first, for antialiasing slack. */
export function overlap(a: Box, b: Box, pad = 0.5): number {
  const w = Math.min(a.x + a.width - pad, b.x + b.width - pad) - Math.max(a.x + pad, b.x + pad);
  const h = Math.min(a.y + a.height - pad, b.y + b.height - pad) - Math.max(a.y + pad, b.y + pad);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Every pair of texts that overlap, as readable strings (empty when none does). */
export function collisions(boxes: Box[], others: Box[] = boxes): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) =>
    others.forEach((b, j) => {
      if (others === boxes && j <= i) return;
      if (a === b) return;
      const o = overlap(a, b);
      if (o > 0) out.push(`"${a.text}" × "${b.text}" (${Math.round(o)} px²)`);
    }),
  );
  return out;
}

/** Whether a segment crosses a box (Liang–Barsky clipping). */
export function segmentCrosses(box: Box, [x1, y1]: number[], [x2, y2]: number[], pad = 1): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: [number, number][] = [[-dx, x1 - (box.x + pad)], [dx, box.x + box.width - pad - x1], [-dy, y1 - (box.y + pad)], [dy, box.y + box.height - pad - y1]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}
