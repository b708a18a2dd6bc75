import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inLang } from '../../src/i18n/bilingual';

describe('bilingual messages', () => {
  it('shows the English part alone in English and the whole message in Chinese', () => {
    const m = '文件是空的，没有数据行 (the file is empty: no data rows)';
    expect(inLang(m, 'en')).toBe('the file is empty: no data rows');
    expect(inLang(m, 'zh')).toBe(m);
  });

  it('reads full-width brackets, nested brackets, quoted Chinese and a trailing detail', () => {
    expect(inLang('文件带有 UTF-16LE BOM，已按 UTF-16LE 读取（the file starts with a utf-16le BOM）', 'en')).toBe('the file starts with a utf-16le BOM');
    expect(inLang('第 3 列的列名“营业收入”重复 (duplicate header "营业收入" in column 3 (kept))', 'en')).toBe('duplicate header "营业收入" in column 3 (kept)');
    expect(inLang('链接中的参数无效，已使用默认值 (invalid link parameters, defaults used): ds=x, year=1', 'en')).toBe('invalid link parameters, defaults used: ds=x, year=1');
    expect(inLang('缺失：无此项（“—”）(no such item)', 'en')).toBe('no such item');
  });

  it('leaves a message without an English part as it is', () => {
    expect(inLang('郑州高新区（2020）', 'en')).toBe('郑州高新区（2020）');
    expect(inLang('plain English (with a note)', 'en')).toBe('plain English (with a note)');
  });
});

/** The splitter as it was before docs/hostile-inputs.md R2 (quadratic): the oracle for messages of normal length. */
function splitterBeforeR2(message: string): string {
  const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  const QUOTED = /“[^”]*”|"[^"]*"|‘[^’]*’/g;
  const matching = (s: string, open: number) => {
    let depth = 0;
    for (let i = open; i < s.length; i++) {
      if (s[i] === '(' || s[i] === '（') depth++;
      else if ((s[i] === ')' || s[i] === '）') && --depth === 0) return i;
    }
    return -1;
  };
  if (!CJK.test(message)) return message;
  for (let open = message.length - 1; open > 0; open--) {
    if (message[open] !== '(' && message[open] !== '（') continue;
    const close = matching(message, open);
    if (close < 0) continue;
    const english = message.slice(open + 1, close);
    const detail = message.slice(close + 1);
    if (detail !== '' && !/^\s*[:：]/.test(detail)) continue;
    if (!/^[A-Za-z0-9]/.test(english.trim()) || !/[A-Za-z]{2}/.test(english)) continue;
    if (CJK.test(english.replace(QUOTED, '')) || CJK.test(detail.replace(QUOTED, ''))) continue;
    if (!CJK.test(message.slice(0, open))) continue;
    return (english + detail).trim();
  }
  return message;
}

describe('R2: the splitter is linear in the message', () => {
  it('R2 splits messages built of brackets, quotes, colons, Chinese and English as the splitter before R2 did (property)', () => {
    // quotes come in pairs, as the importer writes them; a stray closing mark is read from the end (see inLang)
    const piece = fc.constantFrom('中文', '郑州', '(', ')', '（', '）', ' ', ':', '：', 'ab', 'x', '1', 'not a number', ' (', ') ', '“营业收入”', '"郑州"', '‘x’', '“(”', '"a:b"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((a) => a.join('')), (m) => {
        expect(inLang(m, 'en')).toBe(splitterBeforeR2(m));
      }),
      { numRuns: 5000 },
    );
  });

  /** The least time of a few runs: what the algorithm costs, not what the machine was doing meanwhile. */
  function cost(message: string): number {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      inLang(message, 'en');
      best = Math.min(best, performance.now() - t);
    }
    return best;
  }

  // header cells a user (or an attacker) can put in a file, inside the message the importer writes about them
  const hostile: [string, (n: number) => string][] = [
    ['a header of `(`', (n) => { const h = '('.repeat(n); return `第 2 列的列名“${h}”与前面的列重复 (duplicate header "${h}" in column 2)`; }],
    ['a header of `(ab): `', (n) => `中文 ${'(ab): '.repeat(n / 6)}`],
    ['a header of nested `(1 `', (n) => `中文 ${'(1 '.repeat(n / 6)}${'): 1'.repeat(n / 6)}`],
    ['a header of unclosed quotes', (n) => `表头${'“'.repeat(n / 2)}${'"'.repeat(n / 2)} (header)`],
    ['a header of `“中”(`', (n) => `表头${'“中”('.repeat(n / 4)} (bad header)`],
  ];

  it.each(hostile)('R2 %s: 100,000 characters cost about ten times 10,000, not a hundred', (_name, make) => {
    const small = make(10_000);
    const big = make(100_000);
    expect(big.length).toBeGreaterThanOrEqual(90_000);
    cost(small); // warm up
    const [a, b] = [cost(small), cost(big)];
    // linear: ×10 (×20 allowed for noise); the splitter before R2 took ×100 and minutes
    expect(b / Math.max(a, 0.05)).toBeLessThan(20);
    expect(b).toBeLessThan(500);
  });
});
