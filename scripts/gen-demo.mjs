#!/usr/bin/env node
/**
 * gen-demo.mjs — writes data/demo/panel.csv, a SYNTHETIC panel for trying every view at full size, and its
 * columnar table data/demo/panel.htzcol (scripts/build-data/columnar.mjs).
 *
 *   node scripts/gen-demo.mjs        (npm run data:demo; run from the repo root after data:build)
 *
 * These are not statistics. Every row says so in `source` and in its basis, and the dataset is declared
 * `kind: "demo"` in data/manifest.json, so the app marks every view and export made from it. Final years
 * have basis `synthetic` (never `reported`: nothing here was reported); within the fiction the latest
 * year is `preliminary` (初步统计), so the views' hollow marks for non-final figures can be tried.
 *
 * Approval years and each evaluation's scope are respected (issue #14):
 *   - a zone has no row, no value and no rank before its approval year (data/zones.csv `approval_year`;
 *     苏州工业园区 has none and is counted in every evaluation from the start);
 *   - a rank (overall and the dimension ranks) is a place among the zones that evaluation ranked. The
 *     counts evaluated are those in data/reported/rankings.csv notes (`参评 n_evaluated: N`): 2016 → 147,
 *     2018 → 157, 2019 and 2020 → 169, 2021 → 157 (Hubei's 12 zones not evaluated), 2022 → 169 (2024 →
 *     178 lies outside the panel's years). An evaluation of N zones ranks the N earliest-approved zones of
 *     the panel still in its scope; the script stops if that cut would fall inside one approval year.
 *   - for a panel year with no known count (2017, 2023) the rank is among all panel zones approved by
 *     that year (2017: 157, 2023: 169). The panel holds only the 169 zones of the 2020 evaluation, so
 *     zones upgraded after 2018 never appear.
 *
 * Deterministic: a fixed seed, our own PRNG (mulberry32), no clock, no Math.random, fixed iteration
 * order (zones in registry order, indicators in DEMO_INDICATORS order). Re-running gives the same
 * bytes. Change SEED (and say so in data/README.md) to get a different panel.
 *
 * The model, in short: each zone has a latent size (older, eastern and well-known zones larger; the
 * five largest boosted) and a latent quality correlated with size. Quality drifts a little each year
 * (a random walk), and the ranks are the order of quality among the zones evaluated that year — a
 * permutation of 1..N that moves a few places a year, not a reshuffle. Economic amounts grow with a zone's GDP growth; revenue,
 * output, profit, taxes, exports and employment are zone-specific ratios of GDP; counts and patents
 * follow size and R&D intensity with a heavy tail.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import Papa from 'papaparse';
import { mulberry32 } from './lib/random.mjs';
import { writeColumnar } from './build-data/columnar.mjs';

const SEED = 20240630;
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
const SOURCE = `演示数据：scripts/gen-demo.mjs 合成（种子 ${SEED}），非真实统计 / synthetic demo data, not real statistics`;
const OUT = 'data/demo/panel.csv';
// The first chart of a ds=demo link waits on this file's parse: keep it small.
const MAX_BYTES = 1_000_000;

/**
 * Indicators in the demo panel, in output order (one column each). The panel carries the core indicators
 * every view needs. Left out on purpose:
 *   - national-only indicators (group "national": counts of zones, shares of national totals);
 *   - the high-tech-industry breakdown (group "hitech_industry"; published nationally only);
 *   - gdp_cagr (a multi-year span, which the app computes from gdp itself);
 *   - one-off bulletin figures (signed_projects, signed_investment, new_tech_smes, tax_share_of_city,
 *     budget_revenue_growth, fai_growth, industrial_va_growth_above_scale, industrial_output_above_scale,
 *     total_profit, new_registered_enterprises, enterprises_revenue_over_100m, trade_total, fdi_actual,
 *     rd_expenditure, invention_stock_per_10k, invention_stock_per_10k_employees) — to keep the file small.
 * To add one, append its id to DEMO_INDICATORS and give it a value below.
 * The dimension ranks appear only in the years their evaluation system was in use: the 2013 system's
 * four ranks for 2016–2020, the 2021 system's five ranks for 2021–2023.
 */
const SYS2013 = ['rank_knowledge_innovation', 'rank_industrial_upgrading', 'rank_internationalization', 'rank_sustainability'];
const SYS2021 = ['rank_innovation_entrepreneurship', 'rank_structure_value_chain', 'rank_green_inclusive', 'rank_open_innovation', 'rank_quality_innovation'];
const DEMO_INDICATORS = [
  'rank_overall', ...SYS2013, ...SYS2021, 'rank_advanced_mfg_parks',
  'gdp', 'gdp_growth', 'revenue', 'industrial_output', 'industrial_value_added', 'net_profit', 'taxes_paid',
  'exports', 'employees', 'enterprises', 'hte_count', 'rd_ratio', 'patent_apps', 'patent_grants', 'invention_grants',
];
/**
 * Each evaluation's ranked count and left-out provinces, from data/evaluations.json (made by `npm run data:build`
 * from the published rows' n_evaluated): one source for the app's denominators and the demo's ranks.
 * `excludeProvince`: a province whose zones that evaluation left out. Years not listed: the count is unknown.
 * @type {Record<number, { count: number, excludeProvince?: string }>}
 */
