// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedStore } from './setup';
import { RankingsView } from '../../src/features/rankings/RankingsView';
import { useStore } from '../../src/store/store';

// Canvas drawing is tested in the browser; here the chart is a labelled placeholder.
vi.mock('../../src/features/common/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

afterEach(cleanup);

const FILES = ['data/reported/rankings.csv', 'data/reported/seed_facts.csv'];
const firstCells = () => within(screen.getByTestId('rankings-table')).getAllByRole('row').slice(1).map((r) => within(r).getByRole('rowheader').textContent);

describe('RankingsView', () => {
  it('shows every zone with a value, its source, and the zones without data', async () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2020 });
    render(<RankingsView />);
    // the table's code loads after the chart's
    const table = await screen.findByTestId('rankings-table');
    const zz = within(table).getByText('郑州高新技术产业开发区').closest('tr')!;
    expect(within(zz).getAllByRole('cell')[0].textContent).toBe('17');
    // two sources agree on 17: both are shown
    expect(zz.querySelectorAll('td.source > div')).toHaveLength(2);
    expect(screen.getByTestId('missing-zones').textContent).toMatch(/无数据的高新区（\d+ 家）/);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/综合排名/);
  });

  it('marks the conflicting Zhengzhou 2019 ranks and shows both values', async () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2019 });
    render(<RankingsView />);
    const zz = within(await screen.findByTestId('rankings-table')).getByText('郑州高新技术产业开发区').closest('tr')!;
    expect(zz.textContent).toContain('来源冲突');
    const values = [...zz.querySelectorAll('td.num')[1].querySelectorAll('div')].map((d) => d.textContent);
    // rankings.csv and a bulletin derive 20; another bulletin reports 17
    expect(values.sort()).toEqual(['17', '20', '20']);
  });

  it('sorts by zone name when the header is clicked, and back', async () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2020 });
    render(<RankingsView />);
    await screen.findByTestId('rankings-table');
    const before = firstCells();
    fireEvent.click(screen.getByRole('button', { name: /高新区/ }));
    const byName = firstCells();
    expect(byName).not.toEqual(before);
    expect([...byName].sort((a, b) => a!.localeCompare(b!, 'zh-CN'))).toEqual(byName);
    fireEvent.click(screen.getByRole('button', { name: /高新区/ }));
    expect(firstCells()).toEqual([...byName].reverse());
  });

  it('says in one sentence where the home zone ranks, under the title and first in the chart description', () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2020, focus: 'zhengzhou' });
    render(<RankingsView />);
    const summary = screen.getByTestId('chart-summary').textContent;
    expect(summary).toMatch(/^郑州.*2020年综合排名第 17 位（共 \d+ 家）/);
    expect(screen.getByRole('img').getAttribute('aria-label')!.startsWith(summary!)).toBe(true);
  });

  it('a year change rewrites the table cells in place instead of re-creating them', async () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2020 });
    render(<RankingsView />);
    // 新乡: 66th in 2020, 76th in 2019 (rankings.csv)
    const valueDiv = () => screen.getByTestId('rankings-table').querySelector('tr[data-zone="xinxiang"]')!.querySelectorAll('td.num')[1].querySelector('div')!;
    await screen.findByTestId('rankings-table');
    const before = valueDiv();
    expect(before.textContent).toBe('66');
    fireEvent.change(screen.getByTestId('year-select'), { target: { value: '2019' } });
    await waitFor(() => expect(valueDiv().textContent).toBe('76'));
    // the same element, now showing 2019's value (another observation row of the table)
    expect(valueDiv()).toBe(before);
  });

  it('changing the year updates the filters (and so the URL)', () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2020 });
    render(<RankingsView />);
    fireEvent.change(screen.getByTestId('year-select'), { target: { value: '2019' } });
    expect(useStore.getState().filters.year).toBe(2019);
  });
});
