// @vitest-environment node
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { CANON, checkConversion, joinNote, mapBasis, parseYearCell, splitUnit } from '../../../scripts/build-data/conversions/fields.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { makeIndicatorResolver, makeIsRenamed, makeZoneResolver } from '../../../scripts/build-data/conversions/resolve.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { convertRankings } from '../../../scripts/build-data/conversions/rankings.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { convertSeedFacts } from '../../../scripts/build-data/conversions/seed-facts.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { convertZoneIndicators } from '../../../scripts/build-data/conversions/zone-indicators.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { convertNational } from '../../../scripts/build-data/conversions/national.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { nameLookup } from '../../../scripts/build-data/catalogue.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { csvText } from '../../../scripts/build-data/io.mjs';

/* The four reference tables → the canonical long rows of data/reported/ (docs/architecture.md §2 and §3.1). */
type Row = Record<string, string>;
const csv = (path: string) => Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { id: string; zh: string }[];
const zones = csv('data/zones.csv');

/** A fresh conversion context over the published registry and catalogue, collecting what it cannot place. */
function context() {
  const unresolved: string[] = [];
  const unmatched: string[] = [];
  const failures: string[] = [];
  return {
    unresolved, failures,
    ctx: {
      resolveZone: makeZoneResolver(zones),
      resolveInd: makeIndicatorResolver(nameLookup(catalogue), unresolved),
      isRenamed: makeIsRenamed(new Map(catalogue.map((x) => [x.id, x.zh]))),
      unmatched,
      fail: (m: string) => failures.push(m),
    },
  };
}

describe('cells', () => {
  it('basis: the enum from the source text; unknown text is an error, not a guess', () => {
    expect(['', 'derived from x', 'reported (初步核算)', 'target for 2025', '预计', 'estimate', 'reported as one of top 3'].map(mapBasis))
      .toEqual(['reported', 'derived', 'preliminary', 'target', 'estimate', 'estimate', 'reported']);
    expect(() => mapBasis('rumour')).toThrow('unknown basis text "rumour"');
  });

  it('year: part-years go to period, spans keep their last year, a missing year stays empty', () => {
    expect(parseYearCell('2021')).toEqual({ year: '2021', period: '', note: '' });
    expect(parseYearCell('2024 Q1-Q3')).toEqual({ year: '2024', period: 'Q1-Q3', note: '' });
    expect(parseYearCell('2022 Jan-Nov').period).toBe('1-11月');
    expect(parseYearCell('2012-2023')).toEqual({ year: '2023', period: '2012-2023', note: '年份为时期 2012—2023 的终止年 (year is the last year of the span 2012-2023)' });
    expect(parseYearCell('2024 (as stated)')).toEqual({ year: '2024', period: '', note: '年份按来源表述 year as written: "2024 (as stated)"' });
    expect(parseYearCell('(stated)').year).toBe('');
    expect(() => parseYearCell('about 2020')).toThrow('unparsed year cell "about 2020"');
  });

  it('unit: the annotation goes to note, "approx." becomes 约 in the value', () => {
    expect(splitUnit('亿元', '12')).toEqual({ unit: '亿元', value: '12', note: '' });
    expect(splitUnit('% (approx.)', '9')).toEqual({ unit: '%', value: '约9', note: '原单位写作 unit as written: "% (approx.)"（约数 approximate）' });
    expect(splitUnit('位 (of 387)', '5')).toEqual({ unit: '位', value: '5', note: '参评总数 out of: 387（原单位写作 unit as written: "位 (of 387)"）' });
    expect(splitUnit(undefined, '1').unit).toBe('');
  });

  it('note: empty parts are dropped', () => {
    expect(joinNote(['a', '', null, undefined, ' ', 'b'])).toBe('a; b');
  });
});

describe('names', () => {
  it('an indicator name with a trailing qualifier resolves to the catalogue id, the qualifier kept apart', () => {
    const { ctx, unresolved } = context();
    expect(ctx.resolveInd('地区生产总值(初步核算)', 'x')).toEqual({ id: 'gdp', qualifier: '初步核算' });
    expect(ctx.resolveInd('ＧＤＰ', 'x')).toEqual({ id: 'gdp', qualifier: '' });
    expect(ctx.resolveInd('幸福指数', 'row 9')).toEqual({ id: '', qualifier: '' });
    expect(unresolved).toEqual(['row 9: "幸福指数"']);
  });

  it('a zone by full name, short name or alias; an ambiguous one is not guessed', () => {
    const { ctx } = context();
    expect(ctx.resolveZone(' 郑州 ')).toBe('郑州高新技术产业开发区');
    expect(ctx.resolveZone('光谷')).toBe('武汉东湖新技术开发区');
    expect(ctx.resolveZone('苏州')).toBeNull();
  });

  it('a metric written otherwise than the catalogue zh name is "renamed"', () => {
    const { ctx } = context();
    expect(ctx.isRenamed('地区生产总值', 'gdp')).toBe(false);
    expect(ctx.isRenamed('园区生产总值', 'gdp')).toBe(true);
  });
});

