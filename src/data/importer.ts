import type { Indicator } from '../domain/types';
import { buildCatalogue } from './catalogue';
import { importFile, type ImportOptions } from './import-file';
import { buildZoneRegistry, parseZonesCsv } from './registry';
import { toTable } from './table';
import type { ImportOutcome, WorkerRequest, WorkerResponse } from './worker-protocol';

export interface ImportJob {
  promise: Promise<ImportOutcome>;
  cancel(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Runs imports in a module Web Worker. Cancel terminates the worker (the only way to stop a parse in
 * progress) and a fresh one starts for the next job. A crashed worker (out of memory …) rejects its job
 * with a message; nothing already loaded is touched.
 */
export class Importer {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (o: ImportOutcome) => void; reject: (e: Error) => void }>();

  constructor(private zonesCsv: string, private indicators: Indicator[]) {}

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return null;
    const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const m = ev.data;
      if (m.type === 'result') this.settle(m.id, (p) => p.resolve({ result: m.result, table: m.table }));
      else if (m.type === 'error') this.settle(m.id, (p) => p.reject(new Error(m.message)));
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      this.failAll(new Error(`解析进程出错，可能是内存不足 (the parser failed${ev.message ? `: ${ev.message}` : ''})`));
    };
    const init: WorkerRequest = { type: 'init', zonesCsv: this.zonesCsv, indicators: this.indicators };
    w.postMessage(init);
    this.worker = w;
    return w;
  }

  private settle(id: number, f: (p: { resolve: (o: ImportOutcome) => void; reject: (e: Error) => void }) => void) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    f(p);
  }

  private failAll(err: Error) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  run(name: string, bytes: Uint8Array, options: ImportOptions = {}): ImportJob {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    if (!worker) {
      // No Worker (tests in node/jsdom): the same pipeline on this thread.
      const ctx = { registry: buildZoneRegistry(parseZonesCsv(this.zonesCsv)), catalogue: buildCatalogue(this.indicators) };
      const promise = Promise.resolve().then(() => {
        const result = importFile(name, bytes, ctx, options);
        return { result: { ...result, observations: [] }, table: toTable(result.observations) };
      });
      return { promise, cancel: () => {} };
    }
    const promise = new Promise<ImportOutcome>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const copy = bytes.slice().buffer;
    const req: WorkerRequest = { type: 'import', id, name, bytes: copy, options };
    worker.postMessage(req, [copy]);
    return {
      promise,
      cancel: () => {
        if (!this.pending.has(id)) return;
        this.settle(id, (p) => p.reject(new ImportCancelled()));
        this.failAll(new ImportCancelled());
      },
    };
  }

  dispose() {
    this.failAll(new ImportCancelled());
  }
}