const EVALUATED = Object.fromEntries(
  JSON.parse(readFileSync('data/evaluations.json', 'utf8'))
    .filter((/** @type {{ year: number }} */ e) => YEARS.includes(e.year))
    .map((/** @type {{ year: number, evaluated: number, excludeProvinces: string[] }} */ e) => [e.year, { count: e.evaluated, excludeProvince: e.excludeProvinces[0] }]),
);
const YEARS_OF = Object.fromEntries([
  ...SYS2013.map((id) => [id, YEARS.filter((y) => y <= 2020)]),
  ...SYS2021.map((id) => [id, YEARS.filter((y) => y >= 2021)]),
  // The advanced-manufacturing ranking was first published in 2020 (seeds/003).
  ['rank_advanced_mfg_parks', YEARS.filter((y) => y >= 2020)],
]);

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------
const rand = mulberry32(SEED);
/** Standard normal (Box–Muller; one draw per call keeps the sequence simple to reason about). */
function normal(mean = 0, sd = 1) {
  let u = 0;
  while (u === 0) u = rand();
  const v = rand();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
const uniform = (lo, hi) => lo + (hi - lo) * rand();
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------
const zones = Papa.parse(readFileSync('data/zones.csv', 'utf8'), { header: true, skipEmptyLines: true }).data.filter(
  (z) => z.in_2020_evaluation === 'true',
);
const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8'));
const IND = new Map(catalogue.map((x) => [x.id, x]));
for (const id of DEMO_INDICATORS) if (!IND.has(id)) throw new Error(`demo indicator ${id} is not in data/indicators.json`);
if (zones.length !== 169) throw new Error(`expected 169 zones in the 2020 evaluation, found ${zones.length}`);

// ---------------------------------------------------------------------------------------------
// Which zones exist, and which are ranked, each year
// ---------------------------------------------------------------------------------------------
/** The year a zone's figures start: its approval year; 苏州工业园区 (no approval year) from the start. */
const firstYear = zones.map((z) => (z.approval_year ? Number(z.approval_year) : -Infinity));
const exists = (i, y) => firstYear[i] <= y;
/** Zone indices ranked in year y: see the header comment. */
function evaluatedIn(y) {
  const e = EVALUATED[y];
  const inScope = zones.map((z, i) => i).filter((i) => exists(i, y) && zones[i].province !== e?.excludeProvince);
  if (!e) return inScope;
  // the N earliest-approved (a stable sort keeps registry order within a year)
  const byAge = [...inScope].sort((a, b) => firstYear[a] - firstYear[b]);
  if (byAge.length < e.count) throw new Error(`${y}: ${e.count} zones evaluated, only ${byAge.length} in the panel's scope`);
  const cut = byAge.slice(0, e.count);
  if (byAge.length > e.count && firstYear[byAge[e.count - 1]] === firstYear[byAge[e.count]]) {
    throw new Error(`${y}: the ${e.count} zones evaluated cannot be told apart by approval year`);
  }
  return cut;
}
const EVALUATED_IN = new Map(YEARS.map((y) => [y, new Set(evaluatedIn(y))]));

/** Zones known to be the largest: boosted so the demo's top looks like the real top. */
const LARGEST = { zhongguancun: 2.6, shenzhen: 2.0, shanghaizhangjiang: 2.0, suzhougongyeyuanqu: 1.7, wuhandonghu: 1.7 };
/** Other large, long-established zones. */
const LARGE = ['xian', 'hefei', 'hangzhou', 'chengdu', 'guangzhou', 'nanjing', 'jinan', 'changsha', 'zhengzhou', 'qingdao', 'ningbo', 'tianjinbinhai', 'xiamenhuoju', 'wuxi', 'changzhou', 'suzhougaoxin', 'shenyang', 'dalian', 'changchun', 'chongqing', 'foshan', 'zhuhai', 'dongguansongshanhu', 'luoyang', 'weifang'];
const REGION_EFFECT = { 东部: 0.35, 中部: 0, 西部: -0.2, 东北: -0.25 };
const GROWTH_MEAN = { 2016: 8.6, 2017: 8.9, 2018: 8.5, 2019: 7.9, 2020: 3.1, 2021: 9.6, 2022: 4.6, 2023: 6.6 };

// ---------------------------------------------------------------------------------------------
// Latent zone traits
// ---------------------------------------------------------------------------------------------
const traits = zones.map((z) => {
  const approval = Number(z.approval_year) || 1994; // SIP has no approval year; it dates from 1994
  const age = approval <= 1992 ? 0.7 : approval <= 2009 ? 0.3 : approval <= 2012 ? 0 : -0.35;
  const size = normal(0, 0.55) + age + (REGION_EFFECT[z.region] ?? 0) + (LARGEST[z.id] ?? 0) + (LARGE.includes(z.id) ? 0.7 : 0);
  return {
    id: z.id,
    size,
    quality: 0.85 * size + normal(0, 0.45),
    growthEffect: normal(0, 1.6),
    revenuePerGdp: Math.exp(normal(Math.log(3.4), 0.25)),
    industryShare: uniform(0.35, 0.85),
    valueAddedRate: uniform(0.2, 0.3),
    margin: uniform(0.045, 0.1),
    taxRate: uniform(0.035, 0.06),
    exportShare: clamp(normal(z.region === '东部' ? 0.2 : 0.1, 0.07), 0.02, 0.45),
    productivity: uniform(100, 260), // 万元 of revenue per employee
    firmSize: uniform(15, 50), // employees per enterprise
    hteShare: uniform(0.07, 0.2),
    rdBase: 0,
    patentPropensity: Math.exp(normal(0, 0.45)),
    inventionShare: uniform(0.14, 0.3),
    grantRate: uniform(0.5, 0.68),
    /** quality standardised over all zones, set below */
    qz: 0,
  };
});
// Standardised quality, used to tie R&D intensity and growth to the ranking.
const qMean = traits.reduce((s, t) => s + t.quality, 0) / traits.length;
const qSd = Math.sqrt(traits.reduce((s, t) => s + (t.quality - qMean) ** 2, 0) / traits.length);
for (const t of traits) {
  t.qz = (t.quality - qMean) / qSd;
  t.rdBase = clamp(2.8 + 1.5 * t.qz + normal(0, 0.9), 0.9, 9.0);
}

// ---------------------------------------------------------------------------------------------
// Ranks: order of a drifting latent score, a permutation of 1..N every year
// ---------------------------------------------------------------------------------------------
function rankSeries(baseScores, years, step) {
  const score = [...baseScores];
  const out = new Map(); // year → rank per zone index (undefined: not evaluated that year)
  for (const y of years) {
    // every zone's score drifts every year (one draw each, evaluated or not), so the sequence of draws
    // and every other figure do not depend on who was evaluated
    for (let i = 0; i < score.length; i++) score[i] += normal(0, step);
    const ranked = EVALUATED_IN.get(y);
    if (!ranked) throw new Error(`no evaluated zones for ${y}`);
    const order = score.map((s, i) => [s, i]).filter(([, i]) => ranked.has(i)).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const ranks = new Array(score.length);
    order.forEach(([, i], r) => (ranks[i] = r + 1));
    out.set(y, ranks);
  }
  return out;
}
const ranks = new Map();
ranks.set('rank_overall', rankSeries(traits.map((t) => t.quality), YEARS, 0.07));
for (const id of [...SYS2013, ...SYS2021]) {
  // Each dimension: the overall quality plus a persistent dimension-specific strength.
  const base = traits.map((t) => t.quality + normal(0, 0.45));
  ranks.set(id, rankSeries(base, YEARS_OF[id], 0.08));
}

// ---------------------------------------------------------------------------------------------
// Amounts, rates and counts
// ---------------------------------------------------------------------------------------------
const values = new Map(); // `${indicator}|${zoneIndex}|${year}` → number
const put = (id, i, y, v) => values.set(`${id}|${i}|${y}`, v);
const get = (id, i, y) => values.get(`${id}|${i}|${y}`);

traits.forEach((t, i) => {
  let gdp = Math.exp(Math.log(115) + 1.15 * t.size + normal(0, 0.15)); // 2016 level, 亿元
  let hteShare = t.hteShare;
  YEARS.forEach((y, k) => {
    const growth = GROWTH_MEAN[y] + t.growthEffect + 0.5 * t.qz + normal(0, 2.2);
    if (k > 0) gdp *= 1 + growth / 100;
    const revenue = gdp * t.revenuePerGdp * Math.exp(normal(0, 0.04));
    const output = revenue * t.industryShare * Math.exp(normal(0, 0.04));
    const employees = revenue / t.productivity; // 亿元 / (万元/人) = 万人
    const enterprises = (employees * 10000) / t.firmSize;
    hteShare = Math.min(0.35, hteShare * (1 + uniform(0.02, 0.09)));
    const rd = clamp(t.rdBase + 0.12 * k + normal(0, 0.25), 0.8, 10.5);
    // Patents grow less than proportionally with size (exponent 0.8) and with R&D intensity; heavy tail.
    const apps = 6 * gdp ** 0.8 * rd * t.patentPropensity * Math.exp(normal(0.04 * k, 0.12));
    const grants = apps * t.grantRate * Math.exp(normal(0, 0.05));

    put('gdp', i, y, gdp);
    put('gdp_growth', i, y, growth);
    put('revenue', i, y, revenue);
    put('industrial_output', i, y, output);
    put('industrial_value_added', i, y, output * t.valueAddedRate * Math.exp(normal(0, 0.03)));
    put('net_profit', i, y, revenue * t.margin * (y === 2020 ? 0.85 : 1) * Math.exp(normal(0, 0.1)));
    put('taxes_paid', i, y, revenue * t.taxRate * Math.exp(normal(0, 0.05)));
    put('exports', i, y, revenue * t.exportShare * Math.exp(normal(0, 0.08)));
    put('employees', i, y, employees);
    put('enterprises', i, y, enterprises);
    put('hte_count', i, y, enterprises * hteShare);
    put('rd_ratio', i, y, rd);
    put('patent_apps', i, y, apps);
    put('patent_grants', i, y, grants);
    put('invention_grants', i, y, grants * t.inventionShare * Math.exp(normal(0, 0.08)));
  });
});

// The advanced-manufacturing top 100 ranks high-tech zones and development zones together: only
// some high-tech zones appear, at positions spread over 1..100.
for (const y of YEARS_OF.rank_advanced_mfg_parks) {
  const strength = traits.map((t, i) => [Math.log(get('industrial_output', i, y)) + normal(0, 0.35), i]);
  strength.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const inList = strength.filter(([, i]) => exists(i, y)).slice(0, 46);
  const places = [];
  while (places.length < inList.length) {
    const p = 1 + Math.floor(rand() * 100);
    if (!places.includes(p)) places.push(p);
  }
  places.sort((a, b) => a - b);
  inList.forEach(([, i], r) => put('rank_advanced_mfg_parks', i, y, places[r]));
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------
const csvCell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function fmt(v, decimals) {
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

// Wide, the shape most users' own files have (docs/architecture.md §2.2): one row per zone-year, one column per
// indicator id, the units from the catalogue. A long file repeats the source text on every observation;
// wide repeats it once a zone-year, so the file is ~15× smaller and the site's first chart on the demo
// data waits on a ~0.3 MB parse instead of a ~5 MB one (issue: performance). The observations read from
// it are the same as from the long layout (zone, year, indicator, value, unit, basis, source).
// A cell is empty where an indicator does not apply that year (a rank of the other evaluation system;
// not in the advanced-manufacturing top 100).
const header = ['zone', 'year', 'basis', 'source', ...DEMO_INDICATORS].join(',');
const lines = [header];
let observations = 0;
zones.forEach((z, i) => {
  for (const y of YEARS) {
    // no row before the zone's approval year: it was not a national zone yet
    if (!exists(i, y)) continue;
    const basis = y === YEARS[YEARS.length - 1] ? 'preliminary' : 'synthetic';
    const cells = DEMO_INDICATORS.map((id) => {
      const ind = IND.get(id);
      if (!(YEARS_OF[id] ?? YEARS).includes(y)) return '';
      const v = ranks.has(id) ? ranks.get(id).get(y)[i] : get(id, i, y);
      if (v === undefined) return '';
      observations++;
      // Counts are whole numbers whatever the catalogue's display decimals say.
      return fmt(v, ind.kind === 'count' || ind.kind === 'rank' ? 0 : ind.decimals);
    });
    lines.push([z.id, String(y), basis, SOURCE, ...cells].map(csvCell).join(','));
  }
});
const text = lines.join('\n') + '\n';
mkdirSync('data/demo', { recursive: true });
writeFileSync(OUT, text, 'utf8');

const bytes = Buffer.byteLength(text, 'utf8');
console.log(`${OUT}: ${lines.length - 1} rows (${observations} observations), ${zones.length} zones, ${YEARS[0]}–${YEARS[YEARS.length - 1]}, ${DEMO_INDICATORS.length} indicators, ${(bytes / 1048576).toFixed(2)} MiB, seed ${SEED}`);
if (bytes > MAX_BYTES) {
  console.error(`ERROR: ${OUT} is larger than ${MAX_BYTES} bytes`);
  process.exit(1);
}
// and its columnar table (data/demo/panel.htzcol, issue #19 item 2), so the two never disagree whichever script ran last
let failed = false;
await writeColumnar('data', JSON.parse(readFileSync('data/manifest.json', 'utf8')), (msg) => ((failed = true), console.error(`ERROR: ${msg}`)), ['demo']);
if (failed) process.exit(1);
