import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useLang, useT } from '../common/hooks';
import type { ChartExportSpec } from './spec';
import { withMessages } from '../../i18n';

// The export code (frames, CSV, zip, the SVG renderer) loads when a user opens the menu, not with the view.
const ExportPanel = lazy(withMessages(() => import('./ExportPanel').then((m) => ({ default: m.ExportPanel }))));

/**
 * Export of one chart: PNG 1×–4×, SVG, clipboard, and the data as CSV/JSON, with the printed title,
 * subtitle and notes editable first. A disclosure panel of ordinary controls: every part reachable by keyboard.
 */
export function ExportMenu({ spec }: { spec: ChartExportSpec }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="export-menu">
      <button ref={button} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} data-testid={`export-${spec.id}`}>
        {t('exportButton')} ▾
      </button>
      {open && (
        <Suspense fallback={<p className="export-panel">{t('exportWorking')}</p>}>
          <ExportPanel spec={spec} panelId={panelId} onClose={() => setOpen(false)} opener={button} />
        </Suspense>
      )}
    </div>
  );
}

/** Every chart of the view as one ZIP (PNG 2×, SVG and CSV of each), named for the view. */
export function ExportViewZip({ specs, fileParts }: { specs: ChartExportSpec[]; fileParts: ChartExportSpec['fileParts'] }) {
  const t = useT();
  const lang = useLang();
  const [status, setStatus] = useState('');
  if (!specs.length) return null;
  const run = async () => {
    setStatus(t('exportWorking'));
    try {
      const [{ renderZip }, { downloadBlob }, { exportFileName }] = await Promise.all([import('./render'), import('./download'), import('../../charts/export/filename')]);
      const blob = await renderZip(specs, { width: 1920, height: 1080, scale: 2, background: 'white', lang });
      const file = exportFileName(fileParts, 'zip', { demo: specs.some((x) => x.demo), lang });
      downloadBlob(file, blob);
      setStatus(t('exportDone', { file }));
    } catch (e) {
      setStatus(t('exportFailed', { reason: (e as Error).message }));
    }
  };
  return (
    <span className="export-zip">
      <button type="button" data-testid="export-zip" onClick={() => void run()}>
        {t('exportZip')}
      </button>
      <span role="status" aria-live="polite" className="muted">
        {status}
      </span>
    </span>
  );
}
