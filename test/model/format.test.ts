// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatAxisNumber, formatDate, formatNumber } from '../../src/model/format';

describe('formatDate', () => {
  it.each([
    ['2025-11-08', 'zh', '2025年11月8日'],
    ['2025-11-08', 'en', 'Nov 8, 2025'],
    ['2025-02-30', 'zh', '2025-02-30'],
    ['2024年', 'zh', '2024年'],
    ['', 'zh', ''],
  ] as const)('%s (%s) → %s', (iso, lang, out) => {
    expect(formatDate(iso, lang)).toBe(out);
  });
});

describe('formatNumber', () => {
  it.each([
    [16284, 0, 'zh', '16,284'],
    [1316, 1, 'zh', '1,316.0'],
    [6.2, 1, 'zh', '6.2'],
    [6.25, 1, 'zh', '6.25'],
    [-3.5, 1, 'en', '-3.5'],
  ] as const)('%s with %s decimals (%s) → %s', (v, d, lang, out) => {
    expect(formatNumber(v, d, lang)).toBe(out);
  });
});

describe('formatAxisNumber', () => {
  it('prints a round tick without padding, and keeps the decimals a tick needs, up to the indicator’s', () => {
    // the wall's trend axis printed 1,800.0 for a one-decimal indicator
    expect(formatAxisNumber(1800, 1, 'zh')).toBe('1,800');
    expect(formatAxisNumber(2.5, 1, 'zh')).toBe('2.5');
    expect(formatAxisNumber(0.25, 1, 'en')).toBe('0.25');
    expect(formatAxisNumber(1234.567, 1, 'en')).toBe('1,234.6');
    expect(formatAxisNumber(-3, 2, 'en')).toBe('-3');
  });
});
