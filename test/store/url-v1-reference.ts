// The link parser as it was before the view registry (git: src/store/url.ts at 4dd57d8), kept unchanged as the
// reference for test/store/url-contract.test.ts: links pasted into reports must read the same (docs/architecture.md §4).
// Not imported by the app.
import type { Lang } from '../../src/i18n';

/** The routes of docs/architecture.md §4.1 (a contract: links in reports point at them). */
export const ROUTES = ['rankings', 'trends', 'bump', 'compare', 'map', 'zone', 'data', 'sources', 'wall'] as const;
export type Route = (typeof ROUTES)[number];

/** The view a URL describes. Absent fields mean "the default" and are left out of links. */
export interface UrlState {
  route: Route;
  /** for #/zone/<id> */
  zoneId: string | null;
  ds: string | null;
  ind: string | null;
  year: number | null;
  years: [number, number] | null;
  zones: string[];
  focus: string | null;
  lang: Lang;
  playlist: string | null;
  /** view options beyond the original list (docs/architecture.md §4.2), so that every view's link reproduces it: trends mode (abs|yoy|index),
   *  log scale, compare's y and size indicators, geography's aggregate */
  mode: string | null;
  log: boolean;
  ind2: string | null;
  ind3: string | null;
  agg: string | null;
  /** `sources=trusted`: only values whose source is official or media (data/source-tiers.ts) */
  trusted: boolean;
}

export const DEFAULT_URL_STATE: UrlState = {
  route: 'rankings', zoneId: null, ds: null, ind: null, year: null, years: null, zones: [], focus: null, lang: 'zh', playlist: null,
  mode: null, log: false, ind2: null, ind3: null, agg: null, trusted: false,
};

const MAX_URL = 4000;
const MAX_ZONES = 200;
const ID = /^[a-z0-9_-]{1,64}$/i;
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
    if ((ROUTES as readonly string[]).includes(segs[0])) state.route = segs[0] as Route;
    else notices.push(`route "${segs[0].slice(0, 40)}"`);
    if (state.route === 'zone' && segs[1]) {
      if (ID.test(segs[1])) state.zoneId = segs[1];
      else notices.push(`zone "${segs[1].slice(0, 40)}"`);
    }
  }
  const params = new URLSearchParams(query);
  const id = (name: 'ds' | 'ind' | 'focus' | 'playlist' | 'mode' | 'ind2' | 'ind3' | 'agg') => {
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
  id('playlist');
  id('mode');
  id('ind2');
  id('ind3');
  id('agg');
  const log = params.get('log');
  if (log === '1') state.log = true;
  else if (log !== null && log !== '0') notices.push(`log="${log.slice(0, 10)}"`);
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

/** The canonical hash for a state: parameters in a fixed order, defaults left out, so equal views give equal links. */
export function formatHash(s: UrlState): string {
  const path = s.route === 'zone' && s.zoneId ? `/zone/${s.zoneId}` : `/${s.route}`;
  const q: string[] = [];
  if (s.ds) q.push(`ds=${s.ds}`);
  if (s.ind) q.push(`ind=${s.ind}`);
  if (s.ind2) q.push(`ind2=${s.ind2}`);
  if (s.ind3) q.push(`ind3=${s.ind3}`);
  if (s.years) q.push(`years=${s.years[0]}..${s.years[1]}`);
  else if (s.year !== null) q.push(`year=${s.year}`);
  if (s.zones.length) q.push(`zones=${s.zones.join('~')}`);
  if (s.focus) q.push(`focus=${s.focus}`);
  if (s.playlist) q.push(`playlist=${s.playlist}`);
  if (s.mode) q.push(`mode=${s.mode}`);
  if (s.log) q.push('log=1');
  if (s.agg) q.push(`agg=${s.agg}`);
  if (s.trusted) q.push('sources=trusted');
  if (s.lang !== 'zh') q.push(`lang=${s.lang}`);
  return `#${path}${q.length ? `?${q.join('&')}` : ''}`;
}
