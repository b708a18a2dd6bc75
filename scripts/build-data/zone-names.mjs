/**
 * The zone registry's names (docs/architecture.md §2): the tables of special cases that no rule derives (short
 * names, permanent ids, aliases, English labels) and the rules for everything else (region, pinyin id,
 * English label, shortened provenance). Every table is keyed by the zone's full name in data/sources/zones.csv.
 */
import { pinyin } from 'pinyin-pro';
import { provinceOf } from '../../src/domain/provinces.mjs';

/**
 * Short names that differ from the source's short_name. The source gives the full name as the
 * "short" name for two zones, and 苏州 would be ambiguous between 苏州高新区 and 苏州工业园区
 * (the 2016 ranking row "苏州(ambiguous…)" must stay unmatched), so the Suzhou HTZ gets 苏州高新.
 */
export const SHORT_OVERRIDES = {
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
export const ZONE_ID_OVERRIDES = {
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
export const EXTRA_ALIASES = {
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
export const AMBIGUOUS_NAMES = ['苏州', '上海'];

/**
 * NBS four-region convention (东部/中部/西部/东北) from the full province name, read from the one table of
 * provinces the app uses too (src/domain/provinces.mjs). A province the table does not know stops the build.
 * @param {string} province
 */
export function regionOf(province) {
  const p = provinceOf(province);
  if (!p) throw new Error(`province "${province}" is not in src/domain/provinces.mjs`);
  return p.region;
}

/**
 * An English label from the pinyin of the short name: syllables grouped in twos (city names are two
 * characters), capitalised — 上海张江 → Shanghai Zhangjiang. Well-known names are given as they are used.
 */
export const NAME_EN_OVERRIDES = {
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
export const CITY_EN = { 克拉玛依: 'Karamay', 阿克苏: 'Aksu', 哈尔滨: 'Harbin', 呼和浩特: 'Hohhot', 鄂尔多斯: 'Ordos', 齐齐哈尔: 'Qiqihar', 西安: "Xi'an", 吉安: "Ji'an", 马鞍山: "Ma'anshan", 乌鲁木齐: 'Urumqi', 包头: 'Baotou', 泰安: "Tai'an", 淮安: "Huai'an", 延吉: 'Yanji' };
const pinyinWord = (/** @type {string} */ text) => {
  const w = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/ü/g, 'v');
  return w.charAt(0).toUpperCase() + w.slice(1);
};
/** @param {string} fullName @param {string} short @param {string} city */
export function nameEn(fullName, short, city) {
  if (NAME_EN_OVERRIDES[fullName]) return NAME_EN_OVERRIDES[fullName];
  // the host city first (马鞍山慈湖 → Ma'anshan Cihu), then the rest of the short name as one word
  const stem = city.replace(/(市|地区|自治州|盟)$/, '');
  const head = short.startsWith(stem) && stem ? stem : short.slice(0, 2);
  const rest = short.slice(head.length);
  return [CITY_EN[head] ?? pinyinWord(head), ...(rest ? [pinyinWord(rest)] : [])].join(' ');
}

/**
 * A zone id from its short name: toneless pinyin, lowercase ASCII, no separators (上海张江 → shanghaizhangjiang).
 * @param {string} text
 */
export function slug(text) {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Shorten the long provenance strings, keeping every repo@commit and URL.
 * @param {string} s
 */
export function shortenSource(s) {
  return s
    .replace(/GitHub chinapedia\/wikipedia\.zh\.mediawiki: /g, 'GitHub chinapedia/wikipedia.zh.mediawiki ')
    .replace(/ \(zh\.wikipedia navbox, data as of 2022-06, 172 zones, approval year per zone\)/g, ' (zh.wikipedia navbox, as of 2022-06)')
    .replace(/ \(zh\.wikipedia article; list of 156 zones with province, citing most\.gov\.cn list\)/g, ' (zh.wikipedia article, 156-zone list)')
    .replace(/ \(NBS 2023 statistical division codes\)/g, ' (NBS 2023 codes)')
    .replace(/ \(MIT; \[lng,lat\] of city\/county centres\)/g, ' (MIT)')
    .replace(/ @/g, '@');
}
