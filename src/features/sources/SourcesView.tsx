import { ScrollRegion } from '../common/ScrollRegion';
import { isDemoDataset } from '../../data/demo-dataset';
import { useMemo, useState } from 'react';
import { summariseSources } from '../../model/sources';
import { SOURCE_TIERS, tierOf, type SourceTier } from '../../data/source-tiers';
import { indicatorName } from '../../model/format';
import { useStore } from '../../store/store';
import { DemoMark } from '../common/DemoMark';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { SourceText } from '../common/SourceText';

/** 来源: every source of the dataset with the count of values it gives, and what it covers. */
export function SourcesView() {
  const t = useT();
  const lang = useLang();
  const { dataset } = useResolvedView();
  const catalogue = useStore((s) => s.catalogue);
  const entry = useStore((s) => s.manifest?.datasets.find((d) => d.id === dataset?.id));
  const [query, setQuery] = useState('');
  const table = dataset?.table ?? null;
  const summary = useMemo(() => (table ? summariseSources(table) : []), [table]);
  const rules = useStore((s) => s.tierRules);
  // how many values rest on each tier of source: the whole dataset's standing in one line
  const byTier = useMemo(() => {
    const n: Record<SourceTier, number> = { official: 0, media: 0, mirror: 0, unknown: 0 };
    for (const s of summary) n[tierOf(s.source, rules).tier] += s.count;
    return n;
  }, [summary, rules]);
  if (!dataset || !table) return <p className="status">{t('loading')}</p>;
  const q = query.trim().toLowerCase();
  const rows = q ? summary.filter((s) => s.source.toLowerCase().includes(q)) : summary;
  return (
    <section className="view sources-view">
      <header className="view-header">
        <h2>{t('sourcesTitle', { n: summary.length })}</h2>
        {isDemoDataset(dataset) && <DemoMark />}
        <p className="sub" data-testid="tier-counts">
          {t('sourceTier')}：{SOURCE_TIERS.map((k) => `${t(`tier.${k}`)} ${byTier[k]}`).join(' · ')}
        </p>
        {entry && (
          <div className="dataset-about" data-testid="dataset-about">
            {entry.description[lang] && <p>{entry.description[lang]}</p>}
            {entry.licence[lang] && <p className="muted">{entry.licence[lang]}</p>}
          </div>
        )}
      </header>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('source')} placeholder={t('source')} />
      <ScrollRegion label={t('route.sources')}>
        <table className="data-table" data-testid="sources-table">
          <thead>
            <tr>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('sourceCount')}</th>
              <th scope="col">{t('indicatorsCovered')}</th>
              <th scope="col">{t('yearsCovered')}</th>
              <th scope="col">{t('zonesCovered')}</th>
              <th scope="col">{t('basis')}</th>
              <th scope="col">{t('conflict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.source}>
                <td className="source">
                  <SourceText text={s.source} />
                </td>
                <td className="num">{s.count}</td>
                <td>{s.indicators.map((id) => { const ind = catalogue?.byId.get(id); return ind ? indicatorName(ind, lang) : id; }).join('、')}</td>
                <td className="num">{s.years[0] === s.years[1] ? s.years[0] : `${s.years[0]}–${s.years[1]}`}</td>
                <td className="num">{s.zones}</td>
                <td>
                  {Object.entries(s.bases)
                    .map(([b, n]) => `${t(`basis.${b as 'reported'}`)} ${n}`)
                    .join(' · ')}
                </td>
                <td className="num">{s.conflicts || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
