import type { Paragraph as ParagraphT, Table as TableT } from 'docx';
import { exportDate, exportMeta } from '../../../charts/export/footer';
import { figureCaption, officeWords, reportColumns, sectionHeading, sentence, tableCaption, tableNumber, xmlText } from '../../../charts/export/office-text';
import { numberedTitles } from '../../../charts/export/source-titles';
import { DEMO_CSV_COMMENT } from '../../../data/demo-mark';
import { DESK } from '../../../theme/tokens';
import { exportTable } from '../render';
import type { ChartExportSpec } from '../spec';
import { BODY_STYLE, CAPTION_STYLE, FIGURE_STYLE, NOTE_STYLE, reportLook, TABLE_STYLE, type ReportLook } from './docx-style';
import type { ChartImage, OfficeOptions } from './options';

type Docx = typeof import('docx');

export interface ReportOptions extends OfficeOptions {
  /** print each chart's rows under its figure */
  tables: boolean;
}

/**
 * The figure's picture in CSS px, rendered at 2×: the A4 preset's 16:11 (charts/export/frame.ts), printed 15.6 cm
 * wide it is about 390 dpi, and the export frame's font (width / 60) comes out at about 7.5 pt.
 */
export const REPORT_IMAGE = { width: 1200, height: 825, scale: 2 };

/**
 * A view as a Word report (issue #18 item 4): title, export date, demo notice and filters; per chart a numbered
 * heading, its summary sentence, the figure, a numbered caption (图1 … / Figure 1.), its short source titles and
 * notes, and — when asked — its rows as a table (表1 …); at the end the full citations, numbered per figure as the
 * tables' 来源编号 count them. Fonts and sizes: docx-style.ts. The `docx` library (loaded on the click) writes the
 * XML and escapes the text; xmlText first removes what XML cannot hold.
 */
export async function buildDocx(specs: readonly ChartExportSpec[], images: readonly ChartImage[], o: ReportOptions): Promise<Uint8Array> {
  const D = await import('docx');
  const look = reportLook(o.lang);
  const w = officeWords(o.lang);
  const zh = o.lang === 'zh';
  const p = (style: string, text: string, extra: Record<string, unknown> = {}) => new D.Paragraph({ style, children: [new D.TextRun(xmlText(text))], ...extra });

  const children: (ParagraphT | TableT)[] = [new D.Paragraph({ heading: D.HeadingLevel.TITLE, children: [new D.TextRun(xmlText(o.title))] })];
  const date = exportDate(o.exportedAt, o.lang);
  children.push(p(CAPTION_STYLE, `${w.charts(specs.length)}${date ? ` · ${w.exported}${zh ? '：' : ' '}${date}` : ''}`));
  if (specs.some((s) => s.demo)) {
    children.push(new D.Paragraph({ style: CAPTION_STYLE, children: [new D.TextRun({ text: DEMO_CSV_COMMENT.replace(/^#\s*/, ''), bold: true, color: DESK.demoMark.slice(1) })] }));
  }
  for (const f of o.filters) {
    children.push(new D.Paragraph({ style: NOTE_STYLE, children: [new D.TextRun({ text: `${f.label}${zh ? '：' : ': '}`, bold: true }), new D.TextRun(f.value)] }));
  }

  specs.forEach((spec, i) => {
    const n = i + 1;
    const meta = exportMeta({ title: spec.title, subtitle: spec.subtitle, unit: spec.unit, sources: numberedTitles(spec.sources), notes: spec.notes, exportedAt: o.exportedAt, demo: spec.demo, lang: o.lang });
    children.push(new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun(sectionHeading(n, meta.title, o.lang))] }));
    if (spec.summary) children.push(p(BODY_STYLE, sentence(spec.summary, o.lang)));
    const img = images[i];
    if (img) {
      const width = look.textWidthPx;
      children.push(new D.Paragraph({
        style: FIGURE_STYLE,
        children: [new D.ImageRun({
          type: 'png', data: img.png, transformation: { width, height: Math.round((width * img.height) / img.width) },
          altText: { name: `chart-${n}`, title: meta.title, description: [meta.subtitle, xmlText(spec.summary ?? '')].filter(Boolean).join(zh ? '。' : '. ') },
        })],
      }));
    }
    children.push(p(CAPTION_STYLE, figureCaption(n, meta.title, meta.subtitle, o.lang), { keepLines: true }));
    for (const line of [meta.sourceLine, meta.notesLine, meta.demoMark ?? '']) if (line) children.push(p(NOTE_STYLE, line));
    if (o.tables && spec.table.rows.length) {
      children.push(p(CAPTION_STYLE, tableCaption(n, meta.title, o.lang), { keepNext: true }));
      children.push(dataTable(D, spec, look, o));
    }
  });

  // the full citations, per figure: the tables' 来源编号 and the [n] of each source line point here
  if (specs.some((s) => s.sources.length)) {
    children.push(new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: [new D.TextRun(w.sourceHeading)] }));
    specs.forEach((spec, i) => {
      if (!spec.sources.length) return;
      const title = exportMeta({ title: spec.title, subtitle: '', unit: spec.unit, sources: [], notes: [], exportedAt: o.exportedAt, demo: false, lang: o.lang }).title;
      children.push(new D.Paragraph({ style: NOTE_STYLE, keepNext: true, spacing: { before: 120 }, children: [new D.TextRun({ text: zh ? `图${i + 1} ${title}` : `Figure ${i + 1}. ${title}`, bold: true })] }));
      for (const s of spec.sources) {
        children.push(p(NOTE_STYLE, `[${s.no}] ${s.citation}${zh ? `（${o.tierLabel(s.tier)}）` : ` (${o.tierLabel(s.tier)})`}`, { indent: { left: 480, hanging: 480 } }));
      }
    });
  }

  const doc = new D.Document({
    title: xmlText(o.title),
    description: w.charts(specs.length),
    styles: look.styles,
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: look.margins } },
      footers: { default: new D.Footer({ children: [new D.Paragraph({ alignment: D.AlignmentType.CENTER, children: [new D.TextRun({ children: ['— ', D.PageNumber.CURRENT, ' —'], size: zh ? 28 : 20 })] })] }) },
      children,
    }],
  });
  return new Uint8Array(await D.Packer.toArrayBuffer(doc));
}

