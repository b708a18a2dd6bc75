import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIndicatorsJson } from '../../src/data/indicators-json';
import { parseZonesCsv } from '../../src/data/zones-csv';

/* Small truths about the reference files that a reader would quote (issue #14): each checked against the data. */
const zones = parseZonesCsv(readFileSync('data/zones.csv', 'utf8'));
const indicators = parseIndicatorsJson(JSON.parse(readFileSync('data/indicators.json', 'utf8')));

describe('reference files say what is true', () => {
  it('gives every zone its own English name (福州 and 抚州 are both "Fuzhou" in pinyin)', () => {
    const en = zones.map((z) => z.en);
    expect(en.filter((n, i) => en.indexOf(n) !== i)).toEqual([]);
    expect(zones.find((z) => z.id === 'fuzhou')?.en).toBe('Fuzhou (Fujian)');
    expect(zones.find((z) => z.id === 'fuzhoujiangxi')?.en).toBe('Fuzhou (Jiangxi)');
  });

  it('counts zones in zones, not enterprises', () => {
    for (const id of ['zone_count', 'zones_in_statistics', 'zones_revenue_over_100bn']) {
      expect(indicators.find((x) => x.id === id)?.unitEn, id).toBe('zones');
    }
  });

  it('keeps 杭州\'s "研发投入强度" (a share of revenue in Torch usage) out of R&D as a share of GDP', () => {
    const rows = readFileSync('data/reported/zone_indicators.csv', 'utf8').split('\n').filter((l) => l.startsWith('杭州高新技术产业开发区,') && l.includes('研发投入强度'));
    expect(rows).toHaveLength(1);
    expect(rows[0].split(',')[2]).toBe('rd_intensity_revenue');
    const rdRatio = indicators.find((x) => x.id === 'rd_ratio')!;
    expect(rdRatio.aliases).not.toContain('研发投入强度');
  });
});
