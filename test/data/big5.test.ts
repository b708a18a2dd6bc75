// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeChunks } from '../../src/data/decode';
import { importFile } from '../../src/data/import-file';
import { bundledContext } from './bundled';

/**
 * Issue #14 item 8: Big5 beside UTF-8, GB18030 and UTF-16. `高新區,年份\n臺北 高新區,2021\n` in Big5, from
 * `printf '高新區,年份\n臺北 高新區,2021\n' | iconv -f utf-8 -t big5 | xxd -i` (glibc iconv on this machine):
 * 高 B0AA, 新 B773, 區 B0CF, 年 A67E, 份 A5F7, 臺 BB4F, 北 A55F.
 */
const BIG5 = Uint8Array.from([
  0xb0, 0xaa, 0xb7, 0x73, 0xb0, 0xcf, 0x2c, 0xa6, 0x7e, 0xa5, 0xf7, 0x0a,
  0xbb, 0x4f, 0xa5, 0x5f, 0x20, 0xb0, 0xaa, 0xb7, 0x73, 0xb0, 0xcf, 0x2c, 0x32, 0x30, 0x32, 0x31, 0x0a,
]);
const TEXT = '高新區,年份\n臺北 高新區,2021\n';

describe('Big5', () => {
  it('is never detected (the bytes read as GB18030 by default), but a chosen Big5 re-decodes the file', () => {
    const auto = decodeBytes(BIG5);
    expect(auto.encoding).toBe('gb18030');
    expect(auto.text).not.toBe(TEXT);
    const chosen = decodeBytes(BIG5, { encoding: 'big5' });
    expect(chosen).toMatchObject({ text: TEXT, encoding: 'big5', confidence: 'certain', notices: [], badLines: [] });
  });

  it('bytes that are not Big5 are replaced and said so', () => {
    // a lead byte (0xA1) followed by a byte that cannot trail it
    const r = decodeBytes(Uint8Array.from([...BIG5, 0xa1, 0x30, 0x0a]), { encoding: 'big5' });
    expect(r.text).toContain('\ufffd');
    expect(r.notices.join()).toMatch(/Big5/);
  });

  it('decodes in chunks split inside a character as in one piece', () => {
    expect(decodeChunks([BIG5.subarray(0, 13), BIG5.subarray(13)], 'big5')).toBe(TEXT);
  });

  it('through the pipeline: the preview shows the Big5 text once the user chooses it', () => {
    const ctx = bundledContext();
    const auto = importFile('tw.csv', BIG5, ctx);
    expect(auto.encoding).toBe('gb18030');
    const r = importFile('tw.csv', BIG5, ctx, { encoding: 'big5' });
    expect(r.encoding).toBe('big5');
    expect(r.sample).toEqual([['高新區', '年份'], ['臺北 高新區', '2021']]);
  });
});
