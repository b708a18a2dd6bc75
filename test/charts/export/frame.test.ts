// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { buildRankingsOption, type RankingsChartInput, type RankingsChartRow } from '../../../src/charts/rankings-option';
import { exportMeta } from '../../../src/charts/export/footer';
import { EXPORT_PRESETS, exportFontSize, exportLayout, exportTheme, frameForExport, textWidth, wrapText, type ExportBackground } from '../../../src/charts/export/frame';
import { DESK, WALL } from '../../../src/theme/tokens';
import { matchGolden, renderSvg } from '../ssr';

const GOLDEN = 'test/charts/__golden__';
const W = 1920;
const H = 1080;
const FS = exportFontSize(W);

const RANKS: [string, string, number][] = [
  ['zhengzhou', '郑州', 17], ['luoyang', '洛阳', 37], ['xinxiang', '新乡', 66], ['pingdingshan', '平顶山', 88],
  ['anyang', '安阳', 103], ['nanyang', '南阳', 118], ['jiaozuo', '焦作', 130],
];
const row = (id: string, label: string, value: number, extra: Partial<RankingsChartRow> = {}): RankingsChartRow => ({
  id, label, value, band: null, alternatives: [], conflict: false, hollow: false, home: false, colour: null, tooltip: [label, String(value)], valueLabel: String(value), ...extra,
});

function rankingsOption(background: ExportBackground, rows = RANKS.map(([id, l, v]) => row(id, l, v, id === 'zhengzhou' ? { home: true } : {}))): EChartsOption {
  const input: RankingsChartInput = { kind: 'rank', rows, axisMax: 169, axisName: '位次', summary: '', description: '河南 7 区 2020 年综合排名' };
  return buildRankingsOption(input, { mode: 'export', theme: exportTheme(background), width: W, height: H, fontSize: FS });
}

const META = {
  title: '综合排名', subtitle: '河南 7 区 · 2020 年', unit: '位', lang: 'zh' as const, demo: false,
  sources: ['科技部火炬中心《国家高新区综合评价结果》(2021)', '河南省科学技术厅', '科技部火炬中心《国家高新区综合评价结果》(2021)'],
  notes: ['位次越小越好；1 为最好。', '焦作 2020 年两个来源不一致（130 / 131）。'],
  exportedAt: new Date(2026, 10, 22, 12),
};
const frame = (background: ExportBackground) => ({ width: W, height: H, background, fontSize: FS, theme: exportTheme(background) });

type Graphic = { type: string; style: { text: string; fill?: string }; y?: number; top?: number };
const texts = (o: EChartsOption) => (o.graphic as Graphic[]).map((g) => g.style.text);

