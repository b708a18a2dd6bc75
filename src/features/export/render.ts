import { toCsv, toJson } from '../../charts/export/csv';
import { exportFileName, type ExportExt } from '../../charts/export/filename';
import { exportMeta } from '../../charts/export/footer';
import { exportFontSize, exportLayout, exportTheme, frameForExport, type ExportBackground } from '../../charts/export/frame';
import type { ChartExportSpec } from './spec';

export interface ExportSettings {
  width: number;
  height: number;
  scale: number;
  background: ExportBackground;
  lang: 'zh' | 'en';
  /** the user's edits of the printed text */
  title?: string;
  subtitle?: string;
  notes?: string;
}

/** The framed option at the export size: the chart rebuilt for that size, then title, footer and marks around it. */
async function framed(spec: ChartExportSpec, s: ExportSettings) {
  const { echarts } = await import('../../charts/echarts-svg');
  const meta = exportMeta({
    title: s.title ?? spec.title,
    subtitle: s.subtitle ?? spec.subtitle,
    unit: spec.unit,
    sources: spec.sources,
    notes: s.notes !== undefined ? s.notes.split('\n').filter(Boolean) : spec.notes,
    exportedAt: new Date(),
    demo: spec.demo,
    lang: s.lang,
  });
  const fontSize = exportFontSize(s.width);
  const theme = exportTheme(s.background);
  const layout = exportLayout(meta, { width: s.width, height: s.height, fontSize });
  const option = spec.build({ mode: 'export', theme, width: s.width, height: layout.chartHeight, fontSize });
  return { echarts, option: frameForExport(option, meta, { width: s.width, height: s.height, background: s.background, fontSize, theme }) };
}

/** A PNG at width×height×scale pixels, from an off-screen canvas instance that is disposed at once. */
export async function renderPng(spec: ChartExportSpec, s: ExportSettings): Promise<Blob> {
  const { echarts, option } = await framed(spec, s);
  const div = document.createElement('div');
  div.style.cssText = `position:fixed;left:-100000px;top:0;width:${s.width}px;height:${s.height}px`;
  document.body.appendChild(div);
  const chart = echarts.init(div, null, { renderer: 'canvas', width: s.width, height: s.height, devicePixelRatio: s.scale });
  try {
    chart.setOption(option);
    const url = chart.getDataURL({ type: 'png', pixelRatio: s.scale, backgroundColor: s.background === 'transparent' ? 'transparent' : undefined });
    return await (await fetch(url)).blob();
  } finally {
    chart.dispose();
    div.remove();
  }
}

/**
 * A vector SVG through an off-screen SVG-renderer instance (a canvas chart cannot give one). Control
 * characters are stripped from the text before it reaches the SVG (exportMeta does that for the frame).
 */
export async function renderSvg(spec: ChartExportSpec, s: ExportSettings): Promise<Blob> {
  const { echarts, option } = await framed(spec, s);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: s.width, height: s.height });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
  } finally {
    chart.dispose();
  }
}

export function dataCsv(spec: ChartExportSpec): Blob {
  return new Blob([toCsv(spec.table.header, spec.table.rows)], { type: 'text/csv;charset=utf-8' });
}

export function dataJson(spec: ChartExportSpec): Blob {
  const rows = spec.table.rows.map((r) => Object.fromEntries(spec.table.header.map((h, i) => [h, r[i] ?? null])));
  return new Blob([toJson(rows)], { type: 'application/json;charset=utf-8' });
}

export const fileName = (spec: ChartExportSpec, ext: ExportExt, suffix?: string) =>
  exportFileName({ ...spec.fileParts, extra: [...(spec.fileParts.extra ?? []), ...(suffix ? [suffix] : [])] }, ext);

/** Every chart of a view, as PNG, SVG and CSV, in one ZIP (fflate). */
export async function renderZip(specs: ChartExportSpec[], s: ExportSettings): Promise<Blob> {
  const { zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  const unique = (name: string) => {
    let n = name;
    for (let k = 2; files[n]; k++) n = name.replace(/(\.\w+)$/, `_${k}$1`);
    return n;
  };
  for (const spec of specs) {
    const [png, svg] = await Promise.all([renderPng(spec, s), renderSvg(spec, s)]);
    files[unique(fileName(spec, 'png', s.scale > 1 ? `${s.scale}x` : undefined))] = new Uint8Array(await png.arrayBuffer());
    files[unique(fileName(spec, 'svg'))] = new Uint8Array(await svg.arrayBuffer());
    files[unique(fileName(spec, 'csv'))] = new Uint8Array(await dataCsv(spec).arrayBuffer());
  }
  // PNGs and SVGs barely compress; store them, deflate the text
  return new Blob([zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
