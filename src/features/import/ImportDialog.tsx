import { ScrollRegion } from '../common/ScrollRegion';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportOptions } from '../../data/import-file';
import { DELIMITERS, delimiterName } from '../../data/delimiters';
import { footnoteSummary } from '../../data/footnotes';
import type { ColumnRole, ShapeGuess } from '../../data/shape';
import { cancelPreview, confirmPreview, previewFile } from '../../store/actions';
import { useStore } from '../../store/store';
import { useLang, useT } from '../common/hooks';
import { formatValue, indicatorName, unitLabel } from '../../model/format';
import { observationAt, type TidyTable } from '../../data/table';
import { marksText } from '../../data/footnotes';
import type { Indicator } from '../../domain/types';
import type { Lang } from '../../i18n';
import { inLang } from '../../i18n/bilingual';
import { IssueTable } from './IssueTable';
import { SheetPicker } from './SheetPicker';
import { SourceText } from '../common/SourceText';

const ENCODINGS: NonNullable<ImportOptions['encoding']>[] = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];
const ROLES: ColumnRole[] = ['zone', 'year', 'yearText', 'indicator', 'value', 'unit', 'period', 'basis', 'source', 'note', 'measure', 'yearColumn', 'extra', 'ignore'];

/**
 * The preview: detected encoding and delimiter (or a workbook's sheet), shape and column meanings, each correctable, and the issue
 * report. Nothing joins the workspace until the user confirms; a blocked file cannot be confirmed.
 */
