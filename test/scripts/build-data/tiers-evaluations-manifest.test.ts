// @vitest-environment node
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { countTiers, rulesFor, tierRules } from '../../../scripts/build-data/source-tiers.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { buildEvaluations } from '../../../scripts/build-data/evaluations.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { buildManifest, latestDate } from '../../../scripts/build-data/manifest.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { csvCell, csvText } from '../../../scripts/build-data/io.mjs';

/* The smaller outputs of npm run data:build: source tiers, evaluations, the manifest, and the CSV writer (docs/architecture.md §2). */
type Row = Record<string, string>;
const csv = (path: string) => Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const collect = () => {
  const failures: string[] = [];
  return { failures, fail: (m: string) => failures.push(m) };
};

describe('source tiers', () => {
  const rules = (rows: Row[]) => tierRules(rows, () => undefined);
  const rule = (match: string, kind: string, tier: string): Row => ({ match, kind, tier, outlet: '', evidence: 'e' });

  it('are the published rules', () => {
    const { failures, fail } = collect();
    expect(tierRules(csv('data/sources/source-tiers.csv'), fail)).toEqual(json('data/source-tiers.json'));
    expect(failures).toEqual([]);
  });

  it('a rule with an unknown kind or tier, no evidence, or given twice fails', () => {
    const { failures, fail } = collect();
    tierRules([rule('a.cn', 'host', 'official'), { ...rule('b.cn', 'domain', 'gold'), evidence: ' ' }, rule('c.cn', 'domain', 'media'), rule('C.cn', 'domain', 'media')], fail);
    expect(failures).toEqual(['source-tiers.csv row 2: kind "host"', 'source-tiers.csv row 3: tier "gold"', 'source-tiers.csv row 3: no evidence given', 'source-tiers.csv: "c.cn" twice']);
  });

  it('a host takes its longest matching domain rule, sub-domains included; text without a URL, the name rules', () => {
    const r = rules([rule('gov.cn', 'domain', 'official'), rule('x.gov.cn', 'domain', 'mirror'), rule('新华社', 'name', 'media')]);
    expect(rulesFor(r, 'https://a.x.gov.cn/p').matched.map((m: Row) => m.tier)).toEqual(['mirror']);
    expect(rulesFor(r, 'https://www.gov.cn/p').matched.map((m: Row) => m.tier)).toEqual(['official']);
    expect(rulesFor(r, 'https://notgov.cn/p').matched).toEqual([]);
    expect(rulesFor(r, '新华社 2024-12-23').matched.map((m: Row) => m.tier)).toEqual(['media']);
  });

  it('a row counts under its best tier; a source without a rule fails, naming file and row', () => {
    const r = rules([rule('gov.cn', 'domain', 'official'), rule('blog.cn', 'domain', 'unknown')]);
    const { failures, fail } = collect();
    const counts = countTiers(r, [
      { file: 'reported/a.csv', row: 2, source: 'http://blog.cn/1 ; http://www.gov.cn/2' },
      { file: 'reported/a.csv', row: 3, source: 'http://blog.cn/1 ; http://other.com/2' },
    ], fail);
    expect(counts).toEqual({ official: 1, media: 0, mirror: 0, unknown: 0 });
    expect(failures).toEqual(['reported/a.csv row 3: no tier rule for the source "http://blog.cn/1 ; http://other.com/2"']);
  });
});

describe('evaluations', () => {
  const zones = csv('data/zones.csv');
  it('are the published file', () => {
    const { failures, fail } = collect();
    expect(buildEvaluations(csv('data/sources/rankings.csv'), zones, fail)).toEqual(json('data/evaluations.json'));
    expect(failures).toEqual([]);
  });

  it('count the zones approved before the year, less an excluded province', () => {
    const [e2021] = buildEvaluations([{ evaluation: '2021年国家高新区评价 (x)', n_evaluated: '157', source: 'a ; b' }], zones, () => undefined);
    const hubei = zones.filter((z: Row) => z.province === '湖北省' && Number(z.approval_year) < 2021).length;
    const before = zones.filter((z: Row) => Number(z.approval_year) < 2021).length;
    expect(hubei).toBeGreaterThan(0);
    expect(e2021).toMatchObject({ year: 2021, evaluated: 157, label: '2021年国家高新区评价', source: 'a', excludeProvinces: ['湖北省'], inRegistry: before - hubei });
  });

  it('fail when two rows of a year state different counts', () => {
    const { failures, fail } = collect();
    buildEvaluations([{ evaluation: '2019年 x', n_evaluated: '169', source: 's' }, { evaluation: '2019年 y', n_evaluated: '168', source: 's' }], zones, fail);
    expect(failures).toEqual(['rankings.csv row 3: 2019 ranked 168 zones, row 2 says 169']);
  });
});

describe('manifest', () => {
  it('dates the published set by the latest ISO date in its sources', () => {
    expect(latestDate(['seen 2021-02-09 and 2024-12-23', 'and 2023-01-01; not 1999-01-01 nor 2025-1-1'])).toBe('2024-12-23');
    expect(latestDate(['no date'])).toBe('');
  });
  it('is the published file', () => {
    const files = ['rankings.csv', 'seed_facts.csv', 'zone_indicators.csv', 'national.csv'].map((f) => `reported/${f}`);
    expect(buildManifest(files, '2025-11-08')).toEqual(json('data/manifest.json'));
  });
});

describe('the CSV writer', () => {
  it('quotes only what needs it, so the output is stable', () => {
    expect([csvCell('a'), csvCell('a,b'), csvCell('say "hi"'), csvCell(' lead'), csvCell('two\nlines'), csvCell(null), csvCell(3)])
      .toEqual(['a', '"a,b"', '"say ""hi"""', '" lead"', '"two\nlines"', '', '3']);
    expect(csvText(['x', 'y'], [{ x: '1', y: 'a,b' }, { x: '2' }])).toBe('x,y\n1,"a,b"\n2,\n');
  });
});
