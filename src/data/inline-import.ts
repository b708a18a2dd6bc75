import type { Indicator } from '../domain/types';
import { buildCatalogue } from './catalogue';
import { importFile, type ImportContext, type ImportOptions } from './import-file';
import { withWorkbookReader } from './workbook/load-reader';
import { buildZoneRegistry } from './registry';
import type { ImportOutcome } from './worker-protocol';
import { parseZonesCsv } from './zones-csv';

/** The worker's job done on the calling thread, where there is no Worker (node, jsdom). */
export async function importInline(name: string, bytes: Uint8Array, zonesCsv: string, indicators: Indicator[], options: ImportOptions): Promise<ImportOutcome> {
  const ctx: ImportContext = { registry: buildZoneRegistry(parseZonesCsv(zonesCsv)), catalogue: buildCatalogue(indicators) };
  await withWorkbookReader(ctx, bytes);
  const result = importFile(name, bytes, ctx, options);
  return { result, table: result.table };
}
