/**
 * The number reader: cells read the way a statistician reads a Chinese yearbook
 * (docs/architecture.md §2.2, §7.3; docs/hostile-inputs.md N1–N12). Never guesses a number out of text it does not understand: `16,284` is
 * 16284, never 16; `0x1A` is not 26; `…` is "below the unit", not a gap. The raw text stays with the caller.
 */
import type { RankBand } from '../domain/types';

export type NumberFlag =
  | 'percent' | 'approx' | 'lower-bound' | 'upper-bound' | 'parenthesised-negative' | 'footnote'
  | 'scaled-wan' | 'scaled-yi' | 'fullwidth' | 'rank-text' | 'thousands-separator';

export type MissingReason = 'empty' | 'no-item' | 'below-unit' | 'not-available' | 'spreadsheet-error';

export type NumberReading =
  | { kind: 'number'; value: number; unit?: string; flags: NumberFlag[]; marks?: string[] }
  | { kind: 'band'; band: RankBand }
  | { kind: 'missing'; reason: MissingReason }
  | { kind: 'invalid'; reason: string };

/** Units as yearbooks print them, in headers `（亿元）` and in cells `16,284件`. */
export const UNIT_TOKENS: readonly string[] = [
  '%', '‰', '个百分点', '百分点', '万亿元', '亿元', '万元', '千元', '元', '亿美元', '万美元', '美元',
  '万件', '件', '项', '万家', '家', '个', '万人', '人', '位', '名', '年', '平方公里', 'km²', '倍',
];
// longest first, so 万元 wins over 元 and 万人 over 人
const UNITS_BY_LENGTH = [...UNIT_TOKENS].sort((a, b) => b.length - a.length);

const WS = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;
const SPREADSHEET_ERROR = /^#(?:N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;
/** Dash placeholders: "no such item". A lone 一 in a numeric cell is a dash typed with the IME. */
const NO_ITEM = /^[-‐‑‒–—―−－﹣一─]+$/;
/** `…` means "below the unit of measure": a figure exists but is too small to print. */
const BELOW_UNIT = /^(?:[…⋯]+|\.{2,}|·{3,})$/;
const NOT_AVAILABLE = new Set(['na', 'n/a', 'n.a.', 'n.a', 'null', 'none', '/', '\\', 'x', '无', '不详', '暂无', '未公布', '不适用']);
/**
 * Footnote marks as yearbooks print them after a figure, a name or a header: `*`, `**`, `※`, `†`, `#`, `△`,
 * `▲`, `①`–`⑳`, superscript digits (`²`) and letters (`ᵃ`), and `注1` / `注①` (not the 注 of 备注 or 附注).
 */
const MARK_CHARS = '*＊※†‡#＃△▲\\u2460-\\u2473\\u00b9\\u00b2\\u00b3\\u2070\\u2074-\\u2079\\u02b0-\\u02b8\\u02e1-\\u02e3\\u1d2c-\\u1d61\\u1d9c-\\u1dbf\\u2071\\u207f';
const NOTE_WORD = '(?<![备附脚标批])注\\s*(?:\\d{1,2}|[\\u2460-\\u2473])';
export const FOOTNOTE_TAIL = new RegExp(`(?:${NOTE_WORD}|[${MARK_CHARS}])+$`);
/** After a figure only, also `a)`: a letter and a closing parenthesis right after a digit (`12.5a)`). */
const VALUE_FOOTNOTE_TAIL = new RegExp(`(?:${NOTE_WORD}|[${MARK_CHARS}]|(?<=\\d)[a-z]\\))+$`);
/** A footer line that starts with a mark (`* 为快报数`, `②含…`, `注1：…`, `a) …`): the mark and the rest. */
const MARK_HEAD = new RegExp(`^((?:注\\s*(?:\\d{1,2}|[\\u2460-\\u2473])|[${MARK_CHARS}]|[a-z]\\))+)\\s*[:：.、]?\\s*(.*)$`, 's');

/**
 * The marks of a tail, one by one and in a canonical spelling (half-width, no spaces): `*②` → `*`, `②`;
 * `**` stays one mark (yearbooks use `*` and `**` for different notes); `注 1` → `注1`; `¹²` is one mark.
 */
