/**
 * An .xlsx is a ZIP of XML parts. Before the reader (SheetJS) sees it, the parts it needs are unpacked here
 * under the limits (docs/hostile-inputs.md W3, W4, W7) and packed again without compression, so that the
 * reader only ever slices bytes this module has measured:
 * - the sizes the archive declares are added up first, and a workbook that says it unpacks to more than
 *   `limits.workbookBytes` is refused before anything is inflated;
 * - the parts are then inflated while counting, and the count stops at the same limit: a zip bomb whose
 *   headers lie about its sizes is refused too (SheetJS's own unzip would inflate it all);
 * - the shared-strings table is counted, and each sheet's declared range (`<dimension ref>`) checked;
 * - pictures, embedded objects, macros, pivot caches and external-link parts are never unpacked: nothing
 *   they point to is fetched or run.
 */
import { Unzip, UnzipInflate, unzipSync, zipSync, type Unzipped } from 'fflate';
import { formatMB, type Limits, type Refusal } from '../limits';
import { displayName } from '../sniff';
import { rangeCells } from './ranges';

/**
 * The parts a workbook's cells, formats, merges, hidden state and comments are read from — and the few that
 * SheetJS insists on finding when [Content_Types].xml lists them (metadata, persons).
 */
const NEEDED = new RegExp(
  [
    String.raw`\[Content_Types\]\.xml`,
    String.raw`_rels/\.rels`,
    String.raw`xl/(?:_rels/)?workbook\.(?:xml|bin)(?:\.rels)?`,
    String.raw`xl/(?:styles|sharedStrings|metadata)\.(?:xml|bin)`,
    String.raw`xl/theme/theme\d*\.xml`,
    String.raw`docProps/(?:core|app|custom)\.xml`,
    String.raw`xl/drawings/vmlDrawing\d*\.vml`,
    String.raw`xl/(?:worksheets|chartsheets|macrosheets|dialogsheets)/(?:_rels/)?[^/]+\.(?:xml|bin|rels)`,
    String.raw`xl/comments[^/]*\.(?:xml|bin)`,
    String.raw`xl/(?:threadedComments|persons)/[^/]+\.xml`,
  ].map((p) => `(?:${p})`).join('|'),
);
const NEEDED_PART = new RegExp(`^(?:${NEEDED.source})$`, 'i');
const isNeeded = (name: string) => NEEDED_PART.test(name);

const count = (n: number) => n.toLocaleString('en-US');
const refuse = (reason: string): { refusal: Refusal } => ({ refusal: { reason, row: 0, raw: '' } });

const FEED = 16 * 1024;

/** Stops the streaming unzip from inside its callback. */
class TooLarge extends Error {}

export function unpackWorkbook(name: string, bytes: Uint8Array, limits: Limits): { zip: Uint8Array } | { refusal: Refusal } {
  const file = displayName(name);
  const bomb = (mb: string) =>
    refuse(
      `“${file}”解压后超过 ${mb}（上限 ${formatMB(limits.workbookBytes)}），可能是“压缩炸弹”或异常的工作簿，未读取 (the workbook "${file}" unpacks to more than ${mb}, over the limit of ${formatMB(limits.workbookBytes)}: refused as a possible zip bomb)`,
    );
  // 1. what the archive declares, from its central directory: nothing is inflated yet
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (isNeeded(f.name)) declared += f.originalSize;
        return false;
      },
    });
  } catch {
    return refuse(corrupt(file));
  }
  if (declared > limits.workbookBytes) return bomb(formatMB(declared));

  // 2. the parts inflated while counting what really comes out
  const parts: Unzipped = {};
  let inflated = 0;
  try {
    const unzip = new Unzip((entry) => {
      if (!isNeeded(entry.name)) return;
      const chunks: Uint8Array[] = [];
      entry.ondata = (err, chunk, final) => {
        if (err) throw err;
        inflated += chunk.length;
        if (inflated > limits.workbookBytes) throw new TooLarge();
        chunks.push(chunk);
        if (final) parts[entry.name] = join(chunks);
      };
      entry.start();
    });
    unzip.register(UnzipInflate);
    // fed in small slices: the inflater answers each with at most ~1,000 times its size (deflate's limit), so
    // a bomb is caught at most ~16 MB past the limit instead of after inflating a whole part in one go (4 KB
    // slices measured 3 times slower on a 500,000-cell workbook; 16 KB about as fast as one push)
    for (let at = 0; at < bytes.length; at += FEED) unzip.push(bytes.subarray(at, at + FEED), at + FEED >= bytes.length);
  } catch (e) {
    if (e instanceof TooLarge) return bomb(formatMB(inflated));
    return refuse(corrupt(file));
  }
  if (!Object.keys(parts).some((p) => /^xl\/workbook\.(?:xml|bin)$/i.test(p))) return refuse(corrupt(file));

  // 3. the shared-strings table and the sheets' declared ranges
  const sst = Object.entries(parts).find(([p]) => /^xl\/sharedStrings\.xml$/i.test(p))?.[1];
  const strings = sst ? countTag(sst, '<si') : 0;
  if (strings > limits.sharedStrings) {
    return refuse(
      `“${file}”的共享字符串表有 ${count(strings)} 项，超过上限 ${count(limits.sharedStrings)} 项，未读取 (the workbook "${file}" has ${count(strings)} shared strings, more than the limit of ${count(limits.sharedStrings)})`,
    );
  }
  let cells = 0;
  for (const [path, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) continue;
    const ref = /<dimension\s+ref="([^"]{1,40})"/.exec(new TextDecoder().decode(data.subarray(0, 4096)))?.[1];
    const n = ref ? rangeCells(ref) : 0;
    cells += n;
    if (cells > limits.workbookCells) return refuse(tooManyCells(file, cells, limits, ref ?? ''));
  }
  return { zip: zipSync(parts, { level: 0 }) };
}

export const corrupt = (file: string) =>
  `“${file}”看起来是 Excel 工作簿，但文件已损坏或不完整，无法读取。请在 Excel 或 WPS 中打开并重新保存后再导入 (the file "${file}" looks like an Excel workbook but is damaged or incomplete: open it in Excel or WPS, save it again and import that file)`;

export const tooManyCells = (file: string, cells: number, limits: Limits, ref: string) =>
  `“${file}”的工作表声明了 ${count(cells)} 个单元格${ref ? `（范围 ${ref.slice(0, 40)}）` : ''}，超过上限 ${count(limits.workbookCells)} 个，未读取 (the workbook "${file}" declares ${count(cells)} cells${ref ? ` (range ${ref.slice(0, 40)})` : ''}, more than the limit of ${count(limits.workbookCells)})`;

function join(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1 && chunks[0].buffer instanceof ArrayBuffer) return chunks[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** How many times `<si` opens an element (`<si>` or `<si …>`, not `<sil…`): a byte scan, no text decoded. */
function countTag(data: Uint8Array, tag: string): number {
  const t = [...tag].map((ch) => ch.charCodeAt(0));
  let n = 0;
  outer: for (let i = data.indexOf(t[0]); i !== -1 && i + t.length < data.length; i = data.indexOf(t[0], i + 1)) {
    for (let k = 1; k < t.length; k++) if (data[i + k] !== t[k]) continue outer;
    const next = data[i + t.length];
    if (next === 0x3e /* > */ || next === 0x20 || next === 0x2f /* / */ || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}
