import { useStore } from '../store/store';
import { RankingsView } from '../features/rankings/RankingsView';
import { DataView } from '../features/data/DataView';
import { useT } from '../features/common/hooks';

/** Hash route → view. Views not built yet say so plainly rather than showing an empty page. */
export function RouteView() {
  const route = useStore((s) => s.filters.route);
  const t = useT();
  switch (route) {
    case 'rankings':
      return <RankingsView />;
    case 'data':
      return <DataView />;
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
}
