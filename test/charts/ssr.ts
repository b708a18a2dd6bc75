import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EChartsOption } from 'echarts';
import { echarts } from '../../src/charts/echarts-svg';

/**
 * Renders an option to SVG with ECharts server-side rendering (no DOM), animation off and floats
 * rounded, so the same option always gives the same bytes and a reviewer can open the picture.
 */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...option, animation: false });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/**
 * Compares with the committed golden file. UPDATE_GOLDEN=1 writes it (review the diff, then commit);
 * without it a missing golden fails, so a test can never pass because its golden is absent.
 */
export function matchGolden(svg: string, path: string): { ok: boolean; expected: string } {
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, svg);
    return { ok: true, expected: svg };
  }
  if (!existsSync(path)) {
    throw new Error(`golden ${path} is missing: run \`npm run golden:update\`, look at the SVG, and commit it`);
  }
  const expected = readFileSync(path, 'utf8');
  return { ok: expected === svg, expected };
}

/**
 * What ECharts hands a tooltip formatter for one point of a built option: the series and index, and the data item
 * itself (`data`), from which the builders' formatters read the point's own lines (pointTooltip).
 */
export function pointParams(option: EChartsOption, seriesIndex: number, dataIndex: number) {
  const series = (option.series as { data?: unknown[] }[])[seriesIndex];
  const data = series?.data?.[dataIndex];
  return { seriesIndex, dataIndex, data, value: data && typeof data === 'object' && 'value' in data ? (data as { value: unknown }).value : data };
}
