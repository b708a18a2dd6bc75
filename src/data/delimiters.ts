/** Delimiters people's files use; the full-width comma comes from hand-typed Chinese text. */
export const DELIMITERS = [',', '\t', ';', '|', '，'] as const;

// A Map: the delimiter may come from the user, and `constructor` must not find Object's.
const DELIMITER_NAMES = new Map<string, string>([[',', '逗号 ,'], ['\t', '制表符 TAB'], [';', '分号 ;'], ['|', '竖线 |'], ['，', '全角逗号 ，']]);
const DELIMITER_NAMES_EN = new Map<string, string>([[',', 'comma ,'], ['\t', 'tab'], [';', 'semicolon ;'], ['|', 'bar |'], ['，', 'full-width comma ，']]);
export const delimiterName = (d: string, lang: 'zh' | 'en' = 'zh') => (lang === 'zh' ? DELIMITER_NAMES : DELIMITER_NAMES_EN).get(d) ?? JSON.stringify(d);
