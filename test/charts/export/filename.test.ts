// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportFileName, MAX_BASE_BYTES, MAX_BASE_CHARS, scopeLabel } from '../../../src/charts/export/filename';

const base = (name: string) => name.replace(/\.[a-z]+$/, '');
const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].length;

describe('exportFileName', () => {
  it('says what is inside', () => {
    expect(exportFileName({ indicator: '综合排名', year: 2020, scope: '河南7区' }, 'png')).toBe('综合排名_2020_河南7区.png');
    expect(exportFileName({ indicator: '营业收入（亿元）', year: '2018–2022', scope: '3区', extra: ['趋势', 'log'] }, 'csv')).toBe('营业收入（亿元）_2018–2022_3区_趋势_log.csv');
    expect(exportFileName({ indicator: 'GDP' }, 'zip')).toBe('GDP.zip');
  });

  it('replaces every character a file system rejects, and control and bidi characters', () => {
    for (const c of ['\\', '/', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u0007', '\t', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u009f', '\u202e', '\u2066', '\u200b', '\ufeff']) {
      const name = exportFileName({ indicator: `a${c}b` }, 'svg');
      expect(name, JSON.stringify(c)).toBe('a_b.svg');
    }
    expect(exportFileName({ indicator: 'R&D 经费 / GDP: 2020?' }, 'png')).toBe('R&D_经费_GDP_2020.png');
    // an RLO cannot disguise the extension
    expect(exportFileName({ indicator: 'report\u202egnp.exe' }, 'png')).toBe('report_gnp.exe.png');
  });

  it('collapses whitespace and trims dots, spaces and underscores at the ends', () => {
    expect(exportFileName({ indicator: '  综合  排名\u3000 ', year: ' 2020 ' }, 'png')).toBe('综合_排名_2020.png');
    expect(exportFileName({ indicator: '...hidden...' }, 'png')).toBe('hidden.png');
    expect(exportFileName({ indicator: 'x', scope: '. .' }, 'png')).toBe('x.png');
  });

  it('never gives a Windows reserved name', () => {
    for (const r of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM0', 'LPT²', 'CONIN$']) {
      const name = exportFileName({ indicator: r }, 'png');
      expect(name).toBe(`${r}_.png`);
      expect(base(name)).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/i);
    }
    expect(exportFileName({ indicator: 'con.2020' }, 'csv')).toBe('con_.2020.csv');
    // only the whole name is reserved
    expect(exportFileName({ indicator: 'CONTEXT' }, 'png')).toBe('CONTEXT.png');
    expect(exportFileName({ indicator: 'COM1', year: 2020 }, 'png')).toBe('COM1_2020.png');
  });

  it('cuts long names at a character boundary: CJK, emoji, surrogate pairs', () => {
    const latin = exportFileName({ indicator: 'x'.repeat(300) }, 'png');
    expect(base(latin)).toHaveLength(MAX_BASE_CHARS);
    const cjk = base(exportFileName({ indicator: '营'.repeat(300) }, 'png'));
    expect(new TextEncoder().encode(cjk).length).toBeLessThanOrEqual(MAX_BASE_BYTES);
    expect(cjk).toBe('营'.repeat(80));
    // 𠀀 (U+20000) is a surrogate pair: never cut in half
    const astral = base(exportFileName({ indicator: 'a' + '𠀀'.repeat(200) }, 'png'));
    expect(astral).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    const family = '👨‍👩‍👧'; // one grapheme of 5 code points
    const emoji = base(exportFileName({ indicator: 'ab' + family.repeat(100) }, 'png'));
    expect(emoji.startsWith('ab' + family)).toBe(true);
    expect(emoji.endsWith(family)).toBe(true);
    expect(graphemes(emoji)).toBeLessThanOrEqual(MAX_BASE_CHARS);
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(MAX_BASE_BYTES);
    // a cut that ends on a dot does not leave a trailing dot
    expect(exportFileName({ indicator: 'y'.repeat(119) + '.z' }, 'png')).toBe('y'.repeat(119) + '.png');
  });

  it('is never empty', () => {
    expect(exportFileName({ indicator: '' }, 'png')).toBe('chart.png');
    expect(exportFileName({ indicator: '   ', scope: '///', extra: ['...', '\u0000'] }, 'json')).toBe('chart.json');
    expect(exportFileName({ indicator: '<>:"|?*' }, 'csv')).toBe('chart.csv');
  });
});

describe('scopeLabel', () => {
  const z = (short: string, province: string) => ({ short, province });
  const henan = ['郑州', '洛阳', '新乡', '平顶山', '安阳', '南阳', '焦作'].map((s) => z(s, '河南'));

  it('names one province, one zone, a mix or all zones', () => {
    expect(scopeLabel(henan, 169, 'zh')).toBe('河南7区');
    expect(scopeLabel([z('郑州', '河南')], 169, 'zh')).toBe('郑州');
    expect(scopeLabel([z('郑州', '河南'), z('武汉东湖', '湖北'), z('中关村', '北京')], 169, 'zh')).toBe('3区');
    expect(scopeLabel([], 169, 'zh')).toBe('全部169区');
  });

  it('speaks English', () => {
    expect(scopeLabel([], 169, 'en')).toBe('all 169 zones');
    expect(scopeLabel(henan.map((x) => ({ ...x, province: 'Henan' })), 169, 'en')).toBe('Henan 7 zones');
    expect(scopeLabel([z('Zhengzhou', 'Henan'), z('Wuhan', 'Hubei')], 169, 'en')).toBe('2 zones');
    expect(scopeLabel([z('Zhengzhou', 'Henan')], 169, 'en')).toBe('Zhengzhou');
  });

  it('makes a file name with exportFileName', () => {
    expect(exportFileName({ indicator: '综合排名', year: 2020, scope: scopeLabel(henan, 169, 'zh') }, 'png')).toBe('综合排名_2020_河南7区.png');
    expect(exportFileName({ indicator: 'Overall rank', year: 2020, scope: scopeLabel([], 169, 'en') }, 'png')).toBe('Overall_rank_2020_all_169_zones.png');
  });
});