export function ImportDialog() {
  const t = useT();
  const lang = useLang();
  const preview = useStore((s) => s.preview);
  const catalogue = useStore((s) => s.catalogue);
  const ref = useRef<HTMLDivElement>(null);
  const openName = preview?.name;
  useEffect(() => {
    if (openName) ref.current?.focus();
  }, [openName]);
  // The column mapping starts open only when the shape could not be recognised (the user must act).
  const unknownShape = preview?.result?.guess?.shape === 'unknown';
  const [mappingOpen, setMappingOpen] = useState(unknownShape);
  useEffect(() => {
    if (unknownShape) setMappingOpen(true);
  }, [unknownShape]);
  // values read with a footnote mark (`3,456*`, `812②`): kept, and said so
  const previewTable = preview?.table;
  const footnotes = useMemo(() => (previewTable ? footnoteSummary(previewTable) : null), [previewTable]);
  // a second, different file of the same name (docs/hostile-inputs.md P9): the choice takes the focus, once
  const keepRef = useRef<HTMLButtonElement>(null);
  const conflict = preview?.conflict;
  useEffect(() => {
    if (conflict) keepRef.current?.focus();
  }, [conflict]);
  if (!preview) return null;
  const r = preview.result;
  const rerun = (patch: ImportOptions) => previewFile(preview.name, preview.bytes, { ...preview.options, ...patch }, preview.file);
  const setRole = (guess: ShapeGuess, index: number, role: ColumnRole, indicator?: string) => {
    const columns = guess.columns.map((c) => (c.index === index ? { ...c, role, indicator: indicator ?? c.indicator } : c));
    const has = (x: ColumnRole) => columns.some((c) => c.role === x);
    const shape = has('zone') && has('indicator') && has('value') ? 'long' : columns.filter((c) => c.role === 'yearColumn').length >= 1 && has('zone') ? 'matrix' : has('zone') && has('measure') ? 'wide' : 'unknown';
    rerun({ mapping: { ...guess, columns, shape } });
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        tabIndex={-1}
        ref={ref}
        data-testid="import-dialog"
        onKeyDown={(e) => e.key === 'Escape' && cancelPreview()}
      >
        <h2 id="import-title">
          {t('importTitle')}: {preview.name}
        </h2>
        {preview.status === 'running' && (
          <p className="status" role="status">
            {preview.progress === null ? (
              <progress aria-label={t('loading')} />
            ) : (
              <progress aria-label={t('loading')} max={100} value={Math.round(preview.progress * 100)} data-testid="import-progress" />
            )}{' '}
            {t('loading')}
            {preview.progress !== null && ` ${Math.round(preview.progress * 100)}%`}
          </p>
        )}
        {preview.status === 'error' && <p className="status error" role="alert">{inLang(preview.error, lang)}</p>}
        {r && (
          <>
            <dl className="facts">
              {r.sheets && r.sheet !== undefined && <SheetPicker sheets={r.sheets} current={r.sheet} onPick={(sheet) => rerun({ sheet, mapping: undefined })} />}
              {!r.sheets && (
                <>
                  <dt>{t('importEncoding')}</dt>
                  <dd>
                    <select
                      aria-label={t('importEncoding')}
                      value={preview.options.encoding ?? r.encoding ?? ''}
                      onChange={(e) => rerun({ encoding: e.target.value as ImportOptions['encoding'] })}
                    >
                      {!r.encoding && <option value="">—</option>}
                      {ENCODINGS.map((enc) => (
                        <option key={enc} value={enc}>
                          {t(`encoding.${enc}`)}
                          {enc === r.encoding && !preview.options.encoding && r.encodingConfidence ? ` (${t(`confidence.${r.encodingConfidence}`)})` : ''}
                        </option>
                      ))}
                    </select>
                  </dd>
                </>
              )}
              {r.format === 'csv' && (
                <>
                  <dt>{t('importDelimiter')}</dt>
                  <dd>
                    <select aria-label={t('importDelimiter')} value={preview.options.delimiter ?? r.delimiter} onChange={(e) => rerun({ delimiter: e.target.value, mapping: undefined })}>
                      {DELIMITERS.map((d) => (
                        <option key={d} value={d}>
                          {delimiterName(d, lang)}
                        </option>
                      ))}
                    </select>
                  </dd>
                </>
              )}
              <dt>{t('importShape')}</dt>
              <dd data-testid="import-shape">{r.guess ? t(`shape.${r.guess.shape}`) : '—'}</dd>
              <dt>{t('importRows')}</dt>
              <dd>{r.rowCount}</dd>
              <dt>{t('importObservations')}</dt>
              <dd data-testid="import-count">{preview.table?.size ?? 0}</dd>
            </dl>
            {(r.notices.length > 0 || !!footnotes?.n) && (
              <ul className="notices-inline">
                {r.notices.map((n, i) => (
                  <li key={i}>{inLang(n, lang)}</li>
                ))}
                {!!footnotes?.n && (
                  <li data-testid="import-footnotes">{t('footnoteNotice', { n: footnotes.n, marks: footnotes.marks.slice(0, 8).join(lang === 'zh' ? '、' : ', ') + (footnotes.marks.length > 8 ? ' …' : '') })}</li>
                )}
              </ul>
            )}
            {r.guess && r.guess.columns.length > 0 && (
              <details open={mappingOpen} onToggle={(e) => setMappingOpen(e.currentTarget.open)}>
                <summary>{t('importMapping')}</summary>
                {/* Rendered only when open: a wide file's 60 columns × 70 indicator options are thousands
                    of elements, a 300 ms layout in the main thread for a table most users never open. */}
                {mappingOpen && (
                  <ScrollRegion label={t('importMapping')} short>
                    <table className="data-table compact" data-testid="import-mapping">
                      <thead>
                        <tr>
                          <th scope="col">{t('importColumn')}</th>
                          <th scope="col">{t('importRole')}</th>
                          <th scope="col">
                            {t('indicator')} · {t('unit')}
                          </th>
                          <th scope="col">{t('importRoleHint')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {r.guess.columns.map((c) => (
                          <tr key={c.index}>
                            <th scope="row">{c.header || `#${c.index + 1}`}</th>
                            <td>
                              <select aria-label={`${c.header}: ${t('importMapping')}`} value={c.role} onChange={(e) => setRole(r.guess!, c.index, e.target.value as ColumnRole)}>
                                {ROLES.map((role) => (
                                  <option key={role} value={role}>
                                    {t(`role.${role}`)}
                                  </option>
                                ))}
                              </select>
                            </td>
                            <td>
                              {c.role === 'measure' && catalogue && (
                                <select aria-label={`${c.header}: ${t('indicator')}`} value={c.indicator ?? ''} onChange={(e) => setRole(r.guess!, c.index, 'measure', e.target.value)}>
                                  <IndicatorOptions indicators={catalogue.indicators} lang={lang} />
                                </select>
                              )}
                              {c.unit ? ` ${c.unit}` : ''}
                              {c.year ? ` ${c.year}` : ''}
                            </td>
                            <td className="muted">{t(`roleHint.${c.role}`)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                )}
                {r.guess.shape === 'matrix' && catalogue && (
                  <label>
                    {t('indicator')}
                    <select value={r.guess.matrixIndicator ?? ''} onChange={(e) => rerun({ mapping: { ...r.guess!, matrixIndicator: e.target.value } })}>
                      <IndicatorOptions indicators={catalogue.indicators} lang={lang} />
                    </select>
                  </label>
                )}
              </details>
            )}
            {r.blocked && (
              <p className="status error" role="alert" data-testid="import-blocked">
                {t('importBlocked')}
              </p>
            )}
            {/* a file that was read (not refused outright) shows what it gives — or that it gives nothing yet */}
            {preview.status === 'ready' && r.guess && <PreviewRows table={preview.table} />}
            <IssueTable issues={r.issues} testId="import-issues" />
          </>
        )}
        {preview.conflict && (
          <p role="alert" data-testid="import-conflict">
            {t('importConflict', { name: preview.name })}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={cancelPreview}>
            {t('importCancel')}
          </button>
          {preview.conflict ? (
            <>
              <button type="button" onClick={() => void confirmPreview('replace')} data-testid="import-replace">
                {t('importReplace')}
              </button>
              <button type="button" className="primary" onClick={() => void confirmPreview('keep')} data-testid="import-keep" ref={keepRef}>
                {t('importKeepBoth')}
              </button>
            </>
          ) : (
            <button type="button" className="primary" disabled={!r || r.blocked || preview.status !== 'ready'} onClick={() => void confirmPreview()} data-testid="import-confirm">
              {t('importConfirm')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** "—" (none) and every catalogue indicator, by name: the choices of an indicator select. */
function IndicatorOptions({ indicators, lang }: { indicators: readonly Indicator[]; lang: Lang }) {
  return (
    <>
      <option value="">—</option>
      {indicators.map((i) => (
        <option key={i.id} value={i.id}>
          {indicatorName(i, lang)}
        </option>
      ))}
    </>
  );
}

/** How many observations the preview shows as they will be read. */
const PREVIEW_ROWS = 10;
/** Flags worth saying beside a value in the preview (the others — full-width digits, separators — change nothing). */
const SHOWN_FLAGS = ['approx', 'lower-bound', 'upper-bound', 'parenthesised-negative', 'scaled-wan', 'scaled-yi'] as const;

/**
 * The first observations as the app will read and show them — zone, year, indicator, value, unit, source and
 * marks — so a wrong encoding, delimiter or column meaning is seen before anything joins the workspace. The
 * preview's table is re-read whenever an option changes, so this follows every choice.
 */
function PreviewRows({ table }: { table: TidyTable | null }) {
  const t = useT();
  const lang = useLang();
  const byId = useStore((s) => s.registry?.byId);
  const catalogue = useStore((s) => s.catalogue);
  const n = Math.min(PREVIEW_ROWS, table?.size ?? 0);
  if (!table || n === 0) {
    return (
      <p className="status" data-testid="import-preview-empty">
        {t('importPreviewEmpty')}
      </p>
    );
  }
  return (
    <section data-testid="import-preview">
      <h3>{t('importPreviewTitle', { n, total: table.size })}</h3>
      <ScrollRegion label={t('importPreviewTitle', { n, total: table.size })} short>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('zone')}</th>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('indicator')}</th>
              <th scope="col">{t('value')}</th>
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('importPreviewMarks')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: n }, (_, i) => {
              const o = observationAt(table, i);
              const zone = byId?.get(o.zone);
              const ind = catalogue?.byId.get(o.indicator);
              const marks = marksText(o.flags);
              const said = [
                ...(o.basis !== 'reported' ? [t(`basis.${o.basis}`)] : []),
                ...SHOWN_FLAGS.filter((f) => o.flags.includes(f)).map((f) => t(`flag.${f}`)),
                ...(marks ? [`${t('footnoteMark')} ${marks}`] : []),
              ];
              return (
                <tr key={i}>
                  <td>{zone ? (lang === 'zh' ? zone.name : zone.en || zone.name) : o.zone}</td>
                  <td className="num">
                    {o.year}
                    {o.period ? ` · ${o.period}` : ''}
                  </td>
                  <td>{ind ? indicatorName(ind, lang) : o.indicator}</td>
                  <td className="num">{ind ? formatValue(o.value, o.band, ind, lang, o.raw, o.flags) : o.raw}</td>
                  <td>{o.unit || (ind ? unitLabel(ind, lang) : '')}</td>
                  <td className="source">
                    <SourceText text={o.source} />
                  </td>
                  <td>{said.join(lang === 'zh' ? '；' : '; ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
