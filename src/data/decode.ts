/**
 * Bytes → text, the way Chinese users' files actually arrive (docs/architecture.md §2.2; docs/hostile-inputs.md E1–E9):
 * UTF-8 with or without BOM, GBK/GB18030 from Excel on Chinese Windows, UTF-16LE "Unicode 文本", and Big5
 * (Taiwan, Hong Kong) when the user chooses it: detection never picks Big5, since the same bytes are mostly
 * valid GB18030 too; the preview's encoding select re-decodes the file as Big5.
 * Pure TypeScript: only TextDecoder, so it runs in node (vitest) and in a Web Worker alike.
 */

export type Encoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

export interface DecodeResult {
  text: string;
  encoding: Encoding;
  bom: boolean;
  confidence: 'certain' | 'likely' | 'guess';
  /** short Chinese notices with the English in parentheses, for the preview */
  notices: string[];
  /** 1-based physical line numbers (LF, CRLF or lone CR end a line) that are not valid in `encoding` */
  badLines: number[];
}

const NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030（GBK）',
  big5: 'Big5（繁體）',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** The byte-order mark at the start of `bytes`, if any. */
export function detectBom(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM (docs/hostile-inputs.md E5), recognised from where the zero bytes fall. Text in UTF-8 or GBK never
 * contains a zero byte; UTF-16 text puts one in the high byte of every ASCII character (delimiters,
 * digits, newlines), so the zeros sit on one parity only. Binary data and UTF-32 have zeros on both.
 * A final check on the decoded sample rejects 16-bit binary that merely looks like this.
 */
export function detectUtf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i & 1) odd++;
      else even++;
    }
  }
  const minZeros = Math.max(2, (n / 2) * 0.01);
  // a CJK character whose low byte is 00 (一 is U+4E00) puts a few zeros on the other parity
  let guess: 'utf-16le' | 'utf-16be' | null = null;
  if (odd >= minZeros && even <= odd * 0.1) guess = 'utf-16le';
  else if (even >= minZeros && odd <= even * 0.1) guess = 'utf-16be';
  if (!guess) return null;
  const sample = new TextDecoder(guess).decode(bytes.subarray(0, n));
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) bad++;
  }
  return bad <= sample.length * 0.01 ? guess : null;
}

/** Decodes a file's bytes, detecting the encoding unless the user forced one (a BOM still wins). */
export function decodeBytes(bytes: Uint8Array, opts: { encoding?: Encoding } = {}): DecodeResult {
  const forced = opts.encoding;
  const bom = detectBom(bytes);
  if (bom) {
    const notices: string[] = [];
    if (forced && forced !== bom.encoding) {
      notices.push(
        `文件带有 ${NAMES[bom.encoding]} BOM，已按 ${NAMES[bom.encoding]} 读取，未采用所选的 ${NAMES[forced]}` +
          `（the file starts with a ${bom.encoding} BOM: read as ${bom.encoding}, not the chosen ${forced}）`,
      );
    }
    return decodeAs(bytes.subarray(bom.length), bom.encoding, true, 'certain', notices);
  }
  if (forced) return decodeAs(bytes, forced, false, 'certain', []);

  const utf16 = detectUtf16ByZeros(bytes);
  if (utf16) {
    const notice = `文件没有 BOM，根据零字节的分布判断为 ${NAMES[utf16]}，如有乱码请手动选择编码（no BOM: ${utf16} detected from the pattern of zero bytes）`;
    return decodeAs(bytes, utf16, false, 'likely', [notice]);
  }

  const strict = tryDecode(bytes, 'utf-8');
  if (strict !== null) {
    // A handful of multibyte characters could be valid UTF-8 by accident; a page of them cannot.
    const nonAscii = countNonAscii(strict, 4);
    const confidence = nonAscii === 0 || nonAscii >= 4 ? 'certain' : 'likely';
    return { text: stripBoms(strict), encoding: 'utf-8', bom: false, confidence, notices: [], badLines: [] };
  }

  const lines = checkUtf8Lines(bytes, 0.1);
  if (lines.nonAscii > 0 && (lines.nonAscii - lines.bad.length) / lines.nonAscii >= 0.9) {
    // A UTF-8 file with a few lines pasted from a GBK source (docs/hostile-inputs.md E8): keep UTF-8, name the bad lines.
    return decodeAs(bytes, 'utf-8', false, 'likely', []);
  }
  return decodeGb18030(bytes);
}

function decodeAs(body: Uint8Array, encoding: Encoding, bom: boolean, confidence: DecodeResult['confidence'], notices: string[]): DecodeResult {
  if (encoding === 'gb18030') {
    // chosen by the user: their choice stands, but invalid bytes are still reported
    const g = readGb18030(body);
    return { text: g.text, encoding, bom, confidence, notices: g.replaced ? [...notices, g.notices[0]] : notices, badLines: [] };
  }
  const text = stripBoms(new TextDecoder(encoding, { ignoreBOM: true }).decode(body));
  let badLines: number[] = [];
  if (encoding === 'utf-8') {
    if (tryDecode(body, 'utf-8') === null) {
      badLines = checkUtf8Lines(body).bad;
      notices = [...notices, badLinesNotice(badLines)];
    }
  } else if (tryDecode(body, encoding) === null) {
    notices = [
      ...notices,
      `部分字节不是有效的 ${NAMES[encoding]}，已替换为 �（some bytes are not valid ${encoding} and were replaced by U+FFFD）`,
    ];
  }
  return { text, encoding, bom, confidence, notices, badLines };
}

