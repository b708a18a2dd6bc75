import { lazy, Suspense } from 'react';
import { useStore } from '../store/store';
import { RankingsView } from '../features/rankings/RankingsView';
import { useResolvedView, useT } from '../features/common/hooks';
import { ErrorBoundary } from '../features/common/ErrorBoundary';
import { formatHash } from '../store/url';
import { withMessages } from '../i18n';

// Views other than the first are loaded on demand: the first view's JavaScript stays small (docs/architecture.md §3.4).
const TrendsView = lazy(withMessages(() => import('../features/trends/TrendsView').then((m) => ({ default: m.TrendsView }))));
const BumpView = lazy(withMessages(() => import('../features/bump/BumpView').then((m) => ({ default: m.BumpView }))));
const CompareView = lazy(withMessages(() => import('../features/compare/CompareView').then((m) => ({ default: m.CompareView }))));
const MapView = lazy(withMessages(() => import('../features/map/MapView').then((m) => ({ default: m.MapView }))));
const ZoneView = lazy(withMessages(() => import('../features/zone/ZoneView').then((m) => ({ default: m.ZoneView }))));
const DataView = lazy(withMessages(() => import('../features/data/DataView').then((m) => ({ default: m.DataView }))));
const SourcesView = lazy(withMessages(() => import('../features/sources/SourcesView').then((m) => ({ default: m.SourcesView }))));

/** Hash route → view. Views not built yet say so plainly rather than showing an empty page. */
export function RouteView() {
  const route = useStore((s) => s.filters.route);
  const t = useT();
  const { dataset } = useResolvedView();
  // a view that throws shows its card until the route or a filter changes (the whole link is the key)
  const resetKey = useStore((s) => formatHash(s.filters));
  // a dataset that failed to load says so in every view, not only in Rankings
  if (dataset?.status === 'error') {
    return (
      <p className="status error" role="alert">
        {t('loadFailed', { reason: dataset.error ?? '' })}
      </p>
    );
  }
  const view = (() => {
    switch (route) {
      case 'rankings':
        return <RankingsView />;
      case 'trends':
        return <TrendsView />;
      case 'bump':
        return <BumpView />;
      case 'compare':
        return <CompareView />;
      case 'map':
        return <MapView />;
      case 'zone':
        return <ZoneView />;
      case 'data':
        return <DataView />;
      case 'sources':
        return <SourcesView />;
      default:
        return (
          <section className="view">
            <h2>{t(`route.${route}`)}</h2>
            <p className="status" data-testid="not-built">
              {t('notBuilt', { view: t(`route.${route}`) })}
            </p>
          </section>
        );
    }
  })();
  return (
    <ErrorBoundary name={t(`route.${route}`)} kind="view" resetKey={resetKey}>
      <Suspense fallback={<p className="status">{t('loading')}</p>}>{view}</Suspense>
    </ErrorBoundary>
  );
}
