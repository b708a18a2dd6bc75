// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile, type ImportOptions } from '../../src/data/import-file';
import { ImportDialog } from '../../src/features/import/ImportDialog';
import { Header } from '../../src/app/Header';
import { ensureLang } from '../../src/i18n';
import { useStore } from '../../src/store/store';
import { seedStore } from './setup';

afterEach(cleanup);

/** The preview of `text` as the worker leaves it: parsed with `options`, ready to confirm. */
function preview(name: string, text: string, options: ImportOptions = {}) {
  const s = useStore.getState();
  const bytes = new TextEncoder().encode(text);
  const result = importFile(name, bytes, { registry: s.registry!, catalogue: s.catalogue! }, options);
  useStore.setState({ preview: { name, bytes, options, status: 'ready', progress: null, error: '', result, table: result.table } });
  return result;
}

const openMapping = () => {
  const details = document.querySelector('details')!;
  act(() => {
    details.open = true;
    fireEvent(details, new Event('toggle'));
  });
};

const FILES: Record<string, [string, string]> = {
  long: ['长表.csv', '高新区,年份,指标,数值,单位,统计期间,性质,来源,备注\n郑州高新区,2020,综合排名,17,位,,,河南日报 2021-02-21,\n洛阳高新区,2020,专利申请量,"约3,456*",件,,初步,洛阳统计公报,\n新乡高新区,2021,地区生产总值增速,(2.5),%,1-11月,,,\n* 为快报数\n'],
  wide: ['宽表.csv', '高新区,年份,地区生产总值增速(%),专利申请量（件）,园区级别\n郑州高新区,2021,6.8,"16,284",国家级\n洛阳高新区,2021,7.1,>1000,国家级\n'],
  matrix: ['综合排名.csv', '高新区,2019年,2020年,2021年\n郑州高新区,20,17,15\n洛阳高新区,40,37,35\n'],
};

/** Every role, shape and confidence id the code uses: none may reach the user. */
const IDS = ['zone', 'year', 'yearText', 'indicator', 'value', 'unit', 'period', 'basis', 'source', 'note', 'measure', 'yearColumn', 'extra', 'ignore', 'long', 'wide', 'matrix', 'unknown', 'certain', 'likely', 'guess', 'reported', 'preliminary'];
const rawIds = (text: string) => IDS.filter((id) => new RegExp(`(^|[^A-Za-z])${id}([^A-Za-z]|$)`).test(text));

