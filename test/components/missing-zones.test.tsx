// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seedStore } from './setup';
import { MissingZones } from '../../src/features/rankings/MissingZones';
import { buildRankings } from '../../src/model/rankings';
import { useStore } from '../../src/store/store';

afterEach(cleanup);

describe('MissingZones', () => {
  const rankingsOf = (ind: string, year: number) => {
    seedStore(['data/reported/rankings.csv', 'data/reported/seed_facts.csv'], { ind, year });
    const s = useStore.getState();
    return buildRankings(s.datasets.reported.table!, s.catalogue!.byId.get(ind)!, year, s.zones);
  };

  it('says what is true of published rankings on a rank indicator: no full table, 2024 only the top 50', () => {
    render(<MissingZones rankings={rankingsOf('rank_overall', 2020)} />);
    expect(screen.getByTestId('missing-zones').textContent).toContain('综合评价的完整名次表从未公开');
  });

  it('does not say it on a value indicator', () => {
    render(<MissingZones rankings={rankingsOf('gdp_growth', 2020)} />);
    const text = screen.getByTestId('missing-zones').textContent ?? '';
    expect(text).toContain('没有 “地区生产总值增速” 的数据');
    expect(text).not.toContain('名次表');
  });
});
