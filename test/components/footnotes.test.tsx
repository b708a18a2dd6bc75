// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLang } from '../../src/i18n';
import { importFile } from '../../src/data/import-file';
import { DataView } from '../../src/features/data/DataView';
import { ImportDialog } from '../../src/features/import/ImportDialog';
import { useStore } from '../../src/store/store';
import { seedStore } from './setup';

afterEach(cleanup);

/** Issue #14 item 3: footnote marks are said in the preview and shown beside the value in the data table. */
const FILE = [
  '高新区,年份,营业收入（亿元）,专利授权量（件）',
  '郑州,2021,"3,456*",812②',
  '洛阳,2021,120,7',
  '新乡,2021,45*,90',
  '',
  '* 为快报数',
].join('\n');

function preview() {
  const s = useStore.getState();
  const bytes = new TextEncoder().encode(FILE);
  const result = importFile('marks.csv', bytes, { registry: s.registry!, catalogue: s.catalogue! });
  useStore.setState({ preview: { name: 'marks.csv', bytes, options: {}, status: 'ready', progress: null, error: '', result, table: result.table } });
  return result;
}

describe('footnote marks on the page', () => {
  it('the preview says how many values carry a mark, and which, in Chinese', () => {
    seedStore([]);
    preview();
    render(<ImportDialog />);
    expect(screen.getByTestId('import-footnotes').textContent).toBe('3 个数值带脚注标记（*、②），已保留');
  });

  it('and in English', async () => {
    seedStore([], { lang: 'en' });
    await ensureLang('en');
    preview();
    render(<ImportDialog />);
    await waitFor(() => expect(screen.getByTestId('import-footnotes').textContent).toBe('3 values carry footnote marks (*, ②): kept'));
  });

  it('a file without marks has no such notice', () => {
    seedStore([]);
    const s = useStore.getState();
    const bytes = new TextEncoder().encode('高新区,年份,营业收入（亿元）\n郑州,2021,100\n');
    const result = importFile('plain.csv', bytes, { registry: s.registry!, catalogue: s.catalogue! });
    useStore.setState({ preview: { name: 'plain.csv', bytes, options: {}, status: 'ready', progress: null, error: '', result, table: result.table } });
    render(<ImportDialog />);
    expect(screen.queryByTestId('import-footnotes')).toBeNull();
  });

  it('the data table shows the mark beside the value, as text, and the footer line in the note', () => {
    seedStore([]);
    const r = preview();
    act(() => {
      const st = useStore.getState();
      useStore.setState({ datasets: { reported: { ...st.datasets.reported!, table: r.table, reports: [r] } } });
    });
    render(<DataView />);
    // the whole dataset, not only the view's indicator
    if ((screen.getByTestId('scope-toggle') as HTMLInputElement).checked) fireEvent.click(screen.getByTestId('scope-toggle'));
    const table = screen.getByTestId('observations-table');
    const marks = [...table.querySelectorAll('[data-testid="footnote-mark"]')].map((m) => m.textContent);
    expect(marks.sort()).toEqual(['*', '*', '②']);
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('3,456'))!;
    expect(row.querySelector('td.num:nth-of-type(4)')?.textContent).toBe('3,456.0*');
    expect(row.querySelector('td.note')?.textContent).toBe('* 为快报数');
  });
});
