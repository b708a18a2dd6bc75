// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSlide, isTile, parsePlaylists } from '../../src/features/wall/playlist';

describe('wall playlists', () => {
  it('reads the bundled data/wall.json with no errors', () => {
    const [p] = parsePlaylists(JSON.parse(readFileSync('data/wall.json', 'utf8')));
    expect(p.id).toBe('default');
    expect(p.slides.length).toBeGreaterThanOrEqual(3);
    for (const s of p.slides) {
      expect(isSlide(s)).toBe(true);
      if (isSlide(s)) expect(s.tiles.every(isTile)).toBe(true);
    }
  });

  it('a broken slide or tile becomes an error in its place; the rest stays', () => {
    const [p] = parsePlaylists({
      playlists: [{ id: 'x', slides: [
        { ds: 'reported', tiles: [{ kind: 'rankings', ind: 'rank_overall', year: 2020 }, { kind: 'pie', ind: 'x' }, { kind: 'kpi', ind: '<img>' }] },
        { tiles: [] },
        { ds: 'demo', duration: 1e9, tiles: [{ kind: 'compare', ind: 'gdp' }] },
      ] }],
    });
    const [a, b, c] = p.slides;
    expect(isSlide(a) && a.tiles.map((t) => ('error' in t ? 'error' : t.kind))).toEqual(['rankings', 'error', 'error']);
    expect(isSlide(b)).toBe(false);
    expect(isSlide(c) && c.duration).toBe(20);
    expect(isSlide(c) && 'error' in c.tiles[0]).toBe(true);
  });

  it('refuses a file that is not a playlist at all', () => {
    expect(() => parsePlaylists({ hello: 1 })).toThrow(/playlists/);
  });
});
