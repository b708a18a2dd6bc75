import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * zh-CN ships with the page in two parts: the shell's and the first view's messages (zh.ts) with the page,
 * the rest (zh-views.ts) loaded beside the first chart; English loads on demand. All of it through ensureLang,
 * which keeps it out of the first view's JavaScript. Until a part has loaded, a translator falls back to
 * what has (zh-CN core), so the first view never waits for the rest.
 */
let zhViews: Record<string, string> | null = null;
let en: Record<MessageKey, string> | null = null;

export const hasLang = (lang: Lang) => zhViews !== null && (lang === 'zh' || en !== null);

let loadingViews: Promise<void> | null = null;
const loadViews = () =>
  (loadingViews ??= import('./zh-views').then((m) => {
    zhViews = m.zhViews;
  }));

export async function ensureLang(lang: Lang): Promise<void> {
  await loadViews();
  if (lang === 'en' && !en) en = (await import('./en')).en;
}

/**
 * A lazily loaded module together with the messages it shows: `lazy(withMessages(() => import('./X')))`, so
 * a view never renders before its words have arrived.
 */
export const withMessages = <T>(load: () => Promise<T>) => () => Promise.all([load(), loadViews()]).then(([m]) => m);

/** Returns a translator; `{name}` placeholders are replaced by params (as text, never markup). */
export function translator(lang: Lang): Translate {
  const first = lang === 'en' ? en : null;
  return (key, params) => {
    const s = first?.[key] ?? (zh as Record<string, string>)[key] ?? zhViews?.[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
  };
}
