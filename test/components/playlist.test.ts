// @vitest-environment node
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wallTileKinds } from '../../src/app/views';
import { isSlide, isTile, parsePlaylists, type TileKinds } from '../../src/features/wall/playlist';

// the tile kinds the wall gets from the view registry (docs/architecture.md §4.6)
let kinds: TileKinds = [];
beforeAll(async () => {
  kinds = await wallTileKinds();
});

describe('wall playlists', () => {
  it('reads the bundled data/wall.json with no errors', () => {
    const [p] = parsePlaylists(JSON.parse(readFileSync('data/wall.json', 'utf8')), kinds);
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
    }, kinds);
    const [a, b, c] = p.slides;
    expect(isSlide(a) && a.tiles.map((t) => ('error' in t ? 'error' : t.kind))).toEqual(['rankings', 'error', 'error']);
    expect(isSlide(b)).toBe(false);
    expect(isSlide(c) && c.duration).toBe(20);
    expect(isSlide(c) && 'error' in c.tiles[0]).toBe(true);
  });

  it('refuses a file that is not a playlist at all', () => {
    expect(() => parsePlaylists({ hello: 1 }, kinds)).toThrow(/playlists/);
  });

  it('knows the kinds the registry gives it: the views\' tiles and the wall\'s own key figure, nothing else', () => {
    // the kinds data/wall.json and deployers' playlists name (docs/architecture.md §5.1); a view added since only adds
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['rankings', 'trend', 'bump', 'compare']));
    const tiles = (list: TileKinds) => parsePlaylists({ slides: [{ ds: 'demo', tiles: [{ kind: 'trend', ind: 'gdp' }, { kind: 'kpi', ind: 'gdp' }, { kind: 'compare', ind: 'gdp', ind2: 'rd_ratio' }] }] }, list)[0].slides[0];
    const known = tiles(kinds);
    expect(isSlide(known) && known.tiles.map((t) => ('error' in t ? 'error' : t.kind))).toEqual(['trend', 'kpi', 'compare']);
    // without a view's tile kind, its tiles are errors in their cells; the key figure stays
    const without = tiles(kinds.filter((k) => k.kind !== 'trend'));
    expect(isSlide(without) && without.tiles.map((t) => ('error' in t ? t.error : t.kind))).toEqual([expect.stringMatching(/unknown tile kind/), 'kpi', 'compare']);
  });
});
