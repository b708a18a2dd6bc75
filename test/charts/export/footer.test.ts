// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportMeta, plainText, type ExportMetaInput } from '../../../src/charts/export/footer';

const base: ExportMetaInput = {
  title: '营业收入', subtitle: '河南7区 · 2020年', unit: '亿元', sources: [], notes: [],
  exportedAt: new Date(2026, 10, 22, 12), demo: false, lang: 'zh',
};

describe('exportMeta (zh)', () => {
  it('gives the title with its unit, the subtitle and the date', () => {
    const m = exportMeta({ ...base, sources: ['科技部火炬中心'] });
    expect(m.title).toBe('营业收入（亿元）');
    expect(m.subtitle).toBe('河南7区 · 2020年');
    expect(m.sourceLine).toBe('数据来源：科技部火炬中心');
    expect(m.notesLine).toBe('');
    expect(m.dateLine).toBe('导出日期：2026年11月22日');
    expect(m.demoMark).toBeNull();
  });

  it('does not repeat a unit the title already gives, and leaves it out when there is none', () => {
    expect(exportMeta({ ...base, title: '营业收入（亿元）' }).title).toBe('营业收入（亿元）');
    expect(exportMeta({ ...base, title: '综合排名', unit: '' }).title).toBe('综合排名');
  });

  it('dedupes sources in order and counts those not shown', () => {
    const m = exportMeta({ ...base, sources: ['A', 'B', 'A', ' B ', 'C', 'D', 'E', 'F', '', 'E'] });
    expect(m.sourceLine).toBe('数据来源：A；B；C；D（另 2 个来源）');
    expect(exportMeta({ ...base, sources: ['A', 'B', 'C', 'D'] }).sourceLine).toBe('数据来源：A；B；C；D');
  });

  it('joins notes without doubled punctuation', () => {
    expect(exportMeta({ ...base, notes: ['位次越小越好。', '焦作两个来源不一致；', '位次越小越好。'] }).notesLine).toBe('注：位次越小越好；焦作两个来源不一致');
  });

  it('marks demo data', () => {
    expect(exportMeta({ ...base, demo: true }).demoMark).toBe('演示数据（合成，非真实统计）');
  });
});

describe('exportMeta (en)', () => {
  it('gives English lines', () => {
    const m = exportMeta({ ...base, lang: 'en', title: 'Revenue', unit: '100 million yuan', sources: ['Torch Centre', 'Henan', 'x', 'y', 'z'], notes: ['Estimated.'], demo: true });
    expect(m.title).toBe('Revenue (100 million yuan)');
    expect(m.sourceLine).toBe('Sources: Torch Centre; Henan; x; y (and 1 more)');
    expect(m.notesLine).toBe('Note: Estimated');
    expect(m.dateLine).toBe('Exported 22 Nov 2026');
    expect(m.demoMark).toBe('DEMO DATA (synthetic)');
    expect(exportMeta({ ...base, lang: 'en', sources: ['Torch Centre'] }).sourceLine).toBe('Source: Torch Centre');
  });

  it('gives no date line for an invalid date instead of throwing', () => {
    expect(exportMeta({ ...base, exportedAt: new Date(NaN) }).dateLine).toBe('');
  });
});

describe('control characters (they break SVG/XML and reorder text)', () => {
  it('strips C0, C1, bidi overrides and isolates, the BOM and lone surrogates from every piece', () => {
    const bad = 'a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\u202eh\u202ai\u2066j\u2069k\ufeffl\ud800m\udfffn\ufffe';
    expect(plainText(bad)).toBe('abcdefghijklmn');
    const m = exportMeta({ ...base, title: `营业\u202e收入`, subtitle: `河南\u0000`, unit: `亿元\u2067`, sources: [`火炬\u202e中心`], notes: [`注\u0008意`], lang: 'zh' });
    expect(m.title).toBe('营业收入（亿元）');
    expect(m.subtitle).toBe('河南');
    expect(m.sourceLine).toBe('数据来源：火炬中心');
    expect(m.notesLine).toBe('注：注意');
    // eslint-disable-next-line no-control-regex
    for (const v of Object.values(m)) if (v) expect(v).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('turns line breaks and tabs into single spaces and keeps surrogate pairs', () => {
    expect(plainText(' 高新区\r\n\t 𠀀 ')).toBe('高新区 𠀀');
    expect(plainText(null)).toBe('');
  });
});
