#!/usr/bin/env node
/**
 * build-data.mjs — builds the reference files in data/ from the sourced tables in data/sources/ (docs/architecture.md §2).
 *
 *   node scripts/build-data.mjs        (npm run data:build; run from the repo root)
 *
 * Writes
 *   data/zones.csv            the zone registry (176 rows; ids are stable, see ZONE_ID_OVERRIDES)
 *   data/indicators.json      the indicator catalogue
 *   data/reported/*.csv       every row of the four reference tables in the canonical tidy format
 *   data/manifest.json        the datasets the site opens with
 *
 * Nothing here guesses: a value is copied as the source states it, a year that the source does not
 * give stays empty, and everything a source row says beyond the canonical columns goes into `note`.
 * The script exits non-zero when a check fails (id collision, unmapped indicator, row count mismatch).
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';
import { pinyin } from 'pinyin-pro';

// Paths are relative to the repo root (the script is run from there), never absolute.
const REF = 'data/sources';
const OUT = 'data';

let failures = 0;
const fail = (msg) => {
  failures++;
  console.error(`ERROR: ${msg}`);
};

// ---------------------------------------------------------------------------------------------
// CSV helpers (own writer: deterministic, RFC 4180 quoting, LF, no BOM)
// ---------------------------------------------------------------------------------------------
function readCsv(path) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const res = Papa.parse(text, { header: true, skipEmptyLines: true });
  if (res.errors.length) {
    for (const e of res.errors) fail(`${path} row ${e.row}: ${e.message}`);
  }
  return res.data;
}

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(path, columns, rows) {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n') + '\n', 'utf8');
}

function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n', 'utf8');
}

const joinNote = (parts) => parts.filter((p) => p !== undefined && p !== null && String(p).trim() !== '').join('; ');

// ---------------------------------------------------------------------------------------------
// 1. Zone registry
// ---------------------------------------------------------------------------------------------

/**
 * Short names that differ from the source's short_name. The source gives the full name as the
 * "short" name for two zones, and 苏州 would be ambiguous between 苏州高新区 and 苏州工业园区
 * (the 2016 ranking row "苏州(ambiguous…)" must stay unmatched), so the Suzhou HTZ gets 苏州高新.
 */
const SHORT_OVERRIDES = {
  中关村科技园区: '中关村',
  黄河三角洲农业高新技术产业示范区: '黄河三角洲',
  杨凌农业高新技术产业示范区: '杨凌',
  苏州高新技术产业开发区: '苏州高新',
};

/**
 * Ids that are not simply pinyin(short). Keyed by full name. Ids are PERMANENT: once published they
 * never change and are never reused, so any special case must be pinned here, not recomputed.
 *   福州 and 抚州 are both "fuzhou" in toneless pinyin: 福州 (1991) keeps fuzhou, 抚州 (2015) is fuzhoujiangxi.
 */
const ZONE_ID_OVERRIDES = {
  中关村科技园区: 'zhongguancun',
  黄河三角洲农业高新技术产业示范区: 'huanghesanjiaozhou',
  杨凌农业高新技术产业示范区: 'yangling',
  苏州高新技术产业开发区: 'suzhougaoxin',
  苏州工业园区: 'suzhougongyeyuanqu',
  抚州高新技术产业开发区: 'fuzhoujiangxi',
};

/**
 * Common aliases used in Chinese press, beyond the generated forms (short, <short>高新区,
 * <short>国家高新区, name_in_source). Only forms we are confident about. No bare 苏州 for either
 * Suzhou zone, no bare 上海 (张江 and 紫竹 are both in Shanghai).
 */
const EXTRA_ALIASES = {
  中关村科技园区: ['中关村', '北京中关村', '中关村科技园', '中关村示范区', '中关村国家自主创新示范区'],
  上海张江高新技术产业开发区: ['张江高新区', '张江', '张江示范区', '张江国家自主创新示范区'],
  深圳市高新技术产业园区: ['深圳高新区', '深圳国家高新区', '深圳市高新区'],
  武汉东湖新技术开发区: ['东湖高新区', '武汉东湖高新区', '东湖新技术开发区', '光谷', '中国光谷'],
  苏州工业园区: ['SIP', '园区', '苏州工业园'],
  苏州高新技术产业开发区: ['苏州新区'],
  厦门火炬高技术产业开发区: ['厦门高新区', '厦门火炬高新区'],
  威海火炬高技术产业开发区: ['威海高新区', '威海火炬高新区'],
  中山火炬高技术产业开发区: ['中山火炬开发区', '中山火炬高新区'],
  大连高新技术产业园区: ['大连高新区'],
  天津滨海高新技术产业开发区: ['滨海高新区'],
  长春净月高新技术产业开发区: ['净月高新区'],
  东莞松山湖高新技术产业开发区: ['松山湖高新区', '松山湖'],
  惠州仲恺高新技术产业开发区: ['仲恺高新区'],
  湖州莫干山高新技术产业开发区: ['莫干山高新区'],
  嘉兴秀洲高新技术产业开发区: ['秀洲高新区'],
  马鞍山慈湖高新技术产业开发区: ['慈湖高新区'],
  九江共青城高新技术产业开发区: ['共青城高新区'],
  宜春丰城高新技术产业开发区: ['丰城高新区'],
  黄石大冶湖高新技术产业开发区: ['大冶湖高新区'],
  包头稀土高新技术产业开发区: ['稀土高新区'],
  呼和浩特金山高新技术产业开发区: ['金山高新区'],
  泰州医药高新技术产业开发区: ['中国医药城'],
  攀枝花钒钛高新技术产业开发区: ['钒钛高新区'],
  源城高新技术产业开发区: ['河源高新区'],
  新疆生产建设兵团石河子高新技术产业开发区: ['石河子高新区', '石河子', '石河子国家高新区'],
  杨凌农业高新技术产业示范区: ['杨凌示范区', '杨凌农业高新技术产业示范区'],
  黄河三角洲农业高新技术产业示范区: ['黄河三角洲农高区', '黄三角农高区'],
};

/** Names that must never be an alias: they name more than one zone (see EXTRA_ALIASES). */
const AMBIGUOUS_NAMES = ['苏州', '上海'];

const REGION_NE = ['辽宁', '吉林', '黑龙江'];
const REGION_C = ['山西', '安徽', '江西', '河南', '湖北', '湖南'];
const REGION_W = ['内蒙古', '广西', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];

/** NBS four-region convention (东部/中部/西部/东北) from the full province name. */
function regionOf(province) {
  const p = province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  if (REGION_NE.includes(p)) return '东北';
  if (REGION_C.includes(p)) return '中部';
  if (REGION_W.includes(p)) return '西部';
  return '东部';
}

/**
 * An English label from the pinyin of the short name: syllables grouped in twos (city names are two
 * characters), capitalised — 上海张江 → Shanghai Zhangjiang. Well-known names are given as they are used.
 */
const NAME_EN_OVERRIDES = {
  中关村科技园区: 'Zhongguancun',
  苏州工业园区: 'Suzhou Industrial Park',
  武汉东湖新技术开发区: 'Wuhan East Lake',
  黄河三角洲农业高新技术产业示范区: 'Yellow River Delta',
  深圳市高新技术产业园区: 'Shenzhen',
  新疆生产建设兵团石河子高新技术产业开发区: 'Shihezi (XPCC)',
  // 福州 and 抚州 are both "Fuzhou" in toneless pinyin: the province tells them apart
  福州高新技术产业开发区: 'Fuzhou (Fujian)',
  抚州高新技术产业开发区: 'Fuzhou (Jiangxi)',
};
/** Cities whose English name is not their plain pinyin. */
const CITY_EN = { 克拉玛依: 'Karamay', 阿克苏: 'Aksu', 哈尔滨: 'Harbin', 呼和浩特: 'Hohhot', 鄂尔多斯: 'Ordos', 齐齐哈尔: 'Qiqihar', 西安: "Xi'an", 吉安: "Ji'an", 马鞍山: "Ma'anshan", 乌鲁木齐: 'Urumqi', 包头: 'Baotou', 泰安: "Tai'an", 淮安: "Huai'an", 延吉: 'Yanji' };
const pinyinWord = (text) => {
  const w = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/ü/g, 'v');
  return w.charAt(0).toUpperCase() + w.slice(1);
};
function nameEn(fullName, short, city) {
  if (NAME_EN_OVERRIDES[fullName]) return NAME_EN_OVERRIDES[fullName];
  // the host city first (马鞍山慈湖 → Ma'anshan Cihu), then the rest of the short name as one word
  const stem = city.replace(/(市|地区|自治州|盟)$/, '');
  const head = short.startsWith(stem) && stem ? stem : short.slice(0, 2);
  const rest = short.slice(head.length);
  return [CITY_EN[head] ?? pinyinWord(head), ...(rest ? [pinyinWord(rest)] : [])].join(' ');
}

function slug(text) {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '');
}

/** Shorten the long provenance strings, keeping every repo@commit and URL. */
function shortenSource(s) {
  return s
    .replace(/GitHub chinapedia\/wikipedia\.zh\.mediawiki: /g, 'GitHub chinapedia/wikipedia.zh.mediawiki ')
    .replace(/ \(zh\.wikipedia navbox, data as of 2022-06, 172 zones, approval year per zone\)/g, ' (zh.wikipedia navbox, as of 2022-06)')
    .replace(/ \(zh\.wikipedia article; list of 156 zones with province, citing most\.gov\.cn list\)/g, ' (zh.wikipedia article, 156-zone list)')
    .replace(/ \(NBS 2023 statistical division codes\)/g, ' (NBS 2023 codes)')
    .replace(/ \(MIT; \[lng,lat\] of city\/county centres\)/g, ' (MIT)')
    .replace(/ @/g, '@');
}

