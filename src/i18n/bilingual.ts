import type { Lang } from './index';

/*
 * Messages made outside React — by the importer in its worker, by the store — are written once in both
 * languages, Chinese first and the English in brackets at the end: `文件是空的 (the file is empty)`, or
 * `…编码（no BOM: utf-16le detected）`, sometimes followed by a detail (`…默认值 (invalid link parameters):
 * ds=x`). In English the reader sees the English alone; in Chinese, the whole message as written.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** quoted text (a file's header, a zone's name) may be Chinese inside an English sentence */
const QUOTED = /“[^”]*”|"[^"]*"|‘[^’]*’/g;

export function inLang(message: string, lang: Lang): string {
  if (lang === 'zh' || !CJK.test(message)) return message;
  // scan from the end for the bracket group that closes the English part
  for (let open = message.length - 1; open > 0; open--) {
    const ch = message[open];
    if (ch !== '(' && ch !== '（') continue;
    const close = matching(message, open);
    if (close < 0) continue;
    const english = message.slice(open + 1, close);
    const detail = message.slice(close + 1);
    // the group ends the message (or only a `: detail` follows), is English words, and has Chinese before it
    if (detail !== '' && !/^\s*[:：]/.test(detail)) continue;
    if (!/^[A-Za-z0-9]/.test(english.trim()) || !/[A-Za-z]{2}/.test(english)) continue;
    if (CJK.test(english.replace(QUOTED, '')) || CJK.test(detail.replace(QUOTED, ''))) continue;
    if (!CJK.test(message.slice(0, open))) continue;
    return (english + detail).trim();
  }
  return message;
}

/** The index of the bracket closing the one at `open` (either width), or −1. */
function matching(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
