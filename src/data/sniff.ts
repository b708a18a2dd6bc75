/**
 * What a file really is, from its first bytes, whatever its name says (docs/hostile-inputs.md E10, W1): an
 * Excel workbook (.xlsx, .xls, WPS .et — under any name) goes to the workbook reader; a PDF, web page, Word
 * document or zip renamed .csv ends in a clear message saying what it is, never in garbage rows.
 */
import { detectBom, detectUtf16ByZeros } from './decode';

export type FileKind = 'text' | 'xlsx' | 'xls' | 'pdf' | 'html' | 'zip' | 'binary';

export interface SniffResult {
  kind: FileKind;
}

export interface RefusalMessage {
  zh: string;
  en: string;
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP_OTHER = [[0x50, 0x4b, 0x05, 0x06], [0x50, 0x4b, 0x07, 0x08]];
/** Formats that are plainly not tables; most also contain NUL early, but not all (JPEG, GIF headers). */
const OTHER_BINARY = [
  [0x1f, 0x8b], // gzip
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21], // Rar!
];

export function sniffFileType(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_CENTRAL)) return { kind: isWorkbookZip(bytes) ? 'xlsx' : 'zip' };
  if (ZIP_OTHER.some((sig) => startsWith(bytes, sig))) return { kind: 'zip' };
  if (startsWith(bytes, OLE2)) return { kind: 'xls' };
  if (OTHER_BINARY.some((sig) => startsWith(bytes, sig))) return { kind: 'binary' };

  const bom = detectBom(bytes);
  const utf16 = bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be' ? bom.encoding : detectUtf16ByZeros(bytes);
  const head = asciiHead(bytes, bom?.length ?? 0, utf16, 1024).replace(/^[\s\u00a0]+/, '');
  if (head.startsWith('%PDF-')) return { kind: 'pdf' };
  if (looksLikeMarkup(head)) return { kind: 'html' };

  if (!utf16) {
    const n = Math.min(bytes.length, 8192);
    for (let i = 0; i < n; i++) if (bytes[i] === 0) return { kind: 'binary' };
  }
  return { kind: 'text' };
}

/**
 * An .xlsx is a ZIP whose entry names start with `xl/` (or that carries the OOXML `[Content_Types].xml`
 * without the `word/`/`ppt/` parts of other Office files). Names are read from the local and central
 * headers rather than searched for anywhere: three bytes such as `xl/` turn up by chance in compressed data.
 */
function isWorkbookZip(bytes: Uint8Array): boolean {
  let contentTypes = false;
  let otherOffice = false;
  const dec = new TextDecoder('utf-8');
  for (let i = 0; i + 30 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    let nameAt: number;
    let nameLen: number;
    if (bytes[i + 2] === 0x03 && bytes[i + 3] === 0x04) {
      nameLen = bytes[i + 26] | (bytes[i + 27] << 8);
      nameAt = i + 30;
    } else if (bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02 && i + 46 <= bytes.length) {
      nameLen = bytes[i + 28] | (bytes[i + 29] << 8);
      nameAt = i + 46;
    } else continue;
    const name = dec.decode(bytes.subarray(nameAt, Math.min(nameAt + nameLen, bytes.length)));
    if (name.startsWith('xl/')) return true;
    if (name === '[Content_Types].xml') contentTypes = true;
    if (name.startsWith('word/') || name.startsWith('ppt/')) otherOffice = true;
  }
  return contentTypes && !otherOffice;
}

/** The first `max` characters as ASCII, taking the low byte of each UTF-16 unit when the file is UTF-16. */
function asciiHead(bytes: Uint8Array, skip: number, utf16: 'utf-16le' | 'utf-16be' | null, max: number): string {
  let out = '';
  const step = utf16 ? 2 : 1;
  const lowOffset = utf16 === 'utf-16be' ? 1 : 0;
  for (let i = skip; i + lowOffset < bytes.length && out.length < max; i += step) {
    const b = bytes[i + lowOffset];
    out += b < 0x80 ? String.fromCharCode(b) : '\u0080';
  }
  return out;
}

/**
 * A web page or Excel "XML 表格" saved under a .csv name. The text must open with markup, so a CSV whose
 * first cell merely contains a tag (docs/hostile-inputs.md X1's `<img …>`) is still a CSV.
 */
function looksLikeMarkup(head: string): boolean {
  if (!head.startsWith('<')) return false;
  const lower = head.toLowerCase();
  if (/<html|<table|<!doctype/.test(lower)) return true;
  return lower.startsWith('<?xml') && /<workbook|progid="excel\.sheet"/.test(lower);
}

/** File names come from users: keep them to one short line of plain text inside the message. */
export function displayName(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = fileName.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim() || '该文件';
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

const SAVE_AS_ZH = '请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后再导入';
const SAVE_AS_EN = 'In Excel, use Save As → "CSV UTF-8 (Comma delimited)" and import that file';

/**
 * A clear refusal for a file that is neither a text table nor a workbook, in Chinese with an English twin.
 * Workbooks are read (src/data/workbook/read-workbook.ts), so they have no refusal here.
 */
export function refusalMessage(kind: Exclude<FileKind, 'text' | 'xlsx' | 'xls'>, fileName: string): RefusalMessage {
  const zhName = `“${displayName(fileName)}”`;
  const enName = `"${displayName(fileName)}"`;
  switch (kind) {
    case 'pdf':
      return {
        zh: `${zhName}是 PDF 文档，无法从中读取表格。请使用原始的 Excel 或 CSV 文件；若只有 PDF，请把表格复制到 Excel，${SAVE_AS_ZH}`,
        en: `${enName} is a PDF document; tables cannot be read from it. Use the original Excel or CSV file, or copy the table into Excel. ${SAVE_AS_EN}.`,
      };
    case 'html':
      return {
        zh: `${zhName}是网页（HTML）或 XML 格式的表格，并不是 CSV。请用 Excel 打开它，${SAVE_AS_ZH}`,
        en: `${enName} is a web page (HTML) or XML table, not a CSV. Open it in Excel. ${SAVE_AS_EN}.`,
      };
    case 'zip':
      return {
        zh: `${zhName}是 ZIP 压缩包或 Word 等 Office 文档，不是 CSV。请先解压，或把其中的表格${SAVE_AS_ZH.replace('请', '')}`,
        en: `${enName} is a ZIP archive or an Office document, not a CSV. Unzip it, or open the table in Excel. ${SAVE_AS_EN}.`,
      };
    case 'binary':
      return {
        zh: `${zhName}是二进制文件，不是文本表格，无法导入。请导入 CSV（UTF-8 或 GBK）、制表符分隔的文本或 JSON 文件`,
        en: `${enName} is a binary file, not a text table, and cannot be imported. Import a CSV (UTF-8 or GBK), tab-separated text or JSON file.`,
      };
  }
}
