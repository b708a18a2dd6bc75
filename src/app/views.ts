import { createElement, lazy, type ComponentType } from 'react';
import { RankingsView } from '../features/rankings/RankingsView';
import type { WallTileKind } from '../features/wall/tile-kind';
import { withMessages, type MessageKey } from '../i18n';
import { ROUTES, type Route } from '../store/view-params';

/**
 * The view registry (docs/architecture.md §4.6), in the spirit of Excalidraw's action registry: one entry per
 * view, read by the nav (Nav.tsx), the router (RouteView.tsx, App.tsx), the wall (its tile kinds) and the browser
 * tests' route lists (test/e2e/routes.test.ts, a11y.test.ts). This is its React half; the URL half (each view's
 * link parameters) is src/store/view-params.ts, one layer down because the store parses links and may not
 * import features. `{ [R in Route]: … }` makes the two halves name the same routes.
 *
 * Everything but the first view is loaded on demand (§3.4): `lazy(withMessages(() => import(…)))` here, and the
 * wall tiles only with the wall, so this file adds no view's code to the first view's JavaScript.
 */
export interface ViewEntry {
  /** the view's name: its nav link and its error card */
  title: MessageKey;
  component: ComponentType;
  /** 'bare': a page of its own, without header, nav or filters (the wall); default: inside the shell */
  frame?: 'shell' | 'bare';
  /** false for a view that draws no chart (the browser tests then wait for the view, not for its charts) */
  charts?: boolean;
  /** how the view appears as a wall tile (features/<view>/wall-tile.ts), loaded with the wall */
  wallTile?: () => Promise<WallTileKind>;
}

/** A lazily loaded view whose module exports `name`, with its messages (i18n withMessages). */
const view = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(withMessages(() => load().then((m) => ({ default: m[name] }))));

export const VIEWS: { [R in Route]: ViewEntry } = {
  // the first view: in the page's own bundle, so the first chart waits for no chunk
  rankings: { title: 'route.rankings', component: RankingsView, wallTile: () => import('../features/rankings/wall-tile').then((m) => m.rankingsTile) },
  trends: { title: 'route.trends', component: view(() => import('../features/trends/TrendsView'), 'TrendsView'), wallTile: () => import('../features/trends/wall-tile').then((m) => m.trendTile) },
  bump: { title: 'route.bump', component: view(() => import('../features/bump/BumpView'), 'BumpView'), wallTile: () => import('../features/bump/wall-tile').then((m) => m.bumpTile) },
  compare: { title: 'route.compare', component: view(() => import('../features/compare/CompareView'), 'CompareView'), wallTile: () => import('../features/compare/wall-tile').then((m) => m.compareTile) },
  map: { title: 'route.map', component: view(() => import('../features/map/MapView'), 'MapView') },
  zone: { title: 'route.zone', component: view(() => import('../features/zone/ZoneView'), 'ZoneView') },
  data: { title: 'route.data', component: view(() => import('../features/data/DataView'), 'DataView') },
  sources: { title: 'route.sources', component: view(() => import('../features/sources/SourcesView'), 'SourcesView'), charts: false },
  // the wall, with every view's tile kind: it names no view itself
  wall: { title: 'route.wall', frame: 'bare', component: lazy(withMessages(() => loadWall())) },
};

/** Every view's wall tile kind, in the registry's order. */
export const wallTileKinds = (): Promise<WallTileKind[]> => Promise.all(ROUTES.flatMap((r) => VIEWS[r].wallTile ?? []).map((load) => load()));

async function loadWall() {
  const [m, tileKinds] = await Promise.all([import('../features/wall/WallView'), wallTileKinds()]);
  return { default: () => createElement(m.WallView, { tileKinds }) };
}
