// The provincial divisions and the four regions, in one table for the app and the data build (scripts/ are plain
// node, which cannot import TypeScript: hence JavaScript, typed by provinces.d.mts). The regions are the NBS
// convention (东部/中部/西部/东北); the English names are the official romanisations, as the English interface
// and English exports show them.

/** @type {readonly { zh: import('./provinces.d.mts').Region, en: string }[]} */
export const REGIONS = [
  { zh: '东部', en: 'East' },
  { zh: '中部', en: 'Central' },
  { zh: '西部', en: 'West' },
  { zh: '东北', en: 'Northeast' },
];

/** @type {readonly import('./provinces.d.mts').Province[]} */
export const PROVINCES = [
  { name: '北京市', short: '北京', en: 'Beijing', region: '东部' },
  { name: '天津市', short: '天津', en: 'Tianjin', region: '东部' },
  { name: '河北省', short: '河北', en: 'Hebei', region: '东部' },
  { name: '山西省', short: '山西', en: 'Shanxi', region: '中部' },
  { name: '内蒙古自治区', short: '内蒙古', en: 'Inner Mongolia', region: '西部' },
  { name: '辽宁省', short: '辽宁', en: 'Liaoning', region: '东北' },
  { name: '吉林省', short: '吉林', en: 'Jilin', region: '东北' },
  { name: '黑龙江省', short: '黑龙江', en: 'Heilongjiang', region: '东北' },
  { name: '上海市', short: '上海', en: 'Shanghai', region: '东部' },
  { name: '江苏省', short: '江苏', en: 'Jiangsu', region: '东部' },
  { name: '浙江省', short: '浙江', en: 'Zhejiang', region: '东部' },
  { name: '安徽省', short: '安徽', en: 'Anhui', region: '中部' },
  { name: '福建省', short: '福建', en: 'Fujian', region: '东部' },
  { name: '江西省', short: '江西', en: 'Jiangxi', region: '中部' },
  { name: '山东省', short: '山东', en: 'Shandong', region: '东部' },
  { name: '河南省', short: '河南', en: 'Henan', region: '中部' },
  { name: '湖北省', short: '湖北', en: 'Hubei', region: '中部' },
  { name: '湖南省', short: '湖南', en: 'Hunan', region: '中部' },
  { name: '广东省', short: '广东', en: 'Guangdong', region: '东部' },
  { name: '广西壮族自治区', short: '广西', en: 'Guangxi', region: '西部' },
  { name: '海南省', short: '海南', en: 'Hainan', region: '东部' },
  { name: '重庆市', short: '重庆', en: 'Chongqing', region: '西部' },
  { name: '四川省', short: '四川', en: 'Sichuan', region: '西部' },
  { name: '贵州省', short: '贵州', en: 'Guizhou', region: '西部' },
  { name: '云南省', short: '云南', en: 'Yunnan', region: '西部' },
  { name: '西藏自治区', short: '西藏', en: 'Tibet', region: '西部' },
  { name: '陕西省', short: '陕西', en: 'Shaanxi', region: '西部' },
  { name: '甘肃省', short: '甘肃', en: 'Gansu', region: '西部' },
  { name: '青海省', short: '青海', en: 'Qinghai', region: '西部' },
  { name: '宁夏回族自治区', short: '宁夏', en: 'Ningxia', region: '西部' },
  { name: '新疆维吾尔自治区', short: '新疆', en: 'Xinjiang', region: '西部' },
];

const byName = new Map(PROVINCES.flatMap((p) => [[p.name, p], [p.short, p]]));

/**
 * The province of a full or short name (河南省, 河南), or undefined.
 * @param {string} name
 */
export const provinceOf = (name) => byName.get(name);
