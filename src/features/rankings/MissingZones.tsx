import type { Rankings } from '../../model/rankings';
import { useStore } from '../../store/store';
import { indicatorName } from '../../model/format';
import { useLang, useT } from '../common/hooks';

/** Zones without a value are counted and listed, never hidden: sparse data must look sparse. */
export function MissingZones({ rankings }: { rankings: Rankings }) {
  const t = useT();
  const lang = useLang();
  const byId = useStore((s) => s.registry?.byId);
  const { missing, excluded, indicator, year } = rankings;
  return (
    <div className="missing">
      {missing.length > 0 && (
        <details data-testid="missing-zones">
          <summary>{t('missingTitle', { n: missing.length })}</summary>
          <p className="muted">
            {t('missingExplain', { year, indicator: indicatorName(indicator, lang) })}
            {indicator.kind === 'rank' && ` ${t('missingExplainRank')}`}
          </p>
          <ul className="zone-list">
            {missing.map((z) => (
              <li key={z.id}>{lang === 'zh' ? z.short : z.en ?? z.id}</li>
            ))}
          </ul>
        </details>
      )}
      {excluded.length > 0 && (
        <details>
          <summary>{t('excludedTitle', { n: excluded.length })}</summary>
          <ul>
            {excluded.map((x) => (
              <li key={x.row}>
                {byId?.get(x.zone)?.name ?? x.zone}: {x.reason === 'period' ? t('excludedPeriod') : t('excludedUnit')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
