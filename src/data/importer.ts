import type { Indicator, Zone } from '../domain/types';
import type { ImportOptions } from './import-file';
import type { ImportOutcome, WorkerRequest, WorkerResponse } from './worker-protocol';

export interface ImportJob {
  promise: Promise<ImportOutcome>;
  cancel(): void;
}

const newWorker = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
let prestarted: Worker | null = null;

/**
 * Starts the import worker now, before anything asks it for work: its script then loads and compiles while
 * the main thread is still evaluating React and ECharts, instead of after (src/app/early-start.ts).
 */
export function prestartImportWorker(): void {
  if (typeof Worker !== 'undefined' && !prestarted) prestarted = newWorker();
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
  private progress = new Map<number, (done: number) => void>();
  private zonesReady: { promise: Promise<Zone[]>; resolve: (z: Zone[]) => void; reject: (e: Error) => void };

  constructor(private zonesCsv: string, private indicators: Indicator[]) {
    let resolve!: (z: Zone[]) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<Zone[]>((a, b) => ((resolve = a), (reject = b)));
    this.zonesReady = { promise, resolve, reject };
  }

  /**
   * The zone registry, parsed from zones.csv by the worker: the main thread never loads papaparse.
   * Without Worker (tests in node/jsdom) it is parsed here.
   */
  zones(): Promise<Zone[]> {
    if (!this.ensureWorker()) {
      void import('./zones-csv').then((m) => this.zonesReady.resolve(m.parseZonesCsv(this.zonesCsv)), (e: Error) => this.zonesReady.reject(e));
    }
    return this.zonesReady.promise;
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return null;
    const w = prestarted ?? newWorker();
    prestarted = null;
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const m = ev.data;
      if (m.type === 'ready') this.zonesReady.resolve(m.zones);
      else if (m.type === 'result') this.settle(m.id, (p) => p.resolve({ result: m.result, table: m.result.table }));
      else if (m.type === 'progress') this.progress.get(m.id)?.(m.done);
      else if (m.type === 'error') this.settle(m.id, (p) => p.reject(new Error(m.message)));
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      this.zonesReady.reject(new Error(`解析进程无法启动 (the parser worker failed to start${ev.message ? `: ${ev.message}` : ''})`));
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
    this.progress.delete(id);
    f(p);
  }

  private failAll(err: Error) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.progress.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  /**
   * `onProgress` hears how far the worker has got (0…1), a hundred times or so per file.
   * How the bytes reach the worker, cheapest first (a 50 MB copy is a 70 ms freeze of the page):
   * `via.file` — the user's File, read by the worker itself, nothing copied here; `via.give` — the caller
   * no longer needs `bytes`, so their buffer is transferred; otherwise a copy is transferred.
   */
  run(name: string, bytes: Uint8Array, options: ImportOptions = {}, onProgress?: (done: number) => void, via: { file?: Blob; give?: boolean } = {}): ImportJob {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    if (!worker) {
      // No Worker (tests in node/jsdom): the same pipeline on this thread, loaded on demand.
      const promise = import('./inline-import').then((m) => m.importInline(name, bytes, this.zonesCsv, this.indicators, options));
      return { promise, cancel: () => {} };
    }
    const promise = new Promise<ImportOutcome>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (onProgress) this.progress.set(id, onProgress);
    if (via.file) {
      worker.postMessage({ type: 'import', id, name, bytes: via.file, options } satisfies WorkerRequest);
    } else {
      const whole = via.give && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const buffer = whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
      worker.postMessage({ type: 'import', id, name, bytes: buffer, options } satisfies WorkerRequest, [buffer]);
    }
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
