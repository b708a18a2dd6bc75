import type { EChartsOption } from 'echarts';
import { DESK, FONT_STACK, WALL, safeColour, type ThemeTokens } from '../../theme/tokens';
import { plainText, type ExportMeta } from './footer';

export type ExportBackground = 'white' | 'transparent' | 'dark';

export interface ExportFrame {
  width: number;
  height: number;
  background: ExportBackground;
  /** base font in px; see exportFontSize */
  fontSize: number;
  theme: ThemeTokens;
}

export type ExportPreset = { id: 'slide' | 'a4' | 'word' | 'custom'; width: number; height: number; label: { zh: string; en: string } };

/**
 * Sizes in px at 1×. A4: the text width of an A4 portrait page (21 cm − 2 × 2.5 cm margins = 16 cm) at
 * 254 dpi, which is exactly 100 px/cm: 1600 × 1100 is a 16 × 11 cm figure, leaving room for a caption.
 * Word: a 16 cm column at 300 dpi (1890 px), 3:2. Custom starts at 1200 × 800 and is the user's to change.
 */
export const EXPORT_PRESETS: readonly ExportPreset[] = [
  { id: 'slide', width: 1920, height: 1080, label: { zh: '16:9 幻灯片', en: '16:9 slide' } },
  { id: 'a4', width: 1600, height: 1100, label: { zh: 'A4 正文宽度', en: 'A4 text width' } },
  { id: 'word', width: 1890, height: 1260, label: { zh: 'Word 栏宽', en: 'Word column' } },
  { id: 'custom', width: 1200, height: 800, label: { zh: '自定义', en: 'Custom' } },
];

/** A legible base font for an export of this width: width / 60, clamped to 14–36 px. */
export const exportFontSize = (width: number) => Math.min(36, Math.max(14, Math.round((Number.isFinite(width) ? width : 0) / 60)));

const isDark = (t: ThemeTokens) => t.name === 'wall' || t.name === 'export-dark';

/** The theme to build a chart with for an export on this background: WALL for dark, DESK otherwise. */
export const exportTheme = (background: ExportBackground): ThemeTokens => (background === 'dark' ? WALL : DESK);

/** Font stacks go into SVG style attributes unescaped: letters, digits, spaces, commas, hyphens and single quotes only. */
const safeFont = (f: string) => (/^[\p{L}\p{N}\s,'-]+$/u.test(f) ? f : FONT_STACK);

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Extended_Pictographic}/u;

/** Estimated width in px: CJK, full-width forms and emoji ≈ 1 em, everything else ≈ 0.6 em. */
export function textWidth(s: string, fontSize: number): number {
  let em = 0;
  for (const { segment } of segmenter.segment(s)) em += WIDE.test(segment) ? 1 : 0.6;
  return em * fontSize;
}

/**
 * Wraps plain text to maxWidth by estimated width, at most maxLines lines; Latin text breaks at a space
 * when one is near, CJK anywhere. Text that does not fit ends in `…`.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const g = [...segmenter.segment(plainText(text))].map((x) => x.segment);
  const lines: string[] = [];
  let i = 0;
  while (i < g.length && lines.length < maxLines) {
    let w = 0;
    let j = i;
    let space = -1;
    for (; j < g.length; j++) {
      const cw = textWidth(g[j], fontSize);
      if (w + cw > maxWidth && j > i) break;
      if (g[j] === ' ') space = j;
      w += cw;
    }
    if (j < g.length && g[j] !== ' ' && space > i + (j - i) / 2) j = space + 1;
    lines.push(g.slice(i, j).join('').trim());
    for (i = j; g[i] === ' '; i++);
  }
  if (i < g.length && lines.length) {
    const last = [...segmenter.segment(lines[lines.length - 1])].map((x) => x.segment);
    while (last.length && textWidth(`${last.join('')}…`, fontSize) > maxWidth) last.pop();
    lines[lines.length - 1] = `${last.join('').trimEnd()}…`;
  }
  return lines;
}

export interface ExportLayout {
  pad: number;
  /** px from the top where the chart area starts (below title and subtitle) */
  header: number;
  /** px at the bottom taken by the source, notes and date lines */
  footer: number;
  /** the height left for the chart: build the chart option for width × chartHeight */
  chartHeight: number;
  titleLines: string[];
  subtitleLines: string[];
  footerLines: string[][];
  sizes: { title: number; subtitle: number; footer: number; demo: number };
}

