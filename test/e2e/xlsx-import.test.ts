import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, shotPath } from './browser';

/*
 * docs/hostile-inputs.md W1, W5 where a user meets them (#18 item 1): a yearbook workbook given to the file
 * input, its sheet picked in the preview, its values in the Data view — and the reader (SheetJS) loaded only
 * then, in its own chunk, never with the first view or the import worker's own script.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A string only SheetJS's code has: which built file carries the reader. */
const SHEETJS = 'Unsupported ZIP Compression method';

function builtScripts(): { initial: string[]; all: string[] } {
  const html = readFileSync('dist/index.html', 'utf8');
  const initial = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const all = readdirSync('dist/assets').filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  return { initial, all };
}

/** The chunk the built import worker loads with import() when a workbook arrives. */
function workerReader(): string {
  const worker = builtScripts().all.find((f) => readFileSync(`dist/${f}`, 'utf8').includes('worker not initialised'))!;
  const name = /read-workbook-[\w-]+\.js/.exec(readFileSync(`dist/${worker}`, 'utf8'))?.[0];
  return `assets/${name}`;
}

describe('a workbook through the real UI', () => {
  it('SheetJS is in a chunk the import worker loads on demand: not in the first view, not in the worker\'s own script', () => {
    const { initial, all } = builtScripts();
    const has = (f: string) => readFileSync(`dist/${f}`, 'utf8').includes(SHEETJS);
    expect(initial.filter(has)).toEqual([]);
    const worker = all.filter((f) => readFileSync(`dist/${f}`, 'utf8').includes('worker not initialised'));
    expect(worker).toHaveLength(1);
    expect(has(worker[0])).toBe(false);
    // the worker names its reader chunk in a dynamic import(); that chunk carries SheetJS
    const reader = workerReader();
    expect(has(reader)).toBe(true);
    const gz = gzipSync(readFileSync(`dist/${reader}`), { level: 9 }).length;
    console.log(`workbook reader chunk ${reader}: ${(gz / 1024).toFixed(1)} KB gzip`);
  });

  it('W1, W5 the yearbook .xlsx: the sheet picker, the merged header read, the values in the Data view', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    const requested: string[] = [];
    page.context().on('request', (r) => requested.push(r.url()));
    await page.getByTestId('rankings-table').waitFor();
    const reader = workerReader();
    const loadedReader = () => requested.some((u) => u.endsWith(reader));
    expect(loadedReader()).toBe(false);

    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles({ name: 'yearbook.xlsx', mimeType: XLSX_MIME, buffer: readFileSync('test/fixtures/xlsx/yearbook.xlsx') });
    const dialog = page.getByTestId('import-dialog');
    const picker = dialog.getByTestId('import-sheet');
    await picker.waitFor({ timeout: 20000 });
    await expect(dialog.getByTestId('import-count').textContent()).resolves.toBe('12');
    console.log(`yearbook.xlsx: preview ready ${Date.now() - started} ms after the file was given (reader chunk loaded on demand)`);
    expect(loadedReader()).toBe(true);
    await expect(picker.locator('option').allTextContents()).resolves.toEqual(['空白 (空)', '表3-1 主要经济指标 (9 行 × 10 列)', '长表 (4 行 × 5 列)']);
    await expect(picker.inputValue()).resolves.toBe('表3-1 主要经济指标');
    // the two header rows joined: the mapping shows the indicator and year of each column
    await dialog.locator('details summary').click();
    await expect(dialog.getByTestId('import-mapping').textContent()).resolves.toContain('2020年 营业收入（亿元）');
    const preview = dialog.getByTestId('import-preview');
    await expect(preview.textContent()).resolves.toMatch(/郑州.*2019.*营业收入.*1,234\.5/);
    await expect(dialog.getByTestId('import-issues').textContent()).resolves.toMatch(/工作表“草稿”是隐藏的，未读取[\s\S]*第 7 行是隐藏行，未导入[\s\S]*合计行/);
    await page.screenshot({ path: shotPath('xlsx-import-preview.png') });

    // another sheet is read again from the file, and back
    await picker.selectOption('长表');
    await page.waitForFunction(() => document.querySelector('[data-testid="import-count"]')?.textContent === '2');
    await picker.selectOption('表3-1 主要经济指标');
    await page.waitForFunction(() => document.querySelector('[data-testid="import-count"]')?.textContent === '12');

    await dialog.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.goto(page.url().replace(/#\/[a-z]+\?[^#]*/, '#/data?ds=user'));
    const table = page.getByTestId('observations-table');
    await table.waitFor();
    // the whole file, not only the view's indicator
    await page.getByTestId('scope-toggle').uncheck();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(12);
    const text = rows.join('\n');
    expect(text).toMatch(/郑州.*2019.*营业收入.*1,234\.5.*亿元/);
    expect(text).toMatch(/郑州.*2019.*地区生产总值增速.*6\.2.*%/);
    expect(text).toMatch(/洛阳.*2020.*营业收入.*550/);
    expect(text).toContain('批注: 快报数，待年鉴核定');
    expect(text).not.toContain('新乡');
    // the file list says which sheet was read, where a CSV shows its encoding
    await expect(page.getByTestId('user-files').textContent()).resolves.toContain('yearbook.xlsx · 表3-1 主要经济指标 · ');
    await page.screenshot({ path: shotPath('xlsx-import-data.png') });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('W5 the sheet chosen in the preview is read again after a reload', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: 'yearbook.xlsx', mimeType: XLSX_MIME, buffer: readFileSync('test/fixtures/xlsx/yearbook.xlsx') });
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-sheet').waitFor({ timeout: 20000 });
    await dialog.getByTestId('import-sheet').selectOption('长表');
    await page.waitForFunction(() => document.querySelector('[data-testid="import-count"]')?.textContent === '2');
    await dialog.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.waitForTimeout(300);
    await page.goto(page.url().replace(/#\/[a-z]+\?[^#]*/, '#/data?ds=user'));
    await page.reload();
    const files = page.getByTestId('user-files');
    await page.waitForFunction(() => /yearbook\.xlsx · 长表 · /.test(document.querySelector('[data-testid="user-files"]')?.textContent ?? ''), undefined, { timeout: 20000 });
    await expect(files.textContent()).resolves.toContain('yearbook.xlsx · 长表 · ');
    await page.getByTestId('scope-toggle').uncheck();
    const rows = await page.getByTestId('observations-table').locator('tbody tr').allTextContents();
    expect(rows.map((r) => /郑州|洛阳/.exec(r)?.[0])).toEqual(expect.arrayContaining(['郑州', '洛阳']));
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toContain('1,401.6');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('W6 a cut-off workbook: one clear message naming the file, nothing to confirm', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: 'corrupt.xlsx', mimeType: XLSX_MIME, buffer: readFileSync('test/fixtures/xlsx/corrupt.xlsx') });
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-blocked').waitFor({ timeout: 20000 });
    await expect(dialog.getByTestId('import-issues').textContent()).resolves.toContain('“corrupt.xlsx”看起来是 Excel 工作簿，但文件已损坏或不完整');
    await expect(dialog.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
