import { en } from './en';
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const DICTS: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Returns a translator; `{name}` placeholders are replaced by params (as text, never markup). */
export function translator(lang: Lang): Translate {
  const dict = DICTS[lang];
  return (key, params) => {
    const s = dict[key] ?? zh[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
  };
}