/** A chart's rows as a Word table: the header repeated on every page, numbers right-aligned in the catalogue's decimals. */
function dataTable(D: Docx, spec: ChartExportSpec, look: ReportLook, o: ReportOptions): TableT {
  const t = exportTable(spec);
  const repeated = new Set([...spec.sources.flatMap((s) => [xmlText(s.citation), o.tierLabel(s.tier)])]);
  const cols = reportColumns(t.rows, t.header.length, repeated);
  const formats = new Map((t.formats ?? []).map((f) => [f.column, f]));
  const text = (v: unknown, r: number, c: number) => {
    if (typeof v !== 'number') return xmlText(v ?? '');
    const f = formats.get(c);
    return tableNumber(v, f ? (typeof f.decimals === 'number' ? f.decimals : f.decimals[r]) : null, o.lang);
  };
  const cells = [t.header.map((h, c) => (formats.get(c)?.unit ? `${xmlText(h)}${o.lang === 'zh' ? `（${formats.get(c)!.unit}）` : ` (${formats.get(c)!.unit})`}` : xmlText(h))), ...t.rows.map((row, r) => row.map((v, c) => text(v, r, c)))];
  // widths by the longest text of each column (CJK counts double), capped so that no column takes the page
  const weight = cols.map((c) => Math.min(24, Math.max(4, ...cells.slice(0, 300).map((row) => [...(row[c] ?? '')].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)))));
  const total = weight.reduce((a, b) => a + b, 0) || 1;
  const widths = weight.map((x) => Math.floor((look.textWidthTwips * x) / total));
  const numeric = (r: number, c: number) => r > 0 && typeof t.rows[r - 1][c] === 'number';
  return new D.Table({
    width: { size: look.textWidthTwips, type: D.WidthType.DXA },
    columnWidths: widths,
    layout: D.TableLayoutType.FIXED,
    rows: cells.map((row, r) => new D.TableRow({
      tableHeader: r === 0,
      cantSplit: true,
      children: cols.map((c, k) => new D.TableCell({
        width: { size: widths[k], type: D.WidthType.DXA },
        margins: { left: 60, right: 60 },
        children: [new D.Paragraph({ style: TABLE_STYLE, alignment: numeric(r, c) ? D.AlignmentType.RIGHT : D.AlignmentType.LEFT, children: [new D.TextRun({ text: row[c] ?? '', bold: r === 0 })] })],
      })),
    })),
  });
}
