/** Years a dashboard of zones founded from 1988 on can hold. */
export const MIN_YEAR = 1980;
export const MAX_YEAR = 2100;

const PERIODS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\bQ([1-4])\s*[-–~至]\s*Q([1-4])\b/i, (m) => `Q${m[1]}-Q${m[2]}`],
  [/\bQ([1-4])\b/i, (m) => `Q${m[1]}`],
  [/([1-4])\s*[-–~至]\s*([1-4])\s*季度/, (m) => `Q${m[1]}-Q${m[2]}`],
  [/(?:前|第)?([一二三四1-4])季度/, (m) => `Q${'一二三四'.indexOf(m[1]) + 1 || m[1]}`],
  [/jan(?:uary)?\s*[-–~]\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i, (m) => `1-${'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(m[1].toLowerCase()) / 3 + 1}月`],
  [/(\d{1,2})\s*[-–~至]\s*(\d{1,2})\s*月/, (m) => `${Number(m[1])}-${Number(m[2])}月`],
  [/(?:上半年|H1)/i, () => 'H1'],
];

export interface YearReading {
  year: number | null;
  /** '' for a full year */
  period: string;
}

/**
 * Reads `2020`, `2020年`, `2020年度`, `2024 Q1-Q3`, `2022 Jan-Nov`, `2023年1-11月`, and a year inside an
 * evaluation label (`2020年国家高新区总体排名`). A year outside 1980–2100 is no year.
 */
export function readYear(raw: string): YearReading {
  const s = raw.normalize('NFKC').trim();
  const m = /^((?:19|20)\d\d|2100)(?!\d)(?:\.0+)?(?:年度?)?/.exec(s) ?? /((?:19|20)\d\d|2100)\s*年/.exec(s);
  if (!m) return { year: null, period: '' };
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return { year: null, period: '' };
  const rest = s.slice(m.index + m[0].length);
  for (const [re, fmt] of PERIODS) {
    const pm = re.exec(rest);
    if (pm) return { year, period: fmt(pm) };
  }
  return { year, period: '' };
}
