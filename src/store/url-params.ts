/**
 * The kinds of a view's URL parameter (docs/architecture.md §4.2, §4.6): each says once how its text is read,
 * checked and written, so the views get typed values and never check them again. Pure: no React.
 */
export interface Param<T> {
  /** its place in the canonical link: formatHash writes every parameter in this order (§4.2: equal views, equal links) */
  order: number;
  /** the value when the parameter is absent (or empty) */
  empty: T;
  /** how a workspace backup stores it (store/backup.ts): link text, or a JSON boolean */
  stored: 'text' | 'flag';
  /** the value a link's text stands for, or undefined when the text is not valid (then dropped with a notice, §4.3) */
  read(text: string): T | undefined;
  /** the text to write in a link, or null to leave the parameter out (its default) */
  write(value: T): string | null;
}

/** Ids in links: dataset, indicator, zone and playlist ids (§4.2). */
export const ID = /^[a-z0-9_-]{1,64}$/i;

/** An id (`ind2=gdp_growth`); an empty text is the same as none. */
export const idParam = (order: number): Param<string | null> => ({
  order,
  empty: null,
  stored: 'text',
  read: (s) => (s === '' ? null : ID.test(s) ? s : undefined),
  write: (v) => v,
});

/** One of a fixed list of words (`mode=yoy`); absent is null, and the view knows what null shows. */
export const oneOfParam = <V extends string>(values: readonly V[], order: number): Param<V | null> & { values: readonly V[] } => ({
  order,
  empty: null,
  stored: 'text',
  values,
  read: (s) => (s === '' ? null : (values as readonly string[]).includes(s) ? (s as V) : undefined),
  write: (v) => v,
});

/**
 * Every member of the union T, in the order given, checked by the compiler (a word missing or not in T is a
 * type error): the model owns the type, the link schema the list, and no list is written twice.
 */
export const allOf = <T extends string>() => <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L => list;

/** A switch: `=1` on, `=0` or absent off, written only when on (`log=1`). */
export const flagParam = (order: number): Param<boolean> => ({
  order,
  empty: false,
  stored: 'flag',
  read: (s) => (s === '1' ? true : s === '0' ? false : undefined),
  write: (v) => (v ? '1' : null),
});

/** What a view's link may carry besides the shared filters: a path id (`#/zone/<id>`) and query parameters. */
export interface ViewUrl<Q extends ParamSet = ParamSet, P extends ParamSet = ParamSet> {
  query: Q;
  /** at most one entry: the segment after the route (`#/zone/zhengzhou` → zoneId), read only on this route */
  path: P;
  /** the shared filter a link to this view falls back on when it has no path id of its own (the nav's link) */
  pathFallback?: 'focus';
}
// Param's methods are checked bivariantly, so a Param<string | null> is a Param<unknown> here.
export type ParamSet = Record<string, Param<unknown>>;

/** A view's URL entry, with `{}` for what it does not have (so the types below can read every entry alike). */
export function viewUrl<Q extends ParamSet = Record<never, never>, P extends ParamSet = Record<never, never>>(v: { query?: Q; path?: P; pathFallback?: 'focus' }): ViewUrl<Q, P> {
  return { query: v.query ?? ({} as Q), path: v.path ?? ({} as P), ...(v.pathFallback ? { pathFallback: v.pathFallback } : {}) };
}

type ValueOf<P> = P extends Param<infer T> ? T : never;
/** The typed values of one view's parameters: `{ mode: GrowthMode | null; log: boolean }`. */
export type ValuesOf<V> = V extends ViewUrl<infer Q, infer P> ? { [K in keyof Q]: ValueOf<Q[K]> } & { [K in keyof P]: ValueOf<P[K]> } : never;
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
