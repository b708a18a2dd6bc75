import { parseHash, type UrlState } from './url';
import { isRoute, pathParamOf, QUERY_PARAMS } from './view-params';

// A backup's index is JSON anyone can edit: read only its own fields, never its prototype's (docs/architecture.md §7.4).
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

type ViewKey = keyof UrlState;
const ID_PARAMS = ['ds', 'ind', 'focus'] as const;

/**
 * The view a backup stored, rebuilt through the link parser (src/store/url.ts): each field written as link
 * text and parsed back, so only what a link may say survives — ids, routes, years in range — and never an
 * object from the file. What was dropped is named in `notices`.
 */
export function checkView(raw: unknown, notices: string[]): Partial<UrlState> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) {
    notices.push('备份中的视图无效，已忽略 (the backup’s view is not valid and was ignored)');
    return {};
  }
  const bad: string[] = [];
  const present: ViewKey[] = [];
  const text = (k: string): string | null => {
    const v = own(raw, k);
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
    bad.push(k);
    return null;
  };
  const q = new URLSearchParams();
  let path = '/';
  const route = text('route');
  if (route !== null) {
    present.push('route');
    if (isRoute(route)) path = `/${route}`;
    else bad.push(`route`);
  }
  // the route's path id (#/zone/<id>) and every view's parameters, as the view registry names them (view-params.ts)
  const pathKey = route !== null && isRoute(route) ? pathParamOf(route)?.[0] : undefined;
  const pathId = pathKey ? text(pathKey) : null;
  if (pathKey && pathId !== null) {
    present.push(pathKey as ViewKey);
    path += `/${encodeURIComponent(pathId)}`;
  }
  for (const k of [...ID_PARAMS, ...QUERY_PARAMS.filter(([, p]) => p.stored === 'text').map(([k]) => k)]) {
    const v = text(k);
    if (v === null) continue;
    present.push(k as ViewKey);
    q.set(k, v);
  }
  const year = text('year');
  if (year !== null) {
    present.push('year');
    q.set('year', year);
  }
  const years = own(raw, 'years');
  if (years !== undefined && years !== null) {
    present.push('years');
    if (Array.isArray(years) && years.length === 2 && years.every((y) => typeof y === 'number')) q.set('years', `${years[0]}..${years[1]}`);
    else bad.push('years');
  }
  const zones = own(raw, 'zones');
  if (zones !== undefined && zones !== null) {
    present.push('zones');
    if (Array.isArray(zones) && zones.every((z) => typeof z === 'string' && !z.includes('~'))) {
      if (zones.length) q.set('zones', zones.join('~'));
    } else bad.push('zones');
  }
  const flags = QUERY_PARAMS.filter(([, p]) => p.stored === 'flag').map(([k]) => [k, k, '1', '0'] as const);
  for (const [k, param, on, off] of [...flags, ['trusted', 'sources', 'trusted', 'all'] as const]) {
    const v = own(raw, k);
    if (v === undefined || v === null) continue;
    present.push(k as ViewKey);
    if (typeof v === 'boolean') q.set(param, v ? on : off);
    else bad.push(k);
  }
  const lang = text('lang');
  if (lang !== null) {
    present.push('lang');
    q.set('lang', lang);
  }
  const parsed = parseHash(`#${path}?${q.toString()}`);
  const view: Partial<UrlState> = {};
  // a field that did not parse comes back as the default: the fields the backup had, valid or reset
  for (const k of present) (view as Record<ViewKey, unknown>)[k] = parsed.state[k];
  const dropped = [...bad, ...parsed.notices];
  if (dropped.length) notices.push(`备份中的视图有无效部分，已改用默认值 (invalid parts of the backup’s view replaced by defaults): ${dropped.join(', ').slice(0, 300)}`);
  return view;
}
