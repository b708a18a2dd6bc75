// @vitest-environment node
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { bumpChartInput } from '../../../src/charts/bump-input';
import { buildBumpOption } from '../../../src/charts/bump-option';
import { exportLayout, textWidth } from '../../../src/charts/export/frame';
import { exportMeta } from '../../../src/charts/export/footer';
import { drawnScope } from '../../../src/charts/export/scope';
import { rankingsChartInput } from '../../../src/charts/rankings-input';
import { importFile } from '../../../src/data/import-file';
import { parseEvaluationsJson } from '../../../src/data/evaluations';
import { parseTierRules } from '../../../src/data/source-tiers-parse';
import { concatTables } from '../../../src/data/table-builder';
import { observationSpec, rowsFor } from '../../../src/features/export/observation-spec';
import { dataCsv, dataJson, framed, type ExportSettings } from '../../../src/features/export/render';
import type { ChartExportSpec } from '../../../src/features/export/spec';
import { rankingsExportSpec } from '../../../src/features/rankings/rankings-export';
import { translator } from '../../../src/i18n';
import { rankUniverse } from '../../../src/model/rank-universe';
import { buildRankings } from '../../../src/model/rankings';
import { EXPORT_PRESETS } from '../../../src/charts/export/frame';
import { bundledContext } from '../../data/bundled';
import { renderSvg } from '../ssr';

/**
 * Issue #22 item 4, "report-ready exports", on the published data: the Henan zones' overall rank, exported at the
 * Word column preset as an analyst pasting it into a report would.
 */
const ctx = bundledContext();
const rules = parseTierRules(JSON.parse(readFileSync('data/source-tiers.json', 'utf8')));
const evaluations = parseEvaluationsJson(JSON.parse(readFileSync('data/evaluations.json', 'utf8')));
const files = ['rankings', 'seed_facts', 'zone_indicators', 'national'].map((f) => `data/reported/${f}.csv`);
const table = concatTables(files.map((f) => importFile(f, new Uint8Array(readFileSync(f)), ctx).table));
const rank = ctx.catalogue.byId.get('rank_overall')!;
const HENAN = ['zhengzhou', 'luoyang', 'xinxiang', 'pingdingshan', 'anyang', 'nanyang', 'jiaozuo', 'xinyang', 'xuchang'];
const chosen = HENAN.map((id) => ctx.registry.byId.get(id)!);
const word = EXPORT_PRESETS.find((p) => p.id === 'word')!;
const settings: ExportSettings = { width: word.width, height: word.height, scale: 1, background: 'white', lang: 'zh' };

function bumpSpec(lang: 'zh' | 'en' = 'zh'): ChartExportSpec {
  const t = translator(lang);
  const input = bumpChartInput(table, rank, HENAN, [2019, 2020], { zonesById: ctx.registry.byId, lang, t, home: null, accent: '#c2410c', tierRules: rules });
  return observationSpec(table, {
    id: 'bump', title: '综合排名位次变化', when: '2019—2020', unit: '位', rows: rowsFor(table, ['rank_overall'], new Set(HENAN), [2019, 2020]),
    chosen, universe: ctx.registry.zones.length, demo: false, build: (c) => buildBumpOption(input, c),
  }, { lang, t, zonesById: ctx.registry.byId, catalogue: ctx.catalogue, tierRules: rules });
}

function rankingsSpec(): ChartExportSpec {
  const t = translator('zh');
  const universe = rankUniverse(ctx.registry.zones, evaluations, 2020);
  const r = buildRankings(table, rank, 2020, chosen);
  const input = rankingsChartInput(r, table, { zonesById: ctx.registry.byId, lang: 'zh', t, home: null, selected: new Set(HENAN), universe, tierRules: rules });
  return rankingsExportSpec(r, table, input, { lang: 'zh', t, chosen, universe, demo: false, zonesById: ctx.registry.byId, tierRules: rules });
}

interface PlacedText { text: string; left: number; right: number }

