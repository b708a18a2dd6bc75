// @vitest-environment node
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseZonesCsv } from '../../src/data/zones-csv';
import { buildZoneSearch, loadPinyin, type ZoneSearchIndex } from '../../src/data/zone-search';

let index: ZoneSearchIndex;
beforeAll(async () => {
  index = buildZoneSearch(parseZonesCsv(readFileSync('data/zones.csv', 'utf8')), await loadPinyin());
});
const ids = (q: string, n = 3) => index.search(q).slice(0, n).map((z) => z.id);

describe('zone search (pinyin-pro)', () => {
  it.each([
    ['zz', 'zhengzhou'],
    ['郑州', 'zhengzhou'],
    ['郑州高新区', 'zhengzhou'],
    ['郑州高新技术产业开发区', 'zhengzhou'],
    ['zhengzhou', 'zhengzhou'],
    ['ZZ', 'zhengzhou'],
    ['光谷', 'wuhandonghu'],
    ['cs', 'changsha'],
  ])('%s finds %s first', (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });

  it('finds all zones of a province by its name', () => {
    const henan = index.search('河南', 50).map((z) => z.province);
    expect(henan.length).toBe(9);
    expect(new Set(henan)).toEqual(new Set(['河南省']));
  });

  it('returns nothing for an empty or unknown query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('火星')).toEqual([]);
  });
});
