// @vitest-environment node
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { nameEn, regionOf, shortenSource, slug } from '../../../scripts/build-data/zone-names.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { ZONE_COLUMNS, checkZones, zoneAliases, zoneRows } from '../../../scripts/build-data/zones.mjs';
// @ts-expect-error plain ES module (checked by tsconfig.scripts.json)
import { csvText } from '../../../scripts/build-data/io.mjs';

/* The zone registry's build step: data/sources/zones.csv → data/zones.csv (docs/architecture.md §2, data/README.md §2). */
type Row = Record<string, string>;
const csv = (path: string) => Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const source: Row[] = csv('data/sources/zones.csv');
const published: Row[] = csv('data/zones.csv');
const src = (name: string) => source.find((z) => z.name_zh === name)!;
const noNotes = () => { throw new Error('unexpected note'); };

describe('zone names', () => {
  it('puts provinces in the NBS four regions, whatever the suffix', () => {
    expect(['辽宁省', '湖北省', '新疆维吾尔自治区', '广西壮族自治区', '宁夏回族自治区', '北京市', '广东省'].map(regionOf)).toEqual(['东北', '中部', '西部', '西部', '西部', '东部', '东部']);
  });

  it('makes ids from toneless pinyin, lowercase ASCII only', () => {
    expect(slug('上海张江')).toBe('shanghaizhangjiang');
    expect(slug('吕梁')).toBe('lvliang');
    expect(slug('长春净月')).toMatch(/^[a-z]+$/);
  });

  it('labels in English: the pinned names, the city names that are not plain pinyin, then pinyin', () => {
    expect(nameEn('苏州工业园区', '苏州工业园区', '苏州市')).toBe('Suzhou Industrial Park');
    expect(nameEn('西安高新技术产业开发区', '西安', '西安市')).toBe("Xi'an");
    expect(nameEn('马鞍山慈湖高新技术产业开发区', '马鞍山慈湖', '马鞍山市')).toBe("Ma'anshan Cihu");
    expect(nameEn('上海张江高新技术产业开发区', '上海张江', '上海市')).toBe('Shanghai Zhangjiang');
    // a short name that does not start with its city: the first two characters are the head
    expect(nameEn('源城高新技术产业开发区', '源城', '河源市')).toBe('Yuancheng');
  });

  it('shortens provenance but keeps every commit and URL', () => {
    const long = source[0].source;
    const short = shortenSource(long);
    expect(short.length).toBeLessThan(long.length);
    for (const commit of long.match(/[0-9a-f]{40}/g)!) expect(short).toContain(commit);
  });
});

describe('zone rows', () => {
  it('are the published registry, row for row', () => {
    const rows = zoneRows(source, new Map(published.map((z) => [z.name, z.id])), noNotes);
    expect(csvText(ZONE_COLUMNS, rows)).toBe(readFileSync('data/zones.csv', 'utf8'));
  });

  it('never give a bare ambiguous stem as an alias, and build everyday names on the source short name', () => {
    const z = src('苏州高新技术产业开发区');
    expect(zoneAliases(z, z.name_zh, '苏州高新')).toEqual(['苏州高新', '苏州高新区', '苏州国家高新区', '苏州新区']);
  });

  it('keep an id that was published, saying so, even when the rules now give another', () => {
    const notes: string[] = [];
    const [row] = zoneRows([src('郑州高新技术产业开发区')], new Map([['郑州高新技术产业开发区', 'zz']]), (n: string) => notes.push(n));
    expect(row.id).toBe('zz');
    expect(notes).toEqual(['NOTE: 郑州高新技术产业开发区: computed id "zhengzhou" differs from published id "zz"; keeping "zz" (ids never change). Pin it in ZONE_ID_OVERRIDES.']);
  });

  it('tell 福州 and 抚州 apart by a pinned id', () => {
    const rows = zoneRows([src('福州高新技术产业开发区'), src('抚州高新技术产业开发区')], new Map(), noNotes);
    expect(rows.map((r: Row) => r.id)).toEqual(['fuzhou', 'fuzhoujiangxi']);
  });
});

describe('the registry checks', () => {
  const rows = (): Row[] => zoneRows(source, new Map(), noNotes);
  const run = (zones: Row[], previous = new Map<string, string>(), expected = { zones: 176, evaluated: 169 }) => {
    const failures: string[] = [];
    checkZones(zones, previous, (m: string) => failures.push(m), expected);
    return failures;
  };

  it('pass on the real registry', () => {
    expect(run(rows(), new Map(published.map((z) => [z.name, z.id])))).toEqual([]);
  });

  it('fail on an id collision, naming both zones', () => {
    const zones = rows();
    zones[1].id = zones[0].id;
    expect(run(zones)).toEqual([`zone id collision: "zhongguancun" for 中关村科技园区 and 天津滨海高新技术产业开发区; add an entry to ZONE_ID_OVERRIDES`]);
  });

  it('fail on an id that is not a lowercase slug', () => {
    const zones = rows();
    zones[0].id = 'Zhong-guancun';
    expect(run(zones)).toContain('zone id "Zhong-guancun" (中关村科技园区) is not a lowercase ASCII slug');
  });

  it('fail when a published zone is missing', () => {
    expect(run(rows(), new Map([['某某高新技术产业开发区', 'moumou']]))).toEqual(['zone "某某高新技术产业开发区" (id moumou) was published before but is missing now; ids are never dropped or reused']);
  });

  it('fail on an alias of two zones and on a bare ambiguous name', () => {
    const zones = rows();
    zones[1].aliases += '|中关村';
    zones[2].aliases += '|上海';
    const failures = run(zones);
    expect(failures).toContain('alias "中关村" is used by both zhongguancun and tianjinbinhai');
    expect(failures).toContain('bare "上海" must not be an alias (ambiguous)');
  });

  it('fail when the counts differ from what the sources state', () => {
    expect(run(rows().slice(1))).toEqual(['zones: expected 176 rows, got 175', 'zones: expected 169 in_2020_evaluation=true, got 168']);
  });
});
