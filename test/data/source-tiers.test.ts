import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceHosts, tierOf, tiersOfDict, TRUSTED_TIERS, type TierRule } from '../../src/data/source-tiers';
import { parseTierRules } from '../../src/data/source-tiers-parse';

const rules = parseTierRules(JSON.parse(readFileSync('data/source-tiers.json', 'utf8')));

/** Every source cited in data/reported/, as written. */
function reportedSources(): string[] {
  const out = new Set<string>();
  for (const f of ['rankings', 'seed_facts', 'zone_indicators', 'national']) {
    const text = readFileSync(`data/reported/${f}.csv`, 'utf8');
    // the source column is the 8th; quoted cells may hold commas, so read with a small CSV splitter
    for (const row of splitCsv(text).slice(1)) if (row.length > 7) out.add(row[7]);
  }
  return [...out];
}

/** Rows of a CSV text: quoted cells may hold commas, quotes and line ends. */
function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

describe('source tiers', () => {
  it('gives every source of the published data a tier from a rule of the table, never by default', () => {
    const sources = reportedSources();
    expect(sources.length).toBeGreaterThan(60);
    const untiered = sources.filter((s) => tierOf(s, rules).rule === null);
    expect(untiered).toEqual([]);
  });

  it.each([
    ['http://www.nbhtz.gov.cn/art/2021/7/6/art_1229548644_58925862.html', 'official'],
    ['https://en.zizhupark.com/news/view/8', 'official'],
    ['新乡高新区管委会公报 2021年第1号（总第13号，2021-04-15）', 'official'],
    ['http://jx.people.com.cn/BIG5/n2/2023/0225/c190260-40315601.html', 'media'],
    ['https://cqrb.cn/jingji/zixun/2024-12-26/2129430_pc.html', 'media'],
    ['http://w4vfr.cn/jujiao/2023/0305/133099.html', 'mirror'],
    ['http://www.zhaokaoti.com/x.html', 'unknown'],
  ])('%s → %s', (source, tier) => {
    expect(tierOf(source, rules).tier).toBe(tier);
  });

  it('takes the best tier of a citation\'s links, and the longest matching suffix of a host', () => {
    const r: TierRule[] = [
      { match: 'gov.cn', kind: 'domain', tier: 'official', outlet: '' },
      { match: 'x.gov.cn', kind: 'domain', tier: 'mirror', outlet: '' },
      { match: 'news.cn', kind: 'domain', tier: 'media', outlet: '' },
      { match: 'copy.com', kind: 'domain', tier: 'mirror', outlet: '' },
    ];
    expect(tierOf('http://copy.com/a ; http://www.news.cn/b', r).tier).toBe('media');
    expect(tierOf('http://a.x.gov.cn/1', r).tier).toBe('mirror');
    expect(tierOf('http://y.gov.cn/1', r).tier).toBe('official');
    // a suffix matches whole labels only: notnews.cn is not news.cn
    expect(tierOf('http://notnews.cn/1', r).tier).toBe('unknown');
    expect(sourceHosts('见 HTTP://A.CN:8080/x（人民网）；https://b.cn/y')).toEqual(['a.cn', 'b.cn']);
  });

  it('computes one tier per distinct source, and the switch keeps only official and media', () => {
    const tiers = tiersOfDict(['http://jx.people.com.cn/1', 'http://w4vfr.cn/2', ''], rules);
    expect(tiers).toEqual(['media', 'mirror', 'unknown']);
    expect(tiers.map((t) => TRUSTED_TIERS.has(t))).toEqual([true, false, false]);
  });

  it.each([
    [{}, /expected an array/],
    [[{ match: '', kind: 'domain', tier: 'media' }], /entry 1: match is empty/],
    [[{ match: 'a.cn', kind: 'url', tier: 'media' }], /entry 1: kind/],
    [[{ match: 'a.cn', kind: 'domain', tier: 'trusted' }], /entry 1: tier must be one of/],
  ])('rejects a malformed table %j with a message naming the entry', (json, message) => {
    expect(() => parseTierRules(json)).toThrow(message);
  });
});
