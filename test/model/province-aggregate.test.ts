// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { aggregateByProvince } from '../../src/model/province-aggregate';
import { fullYearCells } from '../../src/model/series';
import { IND_RANK, obs, tableOf, zone } from './fixtures';

const ZONES = [zone('zz', '郑州'), zone('ly', '洛阳'), zone('xx', '新乡'), zone('wh', '武汉', 1991, '湖北省')];
const cells = fullYearCells(
  tableOf([obs('zz', 2020, 'rank_overall', 17), obs('ly', 2020, 'rank_overall', 37), obs('xx', 2020, 'rank_overall', null, { band: { label: 'top100', upTo: 100 } })]),
  'rank_overall',
);

describe('aggregateByProvince', () => {
  it.each([
    ['zones', { 河南省: 3, 湖北省: 1 }],
    ['count', { 河南省: 3, 湖北省: 0 }],
    ['median', { 河南省: 27, 湖北省: null }],
    ['best', { 河南省: 17, 湖北省: null }],
  ] as const)('%s', (agg, expected) => {
    const got = Object.fromEntries(aggregateByProvince(cells, ZONES, 2020, IND_RANK, agg).map((p) => [p.province, p.value]));
    expect(got).toEqual(expected);
  });

  it('counts registry zones and zones with data (bands included) per province', () => {
    const henan = aggregateByProvince(cells, ZONES, 2020, IND_RANK, 'count').find((p) => p.province === '河南省')!;
    expect(henan).toMatchObject({ zones: 3, withData: 3 });
  });
});
