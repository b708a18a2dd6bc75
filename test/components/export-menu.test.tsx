// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportMenu } from '../../src/features/export/ExportMenu';
import type { ChartExportSpec } from '../../src/features/export/spec';
import { initialState, useStore } from '../../src/store/store';

afterEach(cleanup);

const spec: ChartExportSpec = {
  id: 'bump', fileParts: { indicator: '综合排名位次变化' }, title: '综合排名位次变化', subtitle: '河南7区 · 2019—2020', unit: '位',
  sources: [], notes: [], demo: false, build: () => ({}), table: { header: [], rows: [] },
};

/** The menu beside something else on the page that a click can land on. */
async function openMenu() {
  useStore.setState(initialState());
  render(
    <div>
      <p data-testid="elsewhere">图表</p>
      <input data-testid="other-input" aria-label="other" />
      <ExportMenu spec={spec} />
    </div>,
  );
  const button = screen.getByTestId('export-bump');
  fireEvent.click(button);
  // the panel's code is loaded on the first open (lazy): a cold import can take more than the default second
  const panel = await screen.findByRole('group', { name: /综合排名位次变化/ }, { timeout: 10000 });
  expect(button.getAttribute('aria-expanded')).toBe('true');
  return { button, panel };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the export panel (a disclosure) closes like a popover', () => {
  it('Esc in the panel closes it and puts the focus back on 导出', async () => {
    const { button, panel } = await openMenu();
    const title = panel.querySelector('input')!;
    title.focus();
    fireEvent.keyDown(title, { key: 'Escape' });
    await tick();
    expect(screen.queryByRole('group', { name: /综合排名位次变化/ })).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('Esc on the 导出 button closes it too', async () => {
    const { button } = await openMenu();
    button.focus();
    fireEvent.keyDown(button, { key: 'Escape' });
    await tick();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('a click outside closes it and returns the focus to 导出', async () => {
    const { button, panel } = await openMenu();
    panel.querySelector('input')!.focus();
    fireEvent.pointerDown(screen.getByTestId('elsewhere'));
    await tick();
    expect(screen.queryByRole('group', { name: /综合排名位次变化/ })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('a click outside that focuses another control leaves the focus there', async () => {
    const { button } = await openMenu();
    const other = screen.getByTestId('other-input');
    fireEvent.pointerDown(other);
    other.focus();
    await tick();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(other);
  });

  it('clicks inside the panel, and on 导出 itself, do not dismiss it by the outside rule', async () => {
    const { button, panel } = await openMenu();
    fireEvent.pointerDown(panel.querySelector('select')!);
    await tick();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // 导出 toggles: one press closes, not two (dismiss and then reopen)
    fireEvent.pointerDown(button);
    fireEvent.click(button);
    await tick();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('another key, or Esc meant for some other part of the page, leaves it open', async () => {
    const { button, panel } = await openMenu();
    fireEvent.keyDown(panel.querySelector('input')!, { key: 'Enter' });
    fireEvent.keyDown(screen.getByTestId('other-input'), { key: 'Escape' });
    await tick();
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });
});
