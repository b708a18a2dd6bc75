import { useEffect, useRef, useState, type RefObject } from 'react';
import { EXPORT_PRESETS, type ExportBackground } from '../../charts/export/frame';
import { useLang, useT } from '../common/hooks';
import { copyPng, downloadBlob } from './download';
import { dataCsv, dataJson, fileName, renderPng, renderSvg, type ExportSettings } from './render';
import type { ChartExportSpec } from './spec';

const BACKGROUNDS: ExportBackground[] = ['white', 'transparent', 'dark'];
const SCALES = [1, 2, 3, 4];

function useExportSettings(spec: ChartExportSpec | null) {
  const lang = useLang();
  const [preset, setPreset] = useState<string>('slide');
  const [custom, setCustom] = useState({ width: 1600, height: 1200 });
  const [background, setBackground] = useState<ExportBackground>('white');
  const [title, setTitle] = useState<string | undefined>();
  const [subtitle, setSubtitle] = useState<string | undefined>();
  const [notes, setNotes] = useState<string | undefined>();
  const p = EXPORT_PRESETS.find((x) => x.id === preset) ?? EXPORT_PRESETS[0];
  const size = preset === 'custom' ? custom : { width: p.width, height: p.height };
  const settings = (scale: number): ExportSettings => ({ ...size, scale, background, lang, title, subtitle, notes });
  return { preset, setPreset, custom, setCustom, background, setBackground, title: title ?? spec?.title ?? '', setTitle, subtitle: subtitle ?? spec?.subtitle ?? '', setSubtitle, notes: notes ?? spec?.notes.join('\n') ?? '', setNotes, settings };
}

/** What a click can rightly move the focus to (a container focused by a click, like main with tabindex -1, is not one). */
const CONTROL = 'input, select, textarea, button, a[href], [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/**
 * Closes the panel on Esc (pressed in the panel, on its 导出 button, or with nothing focused) and on a pointer press
 * outside the export menu (the panel and its button: the button toggles by itself), and puts the focus back on the
 * 导出 button: at once after Esc; after a click, once the press has moved the focus, unless it went to a control.
 * Another dialog's Esc is not ours. Here rather than in ExportMenu: this code loads with the panel, not the first view.
 */
function useDismiss(root: RefObject<HTMLDivElement | null>, onClose: (() => void) | undefined, opener: RefObject<HTMLButtonElement | null> | undefined) {
  useEffect(() => {
    if (!onClose) return;
    const menu = () => root.current?.closest('.export-menu') ?? root.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const m = menu();
      const target = e.target as Node | null;
      if (m && target && (m.contains(target) || target === document.body || target === document.documentElement)) {
        e.preventDefault();
        onClose();
        opener?.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const m = menu();
      if (!m || !(e.target instanceof Node) || m.contains(e.target)) return;
      const button = opener?.current;
      onClose();
      window.setTimeout(() => {
        const a = document.activeElement;
        if (!a || !a.isConnected || !a.matches(CONTROL)) button?.focus();
      });
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [root, onClose, opener]);
}

/**
 * Export of one chart: PNG 1×–4×, SVG, clipboard, and the data as CSV/JSON, with the printed title,
 * subtitle and notes editable first. A disclosure panel of ordinary controls: every part reachable by keyboard.
 * Esc or a click outside closes it (useDismiss).
 */
export function ExportPanel({ spec, panelId, onClose, opener }: { spec: ChartExportSpec; panelId: string; onClose?: () => void; opener?: RefObject<HTMLButtonElement | null> }) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, onClose, opener);
  const lang = useLang();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const s = useExportSettings(spec);

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(true);
    setStatus(t('exportWorking'));
    try {
      setStatus(await work());
    } catch (e) {
      setStatus(t('exportFailed', { reason: (e as Error).message || label }));
    } finally {
      setBusy(false);
    }
  };
  const save = (name: string, blob: Blob) => {
    downloadBlob(name, blob);
    return t('exportDone', { file: name });
  };

  return (
        <div ref={root} id={panelId} className="export-panel" role="group" aria-label={t('exportTitle', { chart: spec.title })}>
          <label>
            {t('exportImageTitle')}
            <input value={s.title} onChange={(e) => s.setTitle(e.target.value)} />
          </label>
          <label>
            {t('exportSubtitle')}
            <input value={s.subtitle} onChange={(e) => s.setSubtitle(e.target.value)} />
          </label>
          <label className="wide">
            {t('exportNotes')}
            <textarea rows={2} value={s.notes} onChange={(e) => s.setNotes(e.target.value)} />
          </label>
          <label>
            {t('exportSize')}
            <select value={s.preset} onChange={(e) => s.setPreset(e.target.value)} data-testid="export-preset">
              {EXPORT_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label[lang]}
                  {p.id !== 'custom' ? ` · ${p.width}×${p.height}` : ''}
                </option>
              ))}
            </select>
          </label>
          {s.preset === 'custom' && (
            <>
              <label>
                {t('exportWidth')}
                <input type="number" min={320} max={8000} value={s.custom.width} onChange={(e) => s.setCustom({ ...s.custom, width: Math.min(8000, Math.max(320, Number(e.target.value) || 320)) })} />
              </label>
              <label>
                {t('exportHeight')}
                <input type="number" min={240} max={8000} value={s.custom.height} onChange={(e) => s.setCustom({ ...s.custom, height: Math.min(8000, Math.max(240, Number(e.target.value) || 240)) })} />
              </label>
            </>
          )}
          <fieldset className="segmented">
            <legend>{t('exportBackground')}</legend>
            {BACKGROUNDS.map((b) => (
              <label key={b}>
                <input type="radio" name={`${panelId}-bg`} checked={s.background === b} onChange={() => s.setBackground(b)} />
                {t(`bg.${b}`)}
              </label>
            ))}
          </fieldset>
          <div className="export-actions">
            {SCALES.map((n) => (
              <button key={n} type="button" disabled={busy} data-testid={`export-png-${n}`} onClick={() => void run('png', async () => save(fileName(spec, 'png', n > 1 ? `${n}x` : undefined, lang), await renderPng(spec, s.settings(n))))}>
                {t('exportPng', { n })}
              </button>
            ))}
            <button type="button" disabled={busy} data-testid="export-svg" onClick={() => void run('svg', async () => save(fileName(spec, 'svg', undefined, lang), await renderSvg(spec, s.settings(1))))}>
              {t('exportSvg')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run('copy', async () => {
                  const r = await copyPng(await renderPng(spec, s.settings(2)));
                  return r === 'ok' ? t('exportCopied') : t('exportCopyUnsupported');
                })
              }
            >
              {t('exportCopy')}
            </button>
            <button type="button" disabled={busy} data-testid="export-csv" onClick={() => void run('csv', async () => save(fileName(spec, 'csv', undefined, lang), dataCsv(spec)))}>
              {t('exportCsv')}
            </button>
            <button type="button" disabled={busy} data-testid="export-json" onClick={() => void run('json', async () => save(fileName(spec, 'json', undefined, lang), dataJson(spec)))}>
              {t('exportJson')}
            </button>
          </div>
          <p className="export-status" role="status" aria-live="polite">
            {status}
          </p>
        </div>
  );
}

