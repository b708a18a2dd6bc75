// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ZonePicker } from '../../src/features/filters/ZonePicker';
import { useStore } from '../../src/store/store';
import { seedStore } from './setup';

afterEach(cleanup);

async function typeInto(text: string) {
  const input = screen.getByRole('combobox');
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  return input;
}

describe('ZonePicker', () => {
  it('finds 郑州 by pinyin initials and adds it with Enter', async () => {
    seedStore(['data/reported/seed_facts.csv']);
    render(<ZonePicker />);
    const input = await typeInto('zz');
    // pinyin-pro loads on focus; the first option becomes 郑州 once it has
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option')[0].textContent).toMatch(/^郑州/));
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useStore.getState().filters.zones).toEqual(['zhengzhou']);
    expect(screen.getByRole('button', { name: '移除 郑州' })).toBeTruthy();
  });

  it('moves through options with the arrow keys and marks the active one', async () => {
    seedStore(['data/reported/seed_facts.csv']);
    render(<ZonePicker />);
    const input = await typeInto('河南');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.length).toBe(9);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = within(screen.getByRole('listbox')).getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')!;
    expect(input.getAttribute('aria-activedescendant')).toBe(active.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useStore.getState().filters.zones).toHaveLength(1);
  });

  it('marks a home zone with the star, and Backspace on an empty input removes the last chip', () => {
    seedStore(['data/reported/seed_facts.csv'], { zones: ['zhengzhou', 'luoyang'] });
    render(<ZonePicker />);
    fireEvent.click(screen.getByRole('button', { name: '设 洛阳 为本区' }));
    expect(useStore.getState().filters.focus).toBe('luoyang');
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Backspace' });
    expect(useStore.getState().filters).toMatchObject({ zones: ['zhengzhou'], focus: null });
  });
});
