import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvaluationsJson } from '../../src/data/evaluations';
import { parseZonesCsv } from '../../src/data/zones-csv';
import { narrowTo, rankUniverse } from '../../src/model/rank-universe';

const zones = parseZonesCsv(readFileSync('data/zones.csv', 'utf8'));
const evaluations = parseEvaluationsJson(JSON.parse(readFileSync('data/evaluations.json', 'utf8')));

/** n_evaluated as data/sources/rankings.csv states it, by the evaluation's year label. */
function statedCounts(): Map<number, Set<number>> {
  const text = readFileSync('data/reported/rankings.csv', 'utf8');
  const out = new Map<number, Set<number>>();
  for (const line of text.split('\n').slice(1)) {
    const year = line.match(/^[^,]*,(\d{4}),/)?.[1];
    const n = line.match(/参评 n_evaluated: (\d+)/)?.[1];
    if (!year || !n) continue;
    if (!out.has(Number(year))) out.set(Number(year), new Set());
    out.get(Number(year))!.add(Number(n));
  }
  return out;
}

describe('rankUniverse', () => {
  it('uses each evaluation\'s ranked count exactly as every source row of that year states it', () => {
    const stated = statedCounts();
    expect([...stated.keys()].sort()).toEqual([2016, 2018, 2019, 2020, 2021, 2022, 2024]);
    for (const [year, counts] of stated) {
      expect(counts.size, `${year}: sources disagree`).toBe(1);
      const u = rankUniverse(zones, evaluations, year);
      expect(u.evaluated).toBe(true);
      expect(u.count).toBe([...counts][0]);
    }
  });

  it('covers the zones approved before the evaluation year, less the provinces it left out', () => {
    for (const year of [2016, 2018, 2019, 2020, 2021, 2022]) {
      const u = rankUniverse(zones, evaluations, year);
      expect(u.zones.length, String(year)).toBe(u.count);
    }
    const u2021 = rankUniverse(zones, evaluations, 2021);
    expect(u2021.zones.some((z) => z.province === '湖北省')).toBe(false);
    // 2024 ranked 178; the registry holds 176 (two late-2022 upgrades are unidentified)
    const u2024 = rankUniverse(zones, evaluations, 2024);
    expect([u2024.count, u2024.zones.length]).toEqual([178, 176]);
  });

  it('falls back to the registry\'s zones of the year, marked as such, where no count is stated', () => {
    const u = rankUniverse(zones, evaluations, 2023);
    expect(u.evaluated).toBe(false);
    expect(u.count).toBe(zones.filter((z) => z.approvalYear === null || z.approvalYear <= 2023).length);
    expect(rankUniverse(zones, [], 2020).evaluated).toBe(false);
  });

  it('narrows to the chosen zones', () => {
    const u = rankUniverse(zones, evaluations, 2021);
    expect(narrowTo(u, ['zhengzhou', 'wuhandonghu']).map((z) => z.id)).toEqual(['zhengzhou']);
    expect(narrowTo(u, [])).toBe(u.zones);
  });
});

describe('parseEvaluationsJson', () => {
  it.each([
    [{}, /expected an array/],
    [[{ year: 'x', evaluated: 1 }], /entry 1: year/],
    [[{ year: 2020, evaluated: 0 }], /entry 1: evaluated/],
    [[{ year: 2020, evaluated: 169 }, { year: 2020, evaluated: 169 }], /entry 2: year 2020 appears twice/],
  ])('rejects %j with a message naming the entry', (json, message) => {
    expect(() => parseEvaluationsJson(json)).toThrow(message);
  });
});
