import { Suspense } from 'react';
import { useStore } from '../store/store';
import { useResolvedView, useT } from '../features/common/hooks';
import { ErrorBoundary } from '../features/common/ErrorBoundary';
import { formatHash } from '../store/url';
import { VIEWS } from './views';

/** Hash route → the view the registry names for it (views.ts; the ones other than the first load on demand, §3.4). */
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
  const { title, component: View } = VIEWS[route];
  return (
    <ErrorBoundary name={t(title)} kind="view" resetKey={resetKey}>
      <Suspense fallback={<p className="status">{t('loading')}</p>}>
        <View />
      </Suspense>
    </ErrorBoundary>
  );
}
