import type { Lang } from './index';

/*
 * Messages made outside React — by the importer in its worker, by the store — are written once in both
 * languages, Chinese first and the English in brackets at the end: `文件是空的 (the file is empty)`, or
 * `…编码（no BOM: utf-16le detected）`, sometimes followed by a detail (`…默认值 (invalid link parameters):
 * ds=x`). In English the reader sees the English alone; in Chinese, the whole message as written.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** quoted text (a file's header, a zone's name) may be Chinese inside an English sentence: “…”, "…", ‘…’ */
const QUOTE_START: Record<string, string> = { '”': '“', '"': '"', '’': '‘' };

/**
 * The English part is the last bracket group (either width) that ends the message or is followed only by a
 * `: detail`, begins with a letter or digit, holds two letters in a row, has no Chinese outside quotes (nor has
 * the detail), and has Chinese before it. One pass from the end, pairing brackets as it goes and stopping at
 * the first Chinese outside quotes: linear in the message (docs/hostile-inputs.md R2), so a header of 100,000
 * `(` costs 100,000 steps, not their square. Quotes are read from the end too: a closing mark whose opening
 * one is missing quotes what precedes it.
 */
export function inLang(message: string, lang: Lang): string {
  if (lang === 'zh' || !CJK.test(message)) return message;
  const closes: number[] = [];
  let quote = '';
  // where the first two ASCII letters in a row after `i` begin
  let pair = Infinity;
  for (let i = message.length - 1, first = message.search(CJK); i > first; i--) {
    const c = message[i];
    if (quote) quote = c === quote ? '' : quote;
    else if (QUOTE_START[c]) quote = QUOTE_START[c];
    else if (CJK.test(c)) break;
    if (/[A-Za-z]{2}/.test(message.slice(i, i + 2))) pair = i;
    if (/[)）]/.test(c)) closes.push(i);
    else if (/[(（]/.test(c)) {
      // an opening bracket pairs with the nearest closing one after it not yet paired (none: undefined, no match)
      const end = closes.pop()!;
      // slices share the message's characters (no copy), and the patterns are anchored: constant work here
      const english = message.slice(i + 1, end);
      const detail = message.slice(end + 1);
      if (pair < end - 1 && /^\s*[:：]|^$/.test(detail) && /^\s*[A-Za-z0-9]/.test(english)) return (english + detail).trim();
    }
  }
  return message;
}
