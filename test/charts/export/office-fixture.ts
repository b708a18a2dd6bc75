import type { ChartExportSpec } from '../../../src/features/export/spec';
import type { OfficeOptions } from '../../../src/features/export/office/options';
import { translator } from '../../../src/i18n';

/** A zone name, a source and a note that would be markup if an exporter pasted them into XML unescaped (docs/hostile-inputs.md X1). */
export const HOSTILE = '<script>&"';

/** A 1×1 PNG: the builders take PNG bytes, rendering them needs a canvas (the browser tests render real charts). */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/** A chart's export as a view hands it over: two zones (one named hostilely), amounts with one decimal, numbered sources. */
export function fixtureSpec(over: Partial<ChartExportSpec> = {}): ChartExportSpec {
  return {
    id: 'fixture',
    fileParts: { indicator: '营业收入', year: 2020, scope: '2区' },
    title: '营业收入',
    subtitle: `郑州、${HOSTILE} · 2020年`,
    unit: '亿元',
    sources: [
      { no: 1, citation: '郑州高新区2020年统计公报 https://example.gov.cn/a.html', title: '郑州高新区2020年统计公报', tier: 'official' },
      { no: 2, citation: `${HOSTILE} 某网站`, title: HOSTILE, tier: 'mirror' },
    ],
    notes: [`注意 ${HOSTILE}`, '空心标记为推算、估计、初步或目标数'],
    demo: false,
    summary: '郑州：营业收入从 2019年的 1,234.5 到 2020年的 1,316.2 (+7%)',
    build: () => ({}),
    table: {
      header: ['高新区', '省份', '年份', '指标', '数值', '原文', '单位', '性质', '期间', '来源编号', '来源', '来源可信度', '备注', '脚注'],
      rows: [
        ['郑州高新区', '河南省', 2020, '营业收入', 1316.25, '1316.25', '亿元', '公布数', '', 1, '郑州高新区2020年统计公报 https://example.gov.cn/a.html', '官方来源', '', ''],
        [HOSTILE, '河南省', 2020, '营业收入', 12345.5, '12345.5', '亿元', '推算数', '', 2, `${HOSTILE} 某网站`, '转载（聚合站）', '=HYPERLINK("http://evil")', ''],
        ['洛阳高新区', '河南省', 2020, '营业收入', Number.NaN, '—', '亿元', '公布数', '', 1, '郑州高新区2020年统计公报 https://example.gov.cn/a.html', '官方来源', '', ''],
      ],
      formats: [{ column: 4, decimals: [1, 1, 1], unit: '亿元' }],
    },
    ...over,
  };
}

export function fixtureOptions(lang: 'zh' | 'en' = 'zh'): OfficeOptions {
  const t = translator(lang);
  return {
    lang,
    title: `营业收入 · 2020年`,
    filters: [{ label: lang === 'zh' ? '高新区' : 'Zones', value: `郑州高新区（河南）、${HOSTILE}（河南）` }, { label: lang === 'zh' ? '年份' : 'Year', value: '2020' }],
    exportedAt: new Date(2026, 2, 5),
    tierLabel: (tier) => t(`tier.${tier}`),
  };
}
