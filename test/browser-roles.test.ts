/**
 * Every demo role in a real browser: home loads, and every menu item opens without a 403 or a
 * 500 from /api/* (the menu offers only what the role may use). The citizen's home is 我的诉求 —
 * no staff hotline form, no system-status card, and no 4xx at all while it loads; the clerk finds
 * 我登记的工单 and opens an order they registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import {
  announceBrowserSkip,
  launchBrowser,
  loginAs,
  pageApi,
  startRealServer,
  type RunningServer,
  BROWSER_SUITE,
} from './helpers/browser';

const skip = announceBrowserSkip('browser suite (roles and menus)');
const ROLES = ['citizen', 'clerk', 'pilot', 'handler', 'dispatcher', 'leader', 'admin'] as const;

describe.skipIf(skip)('browser: each role’s home and menu', BROWSER_SUITE, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A logged-in page that records every /api/* answer with a status of 400 or more. */
  async function session(role: string): Promise<{ page: Page; failures: string[] }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('response', (r: Response) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/') && r.status() >= 400)
        failures.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
    });
    await loginAs(page, server.url, role);
    return { page, failures };
  }

  /** Lets the page's calls finish (lazy chunks, lists, reference data). */
  async function settle(page: Page) {
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
  }

  /** The 403s and 500s seen (the login's own 401 for /api/me before logging in is not one). */
  const bad = (failures: string[]) => failures.filter((f) => /^(403|5\d\d) /.test(f));

  for (const role of ROLES) {
    it(`${role}: home and every menu item answer without 403 or 500`, async () => {
      const { page, failures } = await session(role);
      await page.goto(`${server.url}/`);
      await page.getByTestId('home').waitFor({ timeout: 30_000 });
      await settle(page);
      const links = page.locator('a[data-testid^="nav-"]');
      const keys = await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')!));
      expect(keys.length, role).toBeGreaterThan(0);
      for (const key of keys) {
        await page.getByTestId(key).click();
        await settle(page);
        expect(await page.locator('.ant-result-403').count(), `${role} ${key}: a 403 page`).toBe(0);
      }
      expect(bad(failures), role).toEqual([]);
      await page.context().close();
    }, 180_000);
  }

  it('citizen: 我的诉求 is home and menu; no hotline form, no status card, no 4xx while home loads', async () => {
    const { page, failures } = await session('citizen');
    const made = await pageApi(page, 'POST', '/api/orders', {
      channel: 'web',
      description: '小区门口路灯不亮已经一周了',
    });
    expect(made.status).toBe(201);
    failures.length = 0;
    await page.goto(`${server.url}/`);
    await page.getByTestId('my-requests').waitFor({ timeout: 30_000 });
    await settle(page);
    expect(failures).toEqual([]);
    expect(await page.getByTestId('health-card').count()).toBe(0);
    expect(await page.getByTestId('nav-orders-new').count()).toBe(0);
    expect(await page.getByTestId('nav-my-requests').count()).toBe(1);
    const row = page.getByTestId(`my-request-${made.body.order.number}`);
    await row.waitFor({ timeout: 10_000 });
    await row.getByRole('link').first().click();
    await page.getByTestId('track-result').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('track-state').innerText()).toBeTruthy();
    expect(failures).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('hotline: a call on the agent’s extension pops up; 接听登记 fills the phone and shows the history', async () => {
    const admin = await session('admin');
    const key = await pageApi(admin.page, 'POST', '/api/api-keys', {
      name: '来电弹屏',
      permissions: ['hotline.callerid'],
    });
    expect(key.status).toBe(201);
    const { page, failures } = await session('dispatcher'); // the demo dispatcher takes calls on 8001
    await page.goto(`${server.url}/orders/new`);
    await page.getByTestId('hotline-phone').waitFor({ timeout: 20_000 });
    await settle(page); // the live stream is open
    const rang = await fetch(`${server.url}/api/hotline/incoming-call`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.body.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ number: '13912345678', extension: '8001' }),
    });
    expect(await rang.json()).toEqual({ delivered: true, number: '13912345678' });
    const banner = page.getByTestId('incoming-call');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.innerText()).toMatch(/来电 139 1234 5678/);
    const history = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/callers/13912345678/orders', {
      timeout: 15_000,
    });
    await page.getByTestId('incoming-call-answer').click();
    await expect.poll(() => page.getByTestId('hotline-phone').inputValue(), { timeout: 5000 }).toBe('13912345678');
    // the caller history panel looks the number up
    expect((await history).status()).toBe(200);
    await page.getByTestId('caller-history').waitFor({ timeout: 10_000 });
    expect(await banner.count()).toBe(0);
    expect(bad(failures)).toEqual([]);
    await admin.page.context().close();
    await page.context().close();
  }, 120_000);

  it('clerk: 我登记的工单 lists what they registered and opens it', async () => {
    const { page, failures } = await session('clerk');
    const made = await pageApi(page, 'POST', '/api/orders', {
      channel: 'window',
      description: '窗口来访：人行道地砖松动，下雨溅水',
      reporter: { phone: '13700005555' },
    });
    expect(made.status).toBe(201);
    await page.getByTestId('nav-orders-registered').click();
    const link = page.getByRole('link', { name: made.body.order.number });
    await link.waitFor({ timeout: 20_000 });
    await link.click();
    await page.getByTestId('order-detail').waitFor({ timeout: 20_000 });
    expect(bad(failures)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
