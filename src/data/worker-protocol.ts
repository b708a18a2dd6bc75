import type { Indicator, Zone } from '../domain/types';
import type { ImportOptions, ImportResult } from './import-file';
import type { TidyTable } from './table';

export type WorkerRequest =
  | { type: 'init'; zonesCsv: string; indicators: Indicator[] }
  /** bytes: transferred, or a File/Blob the worker reads itself (see Importer.run) */
  | { type: 'import'; id: number; name: string; bytes: ArrayBuffer | Blob; options: ImportOptions };

export type WorkerResponse =
  | { type: 'ready'; zones: Zone[] }
  /** done: the share of the work done, 0…1 */
  | { type: 'progress'; id: number; done: number }
  | { type: 'result'; id: number; result: ImportResult }
  | { type: 'error'; id: number; message: string };

/** What an import yields on the main thread: the report and the columnar table. */
export interface ImportOutcome {
  result: ImportResult;
  table: TidyTable;
}
