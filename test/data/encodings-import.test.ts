// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tableRows } from '../../src/data/table';
import { importFile } from '../../src/data/import-file';
import { readWorkbook } from '../../src/data/workbook/read-workbook';
import { bundledContext, utf8 } from './bundled';

/** docs/hostile-inputs.md "Encodings and file types" at the import level (decode.test.ts and sniff.test.ts test the parts). */
const ctx = bundledContext();
const TEXT = '地区,年份,综合排名\n郑州高新区,2020,17\n洛阳高新区,2020,37\n';
const cat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) [out[2 * i], out[2 * i + 1]] = [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8];
  return out;
}
const ranks = (r: ReturnType<typeof importFile>) => tableRows(r.table).map((o) => [o.zone, o.value]);
const EXPECTED = [['zhengzhou', 17], ['luoyang', 37]];

describe('encodings through the whole pipeline', () => {
  it('E1 UTF-8 without BOM, Chinese header: read, and the encoding is there for the preview', () => {
    const r = importFile('e1.csv', utf8(TEXT), ctx);
    expect(r).toMatchObject({ encoding: 'utf-8', encodingConfidence: 'certain', blocked: false });
    expect(ranks(r)).toEqual(EXPECTED);
  });

  it('E2 UTF-8 BOM while the user forces GBK: the BOM wins with a notice, the header has no U+FEFF', () => {
    const r = importFile('e2.csv', cat([0xef, 0xbb, 0xbf], utf8(TEXT)), ctx, { encoding: 'gb18030' });
    expect(r.encoding).toBe('utf-8');
    expect(r.guess?.columns[0]).toMatchObject({ header: '地区', role: 'zone' });
    expect(r.sample[0][0]).toBe('地区');
    expect(r.notices.some((n) => /BOM/.test(n))).toBe(true);
    expect(ranks(r)).toEqual(EXPECTED);
  });

  it('E4 UTF-16LE with BOM, tab-separated ("Unicode 文本"): decoded, delimiter TAB', () => {
    const r = importFile('e4.txt', cat([0xff, 0xfe], utf16le(TEXT.replace(/,/g, '\t').replace(/\n/g, '\r\n'))), ctx);
    expect(r).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', blocked: false });
    expect(ranks(r)).toEqual(EXPECTED);
  });

  it('E5 UTF-16LE without BOM: detected, with a notice asking to check; never mojibake', () => {
    const r = importFile('e5.txt', utf16le(TEXT.replace(/,/g, '\t')), ctx);
    expect(r.encoding).toBe('utf-16le');
    expect(r.encodingConfidence).toBe('likely');
    expect(r.notices.some((n) => /没有 BOM/.test(n))).toBe(true);
    expect(ranks(r)).toEqual(EXPECTED);
  });

  it.each([
    ['a PDF', utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')],
    ['an HTML table', utf8('<html><body><table><tr><td>地区</td><td>年份</td></tr></table></body></html>')],
  ])('E10 %s renamed .csv: "另存为 CSV", never garbage rows', (_name, bytes) => {
    const r = importFile('renamed.csv', bytes, ctx);
    expect(r.blocked).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].reason).toMatch(/另存为|CSV/);
    expect(r.sample).toEqual([]);
    expect(tableRows(r.table)).toEqual([]);
  });

  it('E10, W6 an .xls header with nothing behind it, renamed .csv: the workbook reader says it is damaged, never garbage rows', () => {
    const r = importFile('renamed.csv', cat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(504)), { ...ctx, readWorkbook });
    expect(r.blocked).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].reason).toMatch(/^“renamed\.csv”看起来是 Excel 工作簿，但文件已损坏或不完整/);
    expect(r.sample).toEqual([]);
    expect(tableRows(r.table)).toEqual([]);
  });
});
