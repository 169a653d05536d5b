/**
 * 批量操作 in a real browser, checked through the API: a unit ticks two orders waiting for 签收 and
 * signs both in one go; the centre dispatches orders each to the unit routing suggested, the one
 * without a suggestion listed as skipped (needs a unit by hand) and left waiting.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { announceBrowserSkip, browserSuite, orgsByCode, pageApi, BROWSER_SUITE } from './helpers/browser';

const skip = announceBrowserSkip('browser suite (batch actions)');

describe.skipIf(skip)('browser: batch actions on the workbenches', BROWSER_SUITE, () => {
  const suite = browserSuite();
  const as = suite.as;
  const api = pageApi;
  let units: Map<string, { id: string; name: string }>;

  beforeAll(async () => {
    units = await orgsByCode(await as('dispatcher'));
  }, 300_000);

  const isBatch = (r: Response) =>
    r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/orders/actions/batch';

  /** A hotline order through the API, still 待分拨 (no location; the category picks the suggestion). */
  async function newOrder(description: string, categoryCode: string): Promise<{ id: string; number: string }> {
    const created = await api(await as('dispatcher'), 'POST', '/api/orders', {
      channel: 'hotline',
      description,
      categoryCode,
      reporter: { phone: '13700004444' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.order.state).toBe('pending_dispatch');
    return { id: created.body.order.id, number: created.body.order.number };
  }

  const order = async (id: string) => (await api(await as('dispatcher'), 'GET', `/api/orders/${id}`)).body.order;

  async function tick(page: Page, numbers: string[]) {
    for (const n of numbers) {
      const row = page.getByTestId(`order-row-${n}`);
      await row.waitFor({ timeout: 20_000 });
      await row.locator('input[type="checkbox"]').check();
    }
  }

  /** Confirms the dialog of `kind`, waits for the one batch request, and returns its answer's body. */
  async function runBatch(page: Page, kind: string): Promise<any> {
    const confirm = page.getByTestId(`bulk-${kind}-confirm`);
    await expect.poll(() => confirm.isDisabled(), { timeout: 10_000 }).toBe(false);
    const answered = page.waitForResponse(isBatch, { timeout: 20_000 });
    await confirm.click();
    const res = await answered;
    expect(res.status(), await res.text()).toBe(200);
    await page.getByTestId(`bulk-${kind}-result`).waitFor({ timeout: 15_000 });
    return res.json();
  }

  it('批量签收: a handler ticks two orders in 待签收 and signs both at once', async () => {
    const zf = units.get('GC-ZF')!.id;
    const a = await newOrder('桂城街道某路口井盖松动，车辆经过声响很大', '010402');
    const b = await newOrder('夏南路人行道护栏倾斜，存在安全隐患', '010402');
    for (const o of [a, b]) {
      const r = await api(await as('dispatcher'), 'POST', '/api/orders/actions/batch', {
        items: [{ id: o.id, type: 'dispatch', unitId: zf }],
      });
      expect(r.body.succeeded, JSON.stringify(r.body)).toBe(1);
    }
    const handler = await as('handler');
    await handler.goto(`${suite.url}/orders/unit?queue=pending_sign`);
    await tick(handler, [a.number, b.number]);
    const button = handler.getByTestId('bulk-sign');
    await expect.poll(() => button.innerText(), { timeout: 10_000 }).toContain('（2）');
    await button.click();
    await expect
      .poll(() => handler.getByTestId('bulk-sign-plan').innerText(), { timeout: 10_000 })
      .toContain('将对 2 单执行「签收」');

    const body = await runBatch(handler, 'sign');
    expect(body.items.map((x: { id: string; ok: boolean }) => [x.id, x.ok])).toEqual([
      [a.id, true],
      [b.id, true],
    ]);
    expect(await handler.getByTestId('bulk-sign-result').innerText()).toContain('成功 2 单，失败 0 单');
    for (const o of [a, b])
      expect(await handler.getByTestId(`bulk-outcome-${o.number}`).getAttribute('data-ok')).toBe('true');
    await handler.getByTestId('bulk-sign-confirm').click(); // 完成
    await handler.getByTestId('bulk-sign-confirm').waitFor({ state: 'hidden', timeout: 10_000 });

    for (const o of [a, b]) expect((await order(o.id)).state).toBe('handling');
    // and they have left the 待签收 tab
    for (const o of [a, b])
      await handler.getByTestId(`order-row-${o.number}`).waitFor({ state: 'detached', timeout: 15_000 });
  }, 120_000);

  it('按建议分拨: each order goes to its own suggested unit; one without a suggestion is skipped', async () => {
    const road = await newOrder('石龙南路路面大面积破损，雨后积水严重', '010402'); // → 城管 (the department of its kind)
    const gas = await newOrder('居民楼燃气通气问题，灶具无法点火', '020301'); // → 燃气 (a rule that waits for the centre)
    const none = await newOrder('邻里之间因楼道堆物发生纠纷', '110402'); // a community matter with no place: no suggestion
    const dispatcher = await as('dispatcher');
    await dispatcher.goto(`${suite.url}/orders?queue=pending_dispatch`);
    await tick(dispatcher, [road.number, gas.number, none.number]);

    const button = dispatcher.getByTestId('bulk-dispatch-suggested');
    await expect.poll(() => button.innerText(), { timeout: 10_000 }).toContain('（2）');
    // the one-unit-for-all mode is still there, for all three
    await expect.poll(() => dispatcher.getByTestId('bulk-dispatch').innerText()).toContain('（3）');
    await button.click();

    // the dialog says where each goes, and which is skipped and why
    await expect
      .poll(() => dispatcher.getByTestId('bulk-dispatch-suggested-plan').innerText(), { timeout: 10_000 })
      .toContain('将对 2 单执行「分拨」');
    expect(await dispatcher.getByTestId(`bulk-plan-${road.number}`).innerText()).toContain(units.get('GC-ZF')!.name);
    expect(await dispatcher.getByTestId(`bulk-plan-${gas.number}`).innerText()).toContain(units.get('GC-RQ')!.name);
    expect(await dispatcher.getByTestId(`bulk-skip-${none.number}`).innerText()).toContain('需人工指定单位');

    const body = await runBatch(dispatcher, 'dispatch-suggested');
    expect(body).toMatchObject({ succeeded: 2, failed: 0 });
    expect(body.items.map((x: { id: string }) => x.id)).toEqual([road.id, gas.id]);
    expect(await dispatcher.getByTestId('bulk-dispatch-suggested-result').innerText()).toContain(
      '成功 2 单，失败 0 单',
    );

    expect(await order(road.id)).toMatchObject({ state: 'pending_sign', unitId: units.get('GC-ZF')!.id });
    expect(await order(gas.id)).toMatchObject({ state: 'pending_sign', unitId: units.get('GC-RQ')!.id });
    expect(await order(none.id)).toMatchObject({ state: 'pending_dispatch', unitId: null });
  }, 120_000);
});
