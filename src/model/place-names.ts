/**
 * Province and region names in the interface's language (src/domain/provinces.mjs). Apart from format.ts so that
 * the table of provinces loads with the views that name provinces, not with the first view (its budget).
 */
import { provinceOf, REGIONS } from '../domain/provinces.mjs';
import { provinceShort } from './format';

/** A province as the interface's language names it: 河南省 / Henan (src/domain/provinces.mjs); an unknown one as it is. */
export const provinceName = (p: string, lang: 'zh' | 'en') => (lang === 'en' ? provinceOf(p)?.en ?? p : p);

/** A province's short name in the interface's language: 河南 / Henan. */
export const provinceLabel = (p: string, lang: 'zh' | 'en') => (lang === 'en' ? provinceOf(p)?.en ?? p : provinceShort(p));

/** A region as the interface's language names it: 中部 / Central. */
export const regionName = (r: string, lang: 'zh' | 'en') => (lang === 'en' ? REGIONS.find((x) => x.zh === r)?.en ?? r : r);
