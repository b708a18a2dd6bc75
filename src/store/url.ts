import type { Lang } from '../i18n';
import { ID } from './url-params';
import { isRoute, pathParamOf, QUERY_PARAMS, ROUTES, VIEW_URLS, type Route, type ViewParams } from './view-params';

/** The routes of docs/architecture.md §4.1 (a contract: links in reports point at them), from the view registry. */
export { ROUTES, type Route };

/** The filters every view shares (docs/architecture.md §4.2). Absent fields mean "the default" and are left out of links. */
interface SharedState {
  route: Route;
  ds: string | null;
  ind: string | null;
  year: number | null;
  years: [number, number] | null;
  zones: string[];
  focus: string | null;
  lang: Lang;
  /** `sources=trusted`: only values whose source is official or media (data/source-tiers.ts) */
  trusted: boolean;
}

/**
 * The view a URL describes: the shared filters and every view's own parameters, typed by their schema in
 * view-params.ts (trends' `mode: GrowthMode | null`, compare's `ind2`, the zone view's `zoneId` …), so that each
 * view's link reproduces it and no view checks its parameters again.
 */
export type UrlState = SharedState & ViewParams;

export const DEFAULT_URL_STATE: UrlState = {
  route: 'rankings', ds: null, ind: null, year: null, years: null, zones: [], focus: null, lang: 'zh', trusted: false,
  ...(Object.fromEntries([...QUERY_PARAMS, ...ROUTES.map(pathParamOf).filter((p) => p !== undefined)].map(([k, p]) => [k, p.empty])) as ViewParams),
};

const MAX_URL = 4000;
const MAX_ZONES = 200;
/**
 * A published dataset viewed together with the user's files: `ds=reported+user` (docs/architecture.md §4.5).
 * The `+` is read from the raw query (a form decoder would make it a space); each part is an id of its own.
 */
const COMBINED = /^([a-z0-9_-]{1,64})\+user$/i;
export const USER_DS = 'user';
export const combinedId = (base: string) => `${base}+${USER_DS}`;
/** `reported+user` → `reported`; null for a plain id. */
export function combinedBase(ds: string | null | undefined): string | null {
  const m = ds ? COMBINED.exec(ds) : null;
  return m && m[1].toLowerCase() !== USER_DS ? m[1] : null;
}
const YEAR = /^(19|20)\d\d$/;

export interface ParsedUrl {
  state: UrlState;
  /** what was invalid and replaced by a default (docs/hostile-inputs.md P6) */
  notices: string[];
}

