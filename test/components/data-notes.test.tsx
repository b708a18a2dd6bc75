// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedStore } from './setup';
import { DataView } from '../../src/features/data/DataView';

vi.mock('../../src/features/common/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));
afterEach(cleanup);

describe('Data view of the published data', () => {
  it('says what the sources leave out as notes about the data, not as import errors to someone who imported nothing', () => {
    seedStore(['data/reported/rankings.csv', 'data/reported/zone_indicators.csv'], { route: 'data' });
    render(<DataView />);
    expect(screen.queryByTestId('dataset-issues')).toBeNull();
    const notes = screen.getByTestId('data-notes');
    const lines = within(notes).getAllByRole('listitem').map((li) => li.textContent);
    // 18 ranking rows and 1 zone figure name no year; the 2016 "苏州" names no single zone
    expect(lines).toContain('19 行：评价年份未定（来源没有写明年份），未计入');
    expect(lines).toContain('1 行：不能对应到名录中的单一高新区（如 2016 年的“苏州”），未计入');
    // no error counts or severity labels: nothing here is the reader's error
    expect(notes.textContent).not.toContain('导入问题');
    expect(notes.querySelectorAll('.sev')).toHaveLength(0);
  });
});
