import type PptxGenJS from 'pptxgenjs';
import { exportDate, exportMeta, type ExportMeta } from '../../../charts/export/footer';
import { officeWords, xmlText } from '../../../charts/export/office-text';
import { numberedTitles } from '../../../charts/export/source-titles';
import { DESK } from '../../../theme/tokens';
import type { ChartExportSpec } from '../spec';
import { base64, type ChartImage, type OfficeOptions } from './options';

/** PowerPoint's default 16:9 page (LAYOUT_WIDE), in inches. */
export const SLIDE = { w: 13.333, h: 7.5 };
/** Where a chart's picture goes on its slide, in inches: between the title block and the source lines. */
export const IMAGE_BOX = { x: 0.5, y: 1.45, w: 12.333, h: 4.5 };
/**
 * The picture's size in CSS px at 96 px per inch, rendered at 2× (2368 × 864 px): sharp on a projector, and the
 * export frame's font (width / 60) comes out at about 15 pt on the slide.
 */
export const SLIDE_IMAGE = { width: Math.round(IMAGE_BOX.w * 96), height: Math.round(IMAGE_BOX.h * 96), scale: 2 };

const hex = (c: string) => c.replace('#', '').toUpperCase();
const INK = hex(DESK.text);
const MUTED = hex(DESK.muted);
const MARK = hex(DESK.demoMark);
const ACCENT = hex(DESK.accent);

interface Look {
  /** 微软雅黑 for Chinese (what Chinese offices set their decks in; pptxgenjs writes it as the latin, ea and cs face), Arial for English */
  font: string;
  lang: string;
}

/**
 * A view as a PowerPoint deck (issue #18 item 3): a title slide with the view's title, the number of charts, the
 * export date and the filters; then one 16:9 slide per chart with its picture (rendered without the image's own
 * title and footer, see render.ts `bare`) and the title (with unit), subtitle, 数据来源 (numbered short titles), notes,
 * export date and demo mark as text boxes that can be edited. The full citations go in each slide's speaker notes.
 * pptxgenjs (loaded here on the click) escapes all text as XML; xmlText first removes what XML cannot hold.
 */
export async function buildPptx(specs: readonly ChartExportSpec[], images: readonly ChartImage[], o: OfficeOptions): Promise<Uint8Array> {
  const { default: Pptx } = await import('pptxgenjs');
  const pres = new Pptx();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = xmlText(o.title);
  pres.subject = officeWords(o.lang).charts(specs.length);
  const look: Look = { font: o.lang === 'zh' ? '微软雅黑' : 'Arial', lang: o.lang === 'zh' ? 'zh-CN' : 'en-US' };
  titleSlide(pres, specs, o, look);
  specs.forEach((spec, i) => chartSlide(pres, spec, images[i], o, look));
  return (await pres.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
}

/** The bordered demo label at the top right of a slide; returns its width (0 without one). */
function demoLabel(slide: PptxGenJS.Slide, mark: string | null, look: Look): number {
  if (!mark) return 0;
  const w = 3.6;
  slide.addText(mark, {
    x: SLIDE.w - 0.5 - w, y: 0.3, w, h: 0.45, fontFace: look.font, lang: look.lang, fontSize: 12, bold: true, color: MARK,
    align: 'center', valign: 'middle', line: { color: MARK, width: 1.5 }, objectName: 'demo-mark',
  });
  return w + 0.2;
}

function titleSlide(pres: PptxGenJS, specs: readonly ChartExportSpec[], o: OfficeOptions, look: Look) {
  const slide = pres.addSlide();
  const demo = specs.some((s) => s.demo);
  const mark = exportMeta({ title: '', subtitle: '', unit: '', sources: [], notes: [], exportedAt: o.exportedAt, demo, lang: o.lang }).demoMark;
  demoLabel(slide, mark, look);
  const base = { fontFace: look.font, lang: look.lang, margin: 0 };
  slide.addShape(pres.ShapeType.rect, { x: 0.6, y: 1.55, w: 0.09, h: 1.55, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } });
  slide.addText(xmlText(o.title), { ...base, x: 0.9, y: 1.4, w: 11.6, h: 1.1, fontSize: 36, bold: true, color: INK, valign: 'bottom', fit: 'shrink', objectName: 'title' });
  const date = exportDate(o.exportedAt, o.lang);
  const words = officeWords(o.lang);
  slide.addText(`${words.charts(specs.length)}${date ? ` · ${words.exported}${o.lang === 'zh' ? '：' : ' '}${date}` : ''}`, {
    ...base, x: 0.9, y: 2.55, w: 11.6, h: 0.5, fontSize: 16, color: MUTED, objectName: 'subtitle',
  });
  // one run per paragraph: pptxgenjs writes an <a:pPr> before every run, and a second one inside a paragraph is
  // invalid (PowerPoint 2016 asks to repair the file; PptxGenJS PR #1083), so the label is not set in bold
  const lines = o.filters.map((f, i) => ({ text: `${f.label}${o.lang === 'zh' ? '：' : ': '}${f.value}`, options: { breakLine: i < o.filters.length - 1 } }));
  if (lines.length) {
    slide.addText(lines, { ...base, x: 0.9, y: 3.5, w: 11.6, h: 3.4, fontSize: 16, color: INK, valign: 'top', paraSpaceAfter: 6, fit: 'shrink', objectName: 'filters' });
  }
  if (demo && mark) slide.addNotes(mark);
}

