import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * zh-CN ships with the page; English loads on demand (ensureLang), which keeps it out of the first view's
 * JavaScript. Until it has loaded, a translator for 'en' falls back to zh-CN.
 */
const DICTS: Partial<Record<Lang, Record<MessageKey, string>>> = { zh };

export const hasLang = (lang: Lang) => DICTS[lang] !== undefined;

export async function ensureLang(lang: Lang): Promise<void> {
  if (DICTS[lang]) return;
  if (lang === 'en') DICTS.en = (await import('./en')).en;
}

/** Returns a translator; `{name}` placeholders are replaced by params (as text, never markup). */
export function translator(lang: Lang): Translate {
  const dict = DICTS[lang] ?? zh;
  return (key, params) => {
    const s = dict[key] ?? zh[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
  };
}
