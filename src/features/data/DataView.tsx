import { useMemo, useState } from 'react';
import { observationAt } from '../../data/table';
import { findConflicts } from '../../model/cells';
import { formatValue } from '../../model/format';
import { useStore } from '../../store/store';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { SourceText } from '../common/SourceText';
import { IssueTable } from '../import/IssueTable';
import { DemoMark } from '../common/DemoMark';

const PAGE = 300;

/** 数据: the tidy table behind the view, the import issues and the conflicts between sources. */
export function DataView() {
  const t = useT();
  const lang = useLang();
  const { dataset } = useResolvedView();
  const byId = useStore((s) => s.registry?.byId);
  const catalogue = useStore((s) => s.catalogue);
  const [query, setQuery] = useState('');
  const table = dataset?.table ?? null;

  const conflicts = useMemo(() => (table ? findConflicts(table) : []), [table]);
  const rows = useMemo(() => {
    if (!table) return [];
    const q = query.trim().toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < table.size; i++) {
      if (!q) out.push(i);
      else {
        const z = byId?.get(table.zone[i]);
        const hay = `${z?.name ?? ''} ${z?.short ?? ''} ${table.zone[i]} ${table.indicator[i]} ${catalogue?.byId.get(table.indicator[i])?.zh ?? ''} ${table.year[i]} ${table.source[i]} ${table.note[i]}`.toLowerCase();
        if (hay.includes(q)) out.push(i);
      }
    }
    return out;
  }, [table, query, byId, catalogue]);

  if (!dataset || !table) return <p className="status">{t('loading')}</p>;
  const issues = dataset.reports.flatMap((r) => r.issues);
  const name = (zone: string) => byId?.get(zone)?.name ?? zone;
  return (
    <section className="view data-view">
      <header className="view-header">
        <h2>{t('route.data')}</h2>
        <p className="sub">{t('dataViewIntro')}</p>
        {dataset.kind === 'demo' && <DemoMark />}
      </header>
      <h3>
        {t('conflictsTitle')} ({conflicts.length})
      </h3>
      <ul className="conflicts" data-testid="conflicts">
        {conflicts.map((c) => {
          const ind = catalogue?.byId.get(c.indicator);
          return (
            <li key={`${c.zone}-${c.year}-${c.indicator}-${c.period}`}>
              <strong>
                {name(c.zone)} · {c.year} · {ind?.zh ?? c.indicator}
              </strong>
              <ul>
                {c.rows.map((i) => (
                  <li key={i}>
                    {ind ? formatValue(Number.isNaN(table.value[i]) ? null : table.value[i], table.band[i], ind, lang, table.raw[i]) : table.raw[i]} · {t(`basis.${table.basis[i]}`)} · <SourceText text={table.source[i]} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      <IssueTable issues={issues} testId="dataset-issues" />
      <h3>
        {t('observations')} ({rows.length})
      </h3>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('observations')} placeholder="郑州 / rank_overall / 2020" />
      <div className="table-scroll">
        <table className="data-table compact" data-testid="observations-table">
          <thead>
            <tr>
              <th scope="col">{t('zone')}</th>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('indicator')}</th>
              <th scope="col">{t('value')}</th>
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('basis')}</th>
              <th scope="col">{t('period')}</th>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PAGE).map((i) => {
              const o = observationAt(table, i);
              const ind = catalogue?.byId.get(o.indicator);
              return (
                <tr key={i}>
                  <td>{name(o.zone)}</td>
                  <td className="num">{o.year}</td>
                  <td>{ind ? (lang === 'zh' ? ind.zh : ind.en) : o.indicator}</td>
                  <td className="num">{ind ? formatValue(o.value, o.band, ind, lang, o.raw) : o.raw}</td>
                  <td>{o.unit}</td>
                  <td>{t(`basis.${o.basis}`)}</td>
                  <td>{o.period}</td>
                  <td className="source">
                    <SourceText text={o.source} />
                  </td>
                  <td className="note" title={o.note}>
                    {o.note.length > 60 ? `${o.note.slice(0, 60)}…` : o.note}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE && <p className="muted">… +{rows.length - PAGE}</p>}
    </section>
  );
}