/** Parses `#/rankings?ds=reported&ind=rank_overall&year=2020`. A tampered or overlong URL gives defaults and notices. */
export function parseHash(hash: string): ParsedUrl {
  const notices: string[] = [];
  const state: UrlState = { ...DEFAULT_URL_STATE, zones: [] };
  if (hash.length > MAX_URL) return { state, notices: [`URL 过长（${hash.length} 字符）(URL too long)`] };
  const h = hash.replace(/^#/, '');
  const [pathPart, query = ''] = h.split('?', 2);
  const segs = pathPart.split('/').filter(Boolean).map((s) => safeDecode(s));
  if (segs.length) {
    if (isRoute(segs[0])) state.route = segs[0];
    else notices.push(`route "${segs[0].slice(0, 40)}"`);
    // the segment after the route, for the view that has one (#/zone/<id>); any other view ignores it
    const path = pathParamOf(state.route);
    if (path && segs[1]) {
      const v = path[1].read(segs[1]);
      if (v === undefined) notices.push(`${state.route} "${segs[1].slice(0, 40)}"`);
      else write(state, path[0], v);
    }
  }
  const params = new URLSearchParams(query);
  const id = (name: 'ind' | 'focus') => {
    const v = params.get(name);
    if (v === null || v === '') return;
    if (ID.test(v)) state[name] = v;
    else notices.push(`${name}="${v.slice(0, 40)}"`);
  };
  // ds: an id, or a published id + the user's files; the raw text, so that `+` stays a `+`
  const rawDs = query.split('&').find((p) => p.startsWith('ds='));
  if (rawDs !== undefined && rawDs.length > 3) {
    const v = safeDecode(rawDs.slice(3));
    if (ID.test(v) || combinedBase(v)) state.ds = v;
    else notices.push(`ds="${v.slice(0, 40)}"`);
  }
  id('ind');
  id('focus');
  // every view's own parameters, whatever the route: the nav's links keep them, so a link made on Rankings
  // after a visit to Trends still says mode=yoy, and reads back the same (§4.2)
  for (const [name, param] of QUERY_PARAMS) {
    const text = params.get(name);
    if (text === null) continue;
    const v = param.read(text);
    if (v === undefined) notices.push(`${name}="${text.slice(0, 40)}"`);
    else write(state, name, v);
  }
  const sources = params.get('sources');
  if (sources === 'trusted') state.trusted = true;
  else if (sources !== null && sources !== 'all') notices.push(`sources="${sources.slice(0, 20)}"`);
  const year = params.get('year');
  if (year) {
    if (YEAR.test(year)) state.year = Number(year);
    else notices.push(`year="${year.slice(0, 20)}"`);
  }
  const years = params.get('years');
  if (years) {
    const m = /^((?:19|20)\d\d)\.\.((?:19|20)\d\d)$/.exec(years);
    if (m && Number(m[1]) <= Number(m[2])) state.years = [Number(m[1]), Number(m[2])];
    else notices.push(`years="${years.slice(0, 20)}"`);
  }
  const zones = params.get('zones');
  if (zones) {
    const list = zones.split('~').filter(Boolean);
    const good = list.filter((z) => ID.test(z)).slice(0, MAX_ZONES);
    if (good.length !== list.length) notices.push(`zones (${list.length - good.length})`);
    state.zones = [...new Set(good)];
  }
  const lang = params.get('lang');
  if (lang) {
    if (lang === 'zh' || lang === 'en') state.lang = lang;
    else notices.push(`lang="${lang.slice(0, 10)}"`);
  }
  return { state, notices };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Where each shared filter goes in a canonical link; a view's parameter carries its own `order` (view-params.ts). */
const SHARED_ORDER = { ds: 10, ind: 20, years: 30, zones: 40, focus: 50, sources: 90, lang: 100 } as const;

/** The canonical hash for a state: parameters in a fixed order, defaults left out, so equal views give equal links. */
export function formatHash(s: UrlState): string {
  const values = s as unknown as Record<string, unknown>;
  const path = pathParamOf(s.route);
  const id = path ? path[1].write(values[path[0]]) : null;
  const q: [number, string][] = [];
  const add = (order: number, text: string | false | null) => text && q.push([order, text]);
  add(SHARED_ORDER.ds, s.ds && `ds=${s.ds}`);
  add(SHARED_ORDER.ind, s.ind && `ind=${s.ind}`);
  add(SHARED_ORDER.years, s.years ? `years=${s.years[0]}..${s.years[1]}` : s.year !== null && `year=${s.year}`);
  add(SHARED_ORDER.zones, s.zones.length > 0 && `zones=${s.zones.join('~')}`);
  add(SHARED_ORDER.focus, s.focus && `focus=${s.focus}`);
  for (const [name, param] of QUERY_PARAMS) {
    const text = param.write(values[name]);
    add(param.order, text !== null && `${name}=${text}`);
  }
  add(SHARED_ORDER.sources, s.trusted && 'sources=trusted');
  add(SHARED_ORDER.lang, s.lang !== 'zh' && `lang=${s.lang}`);
  q.sort((a, b) => a[0] - b[0]);
  return `#/${s.route}${id ? `/${id}` : ''}${q.length ? `?${q.map(([, t]) => t).join('&')}` : ''}`;
}

/**
 * The state a link to another view shows (the nav): every filter kept, the path ids of other views dropped, and
 * the target's own id kept when staying, else taken from its fallback (the zone view opens on the home zone).
 */
export function linkState(s: UrlState, route: Route): UrlState {
  const next = { ...s, route } as UrlState;
  for (const r of ROUTES) {
    const path = pathParamOf(r);
    if (path && r !== route) write(next, path[0], path[1].empty);
  }
  const own = pathParamOf(route);
  const fallback = VIEW_URLS[route].pathFallback;
  if (own && fallback && (s as unknown as Record<string, unknown>)[own[0]] === own[1].empty) write(next, own[0], s[fallback]);
  return next;
}

/** Sets a view parameter by name: the names come from the schema, whose types make UrlState. */
function write(state: UrlState, name: string, value: unknown) {
  (state as unknown as Record<string, unknown>)[name] = value;
}
