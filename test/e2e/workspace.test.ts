import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('nothing lost', () => {
  it('a workspace backup restores the imported files and view on a fresh browser profile', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e-henan-gbk.csv');
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.goto(page.url().replace('#/rankings', '#/data'));
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
    expect(d.suggestedFilename()).toMatch(/^高新区看板工作区备份_\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = readFileSync((await d.path())!);

    const fresh = await openPage(browser, '#/data?ds=reported');
    await fresh.page.getByTestId('workspace').waitFor();
    await fresh.page.getByTestId('backup-input').setInputFiles({ name: 'backup.zip', mimeType: 'application/zip', buffer: zip });
    await fresh.page.waitForFunction(() => location.hash.includes('ds=user'));
    await fresh.page.getByTestId('user-files').waitFor();
    await expect(fresh.page.getByTestId('user-files').textContent()).resolves.toContain('e2e-henan-gbk.csv');
    await expect(fresh.page.getByTestId('user-files').textContent()).resolves.toContain('GB18030');
    expect(problems).toEqual([]);
    expect(fresh.problems).toEqual([]);
  });

  it('Cancel stops a large import in the worker and leaves the loaded data as it was (L2)', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&ind=rank_overall&year=2020');
    const table = page.getByTestId('rankings-table');
    await table.waitFor();
    const before = await table.locator('tbody tr').count();
    const line = '郑州高新区,2020,rank_overall,17,位,,reported,某某公报第1号,备注备注备注\n';
    const big = Buffer.from('zone,year,indicator,value,unit,period,basis,source,note\n' + line.repeat(300_000));
    await page.getByTestId('file-input').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: big });
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    // the worker reports how far it has got: a determinate bar, part way
    const bar = dialog.getByTestId('import-progress');
    await bar.waitFor();
    const done = Number(await bar.getAttribute('value'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(100);
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('import-dialog').count()).resolves.toBe(0);
    await expect(table.locator('tbody tr').count()).resolves.toBe(before);
    expect(page.url()).toContain('ds=reported');
    expect(problems).toEqual([]);
  });
});

/** The keys of the IndexedDB store the dashboard saves imported files in (src/store/persist.ts). */
const storedKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('htz-dashboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('user-files')) return resolve([]);
          const req = db.transaction('user-files').objectStore('user-files').getAllKeys();
          req.onsuccess = () => resolve(req.result.map(String));
          req.onerror = () => reject(req.error);
        };
      }),
  );

/** The longest gap between animation frames over `ms`: how long the main thread was blocked. */
const longestFrameGap = (page: Page, ms: number) =>
  page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const end = last + ms;
        const tick = (now: number) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

