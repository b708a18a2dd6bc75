import type { SheetInfo } from '../../data/workbook/types';
import { useT } from '../common/hooks';

/**
 * A workbook's sheet, chosen in the preview (docs/hostile-inputs.md W5): the visible sheets in workbook order,
 * each with its size or "empty". Choosing one re-reads the file with that sheet; the choice is saved with the
 * file's options, so the same sheet is read again after a reload. Sheet names are shown as text, never markup.
 */
export function SheetPicker({ sheets, current, onPick }: { sheets: readonly SheetInfo[]; current: string; onPick: (sheet: string) => void }) {
  const t = useT();
  return (
    <>
      <dt>{t('importSheet')}</dt>
      <dd>
        <select aria-label={t('importSheet')} value={current} onChange={(e) => onPick(e.target.value)} data-testid="import-sheet">
          {sheets.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name} ({s.empty ? t('importSheetEmpty') : t('importSheetSize', { rows: s.rows, columns: s.columns })})
            </option>
          ))}
        </select>
      </dd>
    </>
  );
}
