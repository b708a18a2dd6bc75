import type { GrowthMode } from '../model/growth';
import type { ProvinceAggregate } from '../model/province-aggregate';
import { allOf, flagParam, idParam, oneOfParam, viewUrl, type Param, type ParamSet, type UnionToIntersection, type ValuesOf } from './url-params';

/**
 * The URL half of the view registry (docs/architecture.md §4.6): one entry per route, with what its link may
 * carry beyond the shared filters. Its other half — the component, the title, the wall tile — is src/app/views.ts.
 * The split follows the layers: the store parses links (url.ts), restores backups (backup.ts) and may not import
 * features, so the parameters live here and the React half one layer up; app/views.ts is typed
 * `{ [R in Route]: … }`, so a route without both halves does not compile.
 *
 * The routes, their order (the nav's) and every parameter name are a contract (§4.1, §4.2): links pasted into
 * reports use them. `order` places a parameter in the canonical link among the shared ones (url.ts SHARED_ORDER:
 * ds 10, ind 20, year/years 30, zones 40, focus 50, sources 90, lang 100); a new parameter takes a free number.
 * Parameter names are one namespace across views (a link keeps every view's parameters, so that the nav's links
 * keep them too): test/store/view-params.test.ts fails on a name used twice.
 */
// The words `mode=` and `agg=` take, in the order the views offer them (type-only imports: no model code in the first view).
const GROWTH_MODES = allOf<GrowthMode>()(['absolute', 'yoy', 'index']);
const AGGREGATES = allOf<ProvinceAggregate>()(['zones', 'count', 'median', 'best']);

export const VIEW_URLS = {
  rankings: viewUrl({}),
  trends: viewUrl({ query: { mode: oneOfParam(GROWTH_MODES, 70), log: flagParam(71) } }),
  bump: viewUrl({}),
  // ind3=none: no bubble size (an id, so that a link can say "none" apart from "the default")
  compare: viewUrl({ query: { ind2: idParam(21), ind3: idParam(22) } }),
  map: viewUrl({ query: { agg: oneOfParam(AGGREGATES, 80) } }),
  zone: viewUrl({ path: { zoneId: idParam(0) }, pathFallback: 'focus' }),
  data: viewUrl({}),
  sources: viewUrl({}),
  wall: viewUrl({ query: { playlist: idParam(60) } }),
};

export type Route = keyof typeof VIEW_URLS;
/** The routes of §4.1, in the nav's order. */
export const ROUTES = Object.keys(VIEW_URLS) as Route[];

/** Every view's parameters, typed: `{ mode: GrowthMode | null; log: boolean; ind2: string | null; … zoneId: … }`. */
export type ViewParams = UnionToIntersection<{ [R in Route]: ValuesOf<(typeof VIEW_URLS)[R]> }[Route]>;

/** Every view's query parameters, by name (one namespace across views; a link carries them whatever its route). */
export const QUERY_PARAMS: [string, Param<unknown>][] = Object.values(VIEW_URLS).flatMap((v) => Object.entries(v.query as ParamSet));

/** The path id a route takes after its name (`#/zone/<id>` → ['zoneId', …]), if any. */
export const pathParamOf = (route: Route): [string, Param<unknown>] | undefined => Object.entries(VIEW_URLS[route].path as ParamSet)[0];

export const isRoute = (s: string): s is Route => Object.hasOwn(VIEW_URLS, s);
