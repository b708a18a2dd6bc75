import type { Indicator, Zone } from '../domain/types';
import type { ImportOptions, ImportResult } from './import-file';
import type { TidyTable } from './table';

export type WorkerRequest =
  | { type: 'init'; zonesCsv: string; indicators: Indicator[] }
  | { type: 'import'; id: number; name: string; bytes: ArrayBuffer; options: ImportOptions };

export type WorkerResponse =
  | { type: 'ready'; zones: Zone[] }
  | { type: 'progress'; id: number; stage: 'parse' }
  | { type: 'result'; id: number; result: ImportResult; table: TidyTable }
  | { type: 'error'; id: number; message: string };

/** What an import yields on the main thread: the report and the columnar table. */
export interface ImportOutcome {
  result: ImportResult;
  table: TidyTable;
}
