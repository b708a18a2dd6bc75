/**
 * The 31 mainland provinces as a tile grid: one equal square per province, placed roughly where the
 * province lies (north at the top, west on the left), as newspaper tile maps of China do. No boundary
 * map, so no map-approval question (docs/architecture.md §4.1). Keys are the full names used in data/zones.csv.
 */
export interface ProvinceTile {
  /** full name, as in data/zones.csv `province` */
  province: string;
  /** the one-character abbreviation (简称) */
  abbr: string;
  /** the common short name */
  short: string;
  row: number;
  col: number;
}

export const TILE_COLS = 7;
export const TILE_ROWS = 8;

// prettier-ignore
export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { province: '黑龙江省', abbr: '黑', short: '黑龙江', row: 0, col: 6 },

  { province: '内蒙古自治区', abbr: '蒙', short: '内蒙古', row: 1, col: 3 },
  { province: '北京市', abbr: '京', short: '北京', row: 1, col: 4 },
  { province: '辽宁省', abbr: '辽', short: '辽宁', row: 1, col: 5 },
  { province: '吉林省', abbr: '吉', short: '吉林', row: 1, col: 6 },

  { province: '新疆维吾尔自治区', abbr: '新', short: '新疆', row: 2, col: 0 },
  { province: '甘肃省', abbr: '甘', short: '甘肃', row: 2, col: 1 },
  { province: '宁夏回族自治区', abbr: '宁', short: '宁夏', row: 2, col: 2 },
  { province: '山西省', abbr: '晋', short: '山西', row: 2, col: 3 },
  { province: '河北省', abbr: '冀', short: '河北', row: 2, col: 4 },
  { province: '天津市', abbr: '津', short: '天津', row: 2, col: 5 },

  { province: '西藏自治区', abbr: '藏', short: '西藏', row: 3, col: 0 },
  { province: '青海省', abbr: '青', short: '青海', row: 3, col: 1 },
  { province: '陕西省', abbr: '陕', short: '陕西', row: 3, col: 2 },
  { province: '河南省', abbr: '豫', short: '河南', row: 3, col: 3 },
  { province: '山东省', abbr: '鲁', short: '山东', row: 3, col: 4 },

  { province: '四川省', abbr: '川', short: '四川', row: 4, col: 1 },
  { province: '重庆市', abbr: '渝', short: '重庆', row: 4, col: 2 },
  { province: '湖北省', abbr: '鄂', short: '湖北', row: 4, col: 3 },
  { province: '安徽省', abbr: '皖', short: '安徽', row: 4, col: 4 },
  { province: '江苏省', abbr: '苏', short: '江苏', row: 4, col: 5 },
  { province: '上海市', abbr: '沪', short: '上海', row: 4, col: 6 },

  { province: '云南省', abbr: '滇', short: '云南', row: 5, col: 1 },
  { province: '贵州省', abbr: '黔', short: '贵州', row: 5, col: 2 },
  { province: '湖南省', abbr: '湘', short: '湖南', row: 5, col: 3 },
  { province: '江西省', abbr: '赣', short: '江西', row: 5, col: 4 },
  { province: '浙江省', abbr: '浙', short: '浙江', row: 5, col: 5 },

  { province: '广西壮族自治区', abbr: '桂', short: '广西', row: 6, col: 2 },
  { province: '广东省', abbr: '粤', short: '广东', row: 6, col: 3 },
  { province: '福建省', abbr: '闽', short: '福建', row: 6, col: 4 },

  { province: '海南省', abbr: '琼', short: '海南', row: 7, col: 2 },
];

const byName = new Map<string, ProvinceTile>();
for (const t of PROVINCE_TILES) for (const k of [t.province, t.short, t.abbr]) byName.set(k, t);

/** The tile of a province by full name (河南省), short name (河南) or abbreviation (豫); undefined otherwise. */
export function provinceTile(name: string): ProvinceTile | undefined {
  return byName.get(name.trim());
}
