import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, converter, parse, wcagContrast, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { DESK, WALL, ZONE_PALETTE, zoneColour, zoneColours } from '../../src/theme/tokens';

// Colour-vision deficiencies simulated with culori (Machado et al. 2009, full severity).
const VISIONS: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const deltaE = differenceCiede2000();
const lab = converter('lab');
const seen = (hex: string, vision: string) => VISIONS[vision](parse(hex)!);

describe('palettes under colour-vision deficiencies', () => {
  it.each(Object.keys(VISIONS))('zone colours, the accent and the text stay apart (ΔE2000 ≥ 10) with %s', (vision) => {
    const colours = [...ZONE_PALETTE, DESK.accent, DESK.text];
    const close: string[] = [];
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const d = deltaE(seen(colours[i], vision), seen(colours[j], vision));
        if (d < 10) close.push(`${colours[i]}/${colours[j]} ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('zone colours have 3:1 contrast on the desk background (WCAG 1.4.11)', () => {
    expect(ZONE_PALETTE.filter((c) => wcagContrast(c, DESK.background) < 3)).toEqual([]);
  });

  it.each(Object.keys(VISIONS))('the map ramps get lighter or darker step by step (≥ 5 L*) with %s', (vision) => {
    for (const ramp of [DESK.ramp, WALL.ramp]) {
      const l = ramp.map((c) => lab(seen(c, vision)).l);
      const steps = l.slice(1).map((v, k) => Math.abs(v - l[k]));
      const direction = l.slice(1).map((v, k) => Math.sign(v - l[k]));
      expect(new Set(direction).size).toBe(1);
      expect(Math.min(...steps)).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('colours of one chart', () => {
  it('gives up to twelve zones twelve different colours, and a zone its usual colour when free', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `zone-${i}`);
    const colours = zoneColours(ids);
    expect(new Set(colours.values()).size).toBe(12);
    expect(zoneColours([ids[5]]).get(ids[5])).toBe(zoneColour(ids[5]));
    expect(zoneColours(['a', 'b', 'a']).size).toBe(2);
  });
});
