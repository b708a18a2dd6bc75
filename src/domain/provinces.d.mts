// Types of provinces.mjs (the one table of provinces and regions, shared by the app and the data build).
export type Region = '东部' | '中部' | '西部' | '东北';

export interface Province {
  /** the full name, as data/zones.csv writes it: 河南省, 广西壮族自治区 */
  name: string;
  short: string;
  en: string;
  region: Region;
}

export const REGIONS: readonly { zh: Region; en: string }[];
export const PROVINCES: readonly Province[];
export function provinceOf(name: string): Province | undefined;
