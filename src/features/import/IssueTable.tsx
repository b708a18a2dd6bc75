import { ScrollRegion } from '../common/ScrollRegion';
import type { ImportIssue } from '../../domain/types';
import { useLang, useT } from '../common/hooks';
import { inLang } from '../../i18n/bilingual';

const LIMIT = 500;

/**
 * The import report: file, row, column, raw text and reason of every cell that could not be read. `plain`: the
 * rows are notes about bundled data (DataNotes), so no error/warning counts or labels. A summary row (`count`:
 * issues only counted, docs/hostile-inputs.md R1) is always shown, after the first LIMIT listed ones.
 */
export function IssueTable({ issues, testId, plain = false }: { issues: readonly ImportIssue[]; testId?: string; plain?: boolean }) {
  const t = useT();
  const lang = useLang();
  if (!issues.length) return null;
  const counts = { error: 0, warning: 0, info: 0 };
  const listed: ImportIssue[] = [];
  const summaries: ImportIssue[] = [];
  for (const i of issues) {
    counts[i.severity] += i.count ?? 1;
    (i.count ? summaries : listed).push(i);
  }
  return (
    <div className="issues" data-testid={testId}>
      {!plain && <p>
        {t('issuesTitle')}: {counts.error} {t('severity.error')} · {counts.warning} {t('severity.warning')} · {counts.info} {t('severity.info')}
      </p>}
      <ScrollRegion label={t('issuesTitle')} short>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('file')}</th>
              <th scope="col">{t('row')}</th>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('raw')}</th>
              <th scope="col">{t('reason')}</th>
            </tr>
          </thead>
          <tbody>
            {[...listed.slice(0, LIMIT), ...summaries].map((i, k) => (
              <tr key={k} className={`sev-${i.severity}`}>
                <td>{i.file}</td>
                <td className="num">{i.row || ''}</td>
                <td>{i.column}</td>
                <td className="raw">{i.raw}</td>
                <td>
                  {!plain && <span className="sev">{t(`severity.${i.severity}`)}</span>} {inLang(i.reason, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {listed.length > LIMIT && <p className="muted">… +{listed.length - LIMIT}</p>}
    </div>
  );
}
