// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/data/decode';
import { readGrid } from '../../src/data/parse-grid';

/** docs/hostile-inputs.md S1: the csv-spectrum corpus (npm `csv-spectrum`), read by importFile's grid stage: decode, then readGrid. */
const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const names = readdirSync(join(root, 'csvs')).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)).sort();

/**
 * Where the corpus' own JSON is not what its CSV says, the right answer is pinned here, with the reason.
 */
const PINNED: Record<string, Record<string, string>[]> = {
  // csv-spectrum's location_coordinates.json is wrong twice: it is a single object where every other file
  // has an array of rows, and its phone number (1234567890) is not the CSV's (2095257564). The U+FFFD in the
  // coordinates is in the CSV itself (bytes EF BF BD: the degree signs were lost before the corpus was
  // made), so exact decoding keeps it; the bare `"` inside an unquoted field is an ordinary character.
  location_coordinates: [
    {
      'Contact Phone Number': '2095257564',
      'Location Coordinates': '37\ufffd36\'37.8"N 121\ufffd2\'17.9"W',
      Cities: 'Modesto',
      Counties: 'Stanislaus',
    },
  ],
  // Our policy, not a corpus error: line ends are normalised before parsing (docs/hostile-inputs.md S6: no stray \r anywhere), so the
  // CRLF inside the quoted cell reads as LF, the same cell the LF file newlines.csv gives.
  newlines_crlf: [
    { a: '1', b: '2', c: '3' },
    { a: 'Once upon \na time', b: '5', c: '6' },
    { a: '7', b: '8', c: '9' },
  ],
};

function asObjects(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  // Object.fromEntries defines own properties: even a `__proto__` header would be a plain key here
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('S1 csv-spectrum', () => {
  it('S1 the corpus has its 12 files', () => {
    expect(names).toHaveLength(12);
  });

  it.each(names)('S1 %s parses as its JSON says', (name) => {
    const bytes = new Uint8Array(readFileSync(join(root, 'csvs', `${name}.csv`)));
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.badLines).toEqual([]);
    const { grid, refusal } = readGrid(decoded.text, `${name}.csv`);
    expect(refusal).toBeNull();
    expect(grid!.fatal).toBe(false);
    expect(grid!.issues).toEqual([]);
    expect(grid!.delimiter).toBe(',');
    const expected = PINNED[name] ?? JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8'));
    expect(asObjects(grid!.rows)).toEqual(expected);
    // docs/hostile-inputs.md S6 at the same time: no cell of any file keeps a carriage return
    expect(grid!.rows.flat().some((c) => c.includes('\r'))).toBe(false);
  });

  it('S1 location_coordinates: the pin differs from the corpus JSON only where that JSON is wrong', () => {
    const json = JSON.parse(readFileSync(join(root, 'json', 'location_coordinates.json'), 'utf8'));
    expect(Array.isArray(json)).toBe(false);
    expect({ ...json, 'Contact Phone Number': '2095257564' }).toEqual(PINNED.location_coordinates[0]);
  });
});