function chartSlide(pres: PptxGenJS, spec: ChartExportSpec, image: ChartImage | undefined, o: OfficeOptions, look: Look) {
  const slide = pres.addSlide();
  const meta: ExportMeta = exportMeta({
    title: spec.title, subtitle: spec.subtitle, unit: spec.unit, sources: numberedTitles(spec.sources),
    notes: spec.notes, exportedAt: o.exportedAt, demo: spec.demo, lang: o.lang,
  });
  const base = { fontFace: look.font, lang: look.lang, margin: 0 };
  const right = demoLabel(slide, meta.demoMark, look);
  slide.addText(meta.title, { ...base, x: 0.5, y: 0.3, w: SLIDE.w - 1 - right, h: 0.6, fontSize: 24, bold: true, color: INK, valign: 'middle', fit: 'shrink', objectName: 'title' });
  if (meta.subtitle) slide.addText(meta.subtitle, { ...base, x: 0.5, y: 0.9, w: SLIDE.w - 1 - right, h: 0.4, fontSize: 14, color: MUTED, valign: 'top', objectName: 'subtitle' });

  if (image) {
    // the picture keeps its aspect ratio inside the box, centred
    const k = Math.min(IMAGE_BOX.w / image.width, IMAGE_BOX.h / image.height);
    const w = image.width * k;
    const h = image.height * k;
    slide.addImage({
      data: `image/png;base64,${base64(image.png)}`, x: IMAGE_BOX.x + (IMAGE_BOX.w - w) / 2, y: IMAGE_BOX.y + (IMAGE_BOX.h - h) / 2, w, h,
      altText: [meta.title, meta.subtitle, xmlText(spec.summary ?? '')].filter(Boolean).join(o.lang === 'zh' ? '。' : '. '), objectName: 'chart',
    });
  }

  const foot = [meta.sourceLine, meta.notesLine, meta.dateLine].filter(Boolean);
  if (foot.length) {
    slide.addText(foot.map((text, i) => ({ text, options: { breakLine: i < foot.length - 1 } })), {
      ...base, x: 0.5, y: IMAGE_BOX.y + IMAGE_BOX.h + 0.1, w: SLIDE.w - 1, h: SLIDE.h - (IMAGE_BOX.y + IMAGE_BOX.h + 0.1) - 0.25,
      fontSize: 10.5, color: MUTED, valign: 'top', paraSpaceAfter: 2, fit: 'shrink', objectName: 'sources',
    });
  }
  // the full citations (the slide prints short titles) and the summary, for the speaker
  const words = officeWords(o.lang);
  const notes = [
    ...(spec.summary ? [xmlText(spec.summary)] : []),
    ...(spec.sources.length ? [`${words.sourceHeading}${o.lang === 'zh' ? '：' : ':'}`] : []),
    ...spec.sources.map((s) => `[${s.no}] ${xmlText(s.citation)}（${o.tierLabel(s.tier)}）`),
    ...(meta.demoMark ? [meta.demoMark] : []),
  ];
  if (notes.length) slide.addNotes(notes.join('\n'));
}