function decodeGb18030(bytes: Uint8Array): DecodeResult {
  const g = readGb18030(bytes);
  return { text: g.text, encoding: 'gb18030', bom: false, confidence: g.plausible ? 'likely' : 'guess', notices: g.notices, badLines: [] };
}

/** The invalid-bytes notice, if any, comes first in `notices`. */
function readGb18030(bytes: Uint8Array): { text: string; replaced: number; plausible: boolean; notices: string[] } {
  const text = stripBoms(new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes));
  const notices: string[] = [];
  const replaced = countChar(text, 0xfffd);
  if (replaced > 0) {
    notices.push(`按 GB18030 解码时有 ${replaced} 处无效字节，已替换为 �（${replaced} invalid byte sequences replaced by U+FFFD）`);
  }
  const plausible = replaced === 0 && looksChinese(text);
  if (!plausible) {
    notices.push(
      '文件不是有效的 UTF-8，按 GB18030（GBK）读取的结果不像中文文本，请检查预览或手动选择编码' +
        '（not valid UTF-8; read as GB18030 but the text does not look like Chinese: check the preview or choose the encoding）',
    );
  }
  return { text, replaced, plausible, notices };
}

/**
 * Plausibility of a GB18030 reading: mis-decoded bytes land in Hangul, Cyrillic, box drawing, the
 * private-use area and rare symbols; real Chinese tables are hanzi and CJK/full-width punctuation.
 */
function looksChinese(text: string): boolean {
  let nonAscii = 0;
  let plausible = 0;
  // mis-decoding is spread evenly through a file: the first million code units tell as much as all of it
  const n = Math.min(text.length, 1_000_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc00 && c <= 0xdfff)) continue; // a low surrogate was counted with its pair
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // Extension A
      (c >= 0xd840 && c <= 0xd8bf) || // high surrogates of U+20000–U+3FFFF: Extensions B+ (𠀀 …)
      (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation 、。《》【】
      (c >= 0xff00 && c <= 0xffef) || // full-width forms （），：％
      (c >= 0x2010 && c <= 0x2030) || // dashes, quotes, …, ‰
      (c >= 0x2460 && c <= 0x2473) || // ①–⑳
      c === 0x00b7 || c === 0x00d7 || c === 0x00b0 || c === 0x2103 || c === 0x00a0
    ) plausible++;
  }
  return nonAscii === 0 || plausible / nonAscii >= 0.8;
}

/**
 * Splits at LF, CRLF or lone CR. Safe on raw bytes: 0x0A/0x0D never occur inside UTF-8 or GB18030 multibyte
 * sequences. With `giveUpAbove`, stops once more than that share of non-ASCII lines is certainly bad: a whole
 * GBK file would otherwise cost one exception per line.
 */
function checkUtf8Lines(bytes: Uint8Array, giveUpAbove?: number): { nonAscii: number; bad: number[] } {
  let totalLines = 1;
  if (giveUpAbove !== undefined) {
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) totalLines++;
    }
  }
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const bad: number[] = [];
  let nonAscii = 0;
  let line = 1;
  let start = 0;
  let high = false;
  const finish = (end: number) => {
    if (high) {
      nonAscii++;
      try {
        fatal.decode(bytes.subarray(start, end));
      } catch {
        bad.push(line);
      }
    }
  };
  // the best share still reachable: every remaining line non-ASCII and valid
  const hopeless = () => giveUpAbove !== undefined && bad.length > giveUpAbove * (nonAscii + totalLines - line);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || b === 0x0d) {
      finish(i);
      if (hopeless()) return { nonAscii, bad };
      if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
      line++;
      start = i + 1;
      high = false;
    } else if (b >= 0x80) high = true;
  }
  finish(bytes.length);
  return { nonAscii, bad };
}

function badLinesNotice(lines: number[]): string {
  const shown = lines.slice(0, 10).join('、');
  const more = lines.length > 10 ? ` 等 ${lines.length} 行` : '';
  return `第 ${shown}${more} 行不是有效的 UTF-8（可能混入了 GBK 文本），其余各行按 UTF-8 读取` +
    `（line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''} not valid UTF-8）`;
}

function tryDecode(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Tools that prepend a BOM to a file that already has one leave two: neither belongs in the text. */
function stripBoms(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 0xfeff) i++;
  return i ? text.slice(i) : text;
}

/** Non-ASCII code units, counted up to `enough` (the answer is only ever "none", "a few" or "enough"). */
function countNonAscii(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/**
 * Decodes a file read in chunks (docs/hostile-inputs.md E9). A streaming decoder carries a multibyte character split across
 * a chunk boundary into the next call, so the result equals a one-shot decode of the joined bytes.
 * Non-fatal like decodeBytes' own decode; a leading BOM is dropped as in decodeBytes.
 */
export function decodeChunks(chunks: Iterable<Uint8Array>, encoding: Encoding): string {
  const decoder = new TextDecoder(encoding);
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(decoder.decode(chunk, { stream: true }));
  parts.push(decoder.decode());
  return stripBoms(parts.join(''));
}

/** CRLF and lone CR → LF (docs/hostile-inputs.md S6); drops the trailing run of blank (whitespace-only) lines that makes phantom rows. */
export function normaliseNewlines(text: string): string {
  const lf = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  // scan from the end by hand: a regex over a long run of blank lines can backtrack quadratically
  let end = lf.length;
  let cut = lf.length;
  while (end > 0) {
    const c = lf.charCodeAt(end - 1);
    if (c === 0x0a) cut = end - 1;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x3000 && c !== 0xa0) break;
    end--;
  }
  // text that is nothing but blank lines is empty
  return end === 0 ? '' : lf.slice(0, cut);
}
