import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, rawAt, rowsWith, tableBuffers, tableRows } from '../../src/data/table';
import { concatTables, filterRows, reproducibleDecimals, toTable, withoutFiles } from '../../src/data/table-builder';
import { obs } from '../model/fixtures';
import { repeatedKeyRows, repeatedKeyRowsBySort } from '../../src/data/file-checks';
import type { Basis } from '../../src/domain/types';

describe('the columnar table', () => {
  it('gives back every observation exactly as it was added', () => {
    const list = [
      obs('zz', 2020, 'gdp', 1234.5, { raw: '1234.50', flags: ['approx'], note: 'n', origin: { file: 'a.csv', row: 3, column: 'GDP' } }),
      obs('ly', 2020, 'gdp', 1234, { raw: '1,234', basis: 'derived' }),
      obs('xx', 2021, 'rank_overall', null, { raw: 'top10', band: { label: 'top10', upTo: 10 } }),
      obs('xx', 2021, 'gdp', null, { raw: '…', flags: ['below-unit'] }),
      obs('wh', 2019, 'gdp', -0.5, { raw: '(0.5)', flags: ['parenthesised-negative'] }),
      obs('wh', 2018, 'gdp', 0.1, { raw: '0.1' }),
    ];
    expect(tableRows(toTable(list))).toEqual(list.map((o) => ({ ...o, origin: { column: '', ...o.origin } })));
  });

  it('stores a column with one value without codes, and codes in the narrowest array', () => {
    const t = toTable(Array.from({ length: 300 }, (_, i) => obs(`z${i}`, 2020, 'gdp', i)));
    expect(t.indicator.codes).toBeNull();
    expect(t.indicator.dict).toEqual(['gdp']);
    expect(t.zone.codes).toBeInstanceOf(Uint16Array);
    expect(at(t.zone, 299)).toBe('z299');
    const small = toTable([obs('a', 2020, 'gdp', 1), obs('b', 2020, 'gdp', 2)]);
    expect(small.zone.codes).toBeInstanceOf(Uint8Array);
  });

  it('keeps only the number of decimals when the raw text is the number as written', () => {
    const t = toTable([obs('a', 2020, 'gdp', 1234.5, { raw: '1234.50' }), obs('a', 2021, 'gdp', 1234.5, { raw: '1,234.5' }), obs('a', 2022, 'gdp', 1e21, { raw: '1e21' })]);
    expect(Array.from(t.raw.decimals)).toEqual([2, -1, -1]);
    expect([rawAt(t, 0), rawAt(t, 1), rawAt(t, 2)]).toEqual(['1234.50', '1,234.5', '1e21']);
  });

  it('keeps any raw text of any number exactly (property, pinned seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ noNaN: true }), fc.oneof(fc.string(), fc.constantFrom('1', '1.0', '-0', '0.10', '1e3')), fc.nat({ max: 4 })), { maxLength: 30 }), (cells) => {
        const list = cells.map(([v, raw, k], i) => obs(`z${i % 3}`, 2000 + k, 'gdp', v, { raw: raw === '1' ? v.toFixed(k) : raw }));
        const t = toTable(list);
        list.forEach((o, i) => {
          expect(rawAt(t, i)).toBe(o.raw);
          expect(Object.is(t.value[i], o.value)).toBe(true);
        });
      }),
      { seed: 20261122, numRuns: 200 },
    );
  });

  it('concatenates tables with their dictionaries merged', () => {
    const a = toTable([obs('zz', 2020, 'gdp', 1, { raw: 'x' }), obs('ly', 2020, 'gdp', 2)]);
    const b = toTable([obs('ly', 2021, 'rank_overall', 5, { origin: { file: 'b.csv', row: 9 } }), obs('xx', 2021, 'gdp', null, { raw: '…' })]);
    const c = concatTables([a, b]);
    expect(tableRows(c)).toEqual([...tableRows(a), ...tableRows(b)]);
    expect(c.zone.dict).toEqual(['zz', 'ly', 'xx']);
  });

  it('filters rows and keeps the rest intact', () => {
    const t = toTable([obs('zz', 2020, 'gdp', 1, { origin: { file: 'a.csv', row: 2 } }), obs('ly', 2020, 'gdp', 2, { origin: { file: 'b.csv', row: 2 } }), obs('xx', 2020, 'gdp', 3, { origin: { file: 'a.csv', row: 3 } })]);
    const kept = filterRows(t, (i) => at(t.file, i) !== 'a.csv');
    expect(tableRows(kept)).toEqual([tableRows(t)[1]]);
    expect(filterRows(t, () => true)).toBe(t);
    expect(tableRows(withoutFiles(t, new Set(['a.csv'])))).toEqual([tableRows(t)[1]]);
    expect(withoutFiles(t, new Set(['c.csv']))).toBe(t);
  });

  it('finds the rows of a value through an index, in row order', () => {
    const t = toTable([obs('zz', 2020, 'gdp', 1), obs('ly', 2020, 'rank_overall', 2), obs('xx', 2021, 'gdp', 3), obs('wh', 2021, 'gdp', 4)]);
    expect(Array.from(rowsWith(t.indicator, t.size, 'gdp'))).toEqual([0, 2, 3]);
    expect(Array.from(rowsWith(t.indicator, t.size, 'rank_overall'))).toEqual([1]);
    expect(Array.from(rowsWith(t.indicator, t.size, 'nothing'))).toEqual([]);
    const one = toTable([obs('zz', 2020, 'gdp', 1), obs('ly', 2020, 'gdp', 2)]);
    expect(Array.from(rowsWith(one.indicator, one.size, 'gdp'))).toEqual([0, 1]);
  });

  it('lists each typed array buffer once for transfer', () => {
    const t = toTable([obs('zz', 2020, 'gdp', 1), obs('ly', 2020, 'gdp', 2, { raw: 'x' })]);
    const buffers = tableBuffers(t);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(t.value.buffer);
    expect(buffers).toContain(t.zone.codes!.buffer);
    const clone = structuredClone(t, { transfer: buffers });
    expect(tableRows(clone)).toEqual(tableRows(toTable([obs('zz', 2020, 'gdp', 1), obs('ly', 2020, 'gdp', 2, { raw: 'x' })])));
    expect(t.value.length).toBe(0); // detached: transferred, not copied
  });
});

