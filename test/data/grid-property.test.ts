// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunks } from '../../src/data/decode';
import { readGrid } from '../../src/data/parse-grid';

/**
 * Property tests of the grid stage (docs/hostile-inputs.md S1/S6/E9 together): any CSV a spreadsheet could write — quotes, commas,
 * CJK incl. a 4-byte character, newlines inside quotes, any line end — parses to the cells it was written
 * from, and to the same rows whether its bytes are decoded at once or in arbitrary chunks.
 */
const FC = { seed: 20201, numRuns: 200 } as const;

const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '\r\n', '郑', '州', '𠀀', '，', ';', '|', '\t', '…', '.', '-'), maxLength: 8 });
const table = fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 15 }));
const csvFile = fc.record({
  rows: table,
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  trailingEol: fc.boolean(),
  quoteAll: fc.boolean(),
});

/** A cell as a spreadsheet writes it: quoted when it must be (or always), inner quotes doubled. */
const quote = (c: string, all: boolean) => (all || /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

function serialise(f: { rows: string[][]; eol: string; trailingEol: boolean; quoteAll: boolean }): string {
  return f.rows.map((r) => r.map((c) => quote(c, f.quoteAll)).join(',')).join(f.eol) + (f.trailingEol ? f.eol : '');
}

/** What the grid stage must give: line ends inside cells as LF (docs/hostile-inputs.md S6), trailing all-blank rows dropped. */
function expected(rows: string[][]): string[][] {
  const out = rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
  while (out.length && out[out.length - 1].every((c) => c.trim() === '')) out.pop();
  return out;
}

/** Bytes split at the given cut points (deduplicated, sorted, any of them inside a multibyte character). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    chunks.push(bytes.subarray(prev, c));
    prev = c;
  }
  return chunks;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const rowsOf = (text: string, delimiter?: string) => {
  const { grid, refusal } = readGrid(text, 'p.csv', delimiter);
  expect(refusal).toBeNull();
  expect(grid!.fatal).toBe(false);
  return grid!.rows;
};

describe('grid stage properties', () => {
  it('S1/S6 any written CSV parses back to its cells, whatever the quoting and line ends', () => {
    fc.assert(
      fc.property(csvFile, (f) => {
        expect(rowsOf(serialise(f), ',')).toEqual(expected(f.rows));
      }),
      FC,
    );
  });

  it('E9 UTF-8 bytes split in arbitrary chunks give the same rows as the text at once', () => {
    fc.assert(
      fc.property(csvFile, fc.array(fc.nat(), { maxLength: 12 }), (f, cuts) => {
        const text = serialise(f);
        const chunked = decodeChunks(split(new TextEncoder().encode(text), cuts), 'utf-8');
        expect(chunked).toBe(text);
        // with the delimiter guessed, as a user's file is read
        expect(rowsOf(chunked)).toEqual(rowsOf(text));
      }),
      FC,
    );
  });

  it('E9 UTF-16LE bytes split anywhere, also between the two bytes of a unit or a surrogate pair', () => {
    fc.assert(
      fc.property(csvFile, fc.array(fc.nat(), { maxLength: 12 }), (f, cuts) => {
        const text = serialise(f);
        const chunked = decodeChunks(split(utf16le(text), cuts), 'utf-16le');
        expect(rowsOf(chunked, ',')).toEqual(expected(f.rows));
      }),
      FC,
    );
  });
});
