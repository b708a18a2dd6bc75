import type { ImportContext } from '../import-file';
import { sniffFileType } from '../sniff';

/**
 * Puts the workbook reader into the import context when the bytes are a workbook (docs/hostile-inputs.md W1).
 * importFile is synchronous, so the reader cannot be imported inside it; it is loaded here, by the import
 * worker (or the inline import of tests), with a dynamic import() — its own chunk, SheetJS included — only
 * when the first workbook arrives, and kept for the next. A CSV import, and the first view, never load it.
 * `loading` hears when a download starts, so the preview's progress can move while it arrives.
 */
export async function withWorkbookReader(ctx: ImportContext, bytes: Uint8Array, loading?: () => void): Promise<void> {
  if (ctx.readWorkbook) return;
  const kind = sniffFileType(bytes).kind;
  if (kind !== 'xlsx' && kind !== 'xls') return;
  loading?.();
  ctx.readWorkbook = (await import('./read-workbook')).readWorkbook;
}