function buildZones() {
  const src = readCsv(`${REF}/zones.csv`);
  // Ids already published stay as they are (stability guard): read the previous registry if any.
  const previous = new Map();
  const prevPath = `${OUT}/zones.csv`;
  if (existsSync(prevPath)) {
    for (const r of readCsv(prevPath)) previous.set(r.name, r.id);
  }

  const zones = src.map((z) => {
    const name = z.name_zh.trim();
    const short = SHORT_OVERRIDES[name] ?? z.short_name.trim();
    let id = ZONE_ID_OVERRIDES[name] ?? slug(short);
    const prevId = previous.get(name);
    if (prevId && prevId !== id) {
      console.warn(`NOTE: ${name}: computed id "${id}" differs from published id "${prevId}"; keeping "${prevId}" (ids never change). Pin it in ZONE_ID_OVERRIDES.`);
      id = prevId;
    }

    const aliases = [];
    const add = (a) => {
      const t = (a ?? '').trim();
      if (t && t !== name && !aliases.includes(t) && !AMBIGUOUS_NAMES.includes(t)) aliases.push(t);
    };
    add(short);
    // Everyday forms are built on the source's short name (苏州 → 苏州高新区), even where the display
    // short name differs; a bare ambiguous stem itself is dropped by add().
    const stem = z.short_name.trim();
    const isHtzName = /高新技术产业开发区$|高技术产业开发区$|新技术开发区$|高新技术产业园区$/.test(name);
    if (isHtzName) add(`${stem}高新区`);
    if (/高新技术产业开发区$/.test(name)) add(`${stem}国家高新区`);
    if (z.name_in_source && z.name_in_source.trim() !== name) add(z.name_in_source);
    if (z.short_name.trim() !== short) add(z.short_name);
    for (const a of EXTRA_ALIASES[name] ?? []) add(a);

    const batch = joinNote([z.batch, z.approval_doc]);
    const coordDetail = z.coord_precision === 'county/district-level place' ? `county/district-level place ${z.coord_place}` : 'host city centre';
    const coordNote = z.coord_note.replace(/^host city\/county centre, not zone boundary;?\s*/, '');
    const source = [
      shortenSource(z.source),
      `division code: ${shortenSource(z.division_code_source)}`,
      `coordinates (${coordDetail}${coordNote ? `, ${coordNote}` : ''}; not the zone boundary): ${shortenSource(z.coord_source)}`,
    ].join(' | ');

    return {
      id,
      name,
      short,
      name_en: nameEn(name, short, z.host_city.trim()),
      aliases: aliases.join('|'),
      province: z.province.trim(),
      region: regionOf(z.province.trim()),
      city: z.host_city.trim(),
      division_code: z.city_division_code.trim(),
      zone_stat_code: z.zone_stat_division_code.trim(),
      approval_year: z.approval_year.trim(),
      batch,
      in_2020_evaluation: z.in_2020_evaluation_169.trim() === 'Y' ? 'true' : 'false',
      lat: z.lat.trim(),
      lon: z.lon.trim(),
      coord_place: z.coord_place.trim(),
      source,
    };
  });

  // Checks: count, flags, id shape and uniqueness, previously published ids not dropped or reused.
  if (zones.length !== 176) fail(`zones: expected 176 rows, got ${zones.length}`);
  const nEval = zones.filter((z) => z.in_2020_evaluation === 'true').length;
  if (nEval !== 169) fail(`zones: expected 169 in_2020_evaluation=true, got ${nEval}`);
  const byId = new Map();
  for (const z of zones) {
    if (!/^[a-z][a-z0-9]*$/.test(z.id)) fail(`zone id "${z.id}" (${z.name}) is not a lowercase ASCII slug`);
    if (byId.has(z.id)) fail(`zone id collision: "${z.id}" for ${byId.get(z.id).name} and ${z.name}; add an entry to ZONE_ID_OVERRIDES`);
    byId.set(z.id, z);
  }
  for (const [name, id] of previous) {
    if (!zones.some((z) => z.name === name)) fail(`zone "${name}" (id ${id}) was published before but is missing now; ids are never dropped or reused`);
  }
  // An alias must point at one zone only.
  const aliasOwner = new Map();
  for (const z of zones) {
    for (const a of [z.name, ...z.aliases.split('|')]) {
      const o = aliasOwner.get(a);
      if (o && o !== z.id) fail(`alias "${a}" is used by both ${o} and ${z.id}`);
      aliasOwner.set(a, z.id);
    }
  }
  for (const bad of AMBIGUOUS_NAMES) {
    if (aliasOwner.has(bad)) fail(`bare "${bad}" must not be an alias (ambiguous)`);
  }
  return zones;
}

// ---------------------------------------------------------------------------------------------
// 2. Indicator catalogue
// ---------------------------------------------------------------------------------------------

