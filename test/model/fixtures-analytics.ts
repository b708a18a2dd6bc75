import { NATIONAL_ZONE_ID, type Zone } from '../../src/domain/types';
import { obs, tableOf, zone } from './fixtures';

/**
 * A small synthesised panel for the analytics tests (series, growth, percentiles, coverage, peers, sources,
 * conflicts). Every trap the real data has appears once: a gap year, a part-year row, a national total,
 * an official rank given as a band, a conflict between two sources, a figure in another unit.
 */
export const PANEL_ZONES: Zone[] = [
  zone('zz', '郑州'),
  zone('ly', '洛阳'),
  zone('xx', '新乡'),
  { ...zone('wh', '武汉', 1991, '湖北省') },
  { ...zone('xa', '西安', 1991, '陕西省'), region: '西部' },
  { ...zone('nowhere', '未定', 2022, ''), region: '' },
];

export const panel = () =>
  tableOf([
    // GDP 2018–2021; 洛阳 misses 2019 (a gap), 新乡 has only 2021
    obs('zz', 2018, 'gdp', 1000, { source: 'yearbook 2019 http://stats.example.cn/2019.html' }),
    obs('zz', 2019, 'gdp', 1100, { source: 'yearbook 2020' }),
    obs('zz', 2020, 'gdp', 1210, { source: 'yearbook 2021' }),
    obs('zz', 2021, 'gdp', 1331, { source: 'yearbook 2022' }),
    obs('zz', 2021, 'gdp', 1300, { source: 'press', basis: 'preliminary' }), // conflict with the yearbook
    obs('zz', 2021, 'gdp', 1000, { period: 'Q1-Q3', source: 'press' }), // part-year: never in a series
    obs('ly', 2018, 'gdp', 500, { source: 'yearbook 2019 http://stats.example.cn/2019.html' }),
    obs('ly', 2020, 'gdp', 600, { source: 'yearbook 2021' }),
    obs('ly', 2021, 'gdp', 660, { source: 'yearbook 2022' }),
    obs('xx', 2021, 'gdp', 660, { source: 'yearbook 2022' }),
    obs('wh', 2021, 'gdp', 2000, { source: 'yearbook 2022' }),
    obs('wh', 2021, 'gdp', 200000, { unit: '万元', source: 'city report' }), // not convertible at import: other unit
    obs(NATIONAL_ZONE_ID, 2021, 'gdp', 150000, { source: 'yearbook 2022' }),
    obs(NATIONAL_ZONE_ID, 2017, 'gdp', 90000, { source: 'yearbook 2018' }),
    // official ranks 2021: 武汉 in the top-10 band, 郑州 17, 洛阳 37, 新乡 66, 西安 20
    obs('wh', 2021, 'rank_overall', null, { band: { label: 'top10', upTo: 10 }, raw: 'top10', source: 'MOST' }),
    obs('zz', 2021, 'rank_overall', 17, { source: 'MOST' }),
    obs('xa', 2021, 'rank_overall', 20, { source: 'MOST' }),
    obs('ly', 2021, 'rank_overall', 37, { source: 'MOST' }),
    obs('xx', 2021, 'rank_overall', 66, { source: 'MOST' }),
    obs(NATIONAL_ZONE_ID, 2021, 'rank_overall', 1, { source: 'MOST' }),
  ]);