export function splitMarks(tail: string): string[] {
  const t = toHalfWidth(tail).replace(/\s+/g, '');
  return t.match(/注(?:\d{1,2}|[\u2460-\u2473])|([*#※†‡△▲])\1*|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|[a-z]\)|./gu) ?? [];
}

/**
 * A footer line holding several circled-number notes (`注：①含…；②不含…`) cut into one line per note; any
 * other line is returned whole.
 */
export function footerLines(line: string): string[] {
  const s = line.trim();
  const body = s.replace(/^注\s*[:：]\s*(?=[\u2460-\u2473])/, '');
  if (body === s && !/^[\u2460-\u2473]/.test(s)) return [s];
  const parts = body.split(/(?<=^|[\s;；。，,])(?=[\u2460-\u2473])/).map((p) => p.trim().replace(/[;；，,]$/, '').trim()).filter(Boolean);
  return parts.length > 1 ? parts : [s];
}

/**
 * The marks a footer line starts with, and the line: `* 为快报数` → marks `*`; `②含…` → `②`. A line that
 * starts with `#` needs a space or a colon after it (`#郑州` is an "of which" row, not a note); null when
 * the line starts with no mark.
 */
export function footerMarks(line: string): string[] | null {
  // `注：①含…` is the note of ①, as `①含…` is
  const s = line.trim().replace(/^注\s*[:：]\s*(?=[\u2460-\u2473])/, '');
  const m = MARK_HEAD.exec(s);
  if (!m || m[2] === '') return null;
  if (/^[#＃]/.test(s) && !/^[#＃]+(?:\s|[:：])/.test(s)) return null;
  // `a)` opens a note only when followed by a space or a colon: `a)` inside a word is text
  if (/^[a-z]\)/.test(s) && !/^[a-z]\)(?:\s|[:：])/.test(s)) return null;
  return splitMarks(m[1]);
}

const PREFIXES: [string, NumberFlag][] = [
  ['大约', 'approx'], ['约为', 'approx'], ['约', 'approx'], ['近', 'approx'], ['~', 'approx'], ['≈', 'approx'],
  ['不超过', 'upper-bound'], ['不足', 'upper-bound'], ['不到', 'upper-bound'], ['少于', 'upper-bound'],
  ['小于', 'upper-bound'], ['低于', 'upper-bound'], ['<=', 'upper-bound'], ['≤', 'upper-bound'], ['<', 'upper-bound'],
  ['不少于', 'lower-bound'], ['超过', 'lower-bound'], ['大于', 'lower-bound'], ['多于', 'lower-bound'],
  ['高于', 'lower-bound'], ['逾', 'lower-bound'], ['超', 'lower-bound'], ['>=', 'lower-bound'], ['≥', 'lower-bound'],
  ['>', 'lower-bound'],
];
const SUFFIXES: [string, NumberFlag][] = [
  ['左右', 'approx'], ['上下', 'approx'], ['以上', 'lower-bound'], ['余', 'lower-bound'], ['多', 'lower-bound'],
  ['+', 'lower-bound'], ['以下', 'upper-bound'], ['以内', 'upper-bound'],
];
const SCALES: [string, number, NumberFlag[]][] = [
  ['万亿', 12, ['scaled-wan', 'scaled-yi']], ['亿', 8, ['scaled-yi']], ['万', 4, ['scaled-wan']],
];

const invalid = (reason: string): NumberReading => ({ kind: 'invalid', reason });
const missing = (reason: MissingReason): NumberReading => ({ kind: 'missing', reason });

/** Full-width ASCII (`１２３．４`, `（`, `％`, `－`) → ASCII; the other minus signs → `-`. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2212\u2013\ufe63]/g, '-');
}

/**
 * A plain decimal as machines write it (`1234.50`, `-3`): most cells of a big file. Read at once; the
 * result is the same as the full reader's (a property test holds the two together). Leading zeros,
 * signs other than `-`, and anything longer go the full way.
 */
const PLAIN = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?$/;
const NO_FLAGS: readonly NumberFlag[] = Object.freeze([]);

/** Reads one cell. Never throws, never returns a non-finite number. */
export function readNumber(raw: string): NumberReading {
  if (PLAIN.test(raw)) {
    const v = Number(raw);
    return { kind: 'number', value: v === 0 ? 0 : v, flags: NO_FLAGS as NumberFlag[] };
  }
  return readNumberFully(raw);
}

/** The full reader: qualifiers, units, scale words, footnote marks, yearbook placeholders. */
export function readNumberFully(raw: string): NumberReading {
  try {
    return read(raw);
  } catch {
    return invalid('无法识别为数字（not a number）');
  }
}

function read(raw: string): NumberReading {
  if (typeof raw !== 'string') return invalid('不是文本（not text）');
  let s = raw.replace(WS, '');
  if (s === '') return missing('empty');
  if (s.length > 64) return invalid('内容过长，不像一个数字（too long to be a number）');
  if (NO_ITEM.test(s)) return missing('no-item');
  const flags: NumberFlag[] = [];
  const flag = (f: NumberFlag) => {
    if (!flags.includes(f)) flags.push(f);
  };
  const half = toHalfWidth(s);
  if (/[\uff01-\uff5e]/.test(s)) flag('fullwidth');
  s = half;
  if (SPREADSHEET_ERROR.test(s)) return missing('spreadsheet-error');
  if (BELOW_UNIT.test(s)) return missing('below-unit');
  if (NO_ITEM.test(s)) return missing('no-item');
  if (NOT_AVAILABLE.has(s.toLowerCase())) return missing('not-available');

  const marks: string[] = [];
  s = stripFootnote(s, flag, marks);
  const band = readBand(s);
  if (band) return band;
  const rank = readRankText(s);
  if (rank !== null) {
    if (rank < 1) return invalid('名次必须是正整数（a rank must be a positive integer）');
    flag('rank-text');
    return withMarks({ kind: 'number', value: rank, flags }, marks);
  }

  const state: Affixes = { unit: undefined, scale: 0, used: new Set() };
  s = stripAffixes(s, state, flag, marks);
  let negative = false;
  const paren = s.match(/^\((.*)\)$/);
  if (paren) {
    // Accounting negatives, as in Chinese financial tables: (12.5) is −12.5 (docs/hostile-inputs.md N8; policy pinned in tests).
    negative = true;
    flag('parenthesised-negative');
    s = stripAffixes(paren[1].trim(), state, flag, marks);
  }
  const sign = s.match(/^([+-])\s*/);
  if (sign) {
    if (negative) return invalid('括号内又有正负号，含义不明（a sign inside parentheses is ambiguous）');
    negative = sign[1] === '-';
    s = s.slice(sign[0].length);
  }
  const value = readCore(s, state.scale, flag);
  if (typeof value === 'string') return invalid(value);
  const signed = negative ? -value : value;
  // -0 is an artefact of `(0)` or `-0`, not a figure anyone published
  const result = { kind: 'number' as const, value: signed === 0 ? 0 : signed, flags };
  return withMarks(state.unit === undefined ? result : { ...result, unit: state.unit }, marks);
}

/** The marks read, on a number reading that has any (a reading without marks has no `marks` field). */
function withMarks(r: Extract<NumberReading, { kind: 'number' }>, marks: string[]): NumberReading {
  return marks.length ? { ...r, marks } : r;
}

interface Affixes {
  unit: string | undefined;
  /** power of ten from 万 / 亿 */
  scale: number;
  used: Set<string>;
}

/** Peels qualifiers, units, scale words and footnote marks off both ends, each kind at most once. */
function stripAffixes(input: string, st: Affixes, flag: (f: NumberFlag) => void, marks: string[]): string {
  let s = input;
  for (let changed = true; changed && s.length > 0; ) {
    const before = s;
    s = stripFootnote(s, flag, marks);
    changed = s !== before;
    for (const [p, f] of PREFIXES) {
      if (!st.used.has(`p:${f}`) && s.startsWith(p) && s.length > p.length) {
        st.used.add(`p:${f}`);
        flag(f);
        s = s.slice(p.length).trim();
        changed = true;
        break;
      }
    }
    for (const [x, f] of SUFFIXES) {
      if (!st.used.has(`s:${f}`) && s.endsWith(x) && s.length > x.length) {
        st.used.add(`s:${f}`);
        flag(f);
        s = s.slice(0, -x.length).trim();
        changed = true;
        break;
      }
    }
    if (st.unit === undefined) {
      const u = UNITS_BY_LENGTH.find((t) => s.endsWith(t) && s.length > t.length);
      if (u) {
        st.unit = u;
        if (u === '%') flag('percent');
        s = s.slice(0, -u.length).trim();
        changed = true;
      }
    }
    if (!st.used.has('scale')) {
      const sc = SCALES.find(([w]) => s.endsWith(w) && s.length > w.length);
      if (sc) {
        st.used.add('scale');
        st.scale = sc[1];
        sc[2].forEach(flag);
        s = s.slice(0, -sc[0].length).trim();
        changed = true;
      }
    }
  }
  return s;
}

/**
 * Trailing footnote marks (`*`, `※`, `①`, `²`, `ᵃ`, `注1`, `a)`) are a flag and kept as marks; the figure
 * stays. `km²` is a unit, not a note.
 */
function stripFootnote(s: string, flag: (f: NumberFlag) => void, marks: string[]): string {
  const foot = s.match(VALUE_FOOTNOTE_TAIL);
  if (!foot || foot.index === 0 || s.endsWith('km²')) return s;
  flag('footnote');
  for (const m of splitMarks(foot[0])) if (!marks.includes(m)) marks.push(m);
  return s.slice(0, foot.index).trim();
}

/** Digits with an optional decimal part and exponent; commas only in whole groups of three. */
const CORE = /^(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function readCore(s: string, scale: number, flag: (f: NumberFlag) => void): number | string {
  const m = s.match(CORE);
  if (!m || !/\d/.test(s.replace(/e.*$/i, ''))) return whyNotANumber(s);
  const grouped = m[1];
  if (grouped) {
    // `0,123` is a European decimal, not one hundred and twenty-three
    if (grouped.startsWith('0')) return '千分位分隔符位置不对（misplaced thousands separator）';
    flag('thousands-separator');
  }
  const int = grouped ? grouped.replace(/,/g, '') : m[2];
  const exp = (m[4] ? parseInt(m[4], 10) : 0) + scale;
  // scale by moving the decimal point in the text, not by multiplying: 1.1万 must be 11000 exactly
  const value = Number(`${int || '0'}.${m[3] ?? ''}e${exp}`);
  if (!Number.isFinite(value)) return '数值超出范围（number out of range）';
  return value;
}

function whyNotANumber(s: string): string {
  if (/^0x[0-9a-f]+$/i.test(s)) return '十六进制不是统计数字（hexadecimal is not a statistical figure）';
  if (/^(?:infinity|inf|nan|∞)$/i.test(s)) return '不是有限的数字（not a finite number）';
  if (/^\d[\d,]*(?:\.\d*)?$/.test(s) && s.includes(',')) return '千分位分隔符位置不对（misplaced thousands separator）';
  if (/^[\d.]+$/.test(s) && (s.match(/\./g) ?? []).length > 1) return '小数点不止一个（more than one decimal point）';
  if (/^[\d.,]+\s*[-~至到]\s*[\d.,]+$/.test(s)) return '是一个范围，不是单个数字（a range, not a single number）';
  if (/^\d/.test(s)) return '数字后面有无法识别的文字（unrecognised text after the number）';
  return '无法识别为数字（not a number）';
}

/** `top10`, `Top 3`, `前20`, `前10名`: an official rank published only as a group. */
function readBand(s: string): NumberReading | null {
  const m = s.match(/^top\s*(\d+)$/i) ?? s.match(/^前\s*([\d零〇一二两三四五六七八九十百千]+)\s*(?:名|位|强)?$/);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseInteger(m[1]);
  if (n === null || n < 1 || !Number.isSafeInteger(n)) return invalid('名次区间必须是正整数（a rank band must be a positive integer）');
  return { kind: 'band', band: { label: `top${n}`, upTo: n } };
}

/** `第17位`, `17名`, `第十七名`: a rank written as text. Returns null when `s` is not rank text. */
function readRankText(s: string): number | null {
  const m = s.match(/^(?:排名)?第\s*([\d零〇一二两三四五六七八九十百千]+)\s*(?:位|名)?$/) ?? s.match(/^(\d+)\s*(?:位|名)$/);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseInteger(m[1]);
  return n === null || !Number.isSafeInteger(n) ? 0 : n;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十七 → 17, 一百零二 → 102, 二〇二〇 → 2020; null when malformed. Only used for rank text. */
function chineseInteger(s: string): number | null {
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + CN_DIGITS[ch];
    return s.length > 0 && s.length <= 6 ? v : null;
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else {
      const u = CN_UNITS[ch];
      if (u >= lastUnit) return null;
      total += (digit ?? 1) * u;
      digit = null;
      lastUnit = u;
    }
  }
  return total + (digit ?? 0);
}

/** A rank column: a positive integer, a band, or a placeholder. `17.5`, `0`, `-3` or `5%` are invalid. */
export function parseRank(raw: string): NumberReading {
  const r = readNumber(raw);
  if (r.kind !== 'number') return r;
  if (!Number.isInteger(r.value) || r.value < 1 || !Number.isSafeInteger(r.value)) {
    return invalid('名次必须是正整数（a rank must be a positive integer）');
  }
  const bad = r.flags.find((f) => f === 'percent' || f === 'parenthesised-negative' || f === 'scaled-wan' || f === 'scaled-yi');
  if (bad || (r.unit !== undefined && r.unit !== '位' && r.unit !== '名')) {
    return invalid('名次不能带单位或百分号（a rank takes no unit or percent sign）');
  }
  return r;
}

/** `亿元`, `%`, `万元/人`, `单位：亿元` → the unit; null when the text is not unit-like (`园区`). */
export function unitOf(text: string): string | null {
  const parts = toHalfWidth(text).replace(/^单位\s*[:：]\s*/, '').split('/').map((p) => p.trim());
  return parts.every((p) => UNIT_TOKENS.includes(p)) ? parts.join('/') : null;
}

/**
 * `营业收入（亿元）`, `GDP增速(%)`, `出口总额[亿美元]`, `地区生产总值/亿元` → name and unit (docs/hostile-inputs.md N3).
 * Only a known unit splits: `高新区(园区)` stays whole.
 */
export function splitHeaderUnit(header: string): { name: string; unit: string } {
  const h = header.replace(WS, '');
  const m = h.match(/^(.*?)\s*[(（[【]([^()（）[\]【】]+)[)）\]】]$/);
  const bracketed = m ? unitOf(m[2]) : null;
  if (m && bracketed !== null) return { name: m[1].trim(), unit: bracketed };
  // a slash suffix: try the first slash first, so `人均收入/万元/人` keeps the compound unit whole
  const slashes = h.replace(/／/g, '/');
  for (let i = slashes.indexOf('/'); i > 0; i = slashes.indexOf('/', i + 1)) {
    const unit = unitOf(h.slice(i + 1));
    if (unit !== null) return { name: h.slice(0, i).trim(), unit };
  }
  return { name: h, unit: '' };
}

/**
 * docs/hostile-inputs.md N10: a column of digit strings with leading zeros (`0012`, `08123`) is a code column and stays text.
 * Values Excel has already turned into `1.10108E+11` in such a column lost digits for good: their
 * indexes are returned so the caller can warn. Placeholders (`—`, empty) do not decide either way.
 */
export function detectCodeColumn(values: string[]): { isCode: boolean; precisionLost: number[] } {
  let leadingZero = false;
  const sci: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = String(values[i] ?? '').replace(WS, '');
    if (/^\d+$/.test(v)) {
      if (v.length > 1 && v.startsWith('0')) leadingZero = true;
    } else if (/^\d(?:\.\d+)?E\+\d+$/i.test(v)) sci.push(i);
    else if (readNumber(v).kind !== 'missing') return { isCode: false, precisionLost: [] };
  }
  return leadingZero ? { isCode: true, precisionLost: sci } : { isCode: false, precisionLost: [] };
}
