#!/usr/bin/env node
// Writes the workbook fixtures of docs/hostile-inputs.md W1–W7 into test/fixtures/xlsx/ with the same library
// the app reads them with (SheetJS, @e965/xlsx), so the golden files are reproducible:
//   node scripts/make-xlsx-fixtures.mjs
// Every number in them is invented for the tests (the source line says so); none is a published statistic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';

const OUT = 'test/fixtures/xlsx';
const SOURCE = '资料来源：测试夹具，数值为虚构（test fixture, invented numbers）';

/** @param {number} v @param {string} z */
const fmt = (v, z) => ({ t: 'n', v, z });
/** A date cell: Excel's serial number with a date format. @param {number} y @param {number} m @param {number} d @param {string} z */
const date = (y, m, d, z) => ({ t: 'n', v: Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000), z });
/** A formula with the value Excel saved for it (never evaluated by the importer). @param {string} f @param {number} v */
const formula = (f, v) => ({ t: 'n', f, v });
/** A number typed into a cell formatted as text. @param {string} s */
const text = (s) => ({ t: 's', v: s, z: '@' });

/** The yearbook table: a two-row header with years merged over indicators, a 合计 row, a source line. */
function yearbookSheet() {
  const pct = '0.0%';
  const ws = XLSX.utils.aoa_to_sheet([
    ['表3-1 国家高新区主要经济指标（2019—2020年）'],
    [],
    ['高新区', '统计截止', '2019年', null, null, '2020年', null, null, '备注', '内部核对'],
    [null, null, '营业收入（亿元）', '出口总额（亿元）', '地区生产总值增速', '营业收入（亿元）', '出口总额（亿元）', '地区生产总值增速', null, null],
    ['郑州', date(2020, 12, 31, 'yyyy-mm-dd'), 1234.5, text('56.7'), fmt(0.062, pct), 1300.2, text('61.3'), fmt(0.071, pct), null, 'ok'],
    ['洛阳', date(2020, 12, 31, 'yyyy-mm-dd'), 500, text('20.5'), fmt(0.048, pct), formula('C6*1.1', 550), text('22'), fmt(0.05, pct), '含新区', 'ok'],
    ['新乡', date(2020, 12, 31, 'yyyy-mm-dd'), 300, text('9.9'), fmt(0.03, pct), 320, text('10'), fmt(0.04, pct), '隐藏行', 'ok'],
    ['合计', null, formula('SUM(C5:C7)', 2034.5), formula('SUM(D5:D7)', 87.1), null, formula('SUM(F5:F7)', 2170.2), formula('SUM(G5:G7)', 93.3), null, null, null],
    [SOURCE],
  ]);
  ws['!merges'] = ['A1:J1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:H3', 'I3:I4', 'A9:J9'].map((r) => XLSX.utils.decode_range(r));
  ws['!rows'] = [];
  ws['!rows'][6] = { hidden: true }; // row 7, 新乡
  ws['!cols'] = [];
  ws['!cols'][9] = { hidden: true }; // column J, 内部核对
  XLSX.utils.cell_add_comment(ws.C5, '快报数，待年鉴核定', 'fixture');
  XLSX.utils.cell_add_comment(ws.A5, '含航空港区', 'fixture');
  XLSX.utils.cell_add_comment(ws.C3, '2019年为调整后口径', 'fixture');
  return ws;
}

/** A long table whose year column holds dates shown as years, with a filing date and numbers stored as text. */
function longSheet() {
  return XLSX.utils.aoa_to_sheet([
    ['高新区', '年份', '指标', '数值', '填报日期'],
    ['郑州', date(2021, 1, 1, 'yyyy"年"'), '营业收入', text('1,401.6'), date(2022, 3, 15, 'yyyy/m/d')],
    ['洛阳', date(2021, 1, 1, 'yyyy"年"'), '营业收入', 612, date(2022, 3, 16, 'yyyy/m/d')],
    ['新乡', date(2021, 1, 1, 'yyyy"年"'), '营业收入', '—', date(2022, 3, 17, 'yyyy/m/d')],
  ]);
}

function yearbook({ comments }) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '空白');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['高新区', '年份', '指标', '数值'], ['郑州', 2020, '营业收入', 999999]]), '草稿');
  const main = yearbookSheet();
  if (!comments) for (const a of ['A5', 'C5', 'C3']) delete main[a].c; // the .xls writer stores comments as placeholders
  XLSX.utils.book_append_sheet(wb, main, '表3-1 主要经济指标');
  XLSX.utils.book_append_sheet(wb, longSheet(), '长表');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 0 }, { Hidden: 0 }] };
  wb.Props = { Title: 'test fixture', CreatedDate: new Date(Date.UTC(2024, 0, 1)) };
  return wb;
}

/**
 * A workbook whose value is a formula into another workbook on a server (docs/hostile-inputs.md W7): the
 * cached value is read, the link is never followed. SheetJS cannot write external links, so the parts are added.
 */
function externalLink() {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([['高新区', '年份', '指标', '数值'], ['郑州', 2020, '综合排名', { t: 'n', f: '[1]Sheet1!A1', v: 17 }]]);
  XLSX.utils.book_append_sheet(wb, ws, '排名');
  const parts = unzipSync(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
  const target = 'http://127.0.0.1:9/secret.xlsx';
  parts['xl/externalLinks/externalLink1.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>17</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
  );
  parts['xl/externalLinks/_rels/externalLink1.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="${target}" TargetMode="External"/></Relationships>`,
  );
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'));
  const book = strFromU8(parts['xl/workbook.xml']);
  parts['xl/workbook.xml'] = strToU8(book.replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rIdX1"/></externalReferences>'));
  const types = strFromU8(parts['[Content_Types].xml']);
  parts['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'));
  return zipSync(parts, { mtime: new Date(Date.UTC(2024, 0, 1)) });
}

mkdirSync(OUT, { recursive: true });
const xlsx = XLSX.write(yearbook({ comments: true }), { type: 'buffer', bookType: 'xlsx', compression: true });
writeFileSync(`${OUT}/yearbook.xlsx`, xlsx);
writeFileSync(`${OUT}/yearbook.xls`, XLSX.write(yearbook({ comments: false }), { type: 'buffer', bookType: 'biff8' }));
writeFileSync(`${OUT}/empty.xlsx`, new Uint8Array(0));
// a download cut off part way: the start of a real workbook, without its central directory
writeFileSync(`${OUT}/corrupt.xlsx`, xlsx.subarray(0, Math.floor(xlsx.length * 0.6)));
writeFileSync(`${OUT}/external-link.xlsx`, externalLink());
console.log(`wrote ${OUT}/: yearbook.xlsx (${xlsx.length} bytes), yearbook.xls, empty.xlsx, corrupt.xlsx, external-link.xlsx`);
