/**
 * One language at a time, and a page an inspector can use on a phone: server messages (a failed
 * login, a refusal) and the calendar warning read in the language the user chose, never as
 * "中文 / English"; on a phone the staff menu is a closed drawer and the header name stays on one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  announceBrowserSkip,
  launchBrowser,
  loginAs,
  pageApi,
  startRealServer,
  type RunningServer,
  BROWSER_SUITE,
} from './helpers/browser';

const skip = announceBrowserSkip('browser suite (languages, phone layout)');
const CJK = /[\u3400-\u9fff]/;

describe.skipIf(skip)('browser: one language per mode; the phone layout', BROWSER_SUITE, () => {
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

  async function pageIn(lang: 'zh-CN' | 'en', viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ locale: lang, viewport });
    await context.addInitScript((l) => localStorage.setItem('yiwang.lang', l), lang);
    return context.newPage();
  }

  async function failedLogin(page: Page): Promise<string> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('dispatcher');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor({ timeout: 20_000 });
    return error.innerText();
  }

  it('a failed login reads in Chinese only in Chinese mode, in English only in English mode', async () => {
    const zh = await failedLogin(await pageIn('zh-CN'));
    expect(zh).toMatch(CJK);
    expect(zh).not.toMatch(/wrong|password/i);
    const en = await failedLogin(await pageIn('en'));
    expect(en).not.toMatch(CJK);
    expect(en.length).toBeGreaterThan(5);
  }, 120_000);

  it('the home page in English has no Chinese in its calendar warning (when there is one)', async () => {
    const page = await pageIn('en');
    await loginAs(page, server.url, 'admin');
    await page.goto(`${server.url}/`);
    await page.getByTestId('current-user').waitFor({ timeout: 20_000 });
    const warning = page.getByTestId('home-calendar-warning');
    if (await warning.count()) expect(await warning.innerText()).not.toMatch(CJK);
    const health = await page.evaluate(async () => (await fetch('/api/health')).json());
    expect(Array.isArray(health.calendarMissingYears)).toBe(true);
  }, 120_000);

  it('the routing reason reads in English in the English timeline', async () => {
    const page = await pageIn('en');
    await loginAs(page, server.url, 'dispatcher');
    // 社会生活噪声: the category's department (公安), no demo rule — "主管部门：公安" on the server
    const made = await pageApi(page, 'POST', '/api/orders', {
      channel: 'hotline',
      description: '楼上装修电钻从早到晚，周末也施工，请处理',
      categoryCode: '040203',
    });
    expect(made.status).toBe(201);
    expect(made.body.route.reason).toMatch(/主管部门/);
    await page.goto(`${server.url}/orders/${made.body.order.id}`);
    const created = page.getByTestId('timeline-order.created');
    await created.waitFor({ timeout: 20_000 });
    const text = await created.innerText();
    expect(text).toMatch(/responsible department: public security/);
    expect(text).not.toMatch(/主管部门|属地社区|规则/);
  }, 120_000);

  it('the 督办 (Supervise) button is whole inside the supervision table in English', async () => {
    const page = await pageIn('en', { width: 1280, height: 900 });
    await loginAs(page, server.url, 'dispatcher');
    const made = await pageApi(page, 'POST', '/api/orders', {
      channel: 'hotline',
      description: '人行道护栏被撞歪，存在安全隐患',
      categoryCode: '040203',
    });
    const orgs = (await pageApi(page, 'GET', '/api/orgs')).body.items as Array<{ id: string; code: string }>;
    const unit = orgs.find((o) => o.code === 'GC-ZF')!;
    const order = made.body.order as { id: string; number: string; state: string };
    if (order.state === 'pending_dispatch')
      expect(
        (await pageApi(page, 'POST', `/api/orders/${order.id}/actions`, { type: 'dispatch', unitId: unit.id })).status,
      ).toBe(200);
    expect(
      (
        await pageApi(page, 'POST', `/api/orders/${order.id}/actions`, {
          type: 'supervise',
          note: 'please report in 3 days',
        })
      ).status,
    ).toBe(200);
    await page.goto(`${server.url}/supervision`);
    await page.getByTestId('sup-search').locator('input').fill(order.number);
    await page.getByTestId('sup-search').locator('input').press('Enter');
    const button = page.getByTestId(`sup-supervise-${order.number}`);
    await button.waitFor({ timeout: 20_000 });
    const fits = await button.evaluate((b) => {
      const table = b.closest('.ant-table-container') ?? b.closest('.ant-table')!;
      const box = b.getBoundingClientRect();
      const edge = table.getBoundingClientRect();
      const label = b.querySelector('span:last-child') as HTMLElement | null;
      return {
        inside: box.right <= edge.right + 0.5 && box.left >= edge.left - 0.5,
        whole: !label || label.scrollWidth <= label.clientWidth + 1,
        text: b.textContent,
      };
    });
    expect(fits).toEqual({ inside: true, whole: true, text: 'Supervise' });
  }, 120_000);

  it('on a phone the staff menu is a closed drawer and the header name is one line', async () => {
    const page = await pageIn('zh-CN', { width: 390, height: 844 });
    await loginAs(page, server.url, 'dispatcher');
    await page.goto(`${server.url}/inspect`);
    const sider = page.getByTestId('app-sider');
    await sider.waitFor({ state: 'attached', timeout: 20_000 });
    expect(await sider.getAttribute('data-open')).toBe('false');
    expect((await sider.boundingBox())?.width ?? 0).toBeLessThan(1);
    const name = page.getByTestId('current-user').locator('strong').first();
    const box = await name.boundingBox();
    expect(box?.height ?? 99).toBeLessThan(30); // one line of text, not one character per line
    // the toggle opens it over the page
    await page
      .getByLabel(/菜单|menu/i)
      .first()
      .click();
    await expect.poll(() => sider.getAttribute('data-open')).toBe('true');
  }, 120_000);
});
