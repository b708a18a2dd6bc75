import { ScrollRegion } from '../common/ScrollRegion';
import { isDemoDataset } from '../../data/demo-dataset';
import { at, rawAt } from '../../data/table';
import { marksOf, marksText } from '../../data/footnotes';
import '../../charts/echarts-extra';
import { useMemo, useState } from 'react';
import { observationAt } from '../../data/table';
import { buildCoverageOption } from '../../charts/coverage-option';
import { zoneLabel } from '../../charts/rankings-input';
import { conflictsFor } from '../../model/conflicts';
import { coverage } from '../../model/coverage';
import { DESK } from '../../theme/tokens';
import { EChart } from '../common/EChart';
import { IndicatorSelect } from '../common/Controls';
import { removeUserFile, workspaceBackup } from '../../store/actions';
import { downloadBlob } from '../export/download';
import { openFileForImport } from '../import/readFile';
import { formatDate, formatValue } from '../../model/format';
import { useStore } from '../../store/store';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { SourceText } from '../common/SourceText';
import { IssueTable } from '../import/IssueTable';
import { DataNotes } from './DataNotes';
import { DemoMark } from '../common/DemoMark';

const PAGE = 300;

/** 数据: the tidy table behind the view, the import issues and the conflicts between sources. */
export function DataView() {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const byId = useStore((s) => s.registry?.byId);
  const catalogue = useStore((s) => s.catalogue);
  const [query, setQuery] = useState('');
  // Scoped to the current filters (zones chosen, indicator) by default; the whole dataset one click away.
  const [scoped, setScoped] = useState(true);
  const [covInd, setCovInd] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: 'zone' | 'year' | 'indicator' | 'value' | 'source'; dir: 1 | -1 } | null>(null);
  const table = dataset?.table ?? null;
  const zoneSet = useMemo(() => new Set(view.zones), [view.zones]);
  const scopeZones = scoped && zoneSet.size > 0;
  const scopeInd = scoped ? view.indicator?.id ?? null : null;

  const conflicts = useMemo(() => {
    if (!table) return [];
    return conflictsFor(table, {}).filter((c) => (!scopeZones || zoneSet.has(c.zone)) && (!scopeInd || c.indicator === scopeInd));
  }, [table, scopeZones, zoneSet, scopeInd]);
  const cov = useMemo(() => (table ? coverage(table, covInd) : null), [table, covInd]);
  const covChart = useMemo(() => {
    if (!cov || !byId) return null;
    const zones = (scopeZones ? cov.zones.filter((z) => zoneSet.has(z)) : cov.zones).slice(0, 60);
    const input = {
      zones: zones.map((id) => ({ id, label: zoneLabel(byId.get(id), id, lang) })),
      years: cov.years,
      counts: zones.map((z) => cov.years.map((y) => cov.counts.get(z)?.get(y) ?? 0)),
      maxCount: cov.maxPerCell,
      description: `${t('coverageTitle')}: ${cov.zones.length} × ${cov.years.length}`,
    };
    const height = Math.max(200, zones.length * 18 + 90);
    return { input, height, option: buildCoverageOption(input, { mode: 'desk', theme: DESK, width: 1000, height, fontSize: 12 }), more: (scopeZones ? zones.length : cov.zones.length) - zones.length };
  }, [cov, byId, lang, t, scopeZones, zoneSet]);
  const rows = useMemo(() => {
    if (!table) return [];
    const q = query.trim().toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < table.size; i++) {
      if (scopeZones && !zoneSet.has(at(table.zone, i))) continue;
      if (scopeInd && at(table.indicator, i) !== scopeInd) continue;
      if (!q) out.push(i);
      else {
        const z = byId?.get(at(table.zone, i));
        const hay = `${z?.name ?? ''} ${z?.short ?? ''} ${at(table.zone, i)} ${at(table.indicator, i)} ${catalogue?.byId.get(at(table.indicator, i))?.zh ?? ''} ${table.year[i]} ${at(table.source, i)} ${at(table.note, i)}`.toLowerCase();
        if (hay.includes(q)) out.push(i);
      }
    }
    if (sort) {
      const key = sort.key;
      const cmp = (a: number, b: number): number => {
        if (key === 'year') return table.year[a] - table.year[b];
        if (key === 'value') return (Number.isNaN(table.value[a]) ? Infinity : table.value[a]) - (Number.isNaN(table.value[b]) ? Infinity : table.value[b]);
        const text = key === 'zone' ? (i: number) => byId?.get(at(table.zone, i))?.name ?? at(table.zone, i) : key === 'indicator' ? (i: number) => at(table.indicator, i) : (i: number) => at(table.source, i);
        return text(a).localeCompare(text(b), 'zh-CN');
      };
      out.sort((a, b) => cmp(a, b) * sort.dir || a - b);
    }
    return out;
  }, [table, query, byId, catalogue, scopeZones, zoneSet, scopeInd, sort]);
  const sortHeader = (key: 'zone' | 'year' | 'indicator' | 'value' | 'source', label: string) => (
    <th scope="col" aria-sort={sort?.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, dir: s?.key === key ? ((-s.dir) as 1 | -1) : 1 }))}>
        {label}
        <span aria-hidden="true">{sort?.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  if (!dataset || !table) return <p className="status">{t('loading')}</p>;
  const issues = dataset.reports.flatMap((r) => r.issues);
  const name = (zone: string) => byId?.get(zone)?.name ?? zone;
  return (
    <section className="view data-view">
      <header className="view-header">
        <h2>{t('route.data')}</h2>
        <p className="sub">{t('dataViewIntro')}</p>
        {isDemoDataset(dataset) && <DemoMark />}
        <label>
          <input type="checkbox" checked={scoped} onChange={(e) => setScoped(e.target.checked)} data-testid="scope-toggle" />
          {t('filterToView')}
          {scoped && view.indicator ? `（${lang === 'zh' ? view.indicator.zh : view.indicator.en}${scopeZones ? ` · ${t('selectedCount', { n: zoneSet.size })}` : ''}）` : ''}
        </label>
      </header>
      <section className="workspace" data-testid="workspace">
        <h3>{t('workspaceTitle')}</h3>
        <p className="muted">{t('backupExplain')}</p>
        <button type="button" onClick={() => void workspaceBackup().then(({ file, blob }) => downloadBlob(file, blob))} data-testid="backup-download">
          {t('backupDownload')}
        </button>{' '}
        <label className="file-button">
          {t('backupRestore')}
          <input
            type="file"
            accept=".zip,application/zip"
            data-testid="backup-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openFileForImport(f);
              e.target.value = '';
            }}
          />
        </label>
      </section>
      {dataset.kind === 'user' && (
        <section data-testid="user-files">
          <h3>{t('userFiles')}</h3>
          <p className="muted">{t('savedLocally')}</p>
          {dataset.importedAt && (
            <p className="muted" data-testid="imported-on">
              {t('importedOn', { date: formatDate(dataset.importedAt, lang) })}
            </p>
          )}
          <ul>
            {dataset.reports.map((r) => (
              <li key={r.file}>
                {r.file} · {r.sheet ?? r.encoding?.toUpperCase()} · {t(`shape.${r.guess?.shape ?? 'unknown'}`)}{' '}
                <button type="button" onClick={() => void removeUserFile(r.file)}>
                  {t('removeFile', { file: r.file })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h3>{t('coverageTitle')}</h3>
      <div className="controls">
        <IndicatorSelect table={table} value={covInd} allowNone noneLabel={t('coverageAll')} onChange={setCovInd} label={t('indicator')} testId="coverage-indicator" />
      </div>
      {covChart && (
        <div className="chart-panel">
          <EChart option={covChart.option} height={covChart.height} label={covChart.input.description} testId="coverage-chart" />
          {covChart.more > 0 && <p className="muted">… +{covChart.more}</p>}
        </div>
      )}
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
                    {ind ? formatValue(Number.isNaN(table.value[i]) ? null : table.value[i], at(table.band, i), ind, lang, rawAt(table, i)) : rawAt(table, i)} · {t(`basis.${at(table.basis, i)}`)} · <SourceText text={at(table.source, i)} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {/* import errors are for files a user brought; the bundled data's own gaps are notes about the data */}
      {dataset.kind === 'user' ? <IssueTable issues={issues} testId="dataset-issues" /> : <DataNotes issues={issues} />}
      <h3>
        {t('observations')} ({rows.length})
      </h3>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('observations')} placeholder="郑州 / rank_overall / 2020" />
      <ScrollRegion label={t('observations')}>
        <table className="data-table compact" data-testid="observations-table">
          <thead>
            <tr>
              {sortHeader('zone', t('zone'))}
              {sortHeader('year', t('year'))}
              {sortHeader('indicator', t('indicator'))}
              {sortHeader('value', t('value'))}
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('basis')}</th>
              <th scope="col">{t('period')}</th>
              {sortHeader('source', t('source'))}
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
                  <td className="num">
                    {ind ? formatValue(o.value, o.band, ind, lang, o.raw, o.flags) : o.raw}
                    {ind && marksOf(o.flags).length > 0 && (
                      <sup className="footnote-mark" title={`${t('footnoteMark')} ${marksText(o.flags)}`} data-testid="footnote-mark">
                        {marksText(o.flags)}
                      </sup>
                    )}
                  </td>
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
      </ScrollRegion>
      {rows.length > PAGE && <p className="muted">… +{rows.length - PAGE}</p>}
    </section>
  );
}
