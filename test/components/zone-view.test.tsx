// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedStore } from './setup';
import { ZoneView } from '../../src/features/zone/ZoneView';

vi.mock('../../src/features/common/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));
afterEach(cleanup);

const FILES = ['data/reported/rankings.csv', 'data/reported/seed_facts.csv'];

describe('ZoneView: standings a reader can quote', () => {
  it('郑州 2020: 17th of the 169 zones evaluated is ahead of 152 (not "ahead of 67% of 13 zones with data")', () => {
    seedStore(FILES, { route: 'zone', zoneId: 'zhengzhou' });
    render(<ZoneView />);
    const card = screen.getByTestId('profile-rank_overall');
    expect(within(card).getByTestId('standing').textContent).toBe(' · 第 17 位，领先 152 家（共 169 家）');
    // a place is never restated as a percentile of the few zones whose place is public
    expect(within(card).queryByTestId('percentiles')).toBeNull();
  });

  it('shows no percentile among fewer than 10 zones with data (郑州\'s GDP growth: 2 zones report one)', () => {
    seedStore(FILES, { route: 'zone', zoneId: 'zhengzhou' });
    render(<ZoneView />);
    const growth = screen.getByTestId('profile-gdp_growth');
    expect(within(growth).getByText(/最新/)).toBeTruthy();
    expect(within(growth).queryByTestId('standing')).toBeNull();
    expect(screen.queryAllByTestId('standing').map((e) => e.textContent).filter((x) => x!.includes('超过'))).toEqual([]);
  });
});
