/**
 * File names that say what is inside (`综合排名_2020_河南7区.png`) and that every file system accepts:
 * Windows, macOS and Linux, a USB stick formatted FAT32, a zip opened on Chinese Windows.
 */

export type ExportExt = 'png' | 'svg' | 'csv' | 'json' | 'zip' | 'xlsx' | 'pptx' | 'docx';

const EXTS: readonly ExportExt[] = ['png', 'svg', 'csv', 'json', 'zip', 'xlsx', 'pptx', 'docx'];

/** The most characters (graphemes) of the name before the extension. */
export const MAX_BASE_CHARS = 120;
/** ext4, APFS and eCryptfs count bytes: 120 CJK characters are 360 UTF-8 bytes, over their 255-byte limit. */
export const MAX_BASE_BYTES = 240;

/** Reserved by Windows: also with any extension (`CON.png`), any case; superscript digits included. */
const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])(?=\.|$)/i;

/**
 * Rejected by a file system or misleading to a reader: \ / : * ? " < > |, C0/C1 controls, bidi controls
 * (an RLO can make `gnp.exe` look like `exe.png`), zero-width spaces (ZWJ and ZWNJ are kept: emoji and scripts need them), the BOM, lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function cleanPart(s: string): string {
  return s
    .normalize('NFC')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/gu, '_')
    .replace(/_+/g, '_');
}

/** Leading and trailing dots, spaces and underscores: Windows drops trailing ones, leading dots hide a file. */
const trimEnds = (s: string) => s.replace(/^[._\s]+|[._\s]+$/gu, '');

/** Cuts at a grapheme boundary (never inside a surrogate pair or an emoji sequence). */
function cut(s: string): string {
  let out = '';
  let n = 0;
  for (const { segment } of segmenter.segment(s)) {
    if (n + 1 > MAX_BASE_CHARS || utf8Length(out + segment) > MAX_BASE_BYTES) break;
    out += segment;
    n++;
  }
  return out;
}

/**
 * `综合排名_2020_河南7区.png`: the parts joined by `_`, each cleaned; forbidden characters become `_`,
 * whitespace collapses to `_`, the base name keeps at most 120 characters (and 240 UTF-8 bytes), a
 * Windows reserved name gets a `_` appended, and an empty name becomes `chart`. A file of demo data starts
 * with `演示数据_` (`demo_` in English), which no cut removes: `演示数据_综合排名_2020_河南7区.png`.
 */
export function exportFileName(
  parts: { indicator: string; year?: string | number; scope?: string; extra?: string[] },
  ext: ExportExt,
  mark: { demo?: boolean; lang?: 'zh' | 'en' } = {},
): string {
  const prefix = mark.demo ? (mark.lang === 'en' ? 'demo' : '演示数据') : undefined;
  const pieces = [prefix, parts.indicator, parts.year, parts.scope, ...(parts.extra ?? [])]
    .map((p) => (p === undefined || p === null ? '' : trimEnds(cleanPart(String(p)))))
    .filter((p) => p !== '');
  let base = trimEnds(cut(trimEnds(pieces.join('_'))));
  if (!base || base === prefix) base = prefix ? `${prefix}_chart` : 'chart';
  // `CON_` stays `CON_`: only trailing dots and spaces are trimmed after the fix
  if (RESERVED.test(base)) base = cut(base.replace(RESERVED, '$1_')).replace(/[.\s]+$/u, '');
  const e = EXTS.includes(ext) ? ext : 'png';
  return `${base}.${e}`;
}

export { scopeLabel, type ScopeZone } from './scope';
