import { exportFileName } from '../../../charts/export/filename';
import { renderPng } from '../render';
import type { ChartExportSpec } from '../spec';
import { buildDocx, REPORT_IMAGE, type ReportOptions } from './docx';
import type { ChartImage } from './options';
import { buildPptx, SLIDE_IMAGE } from './pptx';
import { buildXlsx } from './xlsx';

export type OfficeKind = 'xlsx' | 'pptx' | 'docx';

const MIME: Record<OfficeKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Each chart as a PNG without its printed title and footer (render.ts `bare`): the deck and the report carry that
 * text as editable text. One at a time, so that a view of many charts never holds several canvases at once.
 */
async function images(specs: readonly ChartExportSpec[], size: { width: number; height: number; scale: number }, lang: 'zh' | 'en'): Promise<ChartImage[]> {
  const out: ChartImage[] = [];
  for (const spec of specs) {
    const blob = await renderPng(spec, { ...size, background: 'white', lang, bare: true });
    out.push({ png: new Uint8Array(await blob.arrayBuffer()), width: size.width, height: size.height });
  }
  return out;
}

/**
 * The Office file of a view (issue #18): the workbook, the deck or the report, named for the view like the ZIP
 * (`演示数据_` first for demo data). This module and the libraries it loads are fetched on the click only.
 */
export async function exportOffice(kind: OfficeKind, specs: readonly ChartExportSpec[], o: ReportOptions, fileParts: ChartExportSpec['fileParts']): Promise<{ file: string; blob: Blob }> {
  let bytes: Uint8Array;
  if (kind === 'xlsx') bytes = await buildXlsx(specs, o);
  else if (kind === 'pptx') bytes = await buildPptx(specs, await images(specs, SLIDE_IMAGE, o.lang), o);
  else bytes = await buildDocx(specs, await images(specs, REPORT_IMAGE, o.lang), o);
  const file = exportFileName(fileParts, kind, { demo: specs.some((s) => s.demo), lang: o.lang });
  return { file, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[kind] }) };
}
