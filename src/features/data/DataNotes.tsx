import type { ImportIssue } from '../../domain/types';
import { inLang } from '../../i18n/bilingual';
import { useLang, useT } from '../common/hooks';
import { IssueTable } from '../import/IssueTable';

/** The importer's reasons, grouped into what they say about the data (each reason names its own row and values). */
const KINDS: [RegExp, 'dataNote.noYear' | 'dataNote.notInRegistry' | 'dataNote.converted' | 'dataNote.unitKept' | 'dataNote.conflict'][] = [
  [/年份为空/, 'dataNote.noYear'],
  [/不在高新区名录中/, 'dataNote.notInRegistry'],
  [/已换算为/, 'dataNote.converted'],
  [/无法换算/, 'dataNote.unitKept'],
  [/数值不同/, 'dataNote.conflict'],
];

/**
 * What the published (or demo) dataset itself leaves out, said as notes about the data, not as import errors:
 * nobody imported anything, and these rows are known properties of the sources ("18 行评价年份未定，未计入").
 * One line per reason with its count; the rows themselves behind a disclosure.
 */
export function DataNotes({ issues }: { issues: readonly ImportIssue[] }) {
  const t = useT();
  const lang = useLang();
  if (!issues.length) return null;
  const byReason = new Map<string, number>();
  for (const i of issues) {
    const kind = KINDS.find(([re]) => re.test(i.reason))?.[1];
    const line = kind ? t(kind) : inLang(i.reason, lang);
    byReason.set(line, (byReason.get(line) ?? 0) + (i.count ?? 1));
  }
  return (
    <div className="data-notes" data-testid="data-notes">
      <h3>{t('dataNotesTitle')}</h3>
      <ul>
        {[...byReason].map(([reason, n]) => (
          <li key={reason}>{t('dataNoteLine', { n, reason })}</li>
        ))}
      </ul>
      <details>
        <summary>{t('dataNotesRows', { n: issues.length })}</summary>
        <IssueTable issues={issues} plain />
      </details>
    </div>
  );
}
