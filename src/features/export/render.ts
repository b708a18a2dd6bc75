import { BOM, toCsv } from '../../charts/export/csv';
import { DEMO_CSV_COMMENT, DEMO_DATASET_COLUMN, DEMO_DATASET_VALUE } from '../../data/demo-mark';
import { exportFileName, type ExportExt } from '../../charts/export/filename';
import { exportMeta } from '../../charts/export/footer';
import { numberedTitles } from '../../charts/export/source-titles';
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
  /**
   * The chart alone, without the printed title, subtitle, source, notes and date lines: for the PowerPoint and
   * Word exports, which carry that text as editable text beside the image. The demo mark stays in the image
   * (a text box can be deleted, a mark inside the picture goes wherever the picture goes; issue #14).
   */
  bare?: boolean;
}

/**
 * The framed option at the export size: the chart rebuilt for that size, then title, footer and marks around it.
 * The source line prints the numbered short titles (`[1] 苏州日报 2023-03`); the data files carry the full citations.
 */
export async function framed(spec: ChartExportSpec, s: ExportSettings) {
  const { echarts } = await import('../../charts/echarts-svg');
  const full = exportMeta({
    title: s.title ?? spec.title,
    subtitle: s.subtitle ?? spec.subtitle,
    unit: spec.unit,
    sources: numberedTitles(spec.sources),
    notes: s.notes !== undefined ? s.notes.split('\n').filter(Boolean) : spec.notes,
    exportedAt: new Date(),
    demo: spec.demo,
    lang: s.lang,
  });
  const meta = s.bare ? { ...full, title: '', subtitle: '', sourceLine: '', notesLine: '', dateLine: '' } : full;
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
    // One render, one encode: the instance already paints at scale × the size (its devicePixelRatio), so its own
    // canvas is the picture. getDataURL painted it all again on a new canvas, then encoded base64 to be decoded
    // again (about a fifth of a 3× export's time). A chart drawn on several layers falls back to that path.
    chart.getZr().flush();
    const canvases = div.querySelectorAll('canvas');
    if (canvases.length === 1) {
      const blob = await new Promise<Blob | null>((done) => canvases[0].toBlob(done, 'image/png'));
      if (blob) return blob;
    }
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

/** The rows behind a chart; demo data gets a last `dataset` column reading `synthetic` on every row (issue #14). */
export function exportTable(spec: ChartExportSpec): ChartExportSpec['table'] {
  if (!spec.demo) return spec.table;
  return { ...spec.table, header: [...spec.table.header, DEMO_DATASET_COLUMN], rows: spec.table.rows.map((r) => [...r, DEMO_DATASET_VALUE]) };
}

/** The data as CSV; demo data's first line (after the BOM) is a comment saying it is synthetic. */
export function dataCsv(spec: ChartExportSpec): Blob {
  const t = exportTable(spec);
  const csv = toCsv(t.header, t.rows);
  const text = spec.demo ? `${BOM}${DEMO_CSV_COMMENT}\r\n${csv.startsWith(BOM) ? csv.slice(BOM.length) : csv}` : csv;
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}

/**
 * The data as JSON: `{"sources": [{no, citation, tier}, …], "rows": [...]}`, each row's 来源编号/source_no pointing
 * into `sources`; demo data is `{"synthetic": true, "notice": …, "sources": [...], "rows": [...]}`.
 */
export function dataJson(spec: ChartExportSpec): Blob {
  const t = exportTable(spec);
  const rows = t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i] ?? null])));
  const sources = spec.sources.map(({ no, citation, tier }) => ({ no, citation, tier }));
  // the rows are CsvCells (text, numbers, null): JSON.stringify writes non-finite numbers as null, as toJson does
  const text = `${JSON.stringify(spec.demo ? { synthetic: true, notice: DEMO_CSV_COMMENT.replace(/^#\s*/, ''), sources, rows } : { sources, rows }, null, 2)}\n`;
  return new Blob([text], { type: 'application/json;charset=utf-8' });
}

/** The file name of one export of a chart: demo data's starts with 演示数据_ (demo_ in English). */
export const fileName = (spec: ChartExportSpec, ext: ExportExt, suffix?: string, lang: 'zh' | 'en' = 'zh') =>
  exportFileName({ ...spec.fileParts, extra: [...(spec.fileParts.extra ?? []), ...(suffix ? [suffix] : [])] }, ext, { demo: spec.demo, lang });

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
    files[unique(fileName(spec, 'png', s.scale > 1 ? `${s.scale}x` : undefined, s.lang))] = new Uint8Array(await png.arrayBuffer());
    files[unique(fileName(spec, 'svg', undefined, s.lang))] = new Uint8Array(await svg.arrayBuffer());
    files[unique(fileName(spec, 'csv', undefined, s.lang))] = new Uint8Array(await dataCsv(spec).arrayBuffer());
  }
  // PNGs and SVGs barely compress; store them, deflate the text
  return new Blob([zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
