import type { Indicator } from '../domain/types';
import { buildCatalogue } from './catalogue';
import { importFile, type ImportOptions } from './import-file';
import { buildZoneRegistry } from './registry';
import type { ImportOutcome } from './worker-protocol';
import { parseZonesCsv } from './zones-csv';

/** The worker's job done on the calling thread, where there is no Worker (node, jsdom). */
export function importInline(name: string, bytes: Uint8Array, zonesCsv: string, indicators: Indicator[], options: ImportOptions): ImportOutcome {
  const ctx = { registry: buildZoneRegistry(parseZonesCsv(zonesCsv)), catalogue: buildCatalogue(indicators) };
  const result = importFile(name, bytes, ctx, options);
  return { result, table: result.table };
}
