// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { readWorkbook } from '../../src/data/workbook/read-workbook';
import { ImportDialog } from '../../src/features/import/ImportDialog';
import { SheetPicker } from '../../src/features/import/SheetPicker';
import { useStore } from '../../src/store/store';
import { seedStore } from './setup';

afterEach(cleanup);

/** docs/hostile-inputs.md W5 in the preview: a workbook's sheets, the one read, no encoding to choose. */
describe('SheetPicker', () => {
  it('in the preview of a workbook: the visible sheets with their sizes, the default chosen, no encoding select', () => {
    seedStore(['data/reported/seed_facts.csv']);
    const s = useStore.getState();
    const bytes = new Uint8Array(readFileSync('test/fixtures/xlsx/yearbook.xlsx'));
    const result = importFile('yearbook.xlsx', bytes, { registry: s.registry!, catalogue: s.catalogue!, readWorkbook });
    useStore.setState({ preview: { name: 'yearbook.xlsx', bytes, options: {}, status: 'ready', progress: null, error: '', result, table: result.table } });
    render(<ImportDialog />);
    const picker = screen.getByTestId('import-sheet') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['空白 (空)', '表3-1 主要经济指标 (9 行 × 10 列)', '长表 (4 行 × 5 列)']);
    expect(picker.value).toBe('表3-1 主要经济指标');
    expect(screen.queryByRole('combobox', { name: '编码' })).toBeNull();
    expect(screen.getByTestId('import-count').textContent).toBe('12');
  });

  it('hands the chosen sheet back; a name with markup stays text', () => {
    const onPick = vi.fn();
    const sheets = [{ name: '<img src=x onerror=alert(1)>', rows: 2, columns: 2, empty: false }, { name: '长表', rows: 4, columns: 5, empty: false }];
    render(<SheetPicker sheets={sheets} current={sheets[0].name} onPick={onPick} />);
    expect(document.querySelector('img')).toBeNull();
    fireEvent.change(screen.getByTestId('import-sheet'), { target: { value: '长表' } });
    expect(onPick).toHaveBeenCalledWith('长表');
  });
});
