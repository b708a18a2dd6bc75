import { format, isValid } from 'date-fns';
import { enGB, zhCN } from 'date-fns/locale';

/**
 * Characters that break SVG/XML or reorder what a reader sees: C0 and C1 controls, bidi embeddings and
 * isolates (U+202A–U+202E, U+2066–U+2069), the BOM, U+FFFE/U+FFFF (not XML characters) and lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Plain one-line text for an exported image: invisible and control characters removed, line breaks and tabs become spaces. */
export function plainText(s: unknown): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/[\t\n\r]+/g, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export interface ExportMetaInput {
  title: string;
  subtitle: string;
  /** e.g. 亿元; appended to the title as （亿元） unless the title already says it */
  unit: string;
  sources: string[];
  notes: string[];
  exportedAt: Date;
  demo: boolean;
  lang: 'zh' | 'en';
}

export interface ExportMeta {
  title: string;
  subtitle: string;
  /** '' when there is no source */
  sourceLine: string;
  /** '' when there is no note */
  notesLine: string;
  /** '' only when exportedAt is an invalid Date */
  dateLine: string;
  demoMark: string | null;
}

/** At most this many sources are named; the rest are counted. */
export const MAX_SOURCES_SHOWN = 4;

/** Cleaned, without trailing list punctuation (so that joining with ；gives no `。；` or `.;`), empty and repeated items dropped. */
const uniquePlain = (xs: readonly string[]) => [...new Set(xs.map((x) => plainText(x).replace(/[。；;，,、.\s]+$/u, '')).filter((x) => x !== ''))];

function withUnit(title: string, unit: string, lang: 'zh' | 'en'): string {
  if (!unit) return title;
  if (title.includes(`（${unit}）`) || title.includes(`(${unit})`)) return title;
  const u = lang === 'zh' ? `（${unit}）` : ` (${unit})`;
  return title ? `${title}${u}` : u.trim();
}

/** The export date as a report prints it: 2023年3月5日 / 5 Mar 2023; an invalid Date gives '' rather than a thrown RangeError mid-export. */
export function exportDate(d: Date, lang: 'zh' | 'en'): string {
  if (!isValid(d)) return '';
  return lang === 'zh' ? format(d, 'yyyy年M月d日', { locale: zhCN }) : format(d, 'd MMM yyyy', { locale: enGB });
}

/** The text lines a report needs under and above an exported chart; every piece is plain, cleaned text. */
export function exportMeta(input: ExportMetaInput): ExportMeta {
  const zh = input.lang === 'zh';
  const sources = uniquePlain(input.sources);
  const notes = uniquePlain(input.notes);
  const shown = sources.slice(0, MAX_SOURCES_SHOWN);
  const more = sources.length - shown.length;

  let sourceLine = '';
  if (shown.length) {
    sourceLine = zh
      ? `数据来源：${shown.join('；')}${more > 0 ? `（另 ${more} 个来源）` : ''}`
      : `${sources.length > 1 ? 'Sources' : 'Source'}: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
  }
  const notesLine = notes.length ? (zh ? `注：${notes.join('；')}` : `${notes.length > 1 ? 'Notes' : 'Note'}: ${notes.join('; ')}`) : '';
  const date = exportDate(input.exportedAt, input.lang);
  const dateLine = !date ? '' : zh ? `导出日期：${date}` : `Exported ${date}`;

  return {
    title: withUnit(plainText(input.title), plainText(input.unit), input.lang),
    subtitle: plainText(input.subtitle),
    sourceLine,
    notesLine,
    dateLine,
    demoMark: input.demo ? (zh ? '演示数据（合成，非真实统计）' : 'DEMO DATA (synthetic)') : null,
  };
}