describe('frameForExport', () => {
  const option = rankingsOption('white');
  const before = JSON.stringify(option);
  const meta = exportMeta(META);
  const framed = frameForExport(option, meta, frame('white'));

  it('adds the title with its unit and the subtitle', () => {
    const [title] = framed.title as { text: string; subtext: string; textStyle: { color: string } }[];
    expect(title.text).toBe('综合排名（位）');
    expect(title.subtext).toBe('河南 7 区 · 2020 年');
    expect(title.textStyle.color).toBe(DESK.text);
  });

  it('adds the source, notes and date lines at the bottom', () => {
    const t = texts(framed);
    expect(t).toContain('数据来源：科技部火炬中心《国家高新区综合评价结果》(2021)；河南省科学技术厅');
    expect(t.some((x) => x.startsWith('注：位次越小越好'))).toBe(true);
    expect(t).toContain('导出日期：2026年11月22日');
    for (const g of framed.graphic as Graphic[]) expect(g.y!).toBeGreaterThan(H * 0.75);
  });

  it('moves the grid below the header and above the footer', () => {
    const L = exportLayout(meta, frame('white'));
    const g0 = option.grid as { top: number; bottom: number; containLabel: boolean };
    const g1 = framed.grid as { top: number; bottom: number; containLabel: boolean };
    expect(g1.top).toBe(g0.top + L.header);
    expect(g1.bottom).toBe(g0.bottom + L.footer);
    expect((framed.grid as { left: number }).left).toBe((option.grid as { left: number }).left + L.pad);
    expect(L.header).toBeGreaterThan(FS * 2);
    expect(L.footer).toBeGreaterThan(FS * 2);
  });

  it('moves every grid of an array, converts percentages and leaves the input unchanged', () => {
    const multi: EChartsOption = { grid: [{ top: 10, bottom: '10%' }, { bottom: 20, height: 100 }], legend: {}, visualMap: { type: 'continuous', top: '50%' } };
    const copy = JSON.stringify(multi);
    const out = frameForExport(multi, meta, frame('white'));
    const L = exportLayout(meta, frame('white'));
    expect(out.grid).toEqual([{ top: 10 + L.header, bottom: L.footer + Math.round(0.1 * L.chartHeight) }, { bottom: 20 + L.footer, height: 100 }]);
    expect((out.legend as { top: number }).top).toBe(L.header);
    expect((out.visualMap as { top: number }).top).toBe(L.header + Math.round(0.5 * L.chartHeight));
    expect(JSON.stringify(multi)).toBe(copy);
  });

  it('moves the chart\'s own titles and graphic elements down, after its own title block', () => {
    const L = exportLayout(meta, frame('white'));
    const out = frameForExport({ title: { text: 'panel', top: 10 }, graphic: [{ type: 'group', right: 8, top: 4 }, { type: 'text', x: 5, y: 6, style: { text: 'k' } }] }, meta, frame('white'));
    const titles = out.title as { text: string; top: number }[];
    expect(titles.map((t) => t.text)).toEqual(['综合排名（位）', 'panel']);
    expect(titles[1].top).toBe(10 + L.header);
    const [group, text] = out.graphic as { top?: number; y?: number; right?: number }[];
    expect(group).toEqual({ type: 'group', right: 8, top: 4 + L.header });
    expect(text.y).toBe(6 + L.header);
  });

  it('does not change its input, turns animation and tooltip off and keeps aria', () => {
    expect(JSON.stringify(option)).toBe(before);
    expect(framed).not.toBe(option);
    expect(framed.animation).toBe(false);
    expect((framed.tooltip as { show: boolean }).show).toBe(false);
    expect(framed.aria).toEqual(option.aria);
    expect(framed.backgroundColor).toBe('#ffffff');
  });

  it('sets the background and takes text colours from the matching theme', () => {
    expect(frameForExport(option, meta, frame('transparent')).backgroundColor).toBe('transparent');
    const dark = frameForExport(option, meta, { ...frame('dark'), theme: DESK });
    expect(dark.backgroundColor).toBe(WALL.background);
    expect((dark.title as { textStyle: { color: string } }[])[0].textStyle.color).toBe(WALL.text);
  });

  it('shows the demo mark as a label and a watermark only for demo data', () => {
    expect(texts(framed)).not.toContain('演示数据（合成，非真实统计）');
    const demo = frameForExport(option, exportMeta({ ...META, demo: true }), frame('white'));
    const marks = (demo.graphic as Graphic[]).filter((g) => g.style.text === '演示数据（合成，非真实统计）');
    expect(marks).toHaveLength(2);
    expect(marks[0].top).toBeDefined();
    expect(marks.every((m) => m.style.fill === DESK.demoMark)).toBe(true);
  });
});

