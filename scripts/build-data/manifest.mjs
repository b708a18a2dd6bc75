/**
 * data/manifest.json: the datasets the site offers and opens with (docs/architecture.md §2). The published set
 * is dated by the latest date its sources mention, so the date moves only when the sources do.
 */

/**
 * Latest ISO date (YYYY-MM-DD) mentioned in the given texts; '' when there is none.
 * @param {string[]} texts
 */
export function latestDate(texts) {
  let max = '';
  for (const text of texts) {
    for (const m of text.matchAll(/\b(20\d{2})-(\d{2})-(\d{2})\b/g)) {
      const d = `${m[1]}-${m[2]}-${m[3]}`;
      if (d > max) max = d;
    }
  }
  return max;
}

/**
 * The manifest: the published figures (default) and the synthetic demo panel. `columnar` names the table the
 * first view reads instead of importing `files` (written by columnar.mjs; src/data/columnar.ts).
 * @param {string[]} reportedFiles paths of data/reported/*.csv relative to data/ @param {string} asOf
 */
export function buildManifest(reportedFiles, asOf) {
  return {
    datasets: [
      {
        id: 'reported',
        kind: 'reported',
        title: { zh: '公开发布数据', en: 'Published figures' },
        files: reportedFiles,
        columnar: 'reported.htzcol',
        asOf,
        licence: {
          zh: '摘自公开来源（政府公报、新闻报道及其转载、公开代码库），逐行注明出处（source 列）；数值按原文照录。引用时请注明原始来源。',
          en: 'Compiled from public sources (government bulletins, news reports and their reposts, public repositories), cited row by row in the source column; values copied as published. Cite the original sources when reusing.',
        },
        description: {
          zh: '国家高新区综合评价位次（2013—2024年，零散、部分只有区间）、郑州与新乡高新区公报所载数字、若干高新区的单项数字，以及全国汇总。各来源冲突时并列保留；年份无法确定的行年份留空。',
          en: 'Comprehensive-evaluation ranks of national high-tech zones (2013–2024; sparse, some only as bands), figures from the Zhengzhou and Xinxiang bulletins, scattered per-zone figures, and national totals. Conflicting sources are kept side by side; rows whose year cannot be established have an empty year.',
        },
      },
      {
        id: 'demo',
        kind: 'demo',
        title: { zh: '演示数据（合成）', en: 'Demo data (synthetic)' },
        files: ['demo/panel.csv'],
        columnar: 'demo/panel.htzcol',
        asOf: '2024-06-30',
        licence: {
          zh: '由 scripts/gen-demo.mjs 以固定种子合成，非真实统计，可自由使用；不得作为真实数据引用。',
          en: 'Synthesised by scripts/gen-demo.mjs with a fixed seed; not real statistics. Free to use; never cite it as real data.',
        },
        description: {
          zh: '169家参加2020年评价的国家高新区 × 2016—2023年 × 主要指标的合成面板，仅用于演示各视图的完整效果。不与公开数据混用。',
          en: 'A synthetic panel of the 169 zones of the 2020 evaluation × 2016–2023 × the main indicators, only to show every view at full size. Never mixed with the published figures.',
        },
      },
    ],
    default: 'reported',
  };
}