describe('hostile workspace backups (docs/hostile-inputs.md B1, B4, B6)', () => {
  const index = (files: unknown[]) => strToU8(JSON.stringify({ format: 'htz-workspace', version: 1, createdAt: '', view: { route: 'wall', playlist: '../../x?' }, files }));
  /** one 64 MB entry listed 1,000 times: ~67 KB */
  const duplicated = () => zipSync({ 'workspace.json': index(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}.csv`, path: 'files/1' }))), 'files/1': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
  /** 1 GB of zeros whose headers declare 1 KB: ~1 MB */
  const bomb = () => {
    const zip = zipSync({ 'workspace.json': index([{ name: 'bomb.csv', path: 'files/1' }]), 'files/1': new Uint8Array(1024 * 1024 * 1024) }, { level: 9 });
    const v = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (v.getUint32(i, true) === 0x04034b50) v.setUint32(i + 22, 1024, true);
      else if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + 24, 1024, true);
    }
    return zip;
  };

  it.each([
    ['B1: one entry listed 1,000 times', duplicated, /it lists 1000 files, more than the limit of 50/],
    ['B4: a zip bomb whose declared size lies', bomb, /“bomb\.csv” unpacks to more than the limit of 100\.0 MB per file/],
  ])('%s: refused with the reason, the page responsive, the data as before, nothing stored (also after a reload)', async (_, make, reason) => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported&lang=en');
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e-henan-gbk.csv');
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await expect.poll(() => storedKeys(page)).toEqual(['e2e-henan-gbk.csv']);
    await page.goto(page.url().replace('#/rankings', '#/data'));
    await page.getByTestId('user-files').waitFor();
    const hashBefore = await page.evaluate(() => location.hash);
    const zip = Buffer.from(make());
    const t = Date.now();
    await page.getByTestId('backup-input').setInputFiles({ name: 'evil.zip', mimeType: 'application/zip', buffer: zip });
    const gap = longestFrameGap(page, 1500);
    const notice = page.locator('.notice.error', { hasText: 'evil.zip' });
    await notice.waitFor({ timeout: 20000 });
    const ms = Date.now() - t;
    const worst = await gap;
    console.log(`${_}: ${(zip.length / 1024).toFixed(0)} KB backup refused in ${ms} ms; longest frame gap while reading ${worst.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10000);
    expect(worst).toBeLessThan(1000);
    const text = (await notice.textContent())!;
    expect(text).toMatch(reason);
    expect(text).toContain('workspace backup “evil.zip” not restored');
    expect(text).toContain('Nothing was changed or stored');
    // the page still answers, and what was loaded before is there, with the same view
    await expect(page.getByTestId('user-files').textContent()).resolves.toContain('e2e-henan-gbk.csv');
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
    await page.getByRole('link', { name: /rankings/i }).first().click();
    await page.getByTestId('rankings-table').waitFor();
    expect(await storedKeys(page)).toEqual(['e2e-henan-gbk.csv']);
    // nothing replayed at the next start
    await page.reload();
    await page.getByTestId('rankings-table').waitFor();
    await page.goto(page.url().replace(/#\/\w+/, '#/data'));
    await page.getByTestId('user-files').waitFor();
    const files = await page.getByTestId('user-files').locator('li').allTextContents();
    expect(files).toHaveLength(1);
    expect(files[0]).toContain('e2e-henan-gbk.csv');
    expect(await storedKeys(page)).toEqual(['e2e-henan-gbk.csv']);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('P9: a second, different file of the same name', () => {
  it('the dialog asks, by keyboard: keep both stores it as a second file', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    await page.getByTestId('rankings-table').waitFor();
    const file = (v: number) => ({ name: 'data.csv', mimeType: 'text/csv', buffer: Buffer.from(`zone,year,indicator,value\n郑州高新区,2020,rank_overall,${v}\n`) });
    await page.getByTestId('file-input').setInputFiles(file(17));
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    await page.getByTestId('file-input').setInputFiles(file(18));
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-conflict').waitFor();
    await expect(page.getByTestId('import-conflict').textContent()).resolves.toContain('“data.csv”');
    // the choice has focus; Tab reaches the other; Enter chooses
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('import-keep');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('import-dialog').count()).toBe(0);
    await expect.poll(async () => (await storedKeys(page)).sort()).toEqual(['data (2).csv', 'data.csv']);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('L3: the parser worker fails', () => {
  it('shows a visible failure and keeps the data loaded before', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // the worker dies on an import once the test says so, as it would when it runs out of memory
    await page.addInitScript(() => {
      const Original = window.Worker;
      window.Worker = class extends Original {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        override postMessage(msg: unknown, transfer?: any) {
          if ((window as unknown as { __failImports?: boolean }).__failImports && (msg as { type?: string })?.type === 'import') {
            setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'Out of memory' })), 10);
            return;
          }
          super.postMessage(msg, transfer);
        }
      } as typeof Worker;
    });
    const { baseUrl } = await import('./browser');
    await page.goto(`${baseUrl()}#/rankings?ds=reported&ind=rank_overall&year=2020`);
    const table = page.getByTestId('rankings-table');
    await table.waitFor();
    const before = await table.locator('tbody tr').count();
    await page.evaluate(() => ((window as unknown as { __failImports: boolean }).__failImports = true));
    await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e-henan-gbk.csv');
    const alert = page.getByTestId('import-dialog').getByRole('alert').first();
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/解析进程出错.*Out of memory/);
    await page.getByTestId('import-dialog').getByRole('button', { name: '取消' }).click();
    await expect(table.locator('tbody tr').count()).resolves.toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('X1: markup from a file stays text in tooltips', () => {
  it('a hostile source shows as text in the chart tooltip; no element is created and no script runs', async () => {
    const { page, problems } = await openPage(browser, '#/rankings?ds=reported');
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.getByTestId('rankings-table').waitFor();
    await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e-hostile-notes.csv');
    await page.getByTestId('import-confirm').click();
    await page.waitForFunction(() => location.hash.includes('ds=user'));
    const box = await page.locator('[data-testid="rankings-chart"][data-rendered="true"] canvas').first().boundingBox();
    expect(box).not.toBeNull();
    // find the dots by their colour on the canvas (theme bar colour #6b8fb3), then hover each one
    const dots = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="rankings-chart"] canvas') as HTMLCanvasElement;
      const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const rows = new Map<number, { x: number; n: number }>();
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const k = (y * width + x) * 4;
          if (Math.abs(data[k] - 107) < 12 && Math.abs(data[k + 1] - 143) < 12 && Math.abs(data[k + 2] - 179) < 12) {
            const key = Math.round(y / 10);
            const r = rows.get(key) ?? { x: 0, n: 0 };
            rows.set(key, { x: r.x + x, n: r.n + 1 });
          }
        }
      }
      const scale = c.width / c.getBoundingClientRect().width;
      return [...rows.entries()].filter(([, r]) => r.n > 20).map(([key, r]) => ({ x: r.x / r.n / scale, y: (key * 10) / scale }));
    });
    let tip = '';
    for (const d of dots) {
      for (const dy of [-4, 0, 4]) {
        if (tip.includes('洛阳')) break;
        await page.mouse.move(box!.x + d.x, box!.y + d.y + dy);
        await page.waitForTimeout(80);
        tip = await page.evaluate(() => [...document.querySelectorAll('.chart-box div')].map((el) => (el as HTMLElement).innerText).find((t) => t.includes('洛阳')) ?? '');
      }
    }
    expect(tip).toContain('<img src=x onerror=alert(1)>');
    await expect(page.locator('.chart-box img').count()).resolves.toBe(0);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});