function buildCatalogue() {
  const torch = readCsv(`${REF}/torch_statistical_indicators.csv`);
  const system = readCsv(`${REF}/indicator_system.csv`);

  /** Citation of a row of torch_statistical_indicators.csv, found by the start of its name. */
  const T = (prefix) => {
    const r = torch.find((x) => x.indicator.startsWith(prefix));
    if (!r) throw new Error(`torch_statistical_indicators.csv has no row "${prefix}"`);
    return `火炬统计指标 Torch statistical indicator「${r.indicator}」(data/sources/torch_statistical_indicators.csv): ${r.source}`;
  };
  /** Citation of a row of indicator_system.csv, found by its indicator name. */
  const S = (name) => {
    const r = system.find((x) => x.indicator === name);
    if (!r) throw new Error(`indicator_system.csv has no row "${name}"`);
    return `${r.version}, ${r.level}「${r.indicator}」${r.weight ? ` (${r.weight})` : ''} (data/sources/indicator_system.csv): ${r.source}`;
  };
  const SEED1 = '新乡高新区管委会公报 2021年第1号';
  const SEED3 = '郑州高新区2020年"高光时刻"报道, 2021-02';

  const rank = (o) => ({
    unit: '位', unitEn: 'place', better: 'lower', kind: 'rank', decimals: 0, bandsAllowed: true, group: 'evaluation', ...o,
  });
  const amount = (o) => ({ unit: '亿元', unitEn: '100 million yuan', better: 'higher', kind: 'amount', decimals: 1, bandsAllowed: false, ...o });
  const rate = (o) => ({ unit: '%', unitEn: '%', better: 'higher', kind: 'rate', decimals: 1, bandsAllowed: false, ...o });
  const ratio = (o) => ({ unit: '%', unitEn: '%', better: 'higher', kind: 'ratio', decimals: 1, bandsAllowed: false, ...o });
  const count = (o) => ({ unit: '家', unitEn: 'enterprises', better: 'higher', kind: 'count', decimals: 0, bandsAllowed: false, ...o });
  const def = (zh, en, source) => ({ zh, en, source });

  const SYS2013 = '2013年修订版评价指标体系（4个一级指标，用于约2013—2020年度评价）';
  const SYS2013_EN = 'first-level indicator of the 2013 revised evaluation system (4 first-level indicators; used for the evaluations up to 2020)';
  const SYS2021 = '国科发火〔2021〕106号综合评价指标体系（5个一级指标，用于2021—2023年度评价）';
  const SYS2021_EN = 'first-level indicator of the 2021 system (国科发火〔2021〕106号; 5 first-level indicators; used for the 2021–2023 evaluations)';

  const list = [
    // --- evaluation ranks ------------------------------------------------------------------
    rank({
      id: 'rank_overall', zh: '综合排名', en: 'Overall rank',
      aliases: ['总体排名', '综合评价排名', '综合评价', '排名', '位次', '综合位次', '全国排名', '国家高新区综合排名', '国家高新区排名', '国家高新区综合评价排名', '评价排名', 'rank', 'overall rank', 'comprehensive rank', 'ranking'],
      definition: def(
        '国家高新区年度综合评价中的全国位次（数字越小越好）。2023年度及以前由科技部火炬中心评价并单独通报各区，2024年起由工业和信息化部评价并公布前50名。各年参评数量不同（147、157、169、178家等），评价指标体系亦数次修订（2013年修订版、国科发火〔2021〕106号、工信部规〔2024〕169号），不同年份位次不宜直接比较。只公布区间时记为 top3/top10/top20。',
        'Place in the annual comprehensive evaluation of national high-tech zones (lower is better). Evaluated by MOST\'s Torch Center up to the 2023 evaluation (each zone notified of its own result) and by MIIT from 2024 (top 50 published). The number of zones evaluated (147, 157, 169, 178 …) and the indicator system (2013 revision, 2021, 2024) changed over time, so places in different years are not strictly comparable. Where a source names only a group, the value is a band (top3/top10/top20).',
        `${S('知识创造和技术创新能力')} ; ${S('创新能力和创业活跃度')} ; ${S('高质量发展综合质效')}`,
      ),
    }),
    rank({
      id: 'rank_knowledge_innovation', zh: '知识创造和技术创新能力排名', en: 'Rank: knowledge creation & technological innovation',
      aliases: ['知识创造和技术创新能力', '知识创造和技术创新能力位次'],
      definition: def(`${SYS2013}“知识创造和技术创新能力”（权重30%）的全国位次。`, `Place on "knowledge creation and technological innovation capacity" (weight 30%), ${SYS2013_EN}.`, S('知识创造和技术创新能力')),
    }),
    rank({
      id: 'rank_industrial_upgrading', zh: '产业升级和结构优化能力排名', en: 'Rank: industrial upgrading & structural optimisation',
      aliases: ['产业升级和结构优化能力', '产业升级和结构优化能力位次'],
      definition: def(`${SYS2013}“产业升级和结构优化能力”（权重30%）的全国位次。与2021年体系的“结构优化和产业价值链”不是同一指标。`, `Place on "industrial upgrading and structural optimisation capacity" (weight 30%), ${SYS2013_EN}. Not the same indicator as the 2021 system's "structural optimisation and industrial value chain".`, S('产业升级和结构优化能力')),
    }),
    rank({
      id: 'rank_internationalization', zh: '国际化和参与全球竞争能力排名', en: 'Rank: internationalisation & global competitiveness',
      aliases: ['国际化和参与全球竞争能力', '国际化和参与全球竞争能力位次'],
      definition: def(`${SYS2013}“国际化和参与全球竞争能力”（权重20%）的全国位次。`, `Place on "internationalisation and participation in global competition" (weight 20%), ${SYS2013_EN}.`, S('国际化和参与全球竞争能力')),
    }),
    rank({
      id: 'rank_sustainability', zh: '高新区可持续发展能力排名', en: 'Rank: sustainable development capacity',
      aliases: ['可持续发展能力排名', '可持续发展能力', '高新区可持续发展能力', '可持续发展能力位次'],
      definition: def(`${SYS2013}“高新区可持续发展能力”（权重20%）的全国位次。`, `Place on "sustainable development capacity of the zone" (weight 20%), ${SYS2013_EN}.`, S('高新区可持续发展能力')),
    }),
    rank({
      id: 'rank_innovation_entrepreneurship', zh: '创新能力和创业活跃度排名', en: 'Rank: innovation capacity & entrepreneurial vitality',
      aliases: ['创新能力和创业活跃度', '创新能力和创业活跃度位次'],
      definition: def(`${SYS2021}“创新能力和创业活跃度”（权重20%）的全国位次。`, `Place on "innovation capacity and entrepreneurial vitality" (weight 20%), ${SYS2021_EN}.`, S('创新能力和创业活跃度')),
    }),
    rank({
      id: 'rank_structure_value_chain', zh: '结构优化和产业价值链排名', en: 'Rank: structural optimisation & industrial value chain',
      aliases: ['结构优化和产业价值链', '结构优化和产业价值链位次'],
      definition: def(`${SYS2021}“结构优化和产业价值链”的全国位次（权重20%，见来源说明：仅第一项权重见于官方转载）。`, `Place on "structural optimisation and industrial value chain", ${SYS2021_EN} (weight 20% per a third-party implementation; only the first weight is visible in the official repost).`, S('结构优化和产业价值链')),
    }),
    rank({
      id: 'rank_green_inclusive', zh: '绿色发展和宜居包容性排名', en: 'Rank: green development & liveable inclusiveness',
      aliases: ['绿色发展和宜居包容性', '绿色发展和宜居包容性位次'],
      definition: def(`${SYS2021}“绿色发展和宜居包容性”的全国位次（权重15%，第三方实现所列）。`, `Place on "green development and liveable inclusiveness", ${SYS2021_EN} (weight 15% per a third-party implementation).`, S('绿色发展和宜居包容性')),
    }),
    rank({
      id: 'rank_open_innovation', zh: '开放创新和国际竞争力排名', en: 'Rank: open innovation & international competitiveness',
      aliases: ['开放创新和国际竞争力', '开放创新和国际竞争力位次'],
      definition: def(`${SYS2021}“开放创新和国际竞争力”的全国位次（权重15%，第三方实现所列）。`, `Place on "open innovation and international competitiveness", ${SYS2021_EN} (weight 15% per a third-party implementation).`, S('开放创新和国际竞争力')),
    }),
    rank({
      id: 'rank_quality_innovation', zh: '综合质效和持续创新力排名', en: 'Rank: overall quality & sustained innovation',
      aliases: ['综合质效和持续创新力', '综合质效和持续创新力位次'],
      definition: def(`${SYS2021}“综合质效和持续创新力”的全国位次（权重30%，第三方实现所列）。`, `Place on "overall quality, efficiency and sustained innovation", ${SYS2021_EN} (weight 30% per a third-party implementation).`, S('综合质效和持续创新力')),
    }),
    rank({
      id: 'rank_advanced_mfg_parks', zh: '国家先进制造业百强园区排名', en: 'Rank among the top-100 advanced manufacturing parks',
      // not the zones' comprehensive evaluation: its denominators (data/evaluations.json) never apply
      group: 'park-ranking',
      aliases: ['先进制造业百强园区排名', '国家先进制造业百强园区', '先进制造业百强园区'],
      definition: def(
        '《国家先进制造业百强园区排名》中的位次。与高新区综合评价不同：参评对象为全国国家高新区和国家级经开区（2020年首次发布时共387家），只公布前100名。',
        'Place in the ranking of the top 100 advanced-manufacturing parks. Not the high-tech zone evaluation: it ranks national high-tech zones and national economic-and-technological development zones together (387 parks when first published, 2020) and publishes only the top 100.',
        SEED3,
      ),
    }),

    // --- economy --------------------------------------------------------------------------
    amount({
      id: 'gdp', zh: '地区生产总值', en: 'Gross regional product (zone GDP)', group: 'economy',
      aliases: ['园区生产总值', '生产总值', 'GDP', '地区生产总值(GDP)', '园区全口径生产总值', '园区GDP', 'gross regional product', 'zone GDP'],
      definition: def('高新区（园区全口径）地区生产总值，现价。全国汇总口径称“园区生产总值”，常以万亿元发布。', 'Gross regional product of the zone (whole-zone scope), current prices. National totals are published as 园区生产总值, often in 万亿元 (trillion yuan).', T('园区生产总值')),
    }),
    rate({
      id: 'gdp_growth', zh: '地区生产总值增速', en: 'GDP growth', group: 'economy',
      aliases: ['GDP增速', '地区生产总值同比增长', '地区生产总值增长', '地区生产总值增长率', 'GDP同比增长', 'GDP增长率', '园区生产总值同比增长', '园区生产总值增速', '生产总值增速', 'GDP growth'],
      definition: def('地区生产总值比上年同期增长的百分比（一般按可比价格计算）；非全年数据见 period。', 'Year-on-year growth of gross regional product, per cent (normally at comparable prices); see period for part-year figures.', `通用统计口径 (NBS convention); 见 ${SEED3}; ${SEED1}`),
    }),
    rate({
      id: 'gdp_cagr', zh: '园区生产总值年均增速', en: 'Average annual GDP growth (multi-year)', group: 'economy',
      aliases: ['地区生产总值年均增速', 'GDP年均增速', '年均增速'],
      definition: def('一段时期内园区生产总值的年均增长率；起止年份记在 period（如 2012-2023），year 为终止年。', 'Average annual growth of zone GDP over a span of years; the span is in period (e.g. 2012-2023) and year is its last year.', T('园区生产总值')),
    }),
    amount({
      id: 'revenue', zh: '营业收入', en: 'Operating revenue', group: 'economy',
      aliases: ['营业总收入', '企业总收入', '总收入', '营收', '技工贸总收入', '营业收入(初步核算)', 'operating revenue', 'revenue'],
      definition: def('区内入统企业的营业收入合计（火炬统计口径；旧表称“营业总收入”，中关村常称“企业总收入”）。', 'Total operating revenue of the enterprises covered by Torch statistics in the zone (older tables: 营业总收入; Zhongguancun: 企业总收入).', T('营业收入')),
    }),
    amount({
      id: 'industrial_output', zh: '工业总产值', en: 'Gross industrial output', group: 'economy',
      aliases: ['工业生产总值', 'gross industrial output'],
      definition: def('区内入统企业的工业总产值（火炬统计口径，全部入统企业，不限于规模以上）。“工业生产总值”为部分报道的写法。', 'Gross industrial output of the enterprises covered by Torch statistics (all covered enterprises, not only those above designated size). 工业生产总值 is a wording used in some reports.', T('工业总产值')),
    }),
    amount({
      id: 'industrial_output_above_scale', zh: '规模以上工业总产值', en: 'Gross industrial output, enterprises above designated size', group: 'economy',
      aliases: ['规上工业总产值', '规模以上工业产值', '规上工业产值'],
      definition: def('规模以上工业企业（年主营业务收入2000万元及以上）的工业总产值。口径与火炬统计的“工业总产值”不同，不可混用。', 'Gross industrial output of industrial enterprises above designated size (annual main-business revenue of 20 million yuan or more). A different scope from the Torch 工业总产值; do not mix.', '国家统计局规模以上工业统计口径 (NBS convention); 见 data/sources/zone_indicators_reported.csv (苏州日报 2023-03)'),
    }),
    amount({
      id: 'industrial_value_added', zh: '工业增加值', en: 'Industrial value added', group: 'economy',
      aliases: ['industrial value added'],
      definition: def('区内入统企业的工业增加值。', 'Industrial value added of the enterprises covered by Torch statistics.', T('工业增加值')),
    }),
    rate({
      id: 'industrial_va_growth_above_scale', zh: '规模以上工业增加值增速', en: 'Growth of industrial value added, above designated size', group: 'economy',
      aliases: ['规上工业增加值增速', '规模以上工业增加值增长', '规上工业增加值增长', '规模以上工业增加值同比增长'],
      definition: def('规模以上工业增加值比上年增长的百分比（可比价）。', 'Year-on-year growth of value added of industrial enterprises above designated size, per cent (comparable prices).', `国家统计局口径 (NBS convention); 见 ${SEED3}`),
    }),
    amount({
      id: 'net_profit', zh: '净利润', en: 'Net profit', group: 'economy',
      aliases: ['实现利润', 'net profit'],
      definition: def('区内入统企业的净利润（旧表称“实现利润”）。与“利润总额”（税前）不同。', 'Net profit of the enterprises covered by Torch statistics (older tables: 实现利润). Not the same as total (pre-tax) profit.', T('净利润')),
    }),
    amount({
      id: 'total_profit', zh: '利润总额', en: 'Total profit (pre-tax)', group: 'economy',
      aliases: ['利润总额(初步核算)', 'total profit'],
      definition: def('企业利润总额（税前）。与“净利润”不同。', 'Total (pre-tax) profit of enterprises. Not the same as net profit.', 'data/sources/national_aggregates.csv (经济参考报 2022-06-17, preliminary)'),
    }),
    amount({
      id: 'employees', zh: '年末从业人员', en: 'Year-end employees', group: 'economy', unit: '万人', unitEn: '10,000 persons',
      aliases: ['年末从业人员数', '从业人员', '从业人员数', '年末从业人数', 'employees'],
      definition: def('区内入统企业年末从业人员数。', 'Persons employed by the covered enterprises at year end.', T('年末从业人员')),
    }),

    // --- fiscal and investment -------------------------------------------------------------
    amount({
      id: 'taxes_paid', zh: '上缴税费', en: 'Taxes and fees paid', group: 'fiscal',
      aliases: ['上缴税额', '税收', '实际上缴税费', '上缴税费总额', 'taxes paid'],
      definition: def('区内入统企业实际上缴的税费（旧表称“上缴税额”，部分报道称“税收”）。', 'Taxes and fees actually paid by the covered enterprises (older tables: 上缴税额; some reports: 税收).', T('上缴税费')),
    }),
    ratio({
      id: 'tax_share_of_city', zh: '税收收入占所在城市比重', en: 'Tax revenue as share of host city', group: 'fiscal',
      aliases: ['税收收入占合肥市比重', '税收占全市比重', '税收收入占全市比重'],
      definition: def('高新区税收收入占所在城市税收收入的比重。', 'Tax revenue collected in the zone as a share of the host city\'s tax revenue.', 'data/sources/zone_indicators_reported.csv (央广网 2023-02-17)'),
    }),
    rate({
      id: 'budget_revenue_growth', zh: '一般公共预算收入增速', en: 'Growth of general public budget revenue', group: 'fiscal',
      aliases: ['一般公共预算收入增长', '一般公共预算收入同比增长', '公共财政预算收入增速'],
      definition: def('一般公共预算收入比上年增长的百分比。', 'Year-on-year growth of general public budget revenue, per cent.', `财政统计口径 (fiscal convention); 见 ${SEED3}`),
    }),
    rate({
      id: 'fai_growth', zh: '固定资产投资增速', en: 'Growth of fixed-asset investment', group: 'investment',
      aliases: ['固定资产投资增长', '固定资产投资同比增长'],
      definition: def('固定资产投资比上年增长的百分比。', 'Year-on-year growth of fixed-asset investment, per cent.', `国家统计局口径 (NBS convention); 见 ${SEED3}`),
    }),
    count({
      id: 'signed_projects', zh: '签约落地项目数', en: 'Signed investment projects', group: 'investment', unit: '个', unitEn: 'projects',
      aliases: ['签约项目数', '签约落地项目'],
      definition: def('当年招商签约并落地的项目个数（园区自报口径）。', 'Number of investment projects signed and landed in the year (as reported by the zone).', SEED1),
    }),
    amount({
      id: 'signed_investment', zh: '签约项目总投资', en: 'Total investment of signed projects', group: 'investment',
      aliases: ['签约落地项目总投资', '签约项目投资额'],
      definition: def('当年签约落地项目的计划总投资（园区自报口径）。', 'Planned total investment of the projects signed and landed in the year (as reported by the zone).', SEED1),
    }),

    // --- enterprises ------------------------------------------------------------------------
    count({
      id: 'enterprises', zh: '企业数', en: 'Enterprises (in Torch statistics)', group: 'enterprise',
      aliases: ['入统企业数', '企业数量', '纳入统计企业数', '入统企业', 'enterprises'],
      definition: def('纳入火炬统计的区内企业数。', 'Number of zone enterprises covered by Torch statistics.', T('入统企业数')),
    }),
    count({
      id: 'new_registered_enterprises', zh: '新注册企业数', en: 'Newly registered enterprises', group: 'enterprise',
      aliases: ['新注册企业', '新增注册企业'],
      definition: def('当期在区内新注册的企业数（工商登记口径，不限于入统企业）。', 'Enterprises newly registered in the zone in the period (business registration, not limited to covered enterprises).', 'data/sources/national_aggregates.csv (光明日报 2023-12-13)'),
    }),
    count({
      id: 'enterprises_revenue_over_100m', zh: '营收超亿元企业数', en: 'Enterprises with revenue above 100 million yuan', group: 'enterprise',
      aliases: ['营业收入超亿元企业数', '营收超亿元企业'],
      definition: def('营业收入超过1亿元的区内企业数。', 'Zone enterprises with operating revenue above 100 million yuan.', 'data/sources/national_aggregates.csv (央视新闻 2025-11-06)'),
    }),
    count({
      id: 'hte_count', zh: '高新技术企业数', en: 'Certified high-tech enterprises', group: 'enterprise',
      aliases: ['高企数量', '高企数', '国家高新技术企业数', '有效期内高新技术企业数', '高新技术企业数量', '国家级高新技术企业数', 'high-tech enterprises'],
      definition: def('区内经认定且在有效期内的国家高新技术企业数。', 'Certified national high-tech enterprises in the zone whose certification is valid.', T('高新技术企业数')),
    }),
    count({
      id: 'new_tech_smes', zh: '新增备案国家级科技型中小企业', en: 'Newly registered tech-based SMEs (national database)', group: 'enterprise',
      aliases: ['新增备案国家级科技型中小企业数', '备案国家级科技型中小企业新增', '新增国家级科技型中小企业', '新增科技型中小企业'],
      definition: def('当年新增评价入库（备案）的国家级科技型中小企业数。', 'Tech-based SMEs newly entered (registered) in the national database in the year.', SEED3),
    }),

    // --- innovation -------------------------------------------------------------------------
    ratio({
      id: 'rd_ratio', zh: 'R&D经费投入占GDP比重', en: 'R&D expenditure as share of GDP', group: 'innovation', decimals: 2,
      aliases: ['研发投入占GDP比重', '全社会R&D支出占GDP比重', 'R&D经费投入占地区生产总值比重', '全社会研发经费支出占GDP比重', 'R&D经费投入强度', 'R&D投入强度', '研发经费投入强度', 'R&D经费支出占GDP比重', 'R&D/GDP', 'R&D intensity'],
      definition: def('全社会研究与试验发展（R&D）经费支出占地区生产总值的比重。与火炬统计的“企业研发经费投入强度”（占营业收入）不同。', 'Research and experimental development (R&D) expenditure of the whole economy as a share of gross regional product. Not the Torch "enterprise R&D intensity" (share of revenue).', `R&D经费投入强度，国家统计局口径 (NBS R&D intensity convention); 见 ${SEED1}; data/sources/zone_indicators_reported.csv (苏州日报 2023-03; 陕西法制网 2024-12-25; 无锡日报 2022-02-25)`),
    }),
    amount({
      id: 'rd_expenditure', zh: '企业研发经费投入', en: 'Enterprise R&D expenditure', group: 'innovation',
      aliases: ['企业研发支出', '研发经费投入', '企业研发经费', 'R&D经费内部支出', '企业R&D经费支出', '企业研发经费支出'],
      definition: def('区内入统企业的研究与试验发展经费（内部支出）。', 'R&D expenditure (intramural) of the covered enterprises.', T('企业研发经费')),
    }),
    ratio({
      id: 'rd_intensity_revenue', zh: '企业研发投入强度（占营业收入）', en: 'Enterprise R&D intensity (share of revenue)', group: 'innovation',
      aliases: ['研发投入强度', '企业研发投入强度', '企业研发经费投入强度', '企业R&D经费投入强度'],
      definition: def(
        '企业研发经费占营业收入的比重（火炬统计用语）。来源只写“研发投入强度”、未注明分母时归入此项而非“R&D经费投入占GDP比重”：两者分母不同，不可混用。',
        'Enterprise R&D expenditure as a share of operating revenue (the Torch statistics\' usage). A source that says only "研发投入强度" without naming the denominator is filed here, not under R&D as a share of GDP: the denominators differ and the two must not be mixed.',
        T('企业研发经费'),
      ),
    }),
    count({
      id: 'patent_apps', zh: '专利申请量', en: 'Patent applications', group: 'innovation', unit: '件', unitEn: 'patents',
      aliases: ['专利申请数', '专利申请', 'patent applications'],
      definition: def('当年专利申请件数（发明、实用新型、外观设计合计）。', 'Patent applications filed in the year (invention, utility model and design).', `${T('发明专利')} ; ${SEED3}`),
    }),
    count({
      id: 'patent_grants', zh: '专利授权量', en: 'Patents granted', group: 'innovation', unit: '件', unitEn: 'patents',
      aliases: ['新增专利授权量', '专利授权数', '专利授权', 'patents granted'],
      definition: def('当年获得授权的专利件数（三种专利合计）。', 'Patents granted in the year (all three types).', `${T('发明专利')} ; ${SEED3}`),
    }),
    count({
      id: 'invention_grants', zh: '发明专利授权量', en: 'Invention patents granted', group: 'innovation', unit: '件', unitEn: 'patents',
      aliases: ['发明专利授权数', '授权发明专利', 'invention patents granted'],
      definition: def('当年获得授权的发明专利件数（流量）。与“万人有效发明专利拥有量”（存量比率）不同。', 'Invention patents granted in the year (a flow). Not the stock ratio "valid invention patents per 10,000".', T('发明专利')),
    }),
    ratio({
      id: 'invention_stock_per_10k', zh: '万人有效发明专利拥有量', en: 'Valid invention patents per 10,000 people', group: 'innovation', unit: '件', unitEn: 'patents per 10,000 people',
      aliases: ['万人有效发明专利', '每万人发明专利拥有量', '每万人有效发明专利拥有量', '万人发明专利拥有量'],
      definition: def('每万人（常住人口）拥有的有效发明专利件数（存量）。按从业人员计算的见“每万从业人员有效发明专利”。', 'Valid invention patents held per 10,000 (resident) people, a stock. The per-employee version is a separate indicator.', 'data/sources/zone_indicators_reported.csv (苏州日报 2023-03; 央广网 2023-02-17; 杭州高新区 2023-02)'),
    }),
    ratio({
      id: 'invention_stock_per_10k_employees', zh: '每万从业人员有效发明专利', en: 'Valid invention patents per 10,000 employees', group: 'innovation', unit: '件', unitEn: 'patents per 10,000 employees',
      aliases: ['每万从业人员拥有有效发明专利', '每万名从业人员有效发明专利拥有量', '每万从业人员发明专利拥有量'],
      definition: def('每万名从业人员拥有的有效发明专利件数（火炬统计口径）。', 'Valid invention patents per 10,000 employees (Torch statistics).', T('发明专利')),
    }),

    // --- openness ---------------------------------------------------------------------------
    amount({
      id: 'exports', zh: '出口总额', en: 'Exports', group: 'openness',
      aliases: ['出口', '出口创汇额', '出口额', 'exports'],
      definition: def('区内入统企业出口总额。近年以亿元发布，早年（“出口创汇额”）以亿美元发布：每条观测保留原发布单位，不做换算。', 'Exports of the covered enterprises. Recent figures are in 亿元 (100 million yuan); older ones (出口创汇额) in 亿美元 (100 million US dollars): each observation keeps its published unit, never converted.', T('出口总额')),
    }),
    amount({
      id: 'trade_total', zh: '进出口总额', en: 'Total imports and exports', group: 'openness',
      aliases: ['外贸进出口总额', '进出口额', '进出口'],
      definition: def('进口与出口合计（海关口径）。与“出口总额”不同。', 'Imports plus exports (customs). Not the same as exports.', 'data/sources/zone_indicators_reported.csv (苏州日报 2023-03)'),
    }),
    amount({
      id: 'fdi_actual', zh: '实际利用外资', en: 'Foreign direct investment actually used', group: 'openness', unit: '亿美元', unitEn: '100 million US dollars',
      aliases: ['实际使用外资', '实际利用外资金额', '实际使用外资金额'],
      definition: def('当年实际使用的外商直接投资金额（通常以亿美元发布）。', 'Foreign direct investment actually used in the year (usually in 亿美元).', 'data/sources/zone_indicators_reported.csv (苏州日报 2023-03)'),
    }),

    // --- high-tech industry breakdown (Torch annual analysis reports) -----------------------
    count({
      id: 'hitech_industry_enterprises', zh: '高技术产业企业数', en: 'Enterprises in high-tech industries', group: 'hitech_industry',
      aliases: ['高技术产业企业数量'],
      definition: def('属于高技术产业（高技术制造业+高技术服务业，GB/T 4754-2017分类）的入统企业数。与“高新技术企业数”（认定资质）不同。', 'Covered enterprises in high-tech industries (high-tech manufacturing + high-tech services, GB/T 4754-2017). Not the same as certified high-tech enterprises.', T('高技术产业')),
    }),
    ratio({
      id: 'hitech_industry_enterprise_share', zh: '高技术产业企业占比', en: 'Share of enterprises in high-tech industries', group: 'hitech_industry',
      aliases: ['高技术产业企业占企业总数比重'],
      definition: def('高技术产业企业占入统企业总数的比重。', 'Enterprises in high-tech industries as a share of all covered enterprises.', T('高技术产业')),
    }),
    amount({
      id: 'hitech_industry_employees', zh: '高技术产业从业人员', en: 'Employees in high-tech industries', group: 'hitech_industry', unit: '万人', unitEn: '10,000 persons',
      aliases: ['高技术产业从业人员数'],
      definition: def('高技术产业企业的从业人员。', 'Persons employed by enterprises in high-tech industries.', T('高技术产业')),
    }),
    amount({
      id: 'hitech_industry_revenue', zh: '高技术产业营业收入', en: 'Operating revenue of high-tech industries', group: 'hitech_industry',
      aliases: [],
      definition: def('高技术产业企业的营业收入。', 'Operating revenue of enterprises in high-tech industries.', T('高技术产业')),
    }),
    amount({
      id: 'hitech_industry_output', zh: '高技术产业工业总产值', en: 'Gross industrial output of high-tech industries', group: 'hitech_industry',
      aliases: [],
      definition: def('高技术产业企业的工业总产值。', 'Gross industrial output of enterprises in high-tech industries.', T('高技术产业')),
    }),
    amount({
      id: 'hitech_industry_net_profit', zh: '高技术产业净利润', en: 'Net profit of high-tech industries', group: 'hitech_industry',
      aliases: [],
      definition: def('高技术产业企业的净利润。', 'Net profit of enterprises in high-tech industries.', T('高技术产业')),
    }),
    amount({
      id: 'hitech_industry_taxes', zh: '高技术产业上缴税费', en: 'Taxes paid by high-tech industries', group: 'hitech_industry',
      aliases: [],
      definition: def('高技术产业企业上缴的税费。', 'Taxes and fees paid by enterprises in high-tech industries.', T('高技术产业')),
    }),
    amount({
      id: 'hitech_industry_exports', zh: '高技术产业出口总额', en: 'Exports of high-tech industries', group: 'hitech_industry',
      aliases: [],
      definition: def('高技术产业企业的出口总额。', 'Exports of enterprises in high-tech industries.', T('高技术产业')),
    }),

    // --- national-only: counts of zones and shares of national totals -----------------------
    count({
      id: 'zone_count', zh: '国家高新区数量', en: 'Number of national high-tech zones', group: 'national', unitEn: 'zones',
      aliases: ['国家高新区总数', '高新区数量'],
      definition: def('当时已设立的国家高新区家数（全国口径）。', 'Number of national high-tech zones in existence at the time (national only).', 'data/sources/zone_count_timeline.csv; data/sources/national_aggregates.csv'),
    }),
    count({
      id: 'zones_in_statistics', zh: '统计覆盖高新区数', en: 'Zones covered by the statistical report', group: 'national', unitEn: 'zones',
      aliases: ['统计覆盖国家高新区数'],
      definition: def('年度统计报告覆盖的国家高新区家数（可能与当年末设立数不同）。', 'Number of zones covered by a year\'s statistical report (may differ from the number in existence at year end).', 'data/sources/national_aggregates.csv (《2022年国家高新区综合发展与数据分析报告》)'),
    }),
    count({
      id: 'zones_revenue_over_100bn', zh: '营业收入超1000亿元的高新区数量', en: 'Zones with revenue above 100 billion yuan', group: 'national', unitEn: 'zones',
      aliases: ['营收超千亿元高新区数量', '营业收入超千亿元的高新区数量'],
      definition: def('营业收入超过1000亿元的国家高新区家数（全国口径）。', 'Number of national high-tech zones with operating revenue above 100 billion yuan (national only).', T('园区生产总值')),
    }),
    ratio({
      id: 'gdp_share_national', zh: '园区生产总值占全国GDP比重', en: 'Zone GDP as share of national GDP', group: 'national',
      aliases: ['园区生产总值占GDP比重', '占GDP比重', '占GDP比重 (as stated)', '占全国GDP比重', '园区生产总值占国内生产总值比重'],
      definition: def('全部国家高新区园区生产总值占全国国内生产总值的比重。', 'GDP of all national high-tech zones as a share of national GDP.', T('园区生产总值')),
    }),
    ratio({
      id: 'iva_share_secondary', zh: '工业增加值占全国第二产业增加值比重', en: 'Industrial value added as share of national secondary-sector value added', group: 'national',
      aliases: [],
      definition: def('国家高新区工业增加值占全国第二产业增加值的比重。', 'Industrial value added of the zones as a share of national secondary-sector value added.', 'data/sources/national_aggregates.csv (新华社 2012-04-02)'),
    }),
    ratio({
      id: 'iva_share_national', zh: '工业增加值占全国比重', en: 'Industrial value added as share of national total', group: 'national',
      aliases: ['工业增加值占全国工业增加值比重', '工业增加值占全国比重(>)'],
      definition: def('国家高新区工业增加值占全国工业增加值的比重。', 'Industrial value added of the zones as a share of the national total.', 'data/sources/national_aggregates.csv (2024 official briefings)'),
    }),
    ratio({
      id: 'export_share_national', zh: '出口总额占全国出口比重', en: 'Exports as share of national exports', group: 'national',
      aliases: ['占全国出口比重', '出口占全国比重'],
      definition: def('国家高新区出口总额占全国出口总额的比重。', 'Exports of the zones as a share of national exports.', 'data/sources/national_aggregates.csv'),
    }),
    ratio({
      id: 'tax_share_national', zh: '上缴税费占全国税收比重', en: 'Taxes paid as share of national tax revenue', group: 'national',
      aliases: ['上缴税费占全国税收收入比重'],
      definition: def('国家高新区上缴税费占全国税收收入的比重。', 'Taxes paid by the zones as a share of national tax revenue.', 'data/sources/national_aggregates.csv (新华社 2020-07-23)'),
    }),
    ratio({
      id: 'rd_share_national', zh: '企业研发经费投入占全国比重', en: 'Enterprise R&D expenditure as share of national enterprise R&D', group: 'national',
      aliases: ['研发经费投入占全国企业研发经费比重', '企业研发经费占全国比重'],
      definition: def('国家高新区企业研发经费投入占全国企业研发经费投入的比重。', 'Enterprise R&D expenditure in the zones as a share of national enterprise R&D expenditure.', T('企业研发经费')),
    }),
    ratio({
      id: 'rd_invention_share_national', zh: '企业研发经费投入及发明专利占全国比重', en: 'Share of national enterprise R&D and invention patents (combined statement)', group: 'national',
      aliases: [],
      definition: def('官方表述“集聚了全国50%的企业研发经费投入和发明专利”中的合并比重；两项未分列。', 'The combined share in the official statement that the zones account for 50% of national enterprise R&D and invention patents; the two are not given separately.', 'data/sources/national_aggregates.csv (新华社 2024-12-23)'),
    }),
    ratio({
      id: 'invention_grants_share_national', zh: '发明专利授权量占全国比重', en: 'Invention patents granted as share of national total', group: 'national',
      aliases: [],
      definition: def('国家高新区发明专利授权量占全国的比重。', 'Invention patents granted in the zones as a share of the national total.', T('发明专利')),
    }),
    ratio({
      id: 'pct_share_national', zh: 'PCT国际专利申请量占全国比重', en: 'PCT applications as share of national total', group: 'national',
      aliases: ['PCT申请量占全国比重'],
      definition: def('国家高新区PCT国际专利申请量占全国的比重。', 'PCT international patent applications from the zones as a share of the national total.', T('发明专利')),
    }),
    ratio({
      id: 'fdi_share_national', zh: '实际利用外资占全国比重', en: 'FDI actually used as share of national total', group: 'national',
      aliases: [],
      definition: def('国家高新区实际利用外资占全国的比重。', 'FDI actually used in the zones as a share of the national total.', 'data/sources/national_aggregates.csv (2024-09 official briefing)'),
    }),
    ratio({
      id: 'hitech_export_share_national', zh: '高新技术产品出口占全国比重', en: 'High-tech product exports as share of national total', group: 'national',
      aliases: ['高新技术产品出口总额占全国比重'],
      definition: def('国家高新区高新技术产品出口额占全国高新技术产品出口额的比重。', 'High-tech product exports of the zones as a share of national high-tech product exports.', 'data/sources/national_aggregates.csv (2024-09 official briefing)'),
    }),
    ratio({
      id: 'hte_share_national', zh: '高新技术企业占全国比重', en: 'High-tech enterprises as share of national total', group: 'national',
      aliases: [],
      definition: def('国家高新区内高新技术企业数占全国高新技术企业数的比重。', 'Certified high-tech enterprises in the zones as a share of the national total.', 'data/sources/national_aggregates.csv (新华社 2024-12-23; 央视新闻 2025-11-06)'),
    }),
    ratio({
      id: 'little_giants_share_national', zh: '专精特新小巨人占全国比重', en: 'Specialised "little giant" firms as share of national total', group: 'national',
      aliases: ['专精特新“小巨人”企业占全国比重', '专精特新小巨人企业占全国比重'],
      definition: def('国家高新区内专精特新“小巨人”企业数占全国的比重。', 'Specialised and sophisticated "little giant" enterprises in the zones as a share of the national total.', 'data/sources/national_aggregates.csv (新华社 2024-12-23; 央视新闻 2025-11-06)'),
    }),
    ratio({
      id: 'star_market_share_national', zh: '科创板上市企业占比', en: 'STAR Market listed firms: share in the zones', group: 'national',
      aliases: ['科创板上市企业占全国比重'],
      definition: def('科创板上市企业中位于国家高新区的比重。', 'Share of STAR Market listed companies located in the zones.', 'data/sources/national_aggregates.csv (新华社 2024-12-23)'),
    }),
    ratio({
      id: 'mfg_innovation_centre_share_national', zh: '国家制造业创新中心占比', en: 'National manufacturing innovation centres: share in the zones', group: 'national',
      aliases: [],
      definition: def('国家制造业创新中心中位于国家高新区的比重。', 'Share of national manufacturing innovation centres located in the zones.', 'data/sources/national_aggregates.csv (新华社 2024-12-23)'),
    }),
    ratio({
      id: 'key_lab_share_national', zh: '全国重点实验室占比', en: 'National key laboratories: share in the zones', group: 'national',
      aliases: [],
      definition: def('全国重点实验室中位于国家高新区的比重。', 'Share of national key laboratories located in the zones.', 'data/sources/national_aggregates.csv (新华社 2024-12-23)'),
    }),
  ];

  // Checks: exact key set, unique ids, no name used by two indicators.
  const KEYS = ['id', 'zh', 'en', 'aliases', 'unit', 'unitEn', 'better', 'kind', 'decimals', 'bandsAllowed', 'group', 'definition'];
  const ordered = list.map((x) => Object.fromEntries(KEYS.map((k) => [k, x[k]])));
  const owner = new Map();
  for (const x of list) {
    const extra = Object.keys(x).filter((k) => !KEYS.includes(k));
    if (extra.length) fail(`indicator ${x.id}: unexpected keys ${extra.join(',')}`);
    for (const k of KEYS) if (x[k] === undefined) fail(`indicator ${x.id}: missing ${k}`);
    if (!/^[a-z][a-z0-9_]*$/.test(x.id)) fail(`indicator id "${x.id}" is not a slug`);
    if (!['higher', 'lower'].includes(x.better)) fail(`indicator ${x.id}: bad better`);
    if (!['rank', 'amount', 'rate', 'count', 'ratio'].includes(x.kind)) fail(`indicator ${x.id}: bad kind`);
    if (!x.definition.zh || !x.definition.en || !x.definition.source) fail(`indicator ${x.id}: incomplete definition`);
    for (const n of [x.id, x.zh, x.en, ...x.aliases].map(normName)) {
      const o = owner.get(n);
      if (o && o !== x.id) fail(`indicator name "${n}" is used by both ${o} and ${x.id}`);
      owner.set(n, x.id);
    }
  }
  return { catalogue: ordered, lookup: owner };
}

