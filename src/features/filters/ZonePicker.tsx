import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { provinceName } from '../../model/place-names';
import { buildZoneSearch, loadPinyin, type PinyinFn } from '../../data/zone-search';
import type { Zone } from '../../domain/types';
import { setFilters, useStore } from '../../store/store';
import { useLang, useT } from '../common/hooks';

const zoneName = (z: Zone, lang: 'zh' | 'en') => (lang === 'zh' ? z.short : z.en ?? z.id);

/**
 * The zone picker: an ARIA combobox that finds zones by name, alias, province or pinyin (pinyin-pro is
 * loaded on first focus), with the chosen zones as chips; ★ marks the home zone (本区).
 */
export function ZonePicker() {
  const t = useT();
  const lang = useLang();
  const zones = useStore((s) => s.zones);
  const byId = useStore((s) => s.registry?.byId);
  const chosen = useStore((s) => s.filters.zones);
  const focus = useStore((s) => s.filters.focus);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [pinyin, setPinyin] = useState<PinyinFn | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  const index = useMemo(() => buildZoneSearch(zones, pinyin), [zones, pinyin]);
  const matches = useMemo(() => index.search(query, 12).filter((z) => !chosen.includes(z.id)), [index, query, chosen]);
  useEffect(() => setActive(0), [query]);

  const ensurePinyin = () => {
    if (!pinyin) void loadPinyin().then((fn) => setPinyin(() => fn));
  };
  const add = (z: Zone) => {
    setFilters({ zones: [...chosen, z.id] });
    setQuery('');
    input.current?.focus();
  };
  const remove = (id: string) => setFilters({ zones: chosen.filter((c) => c !== id), ...(focus === id ? { focus: null } : {}) });

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && matches[active]) {
        e.preventDefault();
        add(matches[active]);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    } else if (e.key === 'Backspace' && query === '' && chosen.length) {
      remove(chosen[chosen.length - 1]);
    }
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="zone-picker">
      <ul className="chips" aria-label={t('selectedCount', { n: chosen.length })}>
        {chosen.map((id) => {
          const z = byId?.get(id);
          const label = z ? zoneName(z, lang) : id;
          const home = focus === id;
          return (
            <li key={id} className={home ? 'chip home' : 'chip'}>
              <button type="button" className="chip-home" aria-pressed={home} aria-label={home ? t('unsetHome', { zone: label }) : t('setHome', { zone: label })} onClick={() => setFilters({ focus: home ? null : id })}>
                {home ? '★' : '☆'}
              </button>
              <span>{label}</span>
              <button type="button" className="chip-remove" aria-label={t('removeZone', { zone: label })} onClick={() => remove(id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <input
        ref={input}
        role="combobox"
        aria-label={t('zonePickerLabel')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && matches[active] ? `${listId}-${matches[active].id}` : undefined}
        placeholder={t('zonePickerPlaceholder')}
        value={query}
        data-testid="zone-picker-input"
        onFocus={ensurePinyin}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul role="listbox" id={listId} className="zone-options" data-testid="zone-options">
          {matches.length === 0 && <li className="muted">{t('noMatches')}</li>}
          {matches.map((z, i) => (
            <li
              key={z.id}
              id={`${listId}-${z.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                add(z);
              }}
            >
              <strong>{zoneName(z, lang)}</strong> <span className="muted">{z.name} · {provinceName(z.province, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
