/**
 * 打印 in a real browser: the detail page's 打印 menu opens the print page in a new tab; the 交办单
 * of a dispatched demo order shows its number, its unit and both deadlines under a head with the
 * street and the print time, without the app's menu and header; in print media the toolbar and
 * its 打印 button are hidden and the sheet is black on white; printing is audited once per print
 * (button or Ctrl+P); the 工单详情单 lists every step; only pii.reveal holders are offered
 * 含反映人信息 on the workbench export.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { announceBrowserSkip, browserSuite, pageApi, BROWSER_SUITE } from './helpers/browser';

const skip = announceBrowserSkip('browser suite (printing)');

/** The sheet's time format: Beijing time, 2026-03-02 09:00. */
const fmt = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe.skipIf(skip)('browser: printed sheets', BROWSER_SUITE, () => {
  const suite = browserSuite();
  const as = suite.as;
  let order: {
    id: string;
    number: string;
    unitName: string;
    signDeadline: number;
    completionDeadline: number;
  };

  beforeAll(async () => {
    const page = await as('dispatcher');
    const list = await pageApi(page, 'GET', '/api/orders?state=handling&limit=20');
    expect(list.status).toBe(200);
    order = list.body.items.find(
      (o: { unitName: string | null; signDeadline: number | null; completionDeadline: number | null }) =>
        o.unitName && o.signDeadline && o.completionDeadline,
    );
    expect(order, 'a dispatched demo order').toBeTruthy();
  }, 300_000);

  const printedRows = async (sheet: string) => {
    const admin = await as('admin');
    const res = await pageApi(admin, 'GET', `/api/audit?action=orders.printed&entityId=${order.id}`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ after: { sheet: string } }>).filter((r) => r.after.sheet === sheet);
  };

  async function openSheet(page: Page, sheet: 'assign' | 'order') {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${suite.url}/orders/${order.id}/print?sheet=${sheet}`);
    await page.getByTestId('print-sheet').waitFor({ timeout: 30_000 });
  }

  it('the detail page’s 打印 menu opens the 交办单 in a new tab', async () => {
    const page = await as('dispatcher');
    await page.goto(`${suite.url}/orders/${order.id}`);
    await page.getByTestId('print-menu').click({ timeout: 20_000 });
    const [tab] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 15_000 }),
      page.getByTestId('print-assign').click(),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`/orders/${order.id}/print`);
    expect(new URL(tab.url()).searchParams.get('sheet')).toBe('assign');
    await tab.getByTestId('print-sheet').waitFor({ timeout: 30_000 });
    await tab.close();
  }, 90_000);

  it('the 交办单 shows the number, the unit and the deadlines, without the app chrome', async () => {
    const page = await as('dispatcher');
    await openSheet(page, 'assign');
    expect(await page.getByTestId('print-page').getAttribute('data-sheet')).toBe('assign');
    expect((await page.getByTestId('print-number').innerText()).trim()).toBe(order.number);
    expect((await page.getByTestId('print-unit').innerText()).trim()).toBe(order.unitName);
    expect((await page.getByTestId('print-sign-due').innerText()).trim()).toBe(fmt(order.signDeadline));
    expect((await page.getByTestId('print-completion-due').innerText()).trim()).toBe(fmt(order.completionDeadline));
    const head = await page.getByTestId('print-head').innerText();
    expect(head).toContain('街道');
    expect(head).toContain(order.number);
    expect(await page.getByTestId('print-time').innerText()).toMatch(/打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // no menu, no header bar: the page is drawn outside the app's layout
    for (const chrome of ['app-sider', 'current-user', 'nav-home'])
      expect(await page.getByTestId(chrome).count()).toBe(0);
    expect(await page.locator('.ant-layout-sider, .app-header-wrap').count()).toBe(0);
    await expect.poll(() => page.getByTestId('print-button').isVisible()).toBe(true);
  }, 60_000);

  it('in print media the toolbar and the 打印 button are hidden, the sheet black on white', async () => {
    const page = await as('dispatcher');
    await openSheet(page, 'assign');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-button').isHidden()).toBe(true);
    expect(await page.getByTestId('print-toolbar').isHidden()).toBe(true);
    expect(await page.getByTestId('print-sheet').isVisible()).toBe(true);
    const look = await page.evaluate(() => {
      const cell = document.querySelector('[data-testid="print-number"]')!;
      const th = document.querySelector('.print-grid th')!;
      return {
        color: getComputedStyle(cell).color,
        thBackground: getComputedStyle(th).backgroundColor,
        body: getComputedStyle(document.body).backgroundColor,
        rowBreak: getComputedStyle(document.querySelector('.print-grid tr')!).breakInside,
      };
    });
    expect(look.color).toBe('rgb(0, 0, 0)');
    expect(look.thBackground).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(look.body).toBe('rgb(255, 255, 255)');
    expect(look.rowBreak).toBe('avoid');
    // and it lays out as A4 pages: a PDF of it has a page
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('each print is recorded once: the 打印 button, or the browser’s own print', async () => {
    const page = await as('dispatcher');
    await openSheet(page, 'assign');
    const before = (await printedRows('assign')).length;
    // the dialog itself cannot run headless: the browser's print is its beforeprint/afterprint pair
    await page.evaluate(() => {
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    const recorded = page.waitForResponse((r) => r.url().endsWith('/printed') && r.request().method() === 'POST');
    await page.getByTestId('print-button').click();
    expect((await recorded).status()).toBe(200);
    await expect.poll(async () => (await printedRows('assign')).length, { timeout: 10_000 }).toBe(before + 1);
    // Ctrl+P: the browser fires beforeprint on its own
    await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      window.dispatchEvent(new Event('afterprint'));
    });
    await expect.poll(async () => (await printedRows('assign')).length, { timeout: 10_000 }).toBe(before + 2);
    await page.waitForTimeout(500);
    expect((await printedRows('assign')).length).toBe(before + 2);
  }, 60_000);

  it('the 工单详情单 lists every step of the timeline, none cut over a page', async () => {
    const page = await as('dispatcher');
    const detail = (await pageApi(page, 'GET', `/api/orders/${order.id}`)).body;
    await openSheet(page, 'order');
    expect((await page.getByTestId('print-number').innerText()).trim()).toBe(order.number);
    const steps = page.getByTestId('print-timeline').locator('tbody tr');
    expect(await steps.count()).toBe(detail.timeline.length);
    await page.emulateMedia({ media: 'print' });
    const breaks = await steps.evaluateAll((rows) => rows.map((r) => getComputedStyle(r).breakInside));
    expect(new Set(breaks)).toEqual(new Set(['avoid']));
    expect(await page.getByTestId('print-button').isHidden()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('含反映人信息 is offered to pii.reveal holders only, and downloads the reporters unmasked', async () => {
    const handler = await as('handler');
    await handler.goto(`${suite.url}/orders/unit`);
    await handler.getByTestId('orders-export').waitFor({ timeout: 20_000 });
    expect(await handler.getByTestId('orders-export-more').count()).toBe(0);

    const page = await as('dispatcher');
    await page.goto(`${suite.url}/orders?queue=pending_visit`);
    await page.getByTestId('orders-export-more').click({ timeout: 20_000 });
    await page.getByTestId('orders-export-reporter').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('orders-export-reporter-confirm').click(),
    ]);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as any);
    const ws = wb.getWorksheet('工单台账')!;
    expect(String(ws.getCell(2, 1).value)).toContain('含反映人信息');
    const header = (ws.getRow(3).values as unknown[]).map(String);
    const phoneCol = header.indexOf('联系电话');
    const phones: string[] = [];
    ws.eachRow((row, n) => {
      const v = row.getCell(phoneCol).value;
      if (n > 3 && v) phones.push(String(v));
    });
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).not.toContain('*');
  }, 90_000);
});