/** Every <text> of an SVG with its horizontal extent, from its anchor, x/translate and an estimate of its width. */
function texts(svg: string): PlacedText[] {
  const out: PlacedText[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1];
    const text = m[2].replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (!text.trim()) continue;
    const tr = /transform="translate\(([-\d.]+)[ ,]([-\d.]+)\)"/.exec(attrs);
    if (/transform="/.test(attrs) && !tr) throw new Error(`rotated or scaled text, not measured here: ${text}`);
    const x = (tr ? Number(tr[1]) : 0) + Number(/\sx="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(attrs)?.[1] ?? 12);
    const w = textWidth(text, size);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
    out.push({ text, left, right: left + w });
  }
  return out;
}

async function exportSvg(spec: ChartExportSpec) {
  const { option } = await framed(spec, settings);
  const svg = renderSvg(option, settings.width, settings.height);
  const meta = exportMeta({ title: spec.title, subtitle: spec.subtitle, unit: spec.unit, sources: [], notes: [], exportedAt: new Date(), demo: false, lang: 'zh' });
  return { svg, pad: exportLayout(meta, { width: settings.width, height: settings.height, fontSize: 32 }).pad };
}

describe('the subtitle counts the zones drawn', () => {
  it('bump 2019—2020: 河南7区, and a note names the two chosen zones without data', () => {
    const s = bumpSpec();
    expect(s.subtitle).toBe('河南7区 · 2019—2020');
    expect(s.fileParts.scope).toBe('河南7区');
    expect(s.notes).toContain('所选 9 区中 2 区无数据：信阳、许昌');
    const en = bumpSpec('en');
    // (the province is still named in Chinese in English exports: the registry has no English province names)
    expect(en.subtitle).toMatch(/^\S+ 7 zones · 2019—2020$/);
    expect(en.notes).toContain('2 of the 9 chosen zones have no data: Xinyang, Xuchang');
  });

  it('rankings 2020: 河南7区, with the same note', () => {
    const s = rankingsSpec();
    expect(s.subtitle).toBe('河南7区 · 2020年');
    expect(s.notes).toContain('所选 9 区中 2 区无数据：信阳、许昌');
    expect(s.notes).toContain('↑3 / ↓2：较上一年位次进退');
  });

  it('never counts a zone without data; none drawn says so; no zone chosen is the whole universe', () => {
    const zs = [
      { id: 'a', short: '安阳', province: '河南' },
      { id: 'n', short: '南阳', province: '河南' },
      { id: 'w', short: '武汉东湖', province: '湖北' },
    ];
    expect(drawnScope(zs, new Set(['a', 'w']), 169, 'zh')).toEqual({ scope: '2区', missingNote: '所选 3 区中 1 区无数据：南阳' });
    expect(drawnScope(zs, new Set(['a']), 169, 'zh')).toEqual({ scope: '安阳', missingNote: '所选 3 区中 2 区无数据：南阳、武汉东湖' });
    expect(drawnScope(zs, new Set(), 169, 'zh').scope).toBe('无数据');
    expect(drawnScope([], new Set(['a']), 169, 'zh')).toEqual({ scope: '全部169区', missingNote: '' });
  });
});

describe('numbered short sources in the image, full citations in the data files', () => {
  it('the source line prints [n] short titles, never a link; the CSV and JSON give every row its number', async () => {
    const s = rankingsSpec();
    const { svg } = await exportSvg(s);
    const line = texts(svg).filter((x) => x.text.startsWith('数据来源') || /^\S*\[\d\]/.test(x.text)).map((x) => x.text).join('');
    expect(line).toMatch(/^数据来源：\[1\] /);
    expect(line).toContain('新乡高新区管委会公报 2021年第1号…');
    expect(line).not.toMatch(/https?:|\.html/);
    const csv = Papa.parse<string[]>(new TextDecoder().decode(await dataCsv(s).arrayBuffer()).replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const [h, ...rows] = csv;
    const no = h.indexOf('来源编号');
    const src = h.indexOf('来源');
    expect(no).toBeGreaterThan(0);
    expect(src).toBe(no + 1);
    for (const r of rows) expect(s.sources[Number(r[no]) - 1].citation).toBe(r[src]);
    const json = JSON.parse(await dataJson(s).text()) as { sources: { no: number; citation: string; tier: string }[]; rows: Record<string, unknown>[] };
    expect(json.sources.map((x) => x.no)).toEqual(s.sources.map((_, i) => i + 1));
    expect(json.sources.some((x) => x.citation.startsWith('http'))).toBe(true);
    expect(json.sources.every((x) => ['official', 'media', 'mirror', 'unknown'].includes(x.tier))).toBe(true);
    for (const r of json.rows) expect(json.sources[(r['来源编号'] as number) - 1].citation).toBe(r['来源']);
  });
});

describe('no label clipped at the Word column preset (1890×1260)', () => {
  it('Henan bump 2019—2020: every label inside the image and inside its side margins', async () => {
    const { svg, pad } = await exportSvg(bumpSpec());
    const all = texts(svg);
    expect(all.length).toBeGreaterThan(10);
    for (const x of all) {
      expect(x.left, x.text).toBeGreaterThanOrEqual(0);
      expect(x.left, x.text).toBeGreaterThanOrEqual(pad - 1);
      expect(x.right, x.text).toBeLessThanOrEqual(settings.width);
    }
    expect(all.some((x) => x.text.startsWith('平顶山'))).toBe(true);
  });

  it('Henan rankings 2020: 平顶山 at the left fits, with the page margin left of it', async () => {
    const { svg, pad } = await exportSvg(rankingsSpec());
    const all = texts(svg);
    const pds = all.find((x) => x.text === '平顶山')!;
    expect(pds).toBeDefined();
    for (const x of all) {
      expect(x.left, x.text).toBeGreaterThanOrEqual(0);
      expect(x.left, x.text).toBeGreaterThanOrEqual(pad - 1);
      expect(x.right, x.text).toBeLessThanOrEqual(settings.width);
    }
  });
});
