// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/charts/export/filename';
import {
  chineseNumeral, figureCaption, filterLines, headerWithUnit, numberFormat, reportColumns, sectionHeading, sentence, SHEET_NAME_MAX,
  sheetName, tableCaption, tableNumber, uniformUnit, xmlText,
} from '../../../src/charts/export/office-text';

describe('sheet names Excel and WPS accept', () => {
  it('forbidden characters become _, the name is cut to 31, repeats are numbered within the 31, case-insensitively', () => {
    const taken = new Set<string>();
    const long = '[综合排名]:2020*年?/河南\\7区 — 与全国 169 家高新区的比较（位）';
    const a = sheetName(long, taken);
    const b = sheetName(long, taken);
    const c = sheetName('ABC', taken);
    const d = sheetName('abc', taken);
    for (const n of [a, b, c, d]) {
      expect(n.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(a.startsWith('_综合排名__2020_年__河南_7区')).toBe(true);
    expect(b.endsWith(' (2)')).toBe(true);
    expect(new Set([a, b, c, d].map((x) => x.toLowerCase())).size).toBe(4);
    expect(d).toBe('abc (2)');
  });

  it('never empty, never History, no apostrophe at either end, no control characters, no half surrogate pair', () => {
    const taken = new Set<string>();
    expect(sheetName('', taken)).toBe('Sheet');
    expect(sheetName('history', taken)).toBe('Sheet (2)');
    expect(sheetName("'引号'", taken)).toBe('引号');
    expect(sheetName('a\u0001b\u202ec', taken)).toBe('abc');
    // 30 letters and an emoji (2 UTF-16 units): the emoji does not fit and is not cut in half
    const n = sheetName(`${'x'.repeat(30)}😀`, taken);
    expect(n).toBe('x'.repeat(30));
  });
});

describe('numbers and units', () => {
  it('the catalogue decimals as an Excel format', () => {
    expect(numberFormat(0)).toBe('#,##0');
    expect(numberFormat(1)).toBe('#,##0.0');
    expect(numberFormat(2)).toBe('#,##0.00');
    expect(numberFormat(Number.NaN)).toBe('#,##0.0');
    expect(numberFormat(99)).toBe('#,##0.000000');
  });
  it('one unit when every row shares it, the header says it once', () => {
    expect(uniformUnit(['亿元', '亿元'])).toBe('亿元');
    expect(uniformUnit(['亿元', '万元'])).toBe('');
    expect(uniformUnit([])).toBe('');
    expect(headerWithUnit('数值', '亿元', 'zh')).toBe('数值（亿元）');
    expect(headerWithUnit('value', '100M yuan', 'en')).toBe('value (100M yuan)');
    expect(headerWithUnit('数值（亿元）', '亿元', 'zh')).toBe('数值（亿元）');
    expect(headerWithUnit('数值', '', 'zh')).toBe('数值');
  });
  it('a table number: fixed decimals with separators, a year as it is', () => {
    expect(tableNumber(12345.5, 1, 'zh')).toBe('12,345.5');
    expect(tableNumber(17, 0, 'en')).toBe('17');
    expect(tableNumber(2020, null, 'zh')).toBe('2020');
    expect(tableNumber(Number.NaN, 1, 'zh')).toBe('');
  });
});

describe('captions, headings, sentences', () => {
  it('Chinese numerals of a report\'s sections', () => {
    expect([1, 2, 9, 10, 11, 12, 20, 21, 99, 100].map(chineseNumeral)).toEqual(['一', '二', '九', '十', '十一', '十二', '二十', '二十一', '九十九', '100']);
    expect(sectionHeading(3, '综合排名（位）', 'zh')).toBe('三、综合排名（位）');
    expect(sectionHeading(3, 'Overall rank (place)', 'en')).toBe('3. Overall rank (place)');
  });
  it('图1 under a figure, 表1 over a table, Figure 1. in English', () => {
    expect(figureCaption(1, '综合排名（位）', '河南7区 · 2020年', 'zh')).toBe('图1 综合排名（位）：河南7区 · 2020年');
    expect(figureCaption(2, 'Overall rank (place)', '', 'en')).toBe('Figure 2. Overall rank (place)');
    expect(tableCaption(1, '综合排名（位）', 'zh')).toBe('表1 综合排名（位）数据');
    expect(tableCaption(1, 'GDP', 'en')).toBe('Table 1. Data: GDP');
  });
  it('a summary ends as a sentence, once', () => {
    expect(sentence('郑州 2020 年位列第 17 位', 'zh')).toBe('郑州 2020 年位列第 17 位。');
    expect(sentence('Zhengzhou ranked 17th.', 'en')).toBe('Zhengzhou ranked 17th.');
    expect(sentence('', 'zh')).toBe('');
  });
});

describe('text an Office file can hold', () => {
  it('drops what XML 1.0 forbids and the bidi controls, keeps line breaks and the markup characters (the writers escape those)', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\ufffee\u202ef\r\ng')).toBe('abcdef\ng');
    expect(xmlText('<script>&"')).toBe('<script>&"');
    expect(xmlText('\ud800x')).toBe('x');
    expect(xmlText(null)).toBe('');
  });
});

describe('the filters on a title slide', () => {
  it('indicator, year, zones with provinces, dataset, link; the rest of a long list counted', () => {
    const zones = Array.from({ length: 14 }, (_, i) => ({ name: `区${i + 1}`, province: '河南' }));
    const lines = filterLines({ indicators: ['综合排名'], when: '2020', zones, dataset: '公开报道数据', trusted: true, link: 'https://x/#/rankings?year=2020' }, 'zh');
    expect(lines.map((l) => l.label)).toEqual(['指标', '年份', '高新区', '数据集', '来源', '链接']);
    expect(lines[2].value.startsWith('区1（河南）、区2（河南）')).toBe(true);
    expect(lines[2].value.endsWith('等 14 家')).toBe(true);
    expect(lines[2].value).not.toContain('区13');
    const en = filterLines({ indicators: ['GDP', 'R&D'], zones: [], focus: 'Zhengzhou' }, 'en');
    expect(en).toEqual([{ label: 'Indicator', value: 'GDP, R&D' }, { label: 'Zones', value: 'All zones' }, { label: 'Focus', value: 'Zhengzhou' }]);
  });
});

describe('the columns a Word table prints', () => {
  it('drops empty columns and those only repeating a citation or its tier', () => {
    const rows = [
      ['郑州', 17, '公报 https://a', '官方来源', ''],
      ['洛阳', 35, '公报 https://a', '官方来源', null],
    ];
    expect(reportColumns(rows, 5, new Set(['公报 https://a', '官方来源']))).toEqual([0, 1]);
    // a column with one value that is not a citation stays whole
    expect(reportColumns([...rows, ['新乡', 40, '另一说法', '官方来源', '']], 5, new Set(['公报 https://a', '官方来源']))).toEqual([0, 1, 2]);
  });
});

describe('file names of the Office exports', () => {
  it('named for the view, with the demo prefix', () => {
    expect(exportFileName({ indicator: '综合排名', year: 2020, scope: '河南7区' }, 'xlsx')).toBe('综合排名_2020_河南7区.xlsx');
    expect(exportFileName({ indicator: '综合排名', year: 2020 }, 'pptx', { demo: true })).toBe('演示数据_综合排名_2020.pptx');
    expect(exportFileName({ indicator: 'Overall rank', year: 2020 }, 'docx', { demo: true, lang: 'en' })).toBe('demo_Overall_rank_2020.docx');
  });
});
