/**
 * The work-order pages around the order's life, in a real browser, each checked through the API:
 * a citizen reports without logging in and tracks the order; the centre dispatches several orders
 * at once from the workbench; 催办 from the supervision board; the evaluation page's charts, ranking
 * and .xlsx monthly report; and a return visit from the visit queue closing the order.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { announceBrowserSkip, browserSuite, orgsByCode, pageApi, BROWSER_SUITE } from './helpers/browser';

const skip = announceBrowserSkip('browser suite (work-order operations)');

describe.skipIf(skip)(
  'browser: citizen pages, bulk dispatch, supervision, evaluation, return visits',
  BROWSER_SUITE,
  () => {
    const suite = browserSuite();
    const as = suite.as;
    const others: BrowserContext[] = [];

    /** A page with no session at all (the citizen pages need no login). */
    async function anonymous(): Promise<Page> {
      const context = await suite.browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 430, height: 900 },
        isMobile: true,
        hasTouch: true,
      });
      others.push(context);
      return context.newPage();
    }

    const api = pageApi;

    /**
     * Clicks a control that makes the page call the server, and waits for that answer itself (a
     * loaded machine can be slow), saying what it was if not 2xx. A click that sent nothing (the
     * page still settling) is repeated.
     */
    async function act(
      page: Page,
      what: string,
      click: () => Promise<void>,
      isCall: (r: Response) => boolean,
    ): Promise<Response> {
      try {
        let res: Response | null = null;
        for (let attempt = 0; attempt < 3 && !res; attempt++) {
          const answered = page.waitForResponse(isCall, { timeout: 15_000 }).catch(() => null);
          await click();
          res = await answered;
        }
        if (!res) throw new Error(`${what}: the click sent no request`);
        if (res.status() >= 300) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`);
        return res;
      } catch (e) {
        await page.screenshot({ path: `test-results/ops-${what}-failed.png` }).catch(() => {});
        throw e;
      }
    }

    const call = (method: string, path: RegExp) => (r: Response) =>
      r.request().method() === method && path.test(new URL(r.url()).pathname);
    const actionOf = (id: string) => call('POST', new RegExp(`^/api/orders/${id}/actions$`));

    async function orgId(page: Page, code: string): Promise<string> {
      return (await orgsByCode(page)).get(code)!.id;
    }

    /** A hotline order through the API, still 待分拨 (no location: routing cannot send it anywhere). */
    async function newOrder(description: string): Promise<{ id: string; number: string }> {
      const dispatcher = await as('dispatcher');
      const created = await api(dispatcher, 'POST', '/api/orders', {
        channel: 'hotline',
        description,
        categoryCode: '010402',
        reporter: { phone: '13700003333' },
      });
      expect(created.status).toBe(201);
      expect(created.body.order.state).toBe('pending_dispatch');
      return { id: created.body.order.id, number: created.body.order.number };
    }

    /** Performs an action through the API as the role that does it. */
    async function perform(role: string, id: string, action: Record<string, unknown>) {
      const res = await api(await as(role), 'POST', `/api/orders/${id}/actions`, action);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    async function detail(id: string) {
      return (await api(await as('dispatcher'), 'GET', `/api/orders/${id}`)).body;
    }

    afterAll(async () => {
      for (const c of others) await c.close().catch(() => {});
    });

    it('市民: /report without login gives the order number; /track shows its progress, a wrong phone finds nothing', async () => {
      const citizen = await anonymous();
      const phone = '13912345678';
      const description = '文翰路公交站旁的井盖松动，踩上去会晃动，担心有人受伤';
      await citizen.goto(`${suite.url}/report`);
      await citizen.getByTestId('report-description').fill(description);
      await citizen.getByTestId('report-phone').fill('139 1234 5678'); // as people type it
      await act(
        citizen,
        'report',
        () => citizen.getByTestId('report-submit').click(),
        call('POST', /^\/api\/public\/orders$/),
      );
      const shown = citizen.getByTestId('report-number');
      await shown.waitFor({ timeout: 15_000 });
      const number = (await shown.innerText()).trim();
      expect(number).toMatch(/^GC\d{13}$/);

      // the centre finds that order, with the citizen's words and a web channel
      const dispatcher = await as('dispatcher');
      const found = await api(dispatcher, 'GET', `/api/orders?q=${number}`);
      expect(found.body.items).toHaveLength(1);
      const order = found.body.items[0];
      expect(order.channel).toBe('web');
      expect(order.description).toBe(description);
      expect((await api(dispatcher, 'POST', `/api/orders/${order.id}/reveal`, {})).body.phone).toBe(phone);

      // "查询进度" from the answer carries the number and phone over and asks at once
      const asked = citizen.waitForResponse(call('POST', /^\/api\/public\/orders\/track$/), { timeout: 15_000 });
      await citizen.getByTestId('report-track').click();
      expect((await asked).status()).toBe(200);
      await citizen.getByTestId('track-result').waitFor({ timeout: 15_000 });
      expect(await citizen.getByTestId('track-result').innerText()).toContain(number);

      // typed by hand on a fresh /track
      await citizen.goto(`${suite.url}/track`);
      await citizen.getByTestId('track-number').fill(number.toLowerCase());
      await citizen.getByTestId('track-phone').fill(phone);
      await act(
        citizen,
        'track',
        () => citizen.getByTestId('track-submit').click(),
        call('POST', /^\/api\/public\/orders\/track$/),
      );
      await citizen.getByTestId('track-result').waitFor({ timeout: 15_000 });
      const tracked = await citizen.evaluate(
        async (q) => (await fetch(`/api/public/orders/track?${q}`)).json(),
        new URLSearchParams({ number, phone }).toString(),
      );
      expect(tracked.progress.map((p: { step: string }) => p.step)).toContain('登记受理');
      expect(await citizen.getByTestId('track-state').innerText()).toBe(tracked.stateLabel);
      expect(await citizen.getByTestId('track-history').innerText()).toContain('诉求已受理'); // the page's words for 登记受理
      expect(await citizen.getByTestId('track-steps').innerText()).toContain('已受理');

      // the right number with someone else's phone: nothing is shown
      await citizen.getByTestId('track-phone').fill('13900000000');
      const wrong = citizen.waitForResponse(call('POST', /^\/api\/public\/orders\/track$/), { timeout: 15_000 });
      await citizen.getByTestId('track-submit').click();
      expect((await wrong).status()).toBe(404);
      await expect
        .poll(
          async () =>
            (await citizen.getByTestId('track-error').count()) ? citizen.getByTestId('track-error').innerText() : '',
          { timeout: 10_000 },
        )
        .toContain('未找到该工单');
      expect(await citizen.getByTestId('track-result').count()).toBe(0);
      // the number and phone never appeared in the address
      expect(citizen.url()).not.toContain(phone);

      // a malformed phone after a good answer: the form refuses it and the old answer goes
      await citizen.getByTestId('track-phone').fill(phone);
      await citizen.getByTestId('track-submit').click();
      await citizen.getByTestId('track-result').waitFor({ timeout: 15_000 });
      await citizen.getByTestId('track-phone').fill('12ab');
      await citizen.getByTestId('track-submit').click();
      await expect.poll(() => citizen.getByTestId('track-result').count(), { timeout: 10_000 }).toBe(0);
    }, 90_000);

    it('批量分拨: two orders ticked on the 待分拨 tab go to one unit together', async () => {
      const a = await newOrder('灯湖东路人行道地砖大面积松动破损，雨天踩上去溅水');
      const b = await newOrder('千灯湖公园北门外路面开裂下沉，电动车经过容易摔倒');
      const dispatcher = await as('dispatcher');
      const unitId = await orgId(dispatcher, 'GC-ZF');
      await dispatcher.goto(`${suite.url}/orders?queue=pending_dispatch`);
      for (const o of [a, b]) {
        const row = dispatcher.getByTestId(`order-row-${o.number}`);
        await row.waitFor({ timeout: 20_000 });
        await row.locator('input[type="checkbox"]').check();
      }
      const button = dispatcher.getByTestId('bulk-dispatch');
      await expect.poll(async () => button.innerText(), { timeout: 10_000 }).toContain('（2）');
      await button.click();

      // the unit: searched by its code in the picker, chosen from the tree
      const confirm = dispatcher.getByTestId('bulk-dispatch-confirm');
      await confirm.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await confirm.isDisabled()).toBe(true); // no unit yet
      await dispatcher.getByTestId('bulk-dispatch-unit').locator('.ant-select').click();
      await dispatcher.keyboard.type('GC-ZF');
      await dispatcher
        .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="城市管理和综合执法局"]')
        .click({ timeout: 10_000 });
      await expect
        .poll(async () => dispatcher.getByTestId('bulk-dispatch-unit').innerText(), { timeout: 10_000 })
        .toContain('城市管理和综合执法局');

      // one batch request (each order its own item); wait for its answer, then the summary
      const answer = dispatcher.waitForResponse(call('POST', /^\/api\/orders\/actions\/batch$/), { timeout: 20_000 });
      await confirm.click();
      const res = await answer;
      expect(res.status(), await res.text()).toBe(200);
      expect((await res.json()).succeeded).toBe(2);
      await dispatcher.getByTestId('bulk-dispatch-result').waitFor({ timeout: 15_000 });
      expect(await dispatcher.getByTestId('bulk-dispatch-result').innerText()).toContain('成功 2 单，失败 0 单');
      await confirm.click(); // 关闭
      await confirm.waitFor({ state: 'hidden', timeout: 10_000 });

      for (const o of [a, b]) {
        const after = (await detail(o.id)).order;
        expect(after.state).toBe('pending_sign');
        expect(after.unitId).toBe(unitId);
        expect(after.unitName).toBe('城市管理和综合执法局');
      }
      // and they have left the 待分拨 tab
      for (const o of [a, b])
        await dispatcher.getByTestId(`order-row-${o.number}`).waitFor({ state: 'detached', timeout: 15_000 });
    }, 90_000);

    it('督办看板: 催办 on a listed order reaches the order', async () => {
      // an order with the unit, under supervision (so the board lists it however the clock stands)
      const o = await newOrder('南海大道中段绿化带旁路面破损，修补后又再次破裂');
      const dispatcher = await as('dispatcher');
      await perform('dispatcher', o.id, { type: 'dispatch', unitId: await orgId(dispatcher, 'GC-ZF') });
      await perform('dispatcher', o.id, { type: 'supervise', note: '请三日内处理完毕并反馈' });
      expect((await detail(o.id)).order.urgeCount).toBe(0);

      await dispatcher.goto(`${suite.url}/supervision`);
      await dispatcher.getByTestId('sup-search').locator('input').fill(o.number);
      await dispatcher.getByTestId('sup-search').locator('input').press('Enter');
      const urge = dispatcher.getByTestId(`sup-urge-${o.number}`);
      await urge.waitFor({ timeout: 20_000 });
      await act(dispatcher, 'urge', () => urge.click(), actionOf(o.id));

      const d = await detail(o.id);
      expect(d.order.urgeCount).toBe(1);
      const urged = d.timeline.filter((e: { type: string }) => e.type === 'order.urged');
      expect(urged).toHaveLength(1);
      expect(urged[0].actorName).toBe('陈调度');
      // the board, reloaded, shows the reminder count on the row
      const count = dispatcher.getByTestId(`sup-urge-count-${o.number}`);
      await expect
        .poll(async () => ((await count.count()) ? (await count.innerText()).trim() : null), { timeout: 15_000 })
        .toBe('1');
    }, 90_000);

    it('考核评价: charts draw, the ranking has the units, 下载月报 gives an .xlsx', async () => {
      const leader = await as('leader');
      const loaded = leader.waitForResponse(call('GET', /^\/api\/orders\/metrics$/), { timeout: 20_000 });
      await leader.goto(`${suite.url}/evaluation`);
      const month = new URL((await loaded).url()).searchParams.get('month')!; // the page's month (Beijing time)
      expect(month).toMatch(/^\d{4}-\d{2}$/);
      const rows = leader.getByTestId('eval-table').locator('.ant-table-tbody tr.ant-table-row');
      const metrics = (await api(leader, 'GET', `/api/orders/metrics?month=${month}`)).body;
      expect(metrics.units.length).toBeGreaterThan(0);
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(metrics.units.length);
      // one row per unit of the month, by name (the second column)
      const shownUnits = await rows.evaluateAll((trs) => trs.map((tr) => (tr.children[1]?.textContent ?? '').trim()));
      expect([...shownUnits].sort()).toEqual(metrics.units.map((u: { unitName: string }) => u.unitName).sort());

      // both charts draw something: a canvas (ECharts' renderer here) with painted pixels
      for (const chart of ['eval-score-chart', 'eval-trend-chart']) {
        const canvas = leader.getByTestId(chart).locator('canvas').first();
        await canvas.waitFor({ timeout: 20_000 });
        await expect
          .poll(
            () =>
              canvas.evaluate((c: HTMLCanvasElement) => {
                if (!c.width || !c.height) return 0;
                const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
                let painted = 0;
                for (let i = 3; i < px.length; i += 4) if (px[i]) painted++;
                return painted;
              }),
            { timeout: 15_000 },
          )
          .toBeGreaterThan(500);
      }

      const [download] = await Promise.all([
        leader.waitForEvent('download', { timeout: 30_000 }),
        leader.getByTestId('eval-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(download.suggestedFilename()).toContain(month);
      const file = await download.path();
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }, 90_000);

    it('回访队列: 满意 recorded from the queue closes the order', async () => {
      const o = await newOrder('佛平路与南海大道交界处路面有坑洼，积水严重');
      const dispatcher = await as('dispatcher');
      await perform('dispatcher', o.id, { type: 'dispatch', unitId: await orgId(dispatcher, 'GC-ZF') });
      await perform('handler', o.id, { type: 'sign' });
      await perform('handler', o.id, { type: 'submit_reply', reply: '已安排人员修补坑洼路面，并疏通周边排水口' });
      await perform('dispatcher', o.id, { type: 'approve_reply' });
      expect((await detail(o.id)).order.state).toBe('pending_visit');

      await dispatcher.goto(`${suite.url}/visits`);
      const item = dispatcher.getByTestId(`visit-item-${o.number}`);
      await item.waitFor({ timeout: 20_000 });
      await item.click();
      const current = dispatcher.getByTestId('visit-current');
      await expect.poll(async () => current.innerText(), { timeout: 10_000 }).toContain(o.number);
      expect(await dispatcher.getByTestId('visit-reply').innerText()).toContain('修补坑洼');
      await dispatcher.getByTestId('visit-result-satisfied').click();
      await dispatcher.getByTestId('visit-note').fill('市民表示路面已修好，满意');
      await act(dispatcher, 'visit', () => dispatcher.getByTestId('visit-submit').click(), actionOf(o.id));
      await item.waitFor({ state: 'detached', timeout: 10_000 });

      const d = await detail(o.id);
      expect(d.order.state).toBe('closed');
      expect(d.order.visitResult).toBe('satisfied');
      const visited = d.timeline.find((e: { type: string }) => e.type === 'order.visited');
      expect(visited).toMatchObject({
        from: 'pending_visit',
        to: 'closed',
        actorName: '陈调度',
        note: '市民表示路面已修好，满意',
        data: { result: 'satisfied' },
      });
    }, 90_000);

    it('工作台首页: the dispatcher sees the centre’s queues with the server’s counts, each a link into its tab', async () => {
      const dispatcher = await as('dispatcher');
      await dispatcher.goto(`${suite.url}/`);
      const counts = (await api(dispatcher, 'GET', '/api/orders/counts')).body;
      const tile = (key: string) => dispatcher.getByTestId(`home-queue-${key}`);
      await expect
        .poll(async () => tile('pending_dispatch').getAttribute('data-count'), { timeout: 15_000 })
        .toBe(String(counts.byState.pending_dispatch ?? 0));
      expect(await tile('overdue').getAttribute('data-count')).toBe(String(counts.overdue));
      expect(await tile('return').getAttribute('data-count')).toBe(String(counts.returnRequests));
      await tile('pending_visit').click();
      await dispatcher.waitForURL(/\/orders\?queue=pending_visit$/, { timeout: 10_000 });
      await expect
        .poll(async () => dispatcher.getByTestId('queue-pending_visit').getAttribute('data-count'), { timeout: 10_000 })
        .toBe(String(counts.byState.pending_visit ?? 0));
    }, 60_000);

    it('导出: the workbench downloads its queue as an .xlsx ledger, one row per order of the tab', async () => {
      const dispatcher = await as('dispatcher');
      await dispatcher.goto(`${suite.url}/orders?queue=pending_visit`);
      const href = await dispatcher.getByTestId('orders-export').getAttribute('href');
      expect(href).toBe('/api/orders/export.xlsx?state=pending_visit');
      const [download] = await Promise.all([
        dispatcher.waitForEvent('download', { timeout: 30_000 }),
        dispatcher.getByTestId('orders-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as any);
      const rows = wb.getWorksheet('工单台账')!.rowCount - 3; // title, filter line, header
      const counts = (await api(dispatcher, 'GET', '/api/orders/counts')).body;
      expect(rows).toBe(counts.byState.pending_visit);
    }, 60_000);

    it('通知铃: a dispatch to the handler’s unit rings the bell; opening it marks it seen; a notice opens its order', async () => {
      const handler = await as('handler');
      await handler.goto(`${suite.url}/orders/unit`);
      const o = await newOrder('井盖松动，车辆经过哐哐响，夜里吵得睡不着');
      await perform('dispatcher', o.id, { type: 'dispatch', unitId: await orgId(await as('dispatcher'), 'GC-ZF') });
      const count = handler.getByTestId('notice-count');
      await handler.reload(); // the bell refreshes every 30 s; a reload asks at once
      await expect
        .poll(async () => Number((await count.getAttribute('data-count')) || 0), { timeout: 15_000 })
        .toBeGreaterThan(0);

      await act(
        handler,
        'seen',
        () => handler.getByTestId('notice-bell').click(),
        call('POST', /^\/api\/notifications\/mine\/seen$/),
      );
      const item = handler.getByTestId(`notice-${o.number}`);
      await item.waitFor({ timeout: 10_000 });
      expect(await item.innerText()).toContain(`新工单${o.number}`); // the message as sent names the order
      await expect
        .poll(async () => (await api(handler, 'GET', '/api/notifications/mine')).body.unread, { timeout: 10_000 })
        .toBe(0);
      await expect.poll(async () => count.getAttribute('data-count'), { timeout: 10_000 }).toBe('0');

      await item.click();
      await handler.waitForURL(new RegExp(`/orders/${o.id}$`), { timeout: 10_000 });
      await handler.getByTestId('order-state').first().waitFor({ timeout: 15_000 });
    }, 60_000);

    it('工作台首页 (leader): the month’s figures of the street, as the evaluation API gives them', async () => {
      const leader = await as('leader');
      await leader.goto(`${suite.url}/`);
      const report = (await api(leader, 'GET', '/api/orders/metrics')).body;
      const figure = (key: string) => leader.getByTestId(`home-metric-${key}`).locator('.ant-statistic-content');
      await expect
        .poll(
          async () =>
            (await figure('dispatched').count()) ? (await figure('dispatched').innerText()).replace(/,/g, '') : null,
          { timeout: 15_000 },
        )
        .toBe(String(report.total.dispatched));
      const sign = report.total.rates.signOnTime;
      expect(await figure('sign').innerText()).toBe(sign === null ? '—' : `${(sign * 100).toFixed(1)}%`);
      const top = report.units.filter((u: { rank: number | null }) => u.rank === 1)[0];
      if (top) expect(await leader.getByTestId('home-metrics').innerText()).toContain(top.unitName);
      expect(await leader.getByTestId('home-orders').count()).toBe(0); // a leader has no queues
    }, 60_000);
  },
);
