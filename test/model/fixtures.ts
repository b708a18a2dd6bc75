import type { Basis, Indicator, Observation, RankBand, Zone } from '../../src/domain/types';
import { toTable } from '../../src/data/table-builder';

/** Synthesised fixtures in the manner of OWID's Synthesize*: small, explicit, independent of data/. */
export const IND_RANK: Indicator = {
  id: 'rank_overall', zh: '综合排名', en: 'Overall rank', aliases: [], unit: '位', unitEn: '', better: 'lower', kind: 'rank',
  decimals: 0, bandsAllowed: true, group: 'evaluation', definition: { zh: '', en: '', source: '' },
};
export const IND_GDP: Indicator = {
  id: 'gdp', zh: '地区生产总值', en: 'GDP', aliases: [], unit: '亿元', unitEn: '100m CNY', better: 'higher', kind: 'amount',
  decimals: 1, bandsAllowed: false, group: 'economy', definition: { zh: '', en: '', source: '' },
};

export const zone = (id: string, short: string, approvalYear = 1991, province = '河南省'): Zone => ({
  id, name: `${short}高新技术产业开发区`, short, aliases: [], province, region: '中部', city: '', divisionCode: '', approvalYear,
  inEval2020: true, lat: null, lon: null, source: '',
});

export function obs(zone: string, year: number, indicator: string, value: number | null, extra: Partial<Observation> & { band?: RankBand | null; basis?: Basis } = {}): Observation {
  return {
    zone, year, indicator, value, band: null, unit: indicator === 'gdp' ? '亿元' : '位', period: '', basis: 'reported',
    source: `src-${zone}-${year}`, note: '', raw: value === null ? '' : String(value), flags: [], origin: { file: 'f.csv', row: 2 }, ...extra,
  };
}

export const tableOf = (list: Observation[]) => toTable(list);
