/**
 * The dispatcher's corrections in a real browser: the unit picker shows exactly what will be
 * submitted and works from the keyboard alone; a mis-dispatched order is re-dispatched (改派) or
 * recalled (收回); a 退单 does not pre-fill the unit that returned it; an order late for 签收 is
 * shown late in the list, not green.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { announceBrowserSkip, browserSuite, orgsByCode, pageApi, BROWSER_SUITE } from './helpers/browser';

const skip = announceBrowserSkip('browser suite (dispatch corrections)');

describe.skipIf(skip)('browser: dispatch corrections', BROWSER_SUITE, () => {
  const suite = browserSuite();
  const as = suite.as;
  const api = pageApi;
  let units: Map<string, { id: string; name: string }>;

  beforeAll(async () => {
    units = await orgsByCode(await as('dispatcher'));
  }, 300_000);

  async function newOrder(page: Page, description: string): Promise<string> {
    const created = await api(page, 'POST', '/api/orders', {
      channel: 'hotline',
      description,
      categoryCode: '010402',
      reporter: { phone: '13700003333' },
    });
    expect(created.status).toBe(201);
    const id = created.body.order.id as string;
    if (created.body.order.state !== 'pending_dispatch') {
      // auto-dispatched by a routing rule: take it back so the test dispatches by hand
      const r = await api(page, 'POST', `/api/orders/${id}/actions`, { type: 'recall', reason: '测试：人工分拨' });
      expect(r.status).toBe(200);
    }
    return id;
  }

  async function openAction(page: Page, id: string, type: string) {
    await page.goto(`${suite.url}/orders/${id}`);
    await page.getByTestId(`action-${type}`).first().click({ timeout: 20_000 });
    await page.getByTestId('action-confirm').waitFor({ state: 'visible', timeout: 10_000 });
  }

  async function confirm(page: Page) {
    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/api\/orders\/[^/]+\/actions$/.test(new URL(r.url()).pathname),
      { timeout: 15_000 },
    );
    await page.getByTestId('action-confirm').click();
    const res = await answered;
    expect(res.status(), await res.text()).toBe(200);
    await page.getByTestId('action-confirm').waitFor({ state: 'hidden', timeout: 15_000 });
  }

  const order = async (page: Page, id: string) => (await api(page, 'GET', `/api/orders/${id}`)).body.order;

  it('keyboard only: type part of a name, Enter picks it, and the dialog says where it will go', async () => {
    const page = await as('dispatcher');
    const id = await newOrder(page, '桂澜路供水管道爆裂，路面大量积水');
    await openAction(page, id, 'dispatch');
    const target = page.getByTestId('dispatch-target');
    await page.getByTestId('action-field-unitId').locator('input').click();
    await page.keyboard.type('供水');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
      .filter({ hasText: '供水' })
      .waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const water = units.get('GC-SW')!;
    await expect.poll(() => target.innerText(), { timeout: 10_000 }).toContain(water.name);
    // typed text that matches nothing does not stay in the box pretending to be the value
    await page.getByTestId('action-field-unitId').locator('input').click();
    await page.keyboard.type('城市管理不存在的单位');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('action-field-unitId').innerText()).toContain(water.name);
    await expect.poll(() => target.innerText()).toContain(water.name);
    await confirm(page);
    expect(await order(page, id)).toMatchObject({ state: 'pending_sign', unitId: water.id });
  }, 120_000);

  it('arrows move through the matches; Enter takes the highlighted one', async () => {
    const page = await as('dispatcher');
    const id = await newOrder(page, '桂城某小区燃气管道异味');
    await openAction(page, id, 'dispatch');
    await page.getByTestId('action-field-unitId').locator('input').click();
    await page.keyboard.type('南海');
    // the list has narrowed to the matches (a loaded machine may take a moment)
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect
      .poll(async () => (await options.allInnerTexts()).every((x) => x.includes('南海')), { timeout: 10_000 })
      .toBe(true);
    expect(await options.count()).toBeGreaterThan(1);
    const secondCode = (await options
      .nth(1)
      .locator('[data-testid^="unit-option-"]')
      .getAttribute('data-testid'))!.replace('unit-option-', '');
    const second = units.get(secondCode)!.name;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dispatch-target').innerText(), { timeout: 10_000 }).toContain(second);
    const shown = await page.getByTestId('dispatch-target').innerText();
    const picked = [...units.values()].find((u) => shown.includes(u.name));
    expect(picked?.name).toMatch(/^南海/);
    // and it is a second match, not the first (the arrow moved)
    await confirm(page);
    expect((await order(page, id)).unitId).toBe(picked!.id);
  }, 120_000);

  it('改派 then 收回 from the detail page; back in 待分拨 the page says the times are the last dispatch’s', async () => {
    const page = await as('dispatcher');
    const id = await newOrder(page, '海八路人行道地砖松动');
    expect(
      (await api(page, 'POST', `/api/orders/${id}/actions`, { type: 'dispatch', unitId: units.get('GC-SW')!.id }))
        .status,
    ).toBe(200);
    const deadline = (await order(page, id)).completionDeadline;

    await openAction(page, id, 'redispatch');
    await page.getByTestId('action-field-unitId').locator('input').click();
    await page.keyboard.type('城市管理和综合执法');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
      .filter({ hasText: '城市管理和综合执法局' })
      .waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dispatch-target').innerText()).toContain('城市管理和综合执法局');
    await page.getByTestId('action-field-reason').fill('分拨错误，属城管');
    await confirm(page);
    const moved = await order(page, id);
    expect(moved).toMatchObject({
      state: 'pending_sign',
      unitId: units.get('GC-ZF')!.id,
      completionDeadline: deadline,
    });

    await openAction(page, id, 'recall');
    await page.getByTestId('action-field-reason').fill('需重新研判');
    await confirm(page);
    expect(await order(page, id)).toMatchObject({ state: 'pending_dispatch', unitId: null, bounceCount: 0 });
    await page.getByTestId('order-redispatch-pending').waitFor({ timeout: 10_000 });

    // dispatching again does not pre-fill a unit the order was taken from
    await openAction(page, id, 'dispatch');
    const target = await page.getByTestId('dispatch-target').innerText();
    expect(target).not.toContain('城市管理和综合执法局');
    expect(target).not.toContain(units.get('GC-SW')!.name);
  }, 120_000);

  it('an order late for 签收 is red in the overdue list and on its page, with the sign-for stage named', async () => {
    const page = await as('dispatcher');
    const id = await newOrder(page, '中心区某路口交通信号灯不亮');
    expect(
      (await api(page, 'POST', `/api/orders/${id}/actions`, { type: 'dispatch', unitId: units.get('GC-ZF')!.id }))
        .status,
    ).toBe(200);
    const { number, completionDeadline } = await order(page, id);
    // The server's clock cannot be moved: put this order's sign-for deadline an hour in the past
    // instead (and its SLA status where the sign-for job would have put it), straight in its database.
    const db = new Database(join(suite.server.dataDir, 'yiwang.db'));
    db.pragma('busy_timeout = 5000');
    db.prepare("update orders set sign_deadline = ?, sla_status = 'overdue' where id = ?").run(
      Date.now() - 3_600_000,
      id,
    );
    db.close();
    expect(completionDeadline).toBeGreaterThan(Date.now()); // the completion clock alone would say fine

    await page.goto(`${suite.url}/orders?queue=overdue&q=${number}`);
    const row = page.getByTestId(`order-row-${number}`);
    await row.waitFor({ timeout: 20_000 });
    const clock = row.getByTestId('sla-clock');
    expect(await clock.getAttribute('data-clock')).toBe('overdue');
    expect(await clock.getAttribute('data-stage')).toBe('sign');
    expect(await clock.innerText()).toContain('签收');

    await page.goto(`${suite.url}/orders/${id}`);
    const big = page.getByTestId('sla-clock').first();
    await big.waitFor({ timeout: 20_000 });
    expect(await big.getAttribute('data-clock')).toBe('overdue');
  }, 120_000);

  it('a click on a workbench row opens the order; its checkbox and buttons do not', async () => {
    const page = await as('dispatcher');
    const id = await newOrder(page, '文华路井盖缺失存在安全隐患');
    const { number } = await order(page, id);
    await page.goto(`${suite.url}/orders?queue=pending_dispatch&q=${number}`);
    const row = page.getByTestId(`order-row-${number}`);
    await row.waitFor({ timeout: 20_000 });
    await row.locator('.ant-table-selection-column').first().click();
    expect(new URL(page.url()).pathname).toBe('/orders');
    await row
      .locator('td')
      .last()
      .click({ position: { x: 2, y: 2 } });
    await page.waitForURL((u) => u.pathname === `/orders/${id}`, { timeout: 10_000 });
  }, 120_000);
});
