import { ROUTES, formatHash } from '../store/url';
import { useStore } from '../store/store';
import { useT } from '../features/common/hooks';

/** One link per route of docs/architecture.md §4.1, keeping the current filters. */
export function Nav() {
  const t = useT();
  const filters = useStore((s) => s.filters);
  return (
    <nav className="nav" aria-label={t('appTitle')}>
      <ul>
        {ROUTES.map((r) => (
          <li key={r}>
            <a href={formatHash({ ...filters, route: r, zoneId: r === 'zone' ? filters.zoneId ?? filters.focus : null })} aria-current={filters.route === r ? 'page' : undefined}>
              {t(`route.${r}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
