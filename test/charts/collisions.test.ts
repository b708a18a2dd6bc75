// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bumpChartInput } from '../../src/charts/bump-input';
import { buildBumpOption } from '../../src/charts/bump-option';
import type { ChartContext } from '../../src/charts/context';
import { rankingsChartInput } from '../../src/charts/rankings-input';
import { buildRankingsOption, rankingsChartHeight } from '../../src/charts/rankings-option';
import { importFile } from '../../src/data/import-file';
import { concatTables } from '../../src/data/table-builder';
import { translator } from '../../src/i18n';
import { buildRankings } from '../../src/model/rankings';
import { DESK } from '../../src/theme/tokens';
import { bundledContext } from '../data/bundled';
import { collisions, drawnBoxes, segmentCrosses, type Box } from './label-boxes';

/**
 * #22 item 8: axis names, zone labels and value labels never collide. Each chart is laid out by ECharts
 * itself (server-side), and the boxes of every text, symbol and line it drew are compared (label-boxes.ts).
 */
const data = bundledContext();
const table = (() => {
  // the whole reported dataset, as the page loads it
  const files = readdirSync('data/reported').filter((f) => f.endsWith('.csv'));
  const tables = files.map((f) => importFile(f, new Uint8Array(readFileSync(`data/reported/${f}`)), data).table);
  return concatTables(tables);
})();
const rank = data.catalogue.byId.get('rank_overall')!;
const HENAN = ['zhengzhou', 'luoyang', 'anyang', 'nanyang', 'xinxiang', 'pingdingshan', 'jiaozuo', 'xinyang', 'xuchang'];
const ctx = (width: number, height: number, fontSize = 13): ChartContext => ({ mode: 'export', theme: DESK, width, height, fontSize });

/** Texts over texts, texts over symbols, texts crossed by a line: each as a readable string. */
function problems({ texts, symbols, polylines }: { texts: Box[]; symbols: Box[]; polylines: number[][][] }, w: number, h: number): string[] {
  const out = collisions(texts);
  // nothing cut by the chart's edge (the old 位次 lost half its first character there)
  for (const t of texts) if (t.x < 0 || t.y < 0 || t.x + t.width > w || t.y + t.height > h) out.push(`"${t.text}" outside the chart`);
  out.push(...collisions(texts, symbols).map((s) => `symbol ${s}`));
  for (const t of texts)
    for (const line of polylines)
      for (let k = 1; k < line.length; k++) {
        const [a, b] = [line[k - 1], line[k]];
        if ([...a, ...b].every(Number.isFinite) && segmentCrosses(t, a, b)) out.push(`line through "${t.text}"`);
      }
  return out;
}

describe.each(['zh', 'en'] as const)('Henan 2019–2020 bump chart (%s): no label collides', (lang) => {
  const input = bumpChartInput(table, rank, HENAN, [2019, 2020], { zonesById: data.registry.byId, lang, t: translator(lang), home: 'zhengzhou', accent: DESK.accent });
  it.each([[900, 500, 13], [1300, 560, 14], [640, 400, 12]])('%i×%i at %i px', (w, h, fs) => {
    const boxes = drawnBoxes(buildBumpOption({ ...input, axisName: translator(lang)('rank') }, ctx(w, h, fs)), w, h);
    // what is asserted is really there: the disputed 2019 place and every ranked zone's end label
    expect(boxes.texts.map((t) => t.text)).toContain('⚠ 20');
    expect(boxes.texts.filter((t) => /\d/.test(t.text) && /\p{L}{2}/u.test(t.text)).length).toBeGreaterThanOrEqual(7);
    expect(boxes.polylines.length).toBeGreaterThan(0);
    expect(problems(boxes, w, h)).toEqual([]);
  });
});

describe.each([2020, 2019])('the %i rankings chart: no label collides', (year) => {
  it.each(['zh', 'en'] as const)('%s', (lang) => {
    const zones = [...data.registry.byId.values()];
    const input = rankingsChartInput(buildRankings(table, rank, year, zones), table, { zonesById: data.registry.byId, lang, t: translator(lang), home: null, selected: new Set<string>() });
    input.axisMax = 169;
    const [w, h] = [1300, rankingsChartHeight(input.rows.length, 14)];
    const boxes = drawnBoxes(buildRankingsOption(input, ctx(w, h, 14)), w, h);
    expect(input.rows.length).toBeGreaterThanOrEqual(15);
    expect(boxes.texts.map((t) => t.text)).toContain(translator(lang)('rank'));
    if (year === 2019) expect(boxes.texts.map((t) => t.text)).toContain('17 / 20 ⚠');
    expect(problems(boxes, w, h)).toEqual([]);
  });
});
