import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchGolden } from './ssr';

describe('matchGolden', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  afterEach(() => vi.unstubAllEnvs());

  it('fails on a missing golden and writes nothing, unless UPDATE_GOLDEN is set', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    const path = join(dir, 'missing.svg');
    expect(() => matchGolden('<svg/>', path)).toThrow(/golden .*missing\.svg is missing/);
    expect(existsSync(path)).toBe(false);
  });

  it('writes the golden under UPDATE_GOLDEN=1, then compares byte for byte', () => {
    vi.stubEnv('UPDATE_GOLDEN', '1');
    const path = join(dir, 'new.svg');
    expect(matchGolden('<svg>a</svg>', path).ok).toBe(true);
    vi.stubEnv('UPDATE_GOLDEN', '');
    expect(matchGolden('<svg>a</svg>', path).ok).toBe(true);
    expect(matchGolden('<svg>b</svg>', path)).toEqual({ ok: false, expected: '<svg>a</svg>' });
    rmSync(dir, { recursive: true, force: true });
  });
});
