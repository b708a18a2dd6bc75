// .xlsx → CSV for `npm run aggregate` (docs/scaling.md): DuckDB's excel extension is not bundled with the
// Node package and cannot be downloaded here, so the first worksheet is unzipped (fflate) and read directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

/** Column letters → 0-based index (A → 0, AA → 26). @param {string} ref */
const colIndex = (ref) => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};
/** @param {string} s */
const unXml = (s) => s.replace(/&(lt|gt|amp|quot|apos|#x?[0-9a-fA-F]+);/g, (_, e) =>
  e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
/** @param {string} v */
const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The first worksheet of an .xlsx → a UTF-8 CSV (DuckDB's excel extension is not bundled with the Node
 * package and cannot be downloaded here). Reads cell values as stored: shared and inline strings, numbers;
 * formulas give their cached value; dates stay serial numbers. The whole workbook is held in memory.
 * @param {string} from @param {string} to @param {string} [sheet] a sheet name
 */
export function xlsxToCsv(from, to, sheet) {
  const zip = unzipSync(new Uint8Array(readFileSync(from)));
  const text = (p) => (zip[p] ? strFromU8(zip[p]) : '');
  const workbook = text('xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: unXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? ''), rid: /r:id="([^"]*)"/.exec(m[0])?.[1] ?? '' }));
  const chosen = sheet ? sheets.find((s) => s.name === sheet) : sheets[0];
  if (!chosen) throw new Error(`${from}: no sheet ${sheet ? `"${sheet}" (sheets: ${sheets.map((s) => s.name).join(', ')})` : ''}`);
  const rels = text('xl/_rels/workbook.xml.rels');
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${chosen.rid}"`));
  let path = /Target="([^"]*)"/.exec(target ?? '')?.[1] ?? 'worksheets/sheet1.xml';
  path = path.startsWith('/') ? path.slice(1) : `xl/${path}`;
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unXml([...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const out = [];
  for (const row of text(path).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    /** @type {string[]} */
    const cells = [];
    for (const c of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const ref = /r="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /t="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's' && v !== undefined) value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = unXml([...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
      else if (v !== undefined) value = unXml(v);
      const at = ref ? colIndex(ref) : cells.length;
      while (cells.length < at) cells.push('');
      cells[at] = value;
    }
    out.push(cells.map(csvCell).join(','));
  }
  writeFileSync(to, out.join('\n') + '\n');
}
