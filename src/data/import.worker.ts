/// <reference lib="webworker" />
import { buildCatalogue } from './catalogue';
import { importFile, type ImportContext } from './import-file';
import { withWorkbookReader } from './workbook/load-reader';
import { buildZoneRegistry } from './registry';
import { tableBuffers } from './table';
import { parseZonesCsv } from './zones-csv';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** Parsing happens here, off the main thread, so the page stays responsive while big files load. */
let ctx: ImportContext | null = null;
const post = (msg: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, transfer);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  try {
    if (msg.type === 'init') {
      const zones = parseZonesCsv(msg.zonesCsv);
      ctx = { registry: buildZoneRegistry(zones), catalogue: buildCatalogue(msg.indicators) };
      post({ type: 'ready', zones });
      return;
    }
    if (!ctx) throw new Error('worker not initialised');
    const id = msg.id;
    const bytes = new Uint8Array(msg.bytes instanceof Blob ? await msg.bytes.arrayBuffer() : msg.bytes);
    await withWorkbookReader(ctx, bytes, () => post({ type: 'progress', id, done: 0.01 }));
    const result = importFile(msg.name, bytes, ctx, msg.options, undefined, (done) => post({ type: 'progress', id, done }));
    // The table's typed arrays are transferred, not copied: only its small dictionaries are cloned.
    post({ type: 'result', id, result }, tableBuffers(result.table));
  } catch (e) {
    post({ type: 'error', id: 'id' in msg ? msg.id : 0, message: (e as Error).message ?? String(e) });
  }
};
