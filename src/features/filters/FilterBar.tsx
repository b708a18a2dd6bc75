import { useMemo } from 'react';
import { rankNeighbours, sameProvince, sameRegion, topN } from '../../model/peers';
import { addNotice, setFilters, useStore } from '../../store/store';
import { useLang, useResolvedView, useT } from '../common/hooks';
import { REGIONS } from '../../domain/provinces.mjs';
import { provinceName, regionName } from '../../model/place-names';
import { ZonePicker } from './ZonePicker';

/**
 * Filters shared by every view (all in the URL): the zones, the home zone, province/region groups and
 * the peer presets of docs/architecture.md §4.4. Presets work from the home zone, or else the first chosen zone.
 */
export function FilterBar() {
  const t = useT();
  const lang = useLang();
  const zones = useStore((s) => s.zones);
  const chosen = useStore((s) => s.filters.zones);
  const focus = useStore((s) => s.filters.focus);
  const trusted = useStore((s) => s.filters.trusted);
  // how many values the switch hides, said beside it: a filter never hides data silently
  const hidden = useStore((s) => {
    const d = s.datasets[s.filters.ds ?? s.manifest?.default ?? ''];
    return s.filters.trusted && d?.table && d.trusted?.of === d.table ? d.table.size - d.trusted.table.size : null;
  });
  const { view, dataset } = useResolvedView();
  // in the interface's language and its order: 安徽省 … by pinyin, Anhui … alphabetically
  const provinces = useMemo(() => [...new Set(zones.map((z) => z.province))].sort((a, b) => provinceName(a, lang).localeCompare(provinceName(b, lang), lang === 'zh' ? 'zh-CN' : 'en')), [zones, lang]);
  const anchor = focus ?? chosen[0] ?? null;
  const table = dataset?.table ?? null;

  const choose = (ids: string[], keepFocus = true) => {
    const next = [...new Set(ids)];
    setFilters({ zones: next, ...(keepFocus && anchor && next.includes(anchor) ? { focus: anchor } : {}) });
  };
  const preset = (kind: 'province' | 'region' | 'neighbours' | 'top20') => {
    if (kind === 'top20') {
      if (table && view.indicator && view.year !== null) choose(topN(table, view.indicator, view.year, 20));
      return;
    }
    if (!anchor) {
      addNotice(t('presetNeedsZone'), 'error');
      return;
    }
    if (kind === 'province') choose(sameProvince(zones, anchor));
    else if (kind === 'region') choose(sameRegion(zones, anchor));
    else if (table && view.indicator && view.year !== null) choose(rankNeighbours(table, view.indicator, view.year, anchor, 5));
  };
  const addGroup = (value: string) => {
    if (!value) return;
    const [kind, name] = value.split(':');
    const ids = zones.filter((z) => (kind === 'region' ? z.region === name : z.province === name)).map((z) => z.id);
    choose([...chosen, ...ids]);
  };

  return (
    <section className="filter-bar" aria-label={t('zones')}>
      <ZonePicker />
      <select aria-label={t('addGroup')} value="" onChange={(e) => addGroup(e.target.value)} data-testid="group-select">
        <option value="">{t('addGroup')}</option>
        <optgroup label={t('regions')}>
          {REGIONS.map((r) => (
            <option key={r.zh} value={`region:${r.zh}`}>
              {regionName(r.zh, lang)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('provinces')}>
          {provinces.map((p) => (
            <option key={p} value={`province:${p}`}>
              {provinceName(p, lang)}
            </option>
          ))}
        </optgroup>
      </select>
      <div className="presets" role="group" aria-label={t('presets')}>
        <button type="button" onClick={() => preset('province')}>{t('presetProvince')}</button>
        <button type="button" onClick={() => preset('region')}>{t('presetRegion')}</button>
        <button type="button" onClick={() => preset('neighbours')}>{t('presetNeighbours')}</button>
        <button type="button" onClick={() => preset('top20')}>{t('presetTop20')}</button>
        {chosen.length > 0 && (
          <button type="button" onClick={() => setFilters({ zones: [] })}>
            {t('clearZones')}
          </button>
        )}
      </div>
      <label className="trusted-switch" title={t('trustedOnlyHint')}>
        <input type="checkbox" checked={trusted} onChange={(e) => setFilters({ trusted: e.target.checked })} data-testid="trusted-only" />
        {t('trustedOnly')}
        {hidden !== null && <span className="muted" data-testid="trusted-hidden">{t('trustedHidden', { n: hidden })}</span>}
      </label>
    </section>
  );
}
