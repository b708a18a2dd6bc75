// @vitest-environment node
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { LIMITS, checkFileSize, checkLineLength, type Limits } from '../../src/data/limits';
import { bundledContext, utf8 } from './bundled';

/**
 * docs/hostile-inputs.md L1: sizes refused before reading, naming the size and the limit. Small limits stand in for 1 GB files and
 * 100 MB lines; the real entry point is also tried at the real limits where that is cheap.
 */
const ctx = bundledContext();
const small = (patch: Partial<Limits>): Limits => ({ ...LIMITS, ...patch });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('L1 file size', () => {
  it('L1 checkFileSize: a 1 GB file is refused from its size alone, naming both sizes', () => {
    const r = checkFileSize(1024 ** 3);
    expect(r?.reason).toContain('1024.0 MB');
    expect(r?.reason).toContain(`${(LIMITS.fileBytes / 1024 / 1024).toFixed(1)} MB`);
    expect(checkFileSize(LIMITS.fileBytes)).toBeNull();
    expect(checkFileSize(2048, { fileBytes: 1024 })?.reason).toMatch(/0\.0 MB.*超过上限/);
  });

  it('L1 importFile refuses one byte over the real limit before decoding or parsing it', () => {
    const parse = vi.spyOn(Papa, 'parse');
    // allocated, never filled: zero bytes would otherwise be sniffed as binary, so the refusal must come first
    const r = importFile('big.csv', new Uint8Array(LIMITS.fileBytes + 1), ctx);
    expect(r.blocked).toBe(true);
    expect(r.encoding).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].reason).toMatch(/文件大小 100\.0 MB 超过上限 100\.0 MB/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('L1 with a small limit the same refusal names that limit', () => {
    const r = importFile('x.csv', utf8('zone,year,indicator,value\n郑州,2020,rank_overall,17\n'), ctx, {}, small({ fileBytes: 10 }));
    expect(r.blocked).toBe(true);
    expect(r.issues[0].reason).toMatch(/超过上限 0\.0 MB/);
  });
});

describe('L1 line length', () => {
  it('L1 checkLineLength names the first line over the limit and the limit', () => {
    const text = `a,b\n1,2\n${'x'.repeat(1001)}\n${'y'.repeat(5000)}`;
    const r = checkLineLength(text, { lineChars: 1000 });
    expect(r).toMatchObject({ row: 3 });
    expect(r?.reason).toMatch(/第 3 行有 1,001 个字符，超过每行 1,000 个字符的上限/);
    expect(checkLineLength(text, { lineChars: 5000 })).toBeNull();
    expect(checkLineLength('x'.repeat(10), { lineChars: 9 })?.row).toBe(1);
  });

  it('L1 a long line is refused before papaparse sees the text (no giant cell is ever built)', () => {
    const parse = vi.spyOn(Papa, 'parse');
    const text = `zone,year,indicator,value\n郑州,2020,rank_overall,17\n${'很长'.repeat(3000)}\n洛阳,2020,rank_overall,37\n`;
    const r = importFile('long.csv', utf8(text), ctx, {}, small({ lineChars: 5000 }));
    expect(r.blocked).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 3, severity: 'error' });
    expect(r.issues[0].reason).toMatch(/第 3 行有 6,000 个字符.*5,000/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('L1 at the real limit: a line of 1,000,001 characters is refused, CR-only line ends counted as lines', () => {
    const r = importFile('one-line.csv', utf8(`a,b\r1,2\r${'9'.repeat(LIMITS.lineChars + 1)}`), ctx);
    expect(r.blocked).toBe(true);
    expect(r.issues[0].row).toBe(3);
    expect(r.issues[0].reason).toContain('1,000,000');
  });

  it('L1 a line exactly at the limit is not refused by the line check', () => {
    expect(checkLineLength('x'.repeat(1000), { lineChars: 1000 })).toBeNull();
  });
});

describe('L1 columns and cells', () => {
  it('L1 5,000 columns are refused naming the count and the limit, from a preview of the first rows', () => {
    const header = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
    const r = importFile('wide.csv', utf8(`${header}\n${'1,'.repeat(4999)}1\n`), ctx);
    expect(r.blocked).toBe(true);
    expect(r.issues[0].reason).toMatch(/第 1 行有 5,000 列，超过上限 2,000 列/);
  });

  it('L1 with a small column limit, the full parse never runs', () => {
    const parse = vi.spyOn(Papa, 'parse');
    const r = importFile('wide.csv', utf8(`${'a,'.repeat(10)}a\n${'1,'.repeat(10)}1\n`), ctx, {}, small({ columns: 10 }));
    expect(r.issues[0].reason).toMatch(/11 列，超过上限 10 列/);
    // only the delimiter guess (a bounded sample, blank lines skipped) and the 50-row preview ran
    expect(parse).toHaveBeenCalled();
    const bounded = (cfg: Papa.ParseConfig | undefined) => !!cfg?.preview || cfg?.skipEmptyLines === 'greedy';
    expect(parse.mock.calls.every((call) => bounded(call[1] as Papa.ParseConfig | undefined))).toBe(true);
  });

  it('L1 a wide row further down is caught after the parse, naming its row', () => {
    const rows = ['a,b', ...Array.from({ length: 60 }, () => '1,2'), '1,2,3,4,5'];
    const r = importFile('late.csv', utf8(rows.join('\n')), ctx, {}, small({ columns: 4 }));
    expect(r.issues[0]).toMatchObject({ row: 62 });
    expect(r.issues[0].reason).toMatch(/第 62 行有 5 列/);
  });

  it('L1 a cell over the cell limit is refused naming its row and column', () => {
    const r = importFile('cell.csv', utf8(`zone,year,indicator,value,note\n郑州,2020,rank_overall,17,"${'注'.repeat(101)}"\n`), ctx, {}, small({ cellChars: 100 }));
    expect(r.blocked).toBe(true);
    expect(r.issues[0]).toMatchObject({ row: 2 });
    expect(r.issues[0].reason).toMatch(/第 2 行第 5 列的单元格有 101 个字符，超过上限 100/);
  });
});
