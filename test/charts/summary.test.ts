import { describe, expect, it } from 'vitest';
import { ordinal, rankSentence, trendSentence } from '../../src/charts/summary';
import { ensureLang, translator } from '../../src/i18n';
import { IND_GDP, IND_RANK } from '../model/fixtures';

describe('chart summaries', () => {
  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 17, 21, 22, 23, 101, 111, 112].map((n) => ordinal(n, 'en'))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '17th', '21st', '22nd', '23rd', '101st', '111th', '112th']);
  });

  it('says where a zone ranks, of how many, and how that changed', async () => {
    await ensureLang('en');
    const en = translator('en');
    const zh = translator('zh');
    const fact = { zone: 'Zhengzhou', year: 2020, place: 17, of: 169, value: 17, gained: 3 };
    expect(rankSentence(fact, IND_RANK, 'en', en)).toBe('Zhengzhou ranked 17th of 169 in 2020 (Overall rank), up 3');
    expect(rankSentence({ ...fact, zone: '郑州', gained: -2 }, IND_RANK, 'zh', zh)).toBe('郑州 2020年综合排名第 17 位（共 169 家），比上年下降 2 位');
    expect(rankSentence({ ...fact, gained: null }, IND_RANK, 'en', en)).toBe('Zhengzhou ranked 17th of 169 in 2020 (Overall rank)');
    expect(rankSentence({ ...fact, place: 2, of: 150, value: 1234.5, gained: null }, IND_GDP, 'en', en)).toMatch(/^Zhengzhou: GDP 1,234\.5 in 2020, 2nd of 150 zones with data$/);
  });

  it('says where a series went from its first to its last value', async () => {
    await ensureLang('en');
    const en = translator('en');
    expect(trendSentence('Zhengzhou', [{ year: 2015, value: 1000 }, { year: 2018, value: 1500 }, { year: 2022, value: 2290 }], IND_GDP, 'en', en)).toBe('Zhengzhou: GDP from 1,000.0 in 2015 to 2,290.0 in 2022 (+129%)');
    expect(trendSentence('Zhengzhou', [{ year: 2015, value: 1000 }], IND_GDP, 'en', en)).toBe('');
  });
});
