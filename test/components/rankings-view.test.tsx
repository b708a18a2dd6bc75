// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
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
    // the table's code loads after the chart's: the first test of the file waits for its first (cold) import, which
    // took over the default second on a machine busy with other work
    const table = await screen.findByTestId('rankings-table', undefined, { timeout: 10000 });
    const zz = within(table).getByText('郑州高新技术产业开发区').closest('tr')!;
    expect(within(zz).getAllByRole('cell')[0].textContent).toBe('17');
    // two sources agree on 17: both are shown
    expect(zz.querySelectorAll('td.source > div')).toHaveLength(2);
    expect((await screen.findByTestId('missing-zones')).textContent).toMatch(/无数据的高新区（\d+ 家）/);
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
    // out of the 169 zones the 2020 evaluation ranked, as the source says
    expect(summary).toMatch(/^郑州.*2020年综合排名第 17 位（共 169 家）/);
    expect(screen.getByRole('img').getAttribute('aria-label')!.startsWith(summary!)).toBe(true);
  });

  // Each evaluation's ranked count as its sources state it (data/sources/rankings.csv, n_evaluated), against what
  // the view says: 2018 ranked 157 (not the 169 approved by then), 2021 157 without Hubei, 2022 169 (not 175),
  // 2024 178 (the registry holds 176 of them). 2023's count is not published: the registry's count, named so.
  it.each([
    [2016, '参评 147 家'],
    [2018, '参评 157 家'],
    [2019, '参评 169 家'],
    [2020, '参评 169 家'],
    [2021, '参评 157 家（湖北省12家未参评）'],
    [2022, '参评 169 家'],
    [2024, '参评 178 家（名录中有其中 176 家）'],
    [2023, '名录中 176 家（该年参评家数未见公布）'],
  ])('%i: says how many zones the evaluation ranked, as its source does', (year, expected) => {
    seedStore(FILES, { ind: 'rank_overall', year });
    render(<RankingsView />);
    expect(screen.getByTestId('rankings-sub').textContent).toMatch(new RegExp(`^\\d+ 家有数据 / ${expected.replace(/[()（）]/g, '\\$&')}$`));
  });

  it('2022: 苏州工业园区 is 4th of 169, as the quoted source says (在全国169家国家高新区中综合排名第四)', () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2022, focus: 'suzhougongyeyuanqu' });
    render(<RankingsView />);
    expect(screen.getByTestId('chart-summary').textContent).toMatch(/^苏州工业园区 2022年综合排名第 4 位（共 169 家）/);
  });

  it('2021 leaves Hubei out: no Hubei zone is listed as missing, and the total is the 157 evaluated', async () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2021 });
    render(<RankingsView />);
    const missing = (await screen.findByTestId('missing-zones')).textContent ?? '';
    expect(missing).not.toMatch(/武汉东湖|襄阳|宜昌/);
    const entries = Number(screen.getByTestId('rankings-sub').textContent!.match(/^(\d+)/)![1]);
    expect(missing).toContain(`（${157 - entries} 家）`);
  });

  it('2024: says how many of the top 50 are known and how many have an exact place, counted from the data', () => {
    seedStore(FILES, { ind: 'rank_overall', year: 2024 });
    render(<RankingsView />);
    // counted from the source table itself: every 2024 row names a place ≤ 50 or a band inside the top 50
    const rows = readFileSync('data/reported/rankings.csv', 'utf8').split('\n').filter((l) => /^[^,]+,2024,rank_overall,/.test(l));
    const values = rows.map((l) => l.split(',')[3]);
    const exact = values.filter((v) => /^\d+$/.test(v) && Number(v) <= 50).length;
    expect([rows.length, exact]).toEqual([30, 9]);
    expect(screen.getByTestId('band-coverage').textContent).toBe(`前50名中已知 ${rows.length} 家，其中 ${exact} 家有确切位次；其余只知在前50名之内（来源只公布了区间）`);
    // bands are drawn after the exact places they bound, never turned into numbers
    const order = firstCells();
    expect(order.indexOf('苏州工业园区')).toBeGreaterThan(order.indexOf('上海张江高新技术产业开发区'));
    expect(order.indexOf('无锡高新技术产业开发区')).toBeGreaterThan(order.indexOf('南通高新技术产业开发区'));
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