describe('text measure and wrap', () => {
  it('counts CJK as 1 em and Latin as 0.6 em', () => {
    expect(textWidth('郑州', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(12);
  });

  it('wraps to two lines at most and ends with an ellipsis', () => {
    expect(wrapText('一二三四五六', 30, 10)).toEqual(['一二三', '四五六']);
    expect(wrapText('一二三四五六七', 30, 10)).toEqual(['一二三', '四五…']);
    expect(wrapText('alpha beta gamma', 70, 10)).toEqual(['alpha beta', 'gamma']);
    expect(wrapText('', 70, 10)).toEqual([]);
  });
});

describe('presets', () => {
  it('gives the slide, A4, Word and custom sizes and a legible font', () => {
    expect(EXPORT_PRESETS.map((p) => [p.id, p.width, p.height])).toEqual([['slide', 1920, 1080], ['a4', 1600, 1100], ['word', 1890, 1260], ['custom', 1200, 800]]);
    expect(exportFontSize(1920)).toBe(32);
    expect(exportFontSize(300)).toBe(14);
    expect(exportFontSize(4000)).toBe(36);
  });
});

describe('golden SVGs of a framed rankings chart at 1920×1080', () => {
  const cases: [string, ExportBackground, boolean][] = [['white', 'white', false], ['dark', 'dark', false], ['demo', 'white', true]];
  for (const [name, bg, demo] of cases) {
    it(`${name}`, () => {
      const framed = frameForExport(rankingsOption(bg), exportMeta({ ...META, demo }), frame(bg));
      const svg = renderSvg(framed, W, H);
      expect(svg).toContain('综合排名（位）');
      expect(svg).toContain('导出日期：2026年11月22日');
      if (demo) expect(svg).toContain('演示数据（合成，非真实统计）');
      for (const m of svg.matchAll(/style="([^"]*)"(.)/g)) expect(m[2]).toMatch(/[\s>/]/);
      const g = matchGolden(svg, `${GOLDEN}/export-rankings-${name}.svg`);
      expect(svg).toBe(g.expected);
    });
  }
});

describe('wrapping long English text (Word column, 1890×1260)', () => {
  it('wraps the title and the source line, counts the sources left out and matches the golden SVG', () => {
    const [w, h] = [1890, 1260];
    const meta = exportMeta({
      ...META, lang: 'en', demo: true, unit: 'rank',
      title: 'Overall ranking of national high-tech zones in Henan province by the comprehensive evaluation of the Torch Centre',
      subtitle: '7 zones · 2020',
      sources: ['Torch High Technology Industry Development Center, Ministry of Science and Technology: national high-tech zone evaluation results 2021', 'Henan Provincial Department of Science and Technology', 'Zhengzhou statistical yearbook 2021', 'Luoyang statistical bulletin 2020', 'Xinxiang government work report 2021', 'Anyang news release'],
      notes: ['A smaller rank is better; 1 is the best.', 'Jiaozuo: two sources disagree (130 / 131).'],
    });
    const fs = exportFontSize(w);
    const f = { width: w, height: h, background: 'white' as const, fontSize: fs, theme: DESK };
    const L = exportLayout(meta, f);
    expect(L.titleLines).toHaveLength(2);
    expect(meta.sourceLine).toMatch(/ \(and 2 more\)$/);
    expect(L.footerLines[0].length).toBe(2);
    expect(L.footerLines[0][1].endsWith('…')).toBe(true);
    const input: RankingsChartInput = { kind: 'rank', rows: RANKS.map(([id, l, v]) => row(id, l, v)), axisMax: 169, axisName: 'rank', summary: '', description: 'ranks' };
    const option = buildRankingsOption(input, { mode: 'export', theme: DESK, width: w, height: L.chartHeight, fontSize: fs });
    const svg = renderSvg(frameForExport(option, meta, f), w, h);
    expect(svg).toContain('Exported 22 Nov 2026');
    expect(svg).toContain('DEMO DATA (synthetic)');
    expect(svg).toBe(matchGolden(svg, `${GOLDEN}/export-rankings-long-en.svg`).expected);
  });
});

describe('X1/X2: hostile text in an exported SVG', () => {
  it('writes markup and attribute breakers as escaped text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const quote = 'red" onload="x';
    const meta = exportMeta({ ...META, title: hostile, subtitle: quote, sources: [hostile, quote], notes: [quote], demo: true });
    const rows = [row('x', hostile, 3), row('y', quote, 9)];
    const framed = frameForExport(rankingsOption('white', rows), meta, { ...frame('white'), theme: { ...DESK, fontFamily: `x" onload="alert(1)` } });
    const svg = renderSvg(framed, W, H);
    expect(svg).not.toMatch(/<img/i);
    expect(svg).not.toMatch(/<[^>]+\son\w+=/i);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toMatch(/red&quot; onload=&quot;x|red&#34; onload=&#34;x/);
  });
});
