import { describe, expect, it } from 'vitest';
import { inLang } from '../../src/i18n/bilingual';

describe('bilingual messages', () => {
  it('shows the English part alone in English and the whole message in Chinese', () => {
    const m = '文件是空的，没有数据行 (the file is empty: no data rows)';
    expect(inLang(m, 'en')).toBe('the file is empty: no data rows');
    expect(inLang(m, 'zh')).toBe(m);
  });

  it('reads full-width brackets, nested brackets, quoted Chinese and a trailing detail', () => {
    expect(inLang('文件带有 UTF-16LE BOM，已按 UTF-16LE 读取（the file starts with a utf-16le BOM）', 'en')).toBe('the file starts with a utf-16le BOM');
    expect(inLang('第 3 列的列名“营业收入”重复 (duplicate header "营业收入" in column 3 (kept))', 'en')).toBe('duplicate header "营业收入" in column 3 (kept)');
    expect(inLang('链接中的参数无效，已使用默认值 (invalid link parameters, defaults used): ds=x, year=1', 'en')).toBe('invalid link parameters, defaults used: ds=x, year=1');
    expect(inLang('缺失：无此项（“—”）(no such item)', 'en')).toBe('no such item');
  });

  it('leaves a message without an English part as it is', () => {
    expect(inLang('郑州高新区（2020）', 'en')).toBe('郑州高新区（2020）');
    expect(inLang('plain English (with a note)', 'en')).toBe('plain English (with a note)');
  });
});
