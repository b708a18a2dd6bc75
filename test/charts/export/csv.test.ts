// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { toCsv, toJson, type CsvCell } from '../../../src/charts/export/csv';
import { unneutralise } from '../../../src/data/normalise';

const BOM = '\ufeff';
const body = (csv: string) => csv.slice(1);

/** Reads CSV back the way a careful importer does: comma, CRLF, double quotes, every cell as text. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const res = Papa.parse<string[]>(body(csv), { delimiter: ',', newline: '\r\n', quoteChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false });
  expect(res.errors).toEqual([]);
  // every line ends with CRLF, so the parser sees one empty record after the last one
  expect(res.data.at(-1)).toEqual(['']);
  return res.data.slice(0, -1);
}

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and writes numbers as numbers', () => {
    const csv = toCsv(['地区', '2020年', '增速'], [['郑州', 1234.5, -3.5], ['洛阳', 0, null]]);
    expect(csv).toBe(`${BOM}地区,2020年,增速\r\n郑州,1234.5,-3.5\r\n洛阳,0,\r\n`);
    expect(csv.indexOf(BOM, 1)).toBe(-1);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes cells with commas, quotes, CR and LF (RFC 4180), doubling quotes', () => {
    expect(body(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines'], ['cr\rhere'], ['plain 文本']]))).toBe(
      'a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\nplain 文本\r\n',
    );
  });

  it('X4: neutralises text that a spreadsheet would run as a formula', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
      ['+1+1', `"'+1+1"`],
      ['-2+3', `"'-2+3"`],
      ['@SUM(A1)', `"'@SUM(A1)"`],
      ['\t=1', `"'\t=1"`],
      ['\r=1', `"'\r=1"`],
      ['\n=1', `"'\n=1"`],
      ['-', `"'-"`],
      ['-3.5', `"'-3.5"`],
    ];
    for (const [text, written] of cases) expect(body(toCsv(['h'], [[text]])), JSON.stringify(text)).toBe(`h\r\n${written}\r\n`);
    // docs/hostile-inputs.md X8: the full-width forms, which spreadsheets with East Asian input read as the ASCII ones
    const fullWidth: [string, string][] = [
      ['＝HYPERLINK("http://x")', `"'＝HYPERLINK(""http://x"")"`],
      ['＋1', `"'＋1"`],
      ['－3.5', `"'－3.5"`],
      ['＠SUM(A1)', `"'＠SUM(A1)"`],
    ];
    for (const [text, written] of fullWidth) expect(body(toCsv(['h'], [[text]])), text).toBe(`h\r\n${written}\r\n`);
    // the header is text too
    expect(body(toCsv(['=cmd|calc'], []))).toBe(`"'=cmd|calc"\r\n`);
    // only the first character counts
    expect(body(toCsv(['h'], [['a=b'], [' =1'], ["'=1"]]))).toBe("h\r\na=b\r\n =1\r\n'=1\r\n");
  });

  it('keeps numbers numbers, negative ones included, and writes missing or non-finite values as empty cells', () => {
    expect(body(toCsv(['v'], [[-3.5], [-0], [1e21], [5e-7], [NaN], [Infinity], [null], [undefined]]))).toBe('v\r\n-3.5\r\n0\r\n1e+21\r\n5e-7\r\n""\r\n""\r\n""\r\n""\r\n');
  });

  it('writes a row of one empty cell (or none) as "", so that it is not skipped as a blank line', () => {
    expect(readBack(toCsv(['a'], [[null], [], ['x']]))).toEqual([['a'], [''], [''], ['x']]);
  });
});

// docs/hostile-inputs.md X5: export, re-import, the same values.
/**
 * The oracle: OWASP "CSV Injection" — a cell starting with = + - @, TAB (U+0009) or CR (U+000D) — with LF (U+000A),
 * which a spreadsheet reads as a new row, and the full-width forms ＝ ＋ － ＠ (U+FF1D U+FF0B U+FF0D U+FF20,
 * docs/hostile-inputs.md X8). Written out here as characters, never taken from the implementation.
 */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];
const startsFormula = (s: string) => s !== '' && FORMULA_STARTS.includes(s[0]);
const piece = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '＝', '＋', '－', '＠', '"', '""', ',', "'", ' ', ';', '郑州', '高新区', '𠀀', '１２３', '1,234', '-3.5', '－3.5', 'a', '=SUM(A1:A9)', '＝SUM(A1)');
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.array(piece, { maxLength: 6 }).map((xs) => xs.join('')),
  fc.tuple(fc.constantFrom(...FORMULA_STARTS), fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
);
const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(-3.5, -0, 0.1, 1e308, -5e-324));
const cellArb: fc.Arbitrary<CsvCell> = fc.oneof(text, num, fc.constant(null));

describe('X5: CSV round trip (property)', () => {
  it('reads every value back: numbers as the same number, text as the same text, neutralised text as \' + text', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (header, rows) => {
        const csv = toCsv(header, rows);
        expect(csv.startsWith(BOM)).toBe(true);
        // outside quoted cells, every line break is CRLF (Excel takes a bare CR or LF as a new row)
        expect(body(csv).replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
        const back = readBack(csv);
        expect(back).toHaveLength(rows.length + 1);
        [header as CsvCell[], ...rows].forEach((row, r) => {
          expect(back[r]).toHaveLength(row.length);
          row.forEach((v, c) => {
            const got = back[r][c];
            if (v === null) expect(got).toBe('');
            else if (typeof v === 'number') {
              expect(Number(got) === v, `${got} vs ${v}`).toBe(true);
              expect(got.startsWith("'")).toBe(false);
            } else expect(got).toBe(startsFormula(v as string) ? `'${v}` : v);
          });
        });
      }),
      { seed: 20201, numRuns: 300 },
    );
  });
});

describe('X8: what the export neutralises, the import recognises (property)', () => {
  it('X8 a text cell written and read back through the importer\'s unneutralise is the same text; only formula starts get the \'', () => {
    // text that itself starts with ' is left out: `'=1` written as it is comes back as `=1` (the documented ambiguity)
    fc.assert(
      fc.property(text.filter((t) => !t.startsWith("'")), (t) => {
        const [[got]] = readBack(toCsv([t], []));
        expect(got).toBe(startsFormula(t) ? `'${t}` : t);
        expect(unneutralise(got)).toBe(t);
      }),
      { seed: 20208, numRuns: 500 },
    );
  });
});

describe('toJson', () => {
  it('writes pretty JSON and treats keys as plain data', () => {
    const rows = [JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "c", "toString": 2, "地区": "郑州"}') as Record<string, unknown>];
    const json = toJson(rows);
    expect(json).toContain('\n  {\n    "__proto__": {\n      "polluted": 1\n    },');
    expect(json).toContain('"constructor": "c"');
    expect(JSON.parse(json)).toEqual(rows);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(toJson([{ a: NaN, b: 10n, c: null }])).toBe('[\n  {\n    "a": null,\n    "b": "10",\n    "c": null\n  }\n]\n');
    expect(json.charCodeAt(0)).not.toBe(0xfeff);
  });
});
