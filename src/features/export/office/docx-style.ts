import type { IStylesOptions } from 'docx';

/**
 * The look of the Word report (issue #18 item 4). Chinese: the defaults of a Chinese government document, GB/T 9704—2012
 * 《党政机关公文格式》 — body 3号仿宋 (16 pt) at a fixed 28 pt line, first lines indented two characters; first-level
 * headings 黑体, captions 楷体 (the standard's second-level face), the title 宋体 bold 2号 (22 pt: the standard's
 * 小标宋 is missing on most machines outside government offices, 宋体 ships with every Windows and WPS);
 * tables 宋体 五号 (10.5 pt), where 16 pt would not fit a 13-column table on a 15.6 cm text width; A4 with the
 * standard's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a 156 mm text width); page numbers `— 1 —`.
 * English: Times New Roman 12 pt body, Arial headings and captions, 2.54 cm margins. Every font is given for the
 * ascii, hAnsi, cs AND eastAsia slots, so that Word and WPS set Chinese text (a source's citation in the English
 * report, a zone name in the Chinese one) in the intended face instead of their own default.
 */
export interface ReportLook {
  styles: IStylesOptions;
  /** A4 portrait margins in twips */
  margins: { top: number; bottom: number; left: number; right: number };
  /** the text width in CSS px at 96 per inch: a figure's width */
  textWidthPx: number;
  /** the text width in twips: the table's */
  textWidthTwips: number;
  /** 2 characters of body text, in twips: the first-line indent of a Chinese paragraph */
  indent: number;
}

const mm = (v: number) => Math.round((v / 25.4) * 1440);
const fonts = (latin: string, eastAsia: string) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia });

export const BODY_STYLE = 'Body';
export const NOTE_STYLE = 'FigureNote';
export const TABLE_STYLE = 'TableText';
export const FIGURE_STYLE = 'Figure';
export const CAPTION_STYLE = 'Caption';

export function reportLook(lang: 'zh' | 'en'): ReportLook {
  const zh = lang === 'zh';
  const margins = zh ? { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } : { top: mm(25.4), bottom: mm(25.4), left: mm(25.4), right: mm(25.4) };
  const textWidthTwips = 11906 - margins.left - margins.right;
  const body = zh ? fonts('Times New Roman', '仿宋') : fonts('Times New Roman', '宋体');
  const heading = zh ? fonts('Times New Roman', '黑体') : fonts('Arial', '黑体');
  const caption = zh ? fonts('Times New Roman', '楷体') : fonts('Arial', '楷体');
  const table = zh ? fonts('Times New Roman', '宋体') : fonts('Arial', '宋体');
  const title = zh ? fonts('Times New Roman', '宋体') : fonts('Arial', '黑体');
  const language = { value: zh ? 'zh-CN' : 'en-GB', eastAsia: 'zh-CN' };
  // half-points: 三号 16 pt = 32, 四号 14 pt = 28, 小四 12 pt = 24, 五号 10.5 pt = 21, 二号 22 pt = 44
  const bodySize = zh ? 32 : 24;
  const line = zh ? { line: 560, lineRule: 'exact' as const } : { line: 276, lineRule: 'auto' as const };
  const single = { line: 240, lineRule: 'auto' as const };
  const indent = zh ? 640 : 0;
  const styles: IStylesOptions = {
    default: {
      document: { run: { font: zh ? { ...body, hint: 'eastAsia' } : body, size: bodySize, language }, paragraph: { spacing: { ...line, after: 0 } } },
      title: { run: { font: title, size: zh ? 44 : 40, bold: true, color: '000000' }, paragraph: { alignment: 'center', spacing: { ...single, before: 240, after: 240 } } },
      heading1: { run: { font: heading, size: zh ? 32 : 28, bold: !zh, color: '000000' }, paragraph: { spacing: { ...line, before: 240, after: 120 }, indent: { firstLine: indent }, keepNext: true } },
    },
    paragraphStyles: [
      { id: BODY_STYLE, name: zh ? '正文（报告）' : 'Report body', basedOn: 'Normal', run: { font: body, size: bodySize }, paragraph: { alignment: 'both', spacing: { ...line, after: zh ? 0 : 120 }, indent: { firstLine: indent } } },
      { id: FIGURE_STYLE, name: zh ? '图' : 'Figure', basedOn: 'Normal', paragraph: { alignment: 'center', spacing: { ...single, before: 120, after: 60 }, keepNext: true } },
      { id: CAPTION_STYLE, name: 'caption', basedOn: 'Normal', run: { font: caption, size: zh ? 28 : 20, bold: !zh }, paragraph: { alignment: 'center', spacing: { ...single, before: 60, after: 60 } } },
      { id: NOTE_STYLE, name: zh ? '图注' : 'Figure note', basedOn: 'Normal', run: { font: body, size: zh ? 24 : 18, color: '404040' }, paragraph: { alignment: 'left', spacing: { ...single, after: 60 } } },
      { id: TABLE_STYLE, name: zh ? '表格文字' : 'Table text', basedOn: 'Normal', run: { font: table, size: zh ? 21 : 18 }, paragraph: { spacing: { ...single, after: 0 } } },
    ],
  };
  return { styles, margins, textWidthPx: Math.floor((textWidthTwips / 1440) * 96), textWidthTwips, indent };
}
