import { lazy, Suspense, useEffect } from 'react';
import { boot, ensureDataset } from '../store/actions';
import { useStore } from '../store/store';
import { startUrlSync } from '../store/url-sync';
import { useResolvedView, useT } from '../features/common/hooks';
import { DropZone } from '../features/import/DropZone';
// The preview (and the parsing code it shows options for) loads when a file is opened, not with the page.
// The zone picker and presets load just after the first view; a same-height placeholder avoids a jump.
const FilterBar = lazy(withMessages(() => import('../features/filters/FilterBar').then((m) => ({ default: m.FilterBar }))));
const ImportDialog = lazy(withMessages(() => import('../features/import/ImportDialog').then((m) => ({ default: m.ImportDialog }))));
import { Header } from './Header';
import { Nav } from './Nav';
import { Notices } from './Notices';
import { RouteView } from './RouteView';
import { VIEWS } from './views';
import { withMessages } from '../i18n';

export function App() {
  const t = useT();
  const bootState = useStore((s) => s.boot);
  const bootError = useStore((s) => s.bootError);
  const lang = useStore((s) => s.filters.lang);
  const hasPreview = useStore((s) => s.preview !== null);
  const { view } = useResolvedView();

  useEffect(() => startUrlSync(), []);
  useEffect(() => {
    void boot();
  }, []);
  useEffect(() => {
    if (bootState === 'ready' && view.ds) void ensureDataset(view.ds);
  }, [bootState, view.ds]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('appTitle')} · ${lang === 'zh' ? 'High-tech zone indicators' : '高新区经济指标看板'}`;
  }, [lang, t]);

  const route = useStore((s) => s.filters.route);
  const { frame, component: Bare } = VIEWS[route];
  if (frame === 'bare') {
    // A page of its own (the wall): no header, navigation or filters, nothing to scroll.
    return (
      <Suspense fallback={null}>
        {bootState === 'ready' ? <Bare /> : <p className="status">{bootState === 'error' ? t('loadFailed', { reason: bootError }) : t('loading')}</p>}
      </Suspense>
    );
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {lang === 'zh' ? '跳到正文' : 'Skip to content'}
      </a>
      <Header />
      <Nav />
      {bootState === 'ready' && (
        <Suspense fallback={<div className="filter-bar filter-bar-placeholder" aria-hidden="true" />}>
          <FilterBar />
        </Suspense>
      )}
      <Notices extra={view.notices} />
      <main id="main" tabIndex={-1}>
        {bootState === 'loading' && <p className="status">{t('loading')}</p>}
        {bootState === 'error' && (
          <p className="status error" role="alert">
            {t('loadFailed', { reason: bootError })}
          </p>
        )}
        {bootState === 'ready' && <RouteView />}
      </main>
      <DropZone />
      {hasPreview && (
        <Suspense fallback={null}>
          <ImportDialog />
        </Suspense>
      )}
    </div>
  );
}
