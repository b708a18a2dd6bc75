import { formatHash, linkState, ROUTES } from '../store/url';
import { useStore } from '../store/store';
import { useT } from '../features/common/hooks';
import { VIEWS } from './views';

/** One link per view of the registry (views.ts, docs/architecture.md §4.1), keeping the current filters. */
export function Nav() {
  const t = useT();
  const filters = useStore((s) => s.filters);
  return (
    <nav className="nav" aria-label={t('appTitle')}>
      <ul>
        {ROUTES.map((r) => (
          <li key={r}>
            <a href={formatHash(linkState(filters, r))} aria-current={filters.route === r ? 'page' : undefined}>
              {t(VIEWS[r].title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
