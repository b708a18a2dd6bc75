// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/data/import-file';
import { ImportDialog } from '../../src/features/import/ImportDialog';
import { useStore } from '../../src/store/store';
import { seedStore } from './setup';

afterEach(cleanup);

/** Opens the preview of `text` as the worker would leave it: parsed, ready to confirm. */
function preview(name: string, text: string) {
  const s = useStore.getState();
  const bytes = new TextEncoder().encode(text);
  const result = importFile(name, bytes, { registry: s.registry!, catalogue: s.catalogue! });
  useStore.setState({ preview: { name, bytes, options: {}, status: 'ready', progress: null, error: '', result, table: result.table } });
}

const mappingSelects = () => document.querySelectorAll('details select').length;

describe('ImportDialog: the column mapping', () => {
  it('for a recognised wide file starts closed and builds its selects only when opened', () => {
    seedStore(['data/reported/seed_facts.csv']);
    preview('demo.csv', readFileSync('data/demo/panel.csv', 'utf8'));
    render(<ImportDialog />);
    expect(screen.getByTestId('import-count').textContent).toBe('26919');
    const details = document.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(mappingSelects()).toBe(0);
    act(() => {
      details.open = true;
      fireEvent(details, new Event('toggle'));
    });
    // a role select for each of the 30 columns, an indicator select for each of the 26 indicator columns
    expect(mappingSelects()).toBe(30 + 26);
    const gdp = screen.getByRole('combobox', { name: /^gdp: .*指标/ }) as HTMLSelectElement;
    expect(gdp.value).toBe('gdp');
  });

  it('for a file whose shape is not recognised starts open: the user has to map the columns', () => {
    seedStore(['data/reported/seed_facts.csv']);
    preview('odd.csv', 'a,b,c\n1,2,3\n4,5,6\n');
    render(<ImportDialog />);
    expect(useStore.getState().preview!.result!.guess!.shape).toBe('unknown');
    expect(document.querySelector('details')!.open).toBe(true);
    expect(mappingSelects()).toBeGreaterThanOrEqual(3);
  });
});
