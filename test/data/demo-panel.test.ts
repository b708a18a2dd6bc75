// @vitest-environment node
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

/**
 * The synthetic demo panel (scripts/gen-demo.mjs) respects approval years and each evaluation's scope
 * (issue #14): read straight from data/demo/panel.csv, so a regenerated file that breaks it fails here.
 */
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const panel = csv('data/demo/panel.csv');
const zones = new Map(csv('data/zones.csv').map((z) => [z.id, z]));
const RANKS = Object.keys(panel[0]).filter((k) => k.startsWith('rank_') && k !== 'rank_advanced_mfg_parks');
const VALUES = Object.keys(panel[0]).filter((k) => !['zone', 'year', 'basis', 'source'].includes(k));
const ranksOf = (year: string, col = 'rank_overall') => panel.filter((r) => r.year === year && r[col] !== '').map((r) => Number(r[col]));

describe('data/demo/panel.csv', () => {
  it('has no row and no value for a zone before its approval year (苏州工业园区 from the start)', () => {
    const early = panel.filter((r) => {
      const approval = zones.get(r.zone)!.approval_year;
      return approval !== '' && Number(r.year) < Number(approval) && VALUES.some((k) => r[k] !== '');
    });
    expect(early.map((r) => `${r.zone} ${r.year}`)).toEqual([]);
    expect(panel.filter((r) => r.zone === 'suzhougongyeyuanqu').map((r) => r.year)).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023']);
    // a zone approved in 2018 starts in 2018
    const y2018 = [...zones.values()].find((z) => z.approval_year === '2018' && z.in_2020_evaluation === 'true')!;
    expect(panel.filter((r) => r.zone === y2018.id)[0].year).toBe('2018');
  });

  it('ranks only among the zones each evaluation ranked: 2016 ≤ 147, 2018 ≤ 157, 2021 without Hubei', () => {
    const expected: Record<string, number> = { 2016: 147, 2017: 157, 2018: 157, 2019: 169, 2020: 169, 2021: 157, 2022: 169, 2023: 169 };
    for (const [year, n] of Object.entries(expected)) {
      for (const col of RANKS) {
        const ranks = ranksOf(year, col);
        if (!ranks.length) continue; // the dimension ranks of the other evaluation system
        // a permutation of 1..N
        expect(ranks.sort((a, b) => a - b), `${col} ${year}`).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      }
    }
    expect(Math.max(...ranksOf('2016'))).toBeLessThanOrEqual(147);
    const hubei2021 = panel.filter((r) => r.year === '2021' && zones.get(r.zone)!.province === '湖北省');
    expect(hubei2021).toHaveLength(12);
    for (const r of hubei2021) for (const col of RANKS) expect(r[col], `${r.zone} ${col}`).toBe('');
    // Hubei's zones keep their other 2021 figures and their ranks in other years
    expect(hubei2021.every((r) => r.gdp !== '')).toBe(true);
    expect(panel.find((r) => r.zone === 'wuhandonghu' && r.year === '2022')!.rank_overall).not.toBe('');
  });

  it('says it is synthetic: basis synthetic (preliminary in the latest year), never reported', () => {
    expect(new Set(panel.map((r) => `${r.year === '2023' ? '2023' : 'final'}:${r.basis}`))).toEqual(new Set(['final:synthetic', '2023:preliminary']));
    expect(panel.every((r) => /非真实统计/.test(r.source))).toBe(true);
  });
});
