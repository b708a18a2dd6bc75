import { ScrollRegion } from '../common/ScrollRegion';
import { at, rawAt } from '../../data/table';
import { memo, useMemo, useState } from 'react';
import type { TidyTable } from '../../data/table';
import { formatNumber, formatValue } from '../../model/format';
import { provinceName } from '../../model/place-names';
import { rankSortKey, type RankingEntry, type Rankings } from '../../model/rankings';
import { useStore } from '../../store/store';
import { useLang, useT } from '../common/hooks';
import { SourceText } from '../common/SourceText';
import { ChangeBadge } from './ChangeBadge';

type SortKey = 'position' | 'zone' | 'province' | 'change';

/** The ranking as a sortable table: every value with its basis, period, source and note. */
export const RankingsTable = memo(function RankingsTable({ rankings, table, caption }: { rankings: Rankings; table: TidyTable; caption: string }) {
  const t = useT();
  const lang = useLang();
  const byId = useStore((s) => s.registry?.byId);
  const focus = useStore((s) => s.filters.focus);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'position', dir: 1 });
  const ind = rankings.indicator;
  const isRank = ind.kind === 'rank';

  const rows = useMemo(() => {
    const name = (e: RankingEntry) => byId?.get(e.zone)?.name ?? e.zone;
    const key: Record<SortKey, (e: RankingEntry) => number | string> = {
      position: (e) => (isRank ? rankSortKey(e) : e.rankAmongLoaded ?? Infinity),
      zone: name,
      province: (e) => provinceName(byId?.get(e.zone)?.province ?? '', lang),
      change: (e) => e.change ?? -Infinity,
    };
    const k = key[sort.key];
    return [...rankings.entries].sort((a, b) => {
      const x = k(a);
      const y = k(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return c * sort.dir;
    });
  }, [rankings, sort, byId, isRank, lang]);

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : 1 }))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <ScrollRegion label={caption}>
      <table className="data-table" data-testid="rankings-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header('position', isRank ? t('officialRank') : t('rankAmongLoaded'))}
            {header('zone', t('zone'))}
            {header('province', t('province'))}
            <th scope="col">{t('value')}</th>
            {header('change', t('change'))}
            <th scope="col">{t('basis')}</th>
            <th scope="col">{t('source')}</th>
            <th scope="col">{t('note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const zone = byId?.get(e.zone);
            const cellRows = [e.cell.lead, ...e.cell.rows.filter((i) => i !== e.cell.lead)];
            // Keyed by position, not by the observation's row: a year change then updates the text of
            // these divs in place instead of removing and re-creating every one of them (1,352 cells).
            return (
              <tr key={e.zone} className={focus === e.zone ? 'home' : undefined} data-zone={e.zone}>
                <td className="num">{isRank ? formatValue(e.value, e.band, ind, lang) : e.rankAmongLoaded ?? '—'}</td>
                <th scope="row">
                  {zone?.name ?? e.zone}
                  {e.cell.conflict && (
                    <span className="conflict-badge" title={t('conflictDetail', { n: e.cell.rows.length })}>
                      ⚠ {t('conflict')}
                    </span>
                  )}
                </th>
                <td>{provinceName(zone?.province ?? '', lang)}</td>
                <td className="num">
                  {cellRows.map((i, k) => (
                    <div key={k}>
                      {formatValue(Number.isNaN(table.value[i]) ? null : table.value[i], at(table.band, i), ind, lang, rawAt(table, i), at(table.flags, i))}
                      {at(table.unit, i) && at(table.unit, i) !== ind.unit ? ` ${at(table.unit, i)}` : ''}
                    </div>
                  ))}
                </td>
                <td className="num">{isRank ? <ChangeBadge change={e.change} /> : e.change === null ? '' : formatNumber(e.change, ind.decimals, lang)}</td>
                <td>
                  {cellRows.map((i, k) => (
                    <div key={k}>
                      {t(`basis.${at(table.basis, i)}`)}
                      {at(table.period, i) ? ` · ${at(table.period, i)}` : ''}
                    </div>
                  ))}
                </td>
                <td className="source">
                  {cellRows.map((i, k) => (
                    <div key={k}>
                      <SourceText text={at(table.source, i)} />
                    </div>
                  ))}
                </td>
                <td className="note">
                  {cellRows.map((i, k) => (
                    <div key={k} title={at(table.note, i)}>
                      {at(table.note, i).length > 80 ? `${at(table.note, i).slice(0, 80)}…` : at(table.note, i)}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
});
