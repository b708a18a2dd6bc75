// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeChunks, detectUtf16ByZeros, normaliseNewlines } from '../../src/data/decode';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))));
const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
/** UTF-16 by hand: TextEncoder only writes UTF-8. */
function utf16(s: string, be = false): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (be) out.push(c >> 8, c & 0xff);
    else out.push(c & 0xff, c >> 8);
  }
  return Uint8Array.from(out);
}
const BOM8 = [0xef, 0xbb, 0xbf];
const HEADER = '地区,年份,营业收入（亿元）\n郑州高新区,2020,1234.5\n';
// 地区,𠀀 in GB18030: 地 B5D8, 区 C7F8, 𠀀 is the 4-byte sequence 95 32 82 36
const GB_BYTES = [0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0x95, 0x32, 0x82, 0x36, 0x0a];

describe('decodeBytes', () => {
  it.each([
    ['E1 UTF-8 without BOM, Chinese header', utf8(HEADER), HEADER, 'utf-8', false],
    ['E2 UTF-8 with BOM: no U+FEFF in the text', cat(BOM8, utf8(HEADER)), HEADER, 'utf-8', true],
    ['E4 UTF-16LE with BOM, tab-separated', cat([0xff, 0xfe], utf16('地区\t年份\r\n郑州\t2020\r\n')), '地区\t年份\r\n郑州\t2020\r\n', 'utf-16le', true],
    ['E4 UTF-16BE with BOM', cat([0xfe, 0xff], utf16('地区\t年份\n', true)), '地区\t年份\n', 'utf-16be', true],
    ['E3 GB18030 by hand, with the 4-byte 𠀀', Uint8Array.from(GB_BYTES), '地区,𠀀\n', 'gb18030', false],
  ] as const)('%s', (_name, bytes, text, encoding, bom) => {
    const r = decodeBytes(bytes);
    expect(r.text).toBe(text);
    expect(r.encoding).toBe(encoding);
    expect(r.bom).toBe(bom);
    expect(r.badLines).toEqual([]);
    expect(r.text.includes('\ufeff')).toBe(false);
  });

  it('E1 a page of valid UTF-8 is certain', () => {
    expect(decodeBytes(utf8(HEADER)).confidence).toBe('certain');
  });

  it('E1 valid UTF-8 with one to three multibyte characters is only likely; four or more, or none, is certain', () => {
    const ascii = 'zone,year,value\n'.repeat(50);
    expect(decodeBytes(utf8(ascii)).confidence).toBe('certain');
    expect(decodeBytes(utf8(`${ascii}郑州,2020,1\n`)).confidence).toBe('likely');
    expect(decodeBytes(utf8(`${ascii}郑州高,2020,1\n`)).confidence).toBe('likely');
    // the fourth character may come anywhere, even at the very end of a long file
    expect(decodeBytes(utf8(`${ascii}郑州高新,2020,1\n`)).confidence).toBe('certain');
  });

  it.each(['gb18030', 'utf-16le', 'utf-16be'] as const)('E2 the UTF-8 BOM wins over a forced %s, with a notice', (forced) => {
    const r = decodeBytes(cat(BOM8, utf8(HEADER)), { encoding: forced });
    expect(r.text.startsWith('地区,')).toBe(true);
    expect(r.encoding).toBe('utf-8');
    expect(r.confidence).toBe('certain');
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/BOM.*（.*BOM.*）/);
  });

  it('E2 a forced encoding that agrees with the BOM gives no notice', () => {
    expect(decodeBytes(cat(BOM8, utf8(HEADER)), { encoding: 'utf-8' }).notices).toEqual([]);
  });

  it('E2 a doubled BOM (tool prepended one to a file that had one) leaves no U+FEFF', () => {
    expect(decodeBytes(cat(BOM8, BOM8, utf8('地区'))).text).toBe('地区');
  });

  it('E3 GB18030 fixture made with iconv decodes to the exact text', () => {
    const r = decodeBytes(fixture('decode-gb18030-e3.csv'));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe('地区,年份,营业收入（亿元）,备注\n郑州高新区,2020,"1,234.5",—\n生僻字𠀀区,2021,…,①统计口径调整\n');
    expect(r.confidence).toBe('likely');
    expect(r.notices).toEqual([]);
  });

  it('E3 forcing GB18030 on a file without BOM decodes as forced', () => {
    const r = decodeBytes(Uint8Array.from(GB_BYTES), { encoding: 'gb18030' });
    expect(r).toMatchObject({ text: '地区,𠀀\n', encoding: 'gb18030', confidence: 'certain', notices: [] });
  });

  it('E3 bytes that are neither UTF-8 nor plausible Chinese are a guess, with a notice', () => {
    // Windows-1252 "Café,Zürich": é followed by a comma is not a valid GB18030 pair either
    const r = decodeBytes(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x0a]));
    expect(r.encoding).toBe('gb18030');
    expect(r.confidence).toBe('guess');
    expect(r.notices.length).toBeGreaterThan(0);
  });

  it.each([
    ['E5 UTF-16LE without BOM', utf16('地区\t年份\n郑州高新区\t2020\n一区\t2021\n'), 'utf-16le'],
    ['E5 UTF-16BE without BOM', utf16('地区\t年份\n郑州高新区\t2020\n', true), 'utf-16be'],
    ['E5 UTF-16LE without BOM, ASCII only', utf16('zone,year\nzz,2020\n'), 'utf-16le'],
  ] as const)('%s is detected from the zero bytes, never mojibake', (_name, bytes, encoding) => {
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.confidence).toBe('likely');
    expect(r.notices).toHaveLength(1);
    expect(r.text).toContain('\n');
    expect(r.text).not.toContain('\u0000');
  });

  it('E5 binary with zeros on both parities is not taken for UTF-16', () => {
    expect(detectUtf16ByZeros(Uint8Array.from([1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]))).toBeNull();
    // 16-bit little-endian integers look like UTF-16 zeros but decode to control characters
    expect(detectUtf16ByZeros(Uint8Array.from([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0]))).toBeNull();
  });

  it('E8 a UTF-8 file with one GBK line: UTF-8, and that line is named', () => {
    const r = decodeBytes(fixture('decode-utf8-gbk-line-e8.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.badLines).toEqual([4]);
    expect(r.confidence).toBe('likely');
    expect(r.notices.join()).toContain('第 4 行');
    expect(r.text.split('\n')[4]).toBe('西安高新区5,2020,5');
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR-only', '\r'],
  ])('E8 bad line numbers count physical lines with %s endings', (_name, eol) => {
    const good = Array.from({ length: 10 }, (_, i) => utf8(`高新区${i}${eol}`));
    const bytes = cat(...good.slice(0, 6), [0xce, 0xe4, 0xba, 0xba], utf8(eol), ...good.slice(6));
    expect(decodeBytes(bytes).badLines).toEqual([7]);
  });

  it('E8 a UTF-8 BOM file with a GBK line keeps UTF-8 (the BOM wins) and names the line', () => {
    const r = decodeBytes(cat(BOM8, utf8('地区\n'), [0xce, 0xe4, 0xba, 0xba, 0x0a], utf8('郑州\n')));
    expect(r).toMatchObject({ encoding: 'utf-8', bom: true, badLines: [2] });
  });

  it('E8 mostly GBK (fewer than 90 % valid UTF-8 lines) is read as GB18030', () => {
    const r = decodeBytes(cat(utf8('地区\n'), [0xce, 0xe4, 0xba, 0xba, 0x0a, 0xb5, 0xd8, 0xc7, 0xf8, 0x0a]));
    expect(r.encoding).toBe('gb18030');
    expect(r.badLines).toEqual([]);
  });
});