/** Where header, chart and footer go; frameForExport uses it, and a caller can size the chart with it. */
export function exportLayout(meta: ExportMeta, frame: Pick<ExportFrame, 'width' | 'height' | 'fontSize'>): ExportLayout {
  const f = Number.isFinite(frame.fontSize) ? Math.max(8, frame.fontSize) : 16;
  const pad = Math.round(f * 0.9);
  const sizes = { title: Math.round(f * 1.25), subtitle: f, footer: Math.max(12, Math.round(f * 0.8)), demo: Math.round(f * 0.85) };
  const demo = meta.demoMark ? plainText(meta.demoMark) : '';
  const demoBox = demo ? { w: textWidth(demo, sizes.demo) + sizes.demo + 4, h: Math.round(sizes.demo * 1.6) + 4 } : { w: 0, h: 0 };
  const avail = frame.width - 2 * pad - (demo ? demoBox.w + pad : 0);
  const titleLines = wrapText(meta.title, avail, sizes.title);
  const subtitleLines = wrapText(meta.subtitle, avail, sizes.subtitle);
  const titleH = titleLines.length * lh(sizes.title, 1.3) + (subtitleLines.length ? gap(f) + subtitleLines.length * lh(sizes.subtitle, 1.35) : 0);
  const header = pad + Math.max(titleH, demoBox.h) + (titleH || demoBox.h ? Math.round(f * 0.6) : 0);
  const footerLines = [meta.sourceLine, meta.notesLine, meta.dateLine]
    .map((l) => wrapText(l, frame.width - 2 * pad, sizes.footer))
    .filter((l) => l.length > 0);
  const n = footerLines.reduce((s, l) => s + l.length, 0);
  const footer = pad + (n ? n * lh(sizes.footer, 1.4) + Math.round(f * 0.5) : 0);
  return { pad, header, footer, chartHeight: Math.max(0, frame.height - header - footer), titleLines, subtitleLines, footerLines, sizes };
}

const lh = (size: number, k: number) => Math.round(size * k);
const gap = (f: number) => lh(f, 0.3);

type Obj = Record<string, unknown>;
type Shift = { header: number; footer: number; chartHeight: number };

const percent = (v: unknown) => (typeof v === 'string' && /^-?\d+(\.\d+)?%$/.test(v.trim()) ? parseFloat(v) / 100 : null);
const pixels = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?(px)?$/.test(v.trim()) ? parseFloat(v) : null);

/**
 * Moves a positioned component (grid, legend, title, visualMap, dataZoom, graphic element) into the
 * chart area: `top` down by the header, `bottom` up by the footer, percentages taken of the chart area.
 * `defaults` are ECharts' own values for a missing top/bottom.
 */
function shiftBox(box: Obj, s: Shift, defaults: { top?: number; bottom?: number; grid?: boolean } = {}): Obj {
  const out: Obj = { ...box };
  let { top, bottom } = box;
  if (defaults.grid) {
    // a grid keeps ECharts' default top and bottom unless two of top, bottom and height are given
    if (top === undefined && !(bottom !== undefined && box.height !== undefined)) top = defaults.top;
    if (bottom === undefined && !(top !== undefined && box.height !== undefined)) bottom = defaults.bottom;
  } else if (top === undefined && bottom === undefined) {
    ({ top, bottom } = defaults);
  }
  const px = (v: unknown, add: number) => {
    const p = percent(v);
    if (p !== null) return add + Math.round(p * s.chartHeight);
    const n = pixels(v);
    return n === null ? v : add + n;
  };
  if (top !== undefined) out.top = top === 'top' ? s.header : px(top, s.header);
  if (bottom !== undefined) out.bottom = px(bottom, s.footer);
  const h = percent(box.height);
  if (h !== null) out.height = Math.round(h * s.chartHeight);
  return out;
}

function shiftEach(v: unknown, f: (o: Obj) => Obj): unknown {
  const one = (x: unknown) => (x && typeof x === 'object' ? f(x as Obj) : x);
  return Array.isArray(v) ? v.map(one) : one(v);
}

/** A grid without a fixed width keeps the header's side margins: numeric left and right grow by pad. */
function inset(box: Obj, pad: number): Obj {
  if (box.width !== undefined) return box;
  const out = { ...box };
  for (const k of ['left', 'right'] as const) if (typeof box[k] === 'number') out[k] = (box[k] as number) + pad;
  return out;
}

/** Graphic elements placed by x/y (no top/bottom) are in container pixels: they move down by the header. */
function shiftGraphic(el: Obj, s: Shift): Obj {
  if (el.top === undefined && el.bottom === undefined) return { ...el, y: (typeof el.y === 'number' ? el.y : 0) + s.header };
  return shiftBox(el, s);
}

