import { describe, expect, it } from 'vitest';
import { baseOption, type ChartContext } from '../../src/charts/context';
import { buildRankingsOption } from '../../src/charts/rankings-option';
import { DESK, WALL } from '../../src/theme/tokens';

const ctx = (mode: ChartContext['mode']): ChartContext => ({ mode, theme: mode === 'wall' ? WALL : DESK, width: 800, height: 400, fontSize: 20 });

describe('baseOption: the chrome every chart builder shares', () => {
  it('animates on the desk only, is transparent, uses the theme text and carries the description for screen readers', () => {
    expect(baseOption(ctx('desk'), 'd').animation).toBe(true);
    expect(baseOption(ctx('wall'), 'd').animation).toBe(false);
    expect(baseOption(ctx('export'), 'd').animation).toBe(false);
    expect(baseOption(ctx('desk'), 'd', false).animation).toBe(false);
    const o = baseOption(ctx('wall'), '郑州 第 17 位');
    expect(o.backgroundColor).toBe('transparent');
    expect(o.textStyle).toEqual({ fontFamily: WALL.fontFamily, color: WALL.text, fontSize: 20 });
    expect(o.aria).toEqual({ enabled: true, label: { enabled: true, description: '郑州 第 17 位' } });
  });

  it('is what a builder’s option starts with (the rankings chart)', () => {
    const option = buildRankingsOption({ kind: 'value', rows: [], axisMax: 0, axisName: '亿元', description: 'none' } as unknown as Parameters<typeof buildRankingsOption>[0], ctx('export'));
    expect(option).toMatchObject(baseOption(ctx('export'), 'none'));
  });
});
