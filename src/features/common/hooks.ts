import { useEffect, useMemo, useState } from 'react';
import { ensureLang, hasLang, translator, type Translate } from '../../i18n';
import { resolveView, type ResolvedView } from '../../store/resolve';
import { useStore, type LoadedDataset } from '../../store/store';
import { ensureTrusted } from '../../store/actions';

export function useT(): Translate {
  const lang = useStore((s) => s.filters.lang);
  // English is loaded on first use; the translator is rebuilt once it has arrived.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (hasLang(lang)) return;
    let live = true;
    void ensureLang(lang).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [lang]);
  return useMemo(() => translator(lang), [lang, version]); // eslint-disable-line react-hooks/exhaustive-deps
}

export function useLang() {
  return useStore((s) => s.filters.lang);
}

/**
 * The dataset and the view the URL asks for, with defaults filled in and ids checked. With `sources=trusted`
 * the dataset's table is its official-and-media part (made once, then kept with the dataset); until that is
 * ready the dataset reads as loading, so no view ever draws the full table under the switch.
 */
export function useResolvedView(): { view: ResolvedView; dataset: LoadedDataset | null } {
  const filters = useStore((s) => s.filters);
  const manifest = useStore((s) => s.manifest);
  const datasets = useStore((s) => s.datasets);
  const catalogue = useStore((s) => s.catalogue);
  const registry = useStore((s) => s.registry);
  const resolved = useMemo(() => {
    const ids = [...(manifest?.datasets.map((d) => d.id) ?? []), ...Object.keys(datasets).filter((k) => datasets[k].kind === 'user')];
    const ds = filters.ds && ids.includes(filters.ds) ? filters.ds : manifest?.default ?? '';
    let dataset = datasets[ds] ?? null;
    if (filters.trusted && dataset?.table) {
      dataset = dataset.trusted?.of === dataset.table
        ? { ...dataset, table: dataset.trusted.table }
        : { ...dataset, status: 'loading', table: null };
    }
    const view = resolveView(filters, manifest, ids, dataset?.table ?? null, catalogue, registry);
    return { view, dataset, id: ds };
  }, [filters, manifest, datasets, catalogue, registry]);
  const { id } = resolved;
  const waiting = filters.trusted && resolved.dataset?.status === 'loading' && !!datasets[id]?.table;
  useEffect(() => {
    if (waiting) void ensureTrusted(id);
  }, [waiting, id]);
  return resolved;
}