/**
 * A NEW option for a static export image (the input is not changed): background, a title block (title
 * and subtitle) at the top, the source, notes and date lines at the bottom, the demo mark (a bordered
 * label top right and a faint diagonal watermark), every positioned component moved into the chart
 * area between them, animation and tooltip off, aria kept. Build the chart option with
 * exportTheme(background), exportFontSize(width) and, for absolute layouts, height = exportLayout().chartHeight.
 */
export function frameForExport(option: EChartsOption, meta: ExportMeta, frame: ExportFrame): EChartsOption {
  const L = exportLayout(meta, frame);
  const f = L.sizes.subtitle;
  const s: Shift = { header: L.header, footer: L.footer, chartHeight: L.chartHeight };
  const dark = frame.background === 'dark';
  const ink = isDark(frame.theme) === dark ? frame.theme : exportTheme(frame.background);
  const fontFamily = safeFont(frame.theme.fontFamily);
  const text = safeColour(ink.text, DESK.text);
  const muted = safeColour(ink.muted, DESK.muted);
  const mark = safeColour(ink.demoMark, DESK.demoMark);
  const backgroundColor = frame.background === 'white' ? '#ffffff' : dark ? WALL.background : 'transparent';
  const src = option as Obj;

  const ownTitle = {
    text: L.titleLines.join('\n'), subtext: L.subtitleLines.join('\n'),
    left: L.pad, top: L.pad, padding: 0, itemGap: gap(f),
    textStyle: { color: text, fontFamily, fontSize: L.sizes.title, lineHeight: lh(L.sizes.title, 1.3), fontWeight: 'bold' },
    subtextStyle: { color: muted, fontFamily, fontSize: L.sizes.subtitle, lineHeight: lh(L.sizes.subtitle, 1.35) },
  };
  const oldTitles = src.title === undefined ? [] : [src.title].flat().map((t) => shiftBox(t as Obj, s, { top: 0 }));

  const footLH = lh(L.sizes.footer, 1.4);
  let y = frame.height - L.footer + Math.round(f * 0.5);
  const footer = L.footerLines.map((lines) => {
    const el = { type: 'text', x: L.pad, y, silent: true, style: { text: lines.join('\n'), fill: muted, fontFamily, fontSize: L.sizes.footer, lineHeight: footLH, verticalAlign: 'top' } };
    y += lines.length * footLH;
    return el;
  });

  const demo = meta.demoMark ? plainText(meta.demoMark) : '';
  const demoEls = demo
    ? [
        {
          type: 'text', right: L.pad, top: L.pad, z: 100, silent: true,
          style: {
            text: demo, fill: mark, fontFamily, fontSize: L.sizes.demo, fontWeight: 'bold',
            borderColor: mark, borderWidth: 2, borderRadius: 4, padding: [Math.round(L.sizes.demo * 0.3), Math.round(L.sizes.demo * 0.5)],
            backgroundColor,
          },
        },
        {
          type: 'text', x: frame.width / 2, y: L.header + L.chartHeight / 2, rotation: Math.PI / 9, z: 100, silent: true,
          style: {
            text: demo, fill: mark, opacity: 0.1, fontFamily, fontWeight: 'bold', align: 'center', verticalAlign: 'middle',
            fontSize: Math.max(12, Math.round(Math.min(L.chartHeight * 0.16, (frame.width * 0.75) / Math.max(1, textWidth(demo, 1))))),
          },
        },
      ]
    : [];

  const g = src.graphic;
  const oldGraphic = g === undefined || g === null ? [] : Array.isArray((g as Obj).elements) ? ((g as Obj).elements as unknown[]) : [g].flat();
  const aria = (src.aria as Obj | undefined) ?? { enabled: true, label: { enabled: true, description: [meta.title, meta.subtitle].map(plainText).filter(Boolean).join('，') } };

  const out: Obj = {
    ...src,
    aria,
    backgroundColor,
    animation: false,
    tooltip: { show: false },
    title: [ownTitle, ...oldTitles],
    graphic: [...(shiftEach(oldGraphic, (e) => shiftGraphic(e, s)) as unknown[]), ...footer, ...demoEls],
  };
  if (src.grid !== undefined || src.xAxis !== undefined || src.yAxis !== undefined) {
    out.grid = shiftEach(src.grid ?? {}, (b) => inset(shiftBox(b, s, { top: 65, bottom: 80, grid: true }), L.pad));
  }
  for (const [key, d] of [['legend', { top: 0 }], ['visualMap', { bottom: 0 }], ['dataZoom', {}]] as const) {
    if (src[key] !== undefined) out[key] = shiftEach(src[key], (b) => shiftBox(b, s, d));
  }
  return out as EChartsOption;
}
