// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/data/importer';

/** Records what the importer posts; never answers (these tests look only at how the bytes travel). */
class FakeWorker {
  static last: FakeWorker | null = null;
  posted: { msg: { type: string; bytes?: unknown }; transfer?: Transferable[] }[] = [];
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(msg: { type: string }, transfer?: Transferable[]) {
    this.posted.push({ msg, transfer });
  }
  terminate() {}
}

const g = globalThis as { Worker?: unknown };
const real = g.Worker;
afterEach(() => {
  g.Worker = real;
});

function importer() {
  g.Worker = FakeWorker;
  const imp = new Importer('id\n', []);
  return { imp, imports: () => FakeWorker.last!.posted.filter((p) => p.msg.type === 'import') };
}

describe('Importer: how a file reaches the worker without freezing the page', () => {
  it("a user's File goes as the File itself: the worker reads it, nothing is copied here", () => {
    const { imp, imports } = importer();
    const file = new Blob(['zone,year\n']);
    imp.run('a.csv', new Uint8Array(10), {}, undefined, { file });
    expect(imports()[0].msg.bytes).toBe(file);
    expect(imports()[0].transfer ?? []).toEqual([]);
  });

  it('bytes the caller gives up are transferred as they are (no copy); bytes it keeps are copied', () => {
    const { imp, imports } = importer();
    const given = new Uint8Array([1, 2, 3]);
    const givenBuffer = given.buffer;
    imp.run('b.csv', given, {}, undefined, { give: true });
    expect(imports()[0].msg.bytes).toBe(givenBuffer);
    expect(imports()[0].transfer).toEqual([givenBuffer]);

    const kept = new Uint8Array([4, 5, 6]);
    imp.run('c.csv', kept);
    expect(imports()[1].msg.bytes).not.toBe(kept.buffer);
    expect([...new Uint8Array(imports()[1].msg.bytes as ArrayBuffer)]).toEqual([4, 5, 6]);

    // a view into a larger buffer is never handed over whole, even when given up
    const view = new Uint8Array(new ArrayBuffer(8), 2, 3);
    imp.run('d.csv', view, {}, undefined, { give: true });
    expect((imports()[2].msg.bytes as ArrayBuffer).byteLength).toBe(3);
  });
});