describe('decodeChunks', () => {
  it('E9 a character split across chunk boundaries decodes as one', () => {
    const bytes = utf8('郑州𠀀高新区');
    const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5, 8), bytes.subarray(8)];
    expect(decodeChunks(chunks, 'utf-8')).toBe('郑州𠀀高新区');
  });

  it.each([
    ['utf-8', cat(BOM8, utf8('地区,𠀀\n'))],
    ['gb18030', Uint8Array.from(GB_BYTES)],
    ['utf-16le', cat([0xff, 0xfe], utf16('地区,\ud840\udc00\n'))],
  ] as const)('E9 %s split at every byte equals the one-shot decode, without BOM or U+FFFD', (encoding, bytes) => {
    const oneShot = decodeBytes(bytes).text;
    const singles = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(decodeChunks(singles, encoding)).toBe(oneShot);
    expect(oneShot).not.toMatch(/[\ufeff\ufffd]/);
  });

  it('E9 property: any split of CJK+ASCII UTF-8 bytes equals the one-shot decode', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('a', ',', '1', '\n', '"', ' '),
        fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
        fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
      ),
      maxLength: 200,
    });
    const prop = fc.property(text, fc.array(fc.nat(), { maxLength: 20 }), (s, cuts) => {
      const bytes = utf8(s);
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...at].map((from, i, all) => bytes.subarray(from, all[i + 1] ?? bytes.length));
      const streamed = decodeChunks(chunks, 'utf-8');
      return streamed === new TextDecoder('utf-8').decode(bytes) && streamed === s;
    });
    fc.assert(prop, { seed: 20201, numRuns: 500 });
  });

  it('E9 a >10 MB CJK file read in 64 KB chunks is identical to a one-shot decode', () => {
    const line = utf8('郑州高新技术产业开发区,2020,营业收入,1234.5,𠀀\n');
    const bytes = new Uint8Array(10 * 1024 * 1024 + 12345);
    for (let i = 0; i < bytes.length; i += line.length) bytes.set(line.subarray(0, Math.min(line.length, bytes.length - i)), i);
    const whole = bytes.subarray(0, bytes.length - (bytes.length % line.length));
    const chunks = function* () {
      for (let i = 0; i < whole.length; i += 65536) yield whole.subarray(i, i + 65536);
    };
    const streamed = decodeChunks(chunks(), 'utf-8');
    expect(streamed).toBe(new TextDecoder().decode(whole));
    expect(streamed.includes('\ufffd')).toBe(false);
  });
});

