import { formatDate } from '../model/format';
import { isDemoDataset } from '../data/demo-dataset';
import { setFilters, useStore } from '../store/store';
import { useResolvedView, useT } from '../features/common/hooks';
import { ImportButton } from '../features/import/ImportButton';
import { DemoMark } from '../features/common/DemoMark';

/** Title, dataset picker, language switch, the data's as-of date, and import. */
export function Header() {
  const t = useT();
  const lang = useStore((s) => s.filters.lang);
  const manifest = useStore((s) => s.manifest);
  const datasets = useStore((s) => s.datasets);
  const { view, dataset } = useResolvedView();
  const options = [
    ...(manifest?.datasets ?? []).map((d) => ({ id: d.id, title: d.title })),
    ...Object.values(datasets).filter((d) => d.kind === 'user').map((d) => ({ id: d.id, title: d.title })),
  ];
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('appTitle')}</h1>
        <span className="muted">{t('appSubtitle')}</span>
      </div>
      <div className="header-controls">
        <label>
          {t('dataset')}
          <select value={view.ds} onChange={(e) => setFilters({ ds: e.target.value, year: null, ind: null })} data-testid="dataset-select">
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title[lang]}
              </option>
            ))}
          </select>
        </label>
        {isDemoDataset(dataset) && <DemoMark />}
        {dataset?.asOf && <span className="as-of">{t('asOf', { date: formatDate(dataset.asOf, lang) })}</span>}
        <div className="lang-switch" role="group" aria-label={t('language')}>
          <button type="button" aria-pressed={lang === 'zh'} onClick={() => setFilters({ lang: 'zh' })} lang="zh-CN">
            中文
          </button>
          <button type="button" aria-pressed={lang === 'en'} onClick={() => setFilters({ lang: 'en' })} lang="en">
            English
          </button>
        </div>
        <ImportButton />
      </div>
    </header>
  );
}