describe('reproducibleDecimals', () => {
  // the definition: k when value.toFixed(k) (k = the decimals raw shows) gives raw back, else -1
  const byDefinition = (raw: string, value: number) => {
    if (Number.isNaN(value) || raw === '') return -1;
    const dot = raw.indexOf('.');
    const k = dot === -1 ? 0 : raw.length - dot - 1;
    return k <= 20 && value.toFixed(k) === raw ? k : -1;
  };

  it('agrees with the toFixed definition on plain, padded, signed, long and converted numbers', () => {
    const text = fc.oneof(
      fc.stringMatching(/^-?\d{1,18}(\.\d{0,18})?$/),
      fc.tuple(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.nat({ max: 17 })).map(([v, k]) => v.toFixed(k)),
      fc.constantFrom('0', '-0', '-0.0', '0.10', '007', '1.', '.5', '1e5', '+1', '1,234', '6.2%', '12345678901234.5', '1234567890123456'),
    );
    fc.assert(
      fc.property(text, fc.oneof(fc.constant(null), fc.double({ noNaN: true })), (raw, other) => {
        // the value as read from the text, or some other value (a unit conversion, a 万 multiplier)
        const value = other ?? Number(raw);
        expect(reproducibleDecimals(raw, value)).toBe(byDefinition(raw, value));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('repeatedKeyRows', () => {
  it('finds the same rows as sorting every key, on random tables with repeats', () => {
    const observation = fc.record({
      zone: fc.constantFrom('zhengzhou', 'luoyang', 'xinxiang', 'national'),
      year: fc.integer({ min: 2016, max: 2023 }),
      indicator: fc.constantFrom('gdp', 'rank_overall', 'rd_ratio'),
      period: fc.constantFrom('', '', 'Q1-Q3', '1-11月'),
      basis: fc.constantFrom('reported', 'reported', 'preliminary', 'estimate'),
      value: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 200 }), (list) => {
        const t = toTable(list.map((o) => obs(o.zone, o.year, o.indicator, o.value, { period: o.period, basis: o.basis as Basis })));
        const rows = repeatedKeyRows(t);
        expect(rows).toEqual(repeatedKeyRowsBySort(t));
        // and by definition: a row is listed when another row shares its zone, year, indicator, period, basis
        const key = (o: (typeof list)[number]) => [o.zone, o.year, o.indicator, o.period, o.basis].join('|');
        const counts = new Map<string, number>();
        for (const o of list) counts.set(key(o), (counts.get(key(o)) ?? 0) + 1);
        expect(rows).toEqual(list.flatMap((o, i) => ((counts.get(key(o)) ?? 0) > 1 ? [i] : [])));
      }),
      { numRuns: 500 },
    );
  });
});
