// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyTable } from '../../src/data/table';
import { splitSourceUrls, summariseSources } from '../../src/model/sources';
import { obs, tableOf } from './fixtures';
import { panel } from './fixtures-analytics';

describe('summariseSources', () => {
  const byName = new Map(summariseSources(panel()).map((s) => [s.source, s]));

  it('orders by count, then by source text', () => {
    expect(summariseSources(panel()).map((s) => [s.source, s.count])).toEqual([
      ['MOST', 6],
      ['yearbook 2022', 5],
      ['press', 2],
      ['yearbook 2019 http://stats.example.cn/2019.html', 2],
      ['yearbook 2021', 2],
      ['city report', 1],
      ['yearbook 2018', 1],
      ['yearbook 2020', 1],
    ]);
  });

  it.each([
    // national rows count as values but not as zones
    { source: 'MOST', indicators: ['rank_overall'], years: [2021, 2021], zones: 5, bases: { reported: 6 }, conflicts: 0 },
    { source: 'yearbook 2022', indicators: ['gdp'], years: [2021, 2021], zones: 4, bases: { reported: 5 }, conflicts: 2 },
    { source: 'press', indicators: ['gdp'], years: [2021, 2021], zones: 1, bases: { preliminary: 1, reported: 1 }, conflicts: 1 },
    { source: 'city report', indicators: ['gdp'], years: [2021, 2021], zones: 1, bases: { reported: 1 }, conflicts: 1 },
    { source: 'yearbook 2018', indicators: ['gdp'], years: [2017, 2017], zones: 0, bases: { reported: 1 }, conflicts: 0 },
  ])('$source', ({ source, ...rest }) => {
    expect(byName.get(source)).toMatchObject(rest);
  });

  it('counts a conflict once per source, however many rows the source has in the cell, and keeps "no source"', () => {
    const t = tableOf([
      obs('a', 2020, 'gdp', 1, { source: 'S' }), obs('a', 2020, 'gdp', 2, { source: 'S' }), obs('a', 2020, 'gdp', 3, { source: '' }),
      obs('a', 2019, 'gdp', 1, { source: 'S' }), obs('a', 2016, 'gdp', 1, { source: 'S' }),
    ]);
    expect(summariseSources(t)).toEqual([
      { source: 'S', count: 4, indicators: ['gdp'], years: [2016, 2020], zones: 1, bases: { reported: 4 }, conflicts: 1 },
      { source: '', count: 1, indicators: ['gdp'], years: [2020, 2020], zones: 1, bases: { reported: 1 }, conflicts: 1 },
    ]);
  });

  it('is empty for an empty table', () => {
    expect(summariseSources(emptyTable())).toEqual([]);
  });
});

describe('splitSourceUrls', () => {
  it.each([
    { source: '', urls: [] },
    { source: '新乡高新区管委会公报 2021年第1号 (seeds/001.txt)', urls: [] },
    { source: 'https://www.redplanx.com/html/news/1546752.html', urls: ['https://www.redplanx.com/html/news/1546752.html'] },
    { source: 'http://dev.sdbgw.com.cn/front/article/6072.html (新华社 2024-12-23)', urls: ['http://dev.sdbgw.com.cn/front/article/6072.html'] },
    { source: 'http://a.cn/1.html ; http://b.cn/2.html', urls: ['http://a.cn/1.html', 'http://b.cn/2.html'] },
    { source: 'https://a.cn/x.html (光明日报) ; https://a.cn/x.html (mirror)', urls: ['https://a.cn/x.html'] }, // each once
    { source: '见http://a.cn/x.html。又见https://b.cn/y，及《报告》', urls: ['http://a.cn/x.html', 'https://b.cn/y'] },
    { source: '(see http://a.cn/x.html).', urls: ['http://a.cn/x.html'] },
    { source: 'http://en.wikipedia.org/wiki/Foo_(bar), p. 3', urls: ['http://en.wikipedia.org/wiki/Foo_(bar)'] },
    { source: 'http://www.impta.org/t/%E4%BD%95.html?orderby=id&orderway=desc', urls: ['http://www.impta.org/t/%E4%BD%95.html?orderby=id&orderway=desc'] },
    { source: 'https://zh.wikipedia.org/wiki/郑州（来源）', urls: ['https://zh.wikipedia.org/wiki/郑州'] },
    { source: 'HTTPS://A.CN/X', urls: ['HTTPS://A.CN/X'] },
    { source: 'ftp://a.cn/x http:// nothing', urls: [] },
  ])('$source → $urls', ({ source, urls }) => {
    expect(splitSourceUrls(source)).toEqual(urls);
  });
});
