import type { WorkSheet } from '@e965/xlsx';
import type { CsvCell } from '../../../charts/export/csv';
import { exportDate, exportMeta } from '../../../charts/export/footer';
import { textWidth } from '../../../charts/export/frame';
import { headerWithUnit, numberFormat, officeWords, sheetName, xmlText } from '../../../charts/export/office-text';
import { DEMO_CSV_COMMENT } from '../../../data/demo-mark';
import { exportTable } from '../render';
import type { ChartExportSpec } from '../spec';
import type { OfficeOptions } from './options';

type Xlsx = typeof import('@e965/xlsx');
type Cell = string | number | null;

/**
 * The data of a view as an Excel workbook (issue #18 item 2): one sheet per chart with the table it shows (header
 * in row 1, so that the sheet reads back into this app or a pivot table), numbers as numbers in the catalogue's
 * format with the unit in their header; a 来源 sheet with every source (chart, number, citation, tier); a 说明 sheet
 * with the view, its filters, each chart's title, subtitle, notes and summary. Demo data: the 说明 sheet comes
 * first and opens with the notice, every data row carries `dataset = synthetic` as the CSV does (issue #14).
 *
 * Text cells are written as text (`t: 's'`), never as formulas: a cell reading `=HYPERLINK(…)` stays that text
 * (docs/hostile-inputs.md X4). SheetJS (@e965/xlsx, loaded here on the click) escapes the XML.
 */
export async function buildXlsx(specs: readonly ChartExportSpec[], o: OfficeOptions): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const w = officeWords(o.lang);
  const taken = new Set<string>();
  // the fixed sheets keep their names: a chart titled 来源 becomes `来源 (2)`, not the other way round
  const sourcesName = sheetName(w.sources, taken);
  const aboutName = sheetName(w.about, taken);
  const charts = specs.map((spec) => ({ spec, name: sheetName(spec.title, taken) }));
  const demo = specs.some((s) => s.demo);

  const wb = XLSX.utils.book_new();
  wb.Props = { Title: xmlText(o.title), CreatedDate: o.exportedAt };
  const about = sheetOf(XLSX, aboutRows(charts, o), { widths: [16, 100] });
  if (demo) XLSX.utils.book_append_sheet(wb, about, aboutName);
  for (const c of charts) XLSX.utils.book_append_sheet(wb, dataSheet(XLSX, c.spec, o.lang), c.name);
  const sources: Cell[][] = [[w.chart, w.no, w.citation, w.tier]];
  for (const c of charts) for (const s of c.spec.sources) sources.push([c.name, s.no, xmlText(s.citation), o.tierLabel(s.tier)]);
  XLSX.utils.book_append_sheet(wb, sheetOf(XLSX, sources, { filter: true }), sourcesName);
  if (!demo) XLSX.utils.book_append_sheet(wb, about, aboutName);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** A cell as the workbook stores it: finite numbers as numbers, NaN and ±Infinity empty (as in the CSV), text cleaned. */
function cellOf(v: CsvCell): Cell {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === null || v === undefined) return null;
  const s = xmlText(v);
  return s === '' ? null : s;
}

/** One chart's rows: the header with units, numbers formatted with the catalogue's decimals. */
function dataSheet(XLSX: Xlsx, spec: ChartExportSpec, lang: 'zh' | 'en'): WorkSheet {
  const t = exportTable(spec);
  const formats = t.formats ?? [];
  const header = t.header.map((h, c) => {
    const unit = formats.find((f) => f.column === c)?.unit;
    return unit ? headerWithUnit(xmlText(h), unit, lang) : xmlText(h);
  });
  const ws = sheetOf(XLSX, [header, ...t.rows.map((r) => r.map(cellOf))], { filter: true });
  for (const f of formats) {
    t.rows.forEach((_, r) => {
      const cell = ws[XLSX.utils.encode_cell({ r: r + 1, c: f.column })];
      const d = typeof f.decimals === 'number' ? f.decimals : f.decimals[r];
      if (cell && cell.t === 'n' && typeof d === 'number') cell.z = numberFormat(d);
    });
  }
  return ws;
}

/** The 说明 sheet: the demo notice first where it applies, then the view, its filters, the date and each chart's text. */
function aboutRows(charts: { spec: ChartExportSpec; name: string }[], o: OfficeOptions): Cell[][] {
  const w = officeWords(o.lang);
  const rows: Cell[][] = [];
  if (charts.some((c) => c.spec.demo)) rows.push([DEMO_CSV_COMMENT.replace(/^#\s*/, '')], []);
  rows.push([w.view, xmlText(o.title)], ...o.filters.map((f) => [f.label, f.value]), [w.exported, exportDate(o.exportedAt, o.lang)]);
  for (const c of charts) {
    const m = exportMeta({ title: c.spec.title, subtitle: c.spec.subtitle, unit: c.spec.unit, sources: [], notes: [], exportedAt: o.exportedAt, demo: c.spec.demo, lang: o.lang });
    const notes = c.spec.notes.map(xmlText).filter(Boolean);
    rows.push([], [w.chart, c.name], [o.lang === 'zh' ? '标题' : 'Title', m.title]);
    if (m.subtitle) rows.push([w.subtitle, m.subtitle]);
    if (c.spec.summary) rows.push([w.summary, xmlText(c.spec.summary)]);
    if (notes.length) rows.push([w.notes, notes.join(o.lang === 'zh' ? '；' : '; ')]);
    if (m.demoMark) rows.push(['', m.demoMark]);
  }
  return rows;
}

/** A sheet from rows, with column widths from the longest text (CJK counts double) and an optional filter on row 1. */
function sheetOf(XLSX: Xlsx, rows: Cell[][], opt: { widths?: number[]; filter?: boolean }): WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const cols = Math.max(0, ...rows.map((r) => r.length));
  ws['!cols'] = Array.from({ length: cols }, (_, c) => ({
    wch: opt.widths?.[c] ?? Math.min(60, Math.max(6, ...rows.slice(0, 500).map((r) => Math.ceil(textWidth(String(r[c] ?? ''), 1) * 2) + 2))),
  }));
  if (opt.filter && rows.length > 1 && cols > 0) ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: cols - 1 } }) };
  return ws;
}
