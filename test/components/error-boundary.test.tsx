// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ErrorBoundary } from '../../src/features/common/ErrorBoundary';
import { initialState, useStore } from '../../src/store/store';

let fail = true;
/** Throws while `fail` is set; the message carries markup, which must show as text. */
function Flaky() {
  if (fail) throw new Error('<img src=x onerror=alert(1)> chart builder failed');
  return <p>chart drawn</p>;
}

let consoleError: MockInstance;
beforeEach(() => {
  fail = true;
  useStore.setState({ ...initialState(), filters: { ...initialState().filters, route: 'trends' } });
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  consoleError.mockRestore();
});

/** The boundary's own log line: exactly one per caught error (React's development build adds its own). */
const boundaryLogs = () => consoleError.mock.calls.filter((c) => String(c[0]).startsWith('[ErrorBoundary]'));

describe('ErrorBoundary', () => {
  it('shows a card naming what failed, with the message as text; the sibling content survives', () => {
    render(
      <div>
        <p>header and navigation</p>
        <ErrorBoundary name="趋势" kind="view">
          <Flaky />
        </ErrorBoundary>
      </div>,
    );
    const card = screen.getByRole('alert');
    expect(card.querySelector('h2')!.textContent).toBe('“趋势”暂时无法显示');
    expect(card.textContent).toContain('<img src=x onerror=alert(1)> chart builder failed');
    expect(card.querySelector('img')).toBeNull();
    expect(screen.getByText('header and navigation')).toBeTruthy();
    expect(boundaryLogs()).toHaveLength(1);
    expect(boundaryLogs()[0][0]).toBe('[ErrorBoundary] 趋势:');
  });

  it('Retry renders the children again', () => {
    render(
      <ErrorBoundary name="趋势" kind="view">
        <Flaky />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    // still failing: the card comes back, logged once more
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(boundaryLogs()).toHaveLength(2);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(screen.getByText('chart drawn')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a change of resetKey (route, filters) clears the error; the same key keeps it', () => {
    const ui = (key: string) => (
      <ErrorBoundary name="趋势" kind="view" resetKey={key}>
        <Flaky />
      </ErrorBoundary>
    );
    const { rerender } = render(ui('#/trends?ind=gdp'));
    expect(screen.getByRole('alert')).toBeTruthy();
    fail = false;
    rerender(ui('#/trends?ind=gdp'));
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(ui('#/trends?ind=patents'));
    expect(screen.getByText('chart drawn')).toBeTruthy();
  });

  it('a view offers the way back to Rankings; a tile only Retry; the page a reload', () => {
    render(
      <>
        <ErrorBoundary name="趋势" kind="view">
          <Flaky />
        </ErrorBoundary>
        <ErrorBoundary name="第 2 块 · 专利授权量" kind="tile">
          <Flaky />
        </ErrorBoundary>
        <ErrorBoundary kind="app">
          <Flaky />
        </ErrorBoundary>
      </>,
    );
    const [view, tile, app] = screen.getAllByRole('alert');
    expect([...view.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['重试', '返回排名']);
    expect([...tile.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['重试']);
    expect([...app.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['重试', '重新加载']);
    expect(app.querySelector('h2')!.textContent).toBe('“高新区经济指标看板”暂时无法显示');
    fireEvent.click(view.querySelectorAll('button')[1]);
    expect(useStore.getState().filters.route).toBe('rankings');
  });
});