describe('normaliseNewlines', () => {
  it.each([
    ['S6 LF', 'a,b\n1,2\n', 'a,b\n1,2'],
    ['S6 CRLF', 'a,b\r\n1,2\r\n', 'a,b\n1,2'],
    ['S6 CR-only', 'a,b\r1,2\r', 'a,b\n1,2'],
    ['S6 mixed', 'a,b\r\n1,2\r3,4\n5,6', 'a,b\n1,2\n3,4\n5,6'],
    ['S6 trailing blank lines', 'a,b\n1,2\n\n\r\n  \n\t\n', 'a,b\n1,2'],
    ['S6 blank lines in the middle stay', 'a\n\nb\n', 'a\n\nb'],
    ['S6 trailing spaces on the last row stay', 'a,b\n1,  \n\n', 'a,b\n1,  '],
    ['S6 nothing but blank lines', '\r\n\r\n  \n', ''],
    ['S6 no newline at all', 'a,b', 'a,b'],
  ])('%s', (_name, input, output) => {
    expect(normaliseNewlines(input)).toBe(output);
  });

  it('S6 a very long first line and many trailing blank lines stay fast and exact', () => {
    const long = 'x'.repeat(2_000_000);
    expect(normaliseNewlines(`${long}\r\n1\r\n${'\r\n'.repeat(200_000)}`)).toBe(`${long}\n1`);
  });
});