/** Normalised form used to match indicator names: width, case, spaces and bracket style ignored. */
function normName(s) {
  return String(s)
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[“”"]/g, '')
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// 3. Reported data → canonical tidy rows
// ---------------------------------------------------------------------------------------------
const CANON = ['zone', 'year', 'indicator', 'value', 'unit', 'period', 'basis', 'source', 'note'];
const BASES = ['reported', 'derived', 'estimate', 'target', 'preliminary'];

/** Map a source's basis text onto the enum; the text itself goes to note when it says more. */
function mapBasis(text) {
  const t = (text ?? '').trim().toLowerCase();
  if (t === '') return 'reported';
  if (t.startsWith('derived')) return 'derived';
  if (t.includes('preliminary') || t.includes('初步')) return 'preliminary';
  if (t.startsWith('target')) return 'target';
  if (t.startsWith('estimate') || t.includes('预计')) return 'estimate';
  if (t.startsWith('reported')) return 'reported';
  throw new Error(`unknown basis text "${text}"`);
}

const PERIODS = {
  'Q1-Q3': 'Q1-Q3',
  'Jan-Nov': '1-11月',
  'Jan-Jul': '1-7月',
};

/**
 * Split a year cell such as "2024 Q1-Q3", "2022 Jan-Nov", "2012-2023", "2024 (as stated)", "(stated)".
 * Returns { year, period, note }; year stays '' when the cell has no year (never guessed).
 */
function parseYearCell(raw) {
  const s = raw.trim();
  let m;
  if ((m = s.match(/^(\d{4})$/))) return { year: m[1], period: '', note: '' };
  if ((m = s.match(/^(\d{4})\s+(Q1-Q3|Jan-Nov|Jan-Jul)$/))) return { year: m[1], period: PERIODS[m[2]], note: '' };
  if ((m = s.match(/^(\d{4})-(\d{4})$/))) return { year: m[2], period: `${m[1]}-${m[2]}`, note: `年份为时期 ${m[1]}—${m[2]} 的终止年 (year is the last year of the span ${s})` };
  if ((m = s.match(/^(\d{4})\s*\((.+)\)$/))) return { year: m[1], period: '', note: `年份按来源表述 year as written: "${s}"` };
  if (/^\(stated\)$/.test(s)) return { year: '', period: '', note: '来源未给出年份，留空不猜 (no year stated in the source; left empty, not guessed)' };
  throw new Error(`unparsed year cell "${raw}"`);
}

/**
 * A published unit with an annotation, e.g. "% (approx.)" or "位 (of 387)": keep the unit, move the
 * annotation to note, and carry "approx." into the value as 约 so the importer flags it.
 */
function splitUnit(rawUnit, value) {
  const u = (rawUnit ?? '').trim();
  const m = u.match(/^(.*?)\s*\((.+)\)$/);
  if (!m) return { unit: u, value, note: '' };
  const [, unit, ann] = m;
  if (/^approx\.?$/i.test(ann)) return { unit, value: `约${value}`, note: `原单位写作 unit as written: "${u}"（约数 approximate）` };
  const of = ann.match(/^of (\d+)$/);
  if (of) return { unit, value, note: `参评总数 out of: ${of[1]}（原单位写作 unit as written: "${u}"）` };
  return { unit, value, note: `原单位写作 unit as written: "${u}"` };
}

function makeIndicatorResolver(lookup, unresolved) {
  /**
   * Resolve a metric name to a catalogue id. A trailing parenthesised qualifier such as
   * "(初步核算)", "(as stated)" or "(>)" is not part of the name: it is returned separately.
   */
  return (rawName, where) => {
    const m = String(rawName).normalize('NFKC').match(/^(.*?)\s*\(([^()]*)\)\s*$/);
    if (m) {
      const id = lookup.get(normName(m[1]));
      if (id) return { id, qualifier: m[2].trim() };
    }
    const direct = lookup.get(normName(rawName));
    if (direct) return { id: direct, qualifier: '' };
    unresolved.push(`${where}: "${rawName}"`);
    return { id: '', qualifier: '' };
  };
}

/** Catalogue zh name by id, filled once the catalogue is built. */
const ZH_OF = new Map();
/** True when a source's metric name differs from the catalogue's zh name (so note keeps it). */
const isRenamed = (raw, id) => normName(raw) !== normName(ZH_OF.get(id) ?? id);

function makeZoneResolver(zones) {
  const map = new Map();
  for (const z of zones) for (const n of [z.name, z.short, ...z.aliases.split('|')]) map.set(n, z.name);
  /** Full registry name, or the raw text when it matches no registry zone (kept, never guessed). */
  return (raw) => map.get(raw.trim()) ?? null;
}

function convertRankings(resolveZone, unmatched) {
  const rows = readCsv(`${REF}/rankings.csv`);
  const out = rows.map((r, i) => {
    const zone = resolveZone(r.zone);
    if (!zone) unmatched.push(`rankings.csv row ${i + 2}: "${r.zone}"`);
    const label = r.evaluation.trim();
    const ym = label.match(/^(\d{4})年/);
    const year = ym ? ym[1] : '';
    const basis = mapBasis(r.basis);
    const dataYear = label.match(/based on (\d{4}) data/);
    return {
      zone: zone ?? r.zone.trim(),
      year,
      indicator: 'rank_overall',
      value: r.rank.trim(),
      unit: '位',
      period: '',
      basis,
      source: r.source.trim(),
      note: joinNote([
        `评价 evaluation: ${label}`,
        year ? '' : /YEAR UNCERTAIN/.test(r.basis) || /year digits missing/.test(label)
          ? '年份未定：来源文字中年份数字缺失，留空不猜 (year unknown: the year digits are missing in the source text; left empty, not guessed)'
          : '年份未定：评价标签未写评价年份，留空不猜 (the evaluation label carries no year; left empty, not guessed)',
        dataYear ? `数据年份 data year: ${dataYear[1]}` : '',
        `发布 published: ${r.published.trim()}`,
        r.n_evaluated.trim() ? `参评 n_evaluated: ${r.n_evaluated.trim()}` : '',
        r.basis.trim() !== basis ? `依据 basis: ${r.basis.trim()}` : '',
        zone ? '' : '未能对应到名录中的单一高新区 (does not match a single registry zone)',
        `原文 quote: ${r.quote.trim()}`,
      ]),
    };
  });
  return { input: rows.length, out };
}

const SEED_DOCS = {
  '001_7e47003e00cda175.txt': '新乡高新区管委会公报 2021年第1号（总第13号，2021-04-15）',
  '003_4657256a11807d50.txt': '郑州高新区2020年“高光时刻”报道（2021-02-09 党工委管委会全体会议，记者孙庆辉）',
};

function convertSeedFacts(resolveZone, resolveInd, unmatched) {
  const rows = readCsv(`${REF}/seed_facts.csv`);
  const out = rows.map((r, i) => {
    const zone = resolveZone(r.zone);
    if (!zone) unmatched.push(`seed_facts.csv row ${i + 2}: "${r.zone}"`);
    const { id, qualifier } = resolveInd(r.indicator, `seed_facts.csv row ${i + 2}`);
    const basis = mapBasis(r.basis);
    const u = splitUnit(r.unit, r.value.trim());
    const file = r.source.trim();
    const doc = SEED_DOCS[file];
    if (!doc) fail(`seed_facts.csv row ${i + 2}: no description for seed file ${file}`);
    const { year, period, note: yNote } = parseYearCell(r.year);
    return {
      zone: zone ?? r.zone.trim(),
      year,
      indicator: id,
      value: u.value,
      unit: u.unit,
      period,
      basis,
      // the bulletin itself, as a reader can look it up (the archive's file id is no citation)
      source: doc,
      note: joinNote([
        yNote,
        isRenamed(r.indicator, id) ? `原指标名 metric as written: ${r.indicator.trim()}` : '',
        qualifier ? `限定 qualifier: ${qualifier}` : '',
        u.note,
        r.basis.trim() !== basis ? `依据 basis: ${r.basis.trim()}` : '',
        `原文 quote: ${r.quote.trim()}`,
      ]),
    };
  });
  return { input: rows.length, out };
}

function convertZoneIndicators(resolveZone, resolveInd, unmatched) {
  const rows = readCsv(`${REF}/zone_indicators_reported.csv`);
  let prevQuote = '';
  const out = rows.map((r, i) => {
    const zone = resolveZone(r.zone);
    if (!zone) unmatched.push(`zone_indicators_reported.csv row ${i + 2}: "${r.zone}"`);
    const { id, qualifier } = resolveInd(r.metric, `zone_indicators_reported.csv row ${i + 2}`);
    const { year, period, note: yNote } = parseYearCell(r.year);
    const u = splitUnit(r.unit, r.value.trim());
    // "同上" (ditto) points at the previous row's quote: spell it out so each row stands alone.
    let quote = r.quote.trim();
    if (quote === '同上') quote = `${prevQuote}（原表写作“同上” ditto）`;
    else prevQuote = quote;
    return {
      zone: zone ?? r.zone.trim(),
      year,
      indicator: id,
      value: u.value,
      unit: u.unit,
      period,
      basis: 'reported',
      source: r.source.trim(),
      note: joinNote([
        yNote,
        period ? `时期 period as written: ${r.year.trim()}` : '',
        isRenamed(r.metric, id) ? `原指标名 metric as written: ${r.metric.trim()}` : '',
        qualifier ? `限定 qualifier: ${qualifier}` : '',
        u.note,
        `原文 quote: ${quote}`,
      ]),
    };
  });
  return { input: rows.length, out };
}

function convertNational(resolveInd) {
  const rows = readCsv(`${REF}/national_aggregates.csv`);
  let prevSource = '';
  let prevQuote = '';
  const out = rows.map((r, i) => {
    const { id, qualifier } = resolveInd(r.metric, `national_aggregates.csv row ${i + 2}`);
    const { year, period, note: yNote } = parseYearCell(r.year);
    // "same" / "同上" refer to the row above: resolve them so no row depends on its neighbour.
    let source = r.source.trim();
    let sourceNote = '';
    if (source === 'same') {
      source = prevSource;
      sourceNote = '来源原写作 "same"（同上行）';
    } else prevSource = source;
    let quote = r.quote.trim();
    if (quote === '同上') quote = `${prevQuote}（原表写作“同上” ditto）`;
    else prevQuote = quote;

    let value = r.value.trim();
    let basis = 'reported';
    const extra = r.note.trim();
    if (/preliminary/i.test(extra) || qualifier === '初步核算') basis = 'preliminary';
    // "(>)" in the metric name means "more than": carry it into the value (20 → >20).
    if (qualifier === '>' && !/^[>≥]/.test(value)) value = `>${value}`;
    const u = splitUnit(r.unit, value);
    return {
      zone: '全国',
      year,
      indicator: id,
      value: u.value,
      unit: u.unit,
      period,
      basis,
      source,
      note: joinNote([
        yNote,
        period ? `时期 period as written: ${r.year.trim()}` : '',
        isRenamed(r.metric, id) ? `原指标名 metric as written: ${r.metric.trim()}` : '',
        qualifier === '>' ? `原值 value as written: ${r.value.trim()}（指标名带“(>)”，即“以上” more than）` : '',
        u.note,
        r.n_zones.trim() ? `覆盖园区 n_zones: ${r.n_zones.trim()}` : '',
        extra ? `说明 note: ${extra}` : '',
        sourceNote,
        `原文 quote: ${quote}`,
      ]),
    };
  });
  return { input: rows.length, out };
}

/**
 * Who each evaluation ranked, where the sources say. Excluded provinces are the only thing not read from a
 * ranking row's own columns: the 2021年度 evaluation's label says "157 zones excl. Hubei", and that is written
 * down here once rather than parsed out of English prose.
 */
const EVALUATION_EXCLUDES = {
  2021: { provinces: ['湖北省'], zh: '湖北省12家未参评', en: "Hubei's 12 zones were not evaluated" },
};

/**
 * data/evaluations.json: one entry per evaluation year whose ranked count a source states (`n_evaluated`).
 * Every row of a year must state the same count. The ranked zones are those approved before the evaluation
 * year (each evaluation used the previous year's statistics) less any excluded province; where that rule and
 * the stated count disagree, the entry says by how much (the registry lacks two zones approved in late 2022).
 */
function buildEvaluations(zones) {
  const rows = readCsv(`${REF}/rankings.csv`);
  const byYear = new Map();
  for (const [i, r] of rows.entries()) {
    const ym = r.evaluation.trim().match(/^(\d{4})年/);
    const n = r.n_evaluated.trim();
    if (!ym || !n) continue;
    const year = Number(ym[1]);
    const seen = byYear.get(year);
    if (seen && seen.evaluated !== Number(n)) fail(`rankings.csv row ${i + 2}: ${year} ranked ${n} zones, row ${seen.row} says ${seen.evaluated}`);
    if (!seen) {
      const label = r.evaluation.trim().replace(/\s*\(.*$/, '');
      byYear.set(year, { year, evaluated: Number(n), label, source: r.source.trim().split(/\s+;\s+/)[0], row: i + 2 });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year).map(({ row: _row, ...e }) => {
    const ex = EVALUATION_EXCLUDES[e.year];
    const excluded = new Set(ex?.provinces ?? []);
    const inRegistry = zones.filter((z) => Number(z.approval_year) < e.year && !excluded.has(z.province)).length;
    return {
      ...e,
      excludeProvinces: ex?.provinces ?? [],
      excludeNote: ex ? { zh: ex.zh, en: ex.en } : null,
      inRegistry,
    };
  });
}

/**
 * data/source-tiers.json from data/sources/source-tiers.csv: how far each source can be trusted, decided per
 * host or source name (never per row). Every source of data/reported/ must match a rule: the build fails
 * naming any that does not, so a new source cannot arrive untiered.
 */
const TIERS = ['official', 'media', 'mirror', 'unknown'];
function buildSourceTiers(reportedRows) {
  const rules = readCsv(`${REF}/source-tiers.csv`).map((r, i) => {
    const where = `source-tiers.csv row ${i + 2}`;
    if (!['domain', 'name'].includes(r.kind)) fail(`${where}: kind "${r.kind}"`);
    if (!TIERS.includes(r.tier)) fail(`${where}: tier "${r.tier}"`);
    if (!r.evidence?.trim()) fail(`${where}: no evidence given`);
    return { match: r.kind === 'domain' ? r.match.trim().toLowerCase() : r.match.trim(), kind: r.kind, tier: r.tier, outlet: (r.outlet ?? '').trim() };
  });
  const seen = new Set();
  for (const r of rules) {
    const key = `${r.kind}:${r.match}`;
    if (seen.has(key)) fail(`source-tiers.csv: "${r.match}" twice`);
    seen.add(key);
  }
  const counts = Object.fromEntries(TIERS.map((t) => [t, 0]));
  for (const { file, row, source } of reportedRows) {
    const hosts = [...source.matchAll(/https?:\/\/([^/\s;,，；)）?#:]+)/gi)].map((m) => m[1].toLowerCase());
    const matched = hosts.length
      ? hosts.flatMap((h) => rules.filter((r) => r.kind === 'domain' && (h === r.match || h.endsWith(`.${r.match}`))).sort((a, b) => b.match.length - a.match.length).slice(0, 1))
      : rules.filter((r) => r.kind === 'name' && source.includes(r.match));
    if (!matched.length || (hosts.length && matched.length < hosts.length)) fail(`${file} row ${row}: no tier rule for the source "${source.slice(0, 80)}"`);
    else counts[matched.map((r) => r.tier).sort((a, b) => TIERS.indexOf(a) - TIERS.indexOf(b))[0]]++;
  }
  return { rules, counts };
}

/** Latest ISO date (YYYY-MM-DD) mentioned in the four source tables. */
function latestDate(files) {
  let max = '';
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\b(20\d{2})-(\d{2})-(\d{2})\b/g)) {
      const d = `${m[1]}-${m[2]}-${m[3]}`;
      if (d > max) max = d;
    }
  }
  return max;
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------
const zones = buildZones();
writeCsv(`${OUT}/zones.csv`, ['id', 'name', 'short', 'name_en', 'aliases', 'province', 'region', 'city', 'division_code', 'zone_stat_code', 'approval_year', 'batch', 'in_2020_evaluation', 'lat', 'lon', 'coord_place', 'source'], zones);

const { catalogue, lookup } = buildCatalogue();
writeJson(`${OUT}/indicators.json`, catalogue);
for (const x of catalogue) ZH_OF.set(x.id, x.zh);

const unresolved = [];
const unmatched = [];
const resolveInd = makeIndicatorResolver(lookup, unresolved);
const resolveZone = makeZoneResolver(zones);

/** @type {[string, string, { input: number, out: Record<string, string>[] }][]} */
const conversions = [
  ['rankings.csv', 'rankings.csv', convertRankings(resolveZone, unmatched)],
  ['seed_facts.csv', 'seed_facts.csv', convertSeedFacts(resolveZone, resolveInd, unmatched)],
  ['zone_indicators_reported.csv', 'zone_indicators.csv', convertZoneIndicators(resolveZone, resolveInd, unmatched)],
  ['national_aggregates.csv', 'national.csv', convertNational(resolveInd)],
];

const ids = new Set(catalogue.map((x) => x.id));
for (const [inName, outName, { input, out }] of conversions) {
  if (out.length !== input) fail(`${outName}: ${out.length} rows written for ${input} input rows`);
  for (const [i, r] of out.entries()) {
    if (!ids.has(r.indicator)) fail(`${outName} row ${i + 2}: indicator "${r.indicator}" is not in the catalogue`);
    if (!BASES.includes(r.basis)) fail(`${outName} row ${i + 2}: basis "${r.basis}"`);
    if (r.year && !/^\d{4}$/.test(r.year)) fail(`${outName} row ${i + 2}: year "${r.year}"`);
    if (r.value === '') fail(`${outName} row ${i + 2}: empty value`);
    if (!r.source) fail(`${outName} row ${i + 2}: empty source`);
  }
  writeCsv(`${OUT}/reported/${outName}`, CANON, out);
  console.log(`reported/${outName}: ${out.length} rows (from ${inName}: ${input})`);
}
for (const u of unresolved) fail(`indicator name not in the catalogue: ${u}`);
for (const u of unmatched) console.warn(`NOTE: zone kept as written (no single registry zone): ${u}`);

const reportedSources = conversions.flatMap(([, outName, { out }]) => out.map((r, i) => ({ file: `reported/${outName}`, row: i + 2, source: r.source })));
const { rules: tierRules, counts: tierCounts } = buildSourceTiers(reportedSources);
writeJson(`${OUT}/source-tiers.json`, tierRules);
console.log(`source-tiers.json: ${tierRules.length} rules; rows of reported/ by tier: ${TIERS.map((t) => `${t} ${tierCounts[t]}`).join(', ')}`);

const evaluations = buildEvaluations(zones);
writeJson(`${OUT}/evaluations.json`, evaluations);
for (const e of evaluations) {
  const gap = e.inRegistry === e.evaluated ? '' : ` — the registry has ${e.inRegistry} of them`;
  console.log(`evaluations.json: ${e.year} ranked ${e.evaluated} zones${gap}`);
}

const asOf = latestDate(conversions.map(([inName]) => `${REF}/${inName}`));
const manifest = {
  datasets: [
    {
      id: 'reported',
      kind: 'reported',
      title: { zh: '公开发布数据', en: 'Published figures' },
      files: conversions.map(([, outName]) => `reported/${outName}`),
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
writeJson(`${OUT}/manifest.json`, manifest);

console.log(`zones.csv: ${zones.length} rows (${zones.filter((z) => z.in_2020_evaluation === 'true').length} in the 2020 evaluation), ids unique`);
console.log(`indicators.json: ${catalogue.length} indicators`);
console.log(`manifest.json: reported asOf ${asOf}`);
if (failures) {
  console.error(`build-data: ${failures} error(s)`);
  process.exit(1);
}