describe('each table converts to the published file', () => {
  const tables: [string, string, (rows: Row[], ctx: unknown) => { input: number; out: Row[] }][] = [
    ['rankings.csv', 'rankings.csv', convertRankings],
    ['seed_facts.csv', 'seed_facts.csv', convertSeedFacts],
    ['zone_indicators_reported.csv', 'zone_indicators.csv', convertZoneIndicators],
    ['national_aggregates.csv', 'national.csv', convertNational],
  ];
  for (const [input, output, convert] of tables) {
    it(`${input} → reported/${output}`, () => {
      const { ctx, unresolved, failures } = context();
      const conversion = convert(csv(`data/sources/${input}`), ctx);
      expect(csvText(CANON, conversion.out)).toBe(readFileSync(`data/reported/${output}`, 'utf8'));
      expect(conversion.out).toHaveLength(conversion.input);
      expect([unresolved, failures]).toEqual([[], []]);
    });
  }
});

describe('conversions, row by row', () => {
  it('rankings: an unmatched zone is kept as written and said so; a missing year stays empty', () => {
    const { ctx } = context();
    const [r] = convertRankings([{ zone: '苏州', evaluation: '综合评价 (year digits missing)', published: '2019', rank: '5', n_evaluated: '', basis: 'reported', source: 's', quote: 'q' }], ctx).out;
    expect(r.zone).toBe('苏州');
    expect(r.year).toBe('');
    expect(r.note).toContain('年份未定：来源文字中年份数字缺失');
    expect(r.note).toContain('未能对应到名录中的单一高新区');
    expect(ctx.unmatched).toEqual(['rankings.csv row 2: "苏州"']);
  });

  it('seed facts: a file without a known bulletin fails the build', () => {
    const { ctx, failures } = context();
    convertSeedFacts([{ zone: '郑州', year: '2020', indicator: '综合排名', value: '17', unit: '位', basis: 'reported', source: '999_x.txt', quote: 'q' }], ctx);
    expect(failures).toEqual(['seed_facts.csv row 2: no description for seed file 999_x.txt']);
  });

  it('zone figures: "同上" spells out the quote above', () => {
    const { ctx } = context();
    const row = (quote: string) => ({ zone: '郑州', year: '2021', metric: 'GDP', value: '1', unit: '亿元', source: 's', quote });
    const out = convertZoneIndicators([row('全年增长'), row('同上')], ctx).out;
    expect(out[1].note).toContain('原文 quote: 全年增长（原表写作“同上” ditto）');
    expect(out[0].note).toContain('原指标名 metric as written: GDP');
  });

  it('national: "same" takes the source above, "(>)" becomes >value, preliminary is carried into basis', () => {
    const { ctx } = context();
    const row = (metric: string, source: string, note = '') => ({ year: '2024', metric, value: '20', unit: '%', n_zones: '', source, quote: 'q', note });
    const out = convertNational([row('工业增加值占全国比重(>)', 'http://a.gov.cn/x'), row('营业收入', 'same', 'preliminary figure')], ctx).out;
    expect(out[0]).toMatchObject({ zone: '全国', indicator: 'iva_share_national', value: '>20', basis: 'reported' });
    expect(out[1]).toMatchObject({ source: 'http://a.gov.cn/x', basis: 'preliminary' });
    expect(out[1].note).toContain('来源原写作 "same"（同上行）');
  });
});

describe('checks of a converted table', () => {
  const good: Row = { zone: '全国', year: '2024', indicator: 'gdp', value: '1', unit: '亿元', period: '', basis: 'reported', source: 's', note: '' };
  const run = (rows: Row[], input = rows.length) => {
    const failures: string[] = [];
    checkConversion('x.csv', { input, out: rows }, new Set(['gdp']), (m: string) => failures.push(m));
    return failures;
  };
  it('pass a good row and name every fault of a bad one', () => {
    expect(run([good])).toEqual([]);
    expect(run([{ ...good, indicator: '', basis: 'rumour', year: '24', value: '', source: '' }], 2)).toEqual([
      'x.csv: 1 rows written for 2 input rows',
      'x.csv row 2: indicator "" is not in the catalogue',
      'x.csv row 2: basis "rumour"',
      'x.csv row 2: year "24"',
      'x.csv row 2: empty value',
      'x.csv row 2: empty source',
    ]);
  });
});