describe('the import dialog in the user\'s words', () => {
  for (const [shape, [name, text]] of Object.entries(FILES)) {
    it(`a ${shape} file: every column meaning, the shape and the options in Chinese, with a hint per meaning; no role id anywhere`, () => {
      seedStore([]);
      const r = preview(name, text);
      expect(r.guess!.shape).toBe(shape);
      render(<ImportDialog />);
      openMapping();
      // the issue list quotes the importer's bilingual reasons as they are; everything else is the dialog's own words
      const dialog = screen.getByTestId('import-dialog').cloneNode(true) as HTMLElement;
      dialog.querySelector('[data-testid="import-issues"]')?.remove();
      expect(dialog.textContent).toContain('高新区的全称、简称或别名');
      expect(rawIds(dialog.textContent!)).toEqual([]);
      // the role select offers every meaning by name, the chosen one shown
      const selects = within(screen.getByTestId('import-mapping')).getAllByRole('combobox').filter((s) => (s as HTMLSelectElement).options.length === 14) as HTMLSelectElement[];
      expect(selects.length).toBe(r.guess!.columns.length);
      expect([...selects[0].options].map((o) => o.textContent)).toEqual([
        '高新区', '年份', '年份（文字中）', '指标名称', '数值', '单位', '统计期间', '数据性质', '来源', '备注', '指标列（一列一个指标）', '年份列（一列一年）', '其他（写入备注）', '忽略此列',
      ]);
      expect(selects[0].selectedOptions[0].textContent).toBe('高新区');
      // one hint per column, in words
      const rows = within(screen.getByTestId('import-mapping')).getAllByRole('row').slice(1);
      for (const row of rows) expect(row.lastElementChild!.textContent!.length).toBeGreaterThan(3);
      expect(screen.getByTestId('import-shape').textContent).toMatch(/^(长表|宽表|年份矩阵)（/);
    });
  }

  it('in English too: no role id (yearText, yearColumn …) in the dialog', async () => {
    seedStore([], { lang: 'en' });
    await ensureLang('en');
    for (const [name, text] of Object.values(FILES)) {
      preview(name, text);
      const { unmount } = render(<ImportDialog />);
      openMapping();
      await waitFor(() => expect(screen.getByTestId('import-shape').textContent).toMatch(/^(long|wide|year matrix) \(/));
      const dialogText = screen.getByTestId('import-dialog').textContent!;
      expect(dialogText).not.toMatch(/yearText|yearColumn|\bmeasure\b|\bextra\b|\bignore\b/);
      expect(dialogText).toContain('Year column (one year per column)');
      unmount();
    }
  });
});

describe('the preview of the first observations as they will be read', () => {
  const cells = () =>
    within(screen.getByTestId('import-preview'))
      .getAllByRole('row')
      .slice(1)
      .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

  it('a long file: zone, year, indicator, value as the app shows it, unit, source and marks', () => {
    seedStore([]);
    preview(...FILES.long);
    render(<ImportDialog />);
    expect(within(screen.getByTestId('import-preview')).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['高新区', '年份', '指标', '数值', '单位', '来源', '标记']);
    const [zz, ly, xx] = cells();
    expect(zz.slice(0, 5)).toEqual(['郑州高新技术产业开发区', '2020', '综合排名', '17', '位']);
    expect(zz[5]).toContain('河南日报 2021-02-21');
    expect(ly.slice(0, 5)).toEqual(['洛阳高新技术产业开发区', '2020', '专利申请量', '约3,456', '件']);
    expect(ly[6]).toBe('初步；约数；脚注 *');
    expect(xx.slice(0, 5)).toEqual(['新乡高新技术产业开发区', '2021 · 1-11月', '地区生产总值增速', '-2.5', '%']);
    expect(xx[5]).toContain('长表.csv'); // no source in the row: the file's name
    expect(xx[6]).toBe('括号表示负数');
  });

  it('at most ten rows, and it follows the options: another column meaning gives other observations', () => {
    seedStore([]);
    const many = ['高新区,年份,综合排名', ...Array.from({ length: 25 }, (_, i) => `郑州高新区,${2000 + i},${i + 1}`)].join('\n');
    const r = preview('many.csv', many);
    const { rerender } = render(<ImportDialog />);
    expect(cells()).toHaveLength(10);
    expect(screen.getByTestId('import-preview').querySelector('h3')!.textContent).toBe('按此读取的前 10 个观测值（共 25 个）');
    expect(cells()[0].slice(0, 4)).toEqual(['郑州高新技术产业开发区', '2000', '综合排名', '1']);
    // the user says the column is another indicator: the preview reads it so
    const columns = r.guess!.columns.map((c) => (c.header === '综合排名' ? { ...c, indicator: 'patent_apps' } : c));
    preview('many.csv', many, { mapping: { ...r.guess!, columns } });
    rerender(<ImportDialog />);
    expect(cells()[0].slice(0, 5)).toEqual(['郑州高新技术产业开发区', '2000', '专利申请量', '1', '件']);
    // and a file nothing can be read from says so instead of showing an empty table
    preview('odd.csv', 'a,b,c\n1,2,3\n');
    rerender(<ImportDialog />);
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(screen.getByTestId('import-preview-empty').textContent).toContain('请检查编码、分隔符和列的含义');
  });

  it('a wide and a year-matrix file read into the same columns', () => {
    seedStore([]);
    preview(...FILES.wide);
    const { unmount } = render(<ImportDialog />);
    expect(cells().map((c) => c.slice(0, 5))).toEqual([
      ['郑州高新技术产业开发区', '2021', '地区生产总值增速', '6.8', '%'],
      ['郑州高新技术产业开发区', '2021', '专利申请量', '16,284', '件'],
      ['洛阳高新技术产业开发区', '2021', '地区生产总值增速', '7.1', '%'],
      ['洛阳高新技术产业开发区', '2021', '专利申请量', '>1,000', '件'],
    ]);
    expect(cells()[3][6]).toBe('下限（如“>1000”）');
    unmount();
    preview(...FILES.matrix);
    render(<ImportDialog />);
    expect(cells().slice(0, 3).map((c) => c.slice(0, 4))).toEqual([
      ['郑州高新技术产业开发区', '2019', '综合排名', '20'],
      ['郑州高新技术产业开发区', '2020', '综合排名', '17'],
      ['郑州高新技术产业开发区', '2021', '综合排名', '15'],
    ]);
  });
});

describe('a user dataset\'s as-of date', () => {
  it('is the latest year of its data, not the day it was imported', () => {
    seedStore([], { ds: 'user' });
    const r = preview(...FILES.matrix);
    useStore.setState((s) => ({
      datasets: { ...s.datasets, user: { id: 'user', kind: 'user', title: { zh: '我的数据', en: 'My data' }, asOf: '2021', importedAt: '2026-12-02', status: 'ready', table: r.table, reports: [r] } },
    }));
    render(<Header />);
    expect(document.querySelector('.as-of')!.textContent).toBe('数据截至 2021 年');
  });
});
