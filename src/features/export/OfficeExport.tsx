import { useState } from 'react';
import { filterLines } from '../../charts/export/office-text';
import { provinceLabel } from '../../model/place-names';
import { useStore } from '../../store/store';
import { useLang, useResolvedView, useT } from '../common/hooks';
import type { OfficeKind } from './office/run';
import type { ChartExportSpec } from './spec';

const KINDS: { kind: OfficeKind; label: 'exportXlsx' | 'exportPptx' | 'exportDocx' }[] = [
  { kind: 'xlsx', label: 'exportXlsx' },
  { kind: 'pptx', label: 'exportPptx' },
  { kind: 'docx', label: 'exportDocx' },
];

/**
 * The view as an Excel workbook, a PowerPoint deck or a Word report (issue #18), beside the view's ZIP. Plain buttons
 * and a checkbox: reachable and operable by keyboard; a second click while a file is being made is ignored (the
 * buttons stay focusable, aria-disabled, so focus is not thrown to the page). The builders and SheetJS, pptxgenjs
 * and docx load on the click (office/run.ts), never with the view.
 */
export function ExportViewOffice({ specs, fileParts, title, indicators, when }: {
  specs: ChartExportSpec[];
  fileParts: ChartExportSpec['fileParts'];
  /** the view's title, as its heading shows it */
  title: string;
  /** the indicators and the year or range the view shows, for the filters on the title slide and the report */
  indicators: string[];
  when: string;
}) {
  const t = useT();
  const lang = useLang();
  const { view, dataset } = useResolvedView();
  const registry = useStore((s) => s.registry);
  const trusted = useStore((s) => s.filters.trusted);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [tables, setTables] = useState(false);
  if (!specs.length) return null;

  const run = async (kind: OfficeKind) => {
    if (busy) return;
    setBusy(true);
    setStatus(t('exportWorking'));
    try {
      const [{ exportOffice }, { downloadBlob }] = await Promise.all([import('./office/run'), import('./download')]);
      const name = (id: string) => {
        const z = registry?.byId.get(id);
        return z ? { name: lang === 'zh' ? z.short || z.name : z.en ?? z.short, province: provinceLabel(z.province, lang) } : { name: id, province: '' };
      };
      const filters = filterLines({
        dataset: dataset?.title[lang], indicators, when, zones: view.zones.map(name),
        focus: view.focus ? name(view.focus).name : undefined, trusted, link: location.href,
      }, lang);
      const { file, blob } = await exportOffice(kind, specs, { lang, title, filters, exportedAt: new Date(), tierLabel: (tier) => t(`tier.${tier}`), tables }, fileParts);
      downloadBlob(file, blob);
      setStatus(t('exportDone', { file }));
    } catch (e) {
      setStatus(t('exportFailed', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="export-office" role="group" aria-label={t('exportOfficeGroup')} aria-busy={busy}>
      {KINDS.map(({ kind, label }) => (
        <button key={kind} type="button" data-testid={`export-${kind}`} aria-disabled={busy} onClick={() => void run(kind)}>
          {t(label)}
        </button>
      ))}
      <label>
        <input type="checkbox" checked={tables} onChange={(e) => setTables(e.target.checked)} data-testid="export-docx-tables" /> {t('exportDocxTables')}
      </label>
      <span role="status" aria-live="polite" className="muted" data-testid="export-office-status">
        {status}
      </span>
    </span>
  );
}
