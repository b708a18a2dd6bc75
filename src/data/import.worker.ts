/// <reference lib="webworker" />
import { buildCatalogue } from './catalogue';
import { importFile, type ImportContext } from './import-file';
import { buildZoneRegistry } from './registry';
import { parseZonesCsv } from './zones-csv';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';
import { toTable } from './table';

/** Parsing happens here, off the main thread, so the page stays responsive while big files load. */
let ctx: ImportContext | null = null;
const post = (msg: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, transfer);

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  try {
    if (msg.type === 'init') {
      const zones = parseZonesCsv(msg.zonesCsv);
      ctx = { registry: buildZoneRegistry(zones), catalogue: buildCatalogue(msg.indicators) };
      post({ type: 'ready', zones });
      return;
    }
    if (!ctx) throw new Error('worker not initialised');
    post({ type: 'progress', id: msg.id, stage: 'parse' });
    const result = importFile(msg.name, new Uint8Array(msg.bytes), ctx, msg.options);
    const table = toTable(result.observations);
    // The table goes back as columns; the observation objects stay here.
    post({ type: 'result', id: msg.id, result: { ...result, observations: [] }, table }, [table.year.buffer, table.value.buffer, table.row.buffer]);
  } catch (e) {
    post({ type: 'error', id: 'id' in msg ? msg.id : 0, message: (e as Error).message ?? String(e) });
  }
};
