// @vitest-environment node
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, numberedTitles, numberSources, shortenText, shortSourceTitle } from '../../../src/charts/export/source-titles';
import { parseTierRules } from '../../../src/data/source-tiers-parse';

const rules = parseTierRules(JSON.parse(readFileSync('data/source-tiers.json', 'utf8')));

/** Every citation in data/reported/*.csv, as written. */
const cited = new Set(
  ['rankings', 'seed_facts', 'zone_indicators', 'national'].flatMap((f) =>
    Papa.parse<Record<string, string>>(readFileSync(`data/reported/${f}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => r.source),
  ),
);
/** A citation the data really holds (so that a test here never passes on a made-up one). */
const real = (s: string) => {
  expect(cited.has(s), s).toBe(true);
  return s;
};

describe('short source titles from the citations of data/reported/', () => {
  it.each([
    // the parenthesised outlet and date after a link
    ['https://imationlatam.com/news/1678506014181154.shtml (苏州日报 2023-03)', '苏州日报 2023-03'],
    ['http://dev.sdbgw.com.cn/front/article/6072.html (新华社 2024-12-23)', '新华社 2024-12-23'],
    // the first part of a list in the brackets
    ['http://ja.smartjx.com/xw/2022/0918/253013928.html (经济日报 2022-09-18; MOST press conference 2022-09-14)', '经济日报 2022-09-18'],
    ['https://www.axyjyo.cn/c/2020-07-24/2626087.shtml (新华社 2020-07-23, 国务院政策例行吹风会)', '新华社 2020-07-23'],
    // brackets inside the brackets
    ['http://www.achie.org/news/gxq/2024020222375.html (《2022年国家高新区综合发展与数据分析报告(下)》, 高新院 repost)', '《2022年国家高新区综合发展与数据分析报告(下)》'],
    // a date alone names the outlet or host beside it
    ['http://www.hhtz.gov.cn/art/2023/2/3/art_1229418260_4137561.html (2023-02)', 'hhtz.gov.cn 2023-02'],
    // no brackets: the tier rule's outlet
    ['http://jx.people.com.cn/BIG5/n2/2023/0225/c190260-40315601.html', '人民网江西频道'],
    ['http://www.nbhtz.gov.cn/art/2021/7/6/art_1229548644_58925862.html', '宁波高新区管委会'],
    // no outlet known: the host without www.
    ['https://www.zhaokaoti.com/view/sjtk/255EAAF4FCC2B119.html', 'zhaokaoti.com'],
    ['https://www9599116.com/ns_news/703150172805360', 'www9599116.com'],
    ['http://bk.zzlib.net:88/paper/daily/202412/438478.html', '株洲日报 (copy)'],
    // several links: each one's title
    ['http://www.cnr.cn/jx/yw/20210210/t20210210_525412261.shtml ; http://jx.people.com.cn/n2/2021/0219/c190181-34581882.html', '央广网 / 人民网江西频道'],
    ['http://gdcenn.cn/a/202103/500297.html ; http://e-n-g-l-i-s-h.com/content/dianzibao/henanribao/20210221/1036100.html', 'gdcenn.cn / e-n-g-l-i-s-h.com'],
    // no link: the citation itself, cut at a boundary, never inside a bracket
    ['新乡高新区管委会公报 2021年第1号（总第13号，2021-04-15）', '新乡高新区管委会公报 2021年第1号…'],
    ['郑州高新区2020年“高光时刻”报道（2021-02-09 党工委管委会全体会议，记者孙庆辉）', '郑州高新区2020年“高光时刻”报道…'],
    // a file path is never printed: the rule's outlet stands for a path-like citation
    ['GitHub chinapedia/wikipedia.zh.mediawiki 国/国家级高新技术产业开发区.md', 'zh.wikipedia (copy on GitHub)'],
    // a long title with no boundary in its second half: cut, and the bracket it leaves open closed
    ['https://fx361.cc/page/2022/0120/14466748.shtml (科技部火炬中心《2020年国家高新区综合发展与数据分析报告(二)》, 中国科技产业2022年1期)', '科技部火炬中心《2020年国家高新区综合发展与数据分析报告…》'],
  ])('%s → %s', (citation, title) => {
    expect(shortSourceTitle(real(citation), rules)).toBe(title);
  });

  it('gives every citation of the published data a title of at most ~30 characters, with no link and no file path', () => {
    for (const c of cited) {
      const t = shortSourceTitle(c, rules);
      expect(t, c).not.toBe('');
      expect([...t].length, `${c} → ${t}`).toBeLessThanOrEqual(MAX_TITLE_CHARS + 2);
      expect(t, c).not.toMatch(/https?:|\/\/|\.(md|csv|json|pdf|html?)\b/i);
    }
  });

  it('never prints an internal file path', () => {
    expect(shortSourceTitle('/home/analyst/data/sources/xinxiang-bulletin-2021-1.pdf', rules)).toBe('');
    // …and the numbered line then prints the number alone, never the citation
    const { list } = numberSources(['/home/analyst/data/sources/xinxiang-bulletin-2021-1.pdf'], rules);
    expect(numberedTitles(list)).toEqual(['[1]']);
    expect(shortSourceTitle('新乡高新区管委会公报 data/sources/bulletins/2021-1.pdf', rules)).toBe('新乡高新区管委会'); // the rule's outlet
    expect(shortSourceTitle('河南省统计年鉴 C:\\Users\\a\\yearbook.xlsx', [])).toBe('河南省统计年鉴');
    expect(shortSourceTitle('file:///D:/data/x.csv (河南日报)', [])).toBe('河南日报');
  });

  it('cuts plain text at a word boundary when the text has one', () => {
    // at most 30 characters with the …
    expect(shortenText('Torch High Technology Industry Development Center evaluation results 2021')).toBe('Torch High Technology…');
    expect(shortenText('短')).toBe('短');
  });
});

describe('numbered sources', () => {
  it('numbers distinct citations in order of first appearance, skipping empty ones, and gives each its tier', () => {
    const a = real('https://imationlatam.com/news/1678506014181154.shtml (苏州日报 2023-03)');
    const b = real('http://jx.people.com.cn/BIG5/n2/2023/0225/c190260-40315601.html');
    const c = real('新乡高新区管委会公报 2021年第1号（总第13号，2021-04-15）');
    const { list, noOf } = numberSources([a, b, a, '', c, b], rules);
    expect(list.map(({ no, title, tier }) => [no, title, tier])).toEqual([
      [1, '苏州日报 2023-03', 'mirror'],
      [2, '人民网江西频道', 'media'],
      [3, '新乡高新区管委会公报 2021年第1号…', 'official'],
    ]);
    expect(list[0].citation).toBe(a);
    expect([noOf(a), noOf(b), noOf(c), noOf('')]).toEqual([1, 2, 3, undefined]);
    expect(numberedTitles(list)).toEqual(['[1] 苏州日报 2023-03', '[2] 人民网江西频道', '[3] 新乡高新区管委会公报 2021年第1号…']);
  });
});
