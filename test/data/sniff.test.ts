// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { refusalMessage, sniffFileType, type FileKind } from '../../src/data/sniff';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
function utf16le(s: string): Uint8Array {
  return Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
}

/** A ZIP local file header for one entry name, followed by some (fake) compressed bytes. */
function zipEntry(name: string, body: number[] = [0x78, 0x9c, 0x00, 0x01, 0xff]): Uint8Array {
  const n = utf8(name);
  const header = new Uint8Array(30);
  header.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x08, 0x00]);
  header[26] = n.length & 0xff;
  header[27] = n.length >> 8;
  return cat(header, n, body);
}

describe('sniffFileType', () => {
  it.each<[string, Uint8Array, FileKind]>([
    ['E10 .xlsx renamed .csv ([Content_Types].xml first, then xl/)', cat(zipEntry('[Content_Types].xml'), zipEntry('_rels/.rels'), zipEntry('xl/workbook.xml')), 'xlsx'],
    ['E10 .xlsx whose head shows only [Content_Types].xml', zipEntry('[Content_Types].xml'), 'xlsx'],
    ['E10 .xlsx whose first entry is under xl/', zipEntry('xl/worksheets/sheet1.xml'), 'xlsx'],
    ['E10 a .docx is a zip, not a workbook', cat(zipEntry('[Content_Types].xml'), zipEntry('word/document.xml')), 'zip'],
    ['E10 a plain zip archive', zipEntry('data/zones.csv'), 'zip'],
    ['E10 an empty zip archive', Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), 'zip'],
    ['E10 .xls (OLE2 compound file)', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'xls'],
    ['E10 PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'pdf'],
    ['E10 HTML table saved by Excel', utf8('<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<table><tr><td>地区</td></tr></table>'), 'html'],
    ['E10 HTML with BOM, whitespace and a doctype', cat([0xef, 0xbb, 0xbf], utf8('\r\n  <!DOCTYPE html><html><body>')), 'html'],
    ['E10 a bare <table> fragment', utf8('<table border=1><tr><td>郑州</td><td>17</td></tr></table>'), 'html'],
    ['E10 HTML in UTF-16LE with BOM', cat([0xff, 0xfe], utf16le('<html><table><tr><td>1</td></tr></table></html>')), 'html'],
    ['E10 Excel 2003 XML spreadsheet', utf8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'), 'html'],
    ['E10 a PNG renamed .csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'binary'],
    ['E10 NUL bytes in the first 8 KB', cat(utf8('地区,年份\n'), [0x00, 0x13, 0x00, 0x00, 0x00, 0x7f, 0x00]), 'binary'],
    ['E1 UTF-8 CSV', utf8('地区,年份,综合排名\n郑州高新区,2020,17\n'), 'text'],
    ['E2 UTF-8 CSV with BOM', cat([0xef, 0xbb, 0xbf], utf8('地区,年份\n')), 'text'],
    ['E3 GBK CSV', Uint8Array.from([0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0x95, 0x32, 0x82, 0x36, 0x0a]), 'text'],
    ['E4 UTF-16LE with BOM (zeros are not binary)', cat([0xff, 0xfe], utf16le('地区\t年份\r\n郑州\t2020\r\n')), 'text'],
    ['E5 UTF-16LE without BOM (zeros are not binary)', utf16le('地区\t年份\r\n郑州\t2020\r\n'), 'text'],
    ['X1 a CSV whose first cell holds a tag is still a CSV', utf8('<img src=x onerror=alert(1)>,2020\n'), 'text'],
    ['S9 an empty file is text (the importer says it has no rows)', new Uint8Array(0), 'text'],
  ])('%s', (_name, bytes, kind) => {
    expect(sniffFileType(bytes).kind).toBe(kind);
  });

  it('E10 NUL bytes after the first 8 KB do not decide', () => {
    const bytes = cat(utf8('a,b\n'.repeat(3000)), [0]);
    expect(sniffFileType(bytes).kind).toBe('text');
  });
});

describe('refusalMessage', () => {
  it.each(['pdf', 'html', 'zip', 'binary'] as const)('E10 %s: Chinese and English, naming the file', (kind) => {
    const m = refusalMessage(kind, '2020年排名.csv');
    expect(m.zh).toContain('“2020年排名.csv”');
    expect(m.en).toContain('"2020年排名.csv"');
    expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(m.en.replace('"2020年排名.csv"', '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('E10 the PDF message points to the original Excel or CSV file and how to save a table as CSV', () => {
    const m = refusalMessage('pdf', 'data.csv');
    expect(m.zh).toBe('“data.csv”是 PDF 文档，无法从中读取表格。请使用原始的 Excel 或 CSV 文件；若只有 PDF，请把表格复制到 Excel，请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后再导入');
    expect(m.en).toContain('Use the original Excel or CSV file');
  });

  it('E10 a hostile file name stays one short line of text', () => {
    const m = refusalMessage('pdf', `evil\u202e\n<img src=x onerror=alert(1)>${'x'.repeat(200)}.csv`);
    expect(m.zh).not.toMatch(/[\n\u202e]/);
    expect(m.zh.length).toBeLessThan(250);
  });
});
