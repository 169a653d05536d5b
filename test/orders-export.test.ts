/**
 * 工单导出: the workbench list as .xlsx, on both engines — the same orders the list API returns
 * for the same filter and caller (a handler's export holds only their unit's orders), reporters
 * masked, the header block naming the filter, an audit row per export, and a cut list saying so.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import { EXPORT_COLUMNS } from '../src/modules/orders/export/export-xlsx';

describe.each(dialects('orders export'))('orders export (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let handler: Client;

  const listed = async (c: Client, query: string) => {
    const out: string[] = [];
    let before: string | undefined;
    do {
      const res = await c.get(`/api/orders?${query}&limit=100${before ? `&before=${before}` : ''}`);
      out.push(...res.body.items.map((o: { number: string }) => o.number));
      before = res.body.next ?? undefined;
    } while (before);
    return out;
  };
  const exported = async (c: Client, query: string) => {
    const res = await app.http.inject({
      method: 'GET',
      url: `/api/orders/export.xlsx?${query}`,
      headers: { cookie: c.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/filename\*=UTF-8''.*\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('工单台账')!;
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      if (n > 3)
        rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    return {
      title: String(ws.getCell(1, 1).value),
      meta: String(ws.getCell(2, 1).value),
      header: (ws.getRow(3).values as unknown[]).slice(1),
      rows,
    };
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300, orders: 300 });
    [dispatcher, handler] = await Promise.all([login(app, 'dispatcher'), login(app, 'handler')]);
    const made = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '导出测试：小区路灯不亮',
      reporter: { name: '王小明', phone: '13812345678' },
    });
    expect(made.status).toBe(201);
  }, 180_000);
  afterAll(() => app?.dispose());

  it('holds exactly the orders the list shows for the same filter, newest first, with every column', async () => {
    for (const query of ['state=handling', 'open=true', 'channel=grid&state=closed']) {
      const sheet = await exported(dispatcher, query);
      const numbers = sheet.rows.map((r) => r[0]);
      expect(numbers).toEqual(await listed(dispatcher, query));
      expect(sheet.header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
      expect(sheet.title).toContain(`${numbers.length} 件`);
    }
  });

  it('masks reporters and names the filter, the exporter and the time', async () => {
    const sheet = await exported(dispatcher, 'q=' + encodeURIComponent('导出测试'));
    expect(sheet.rows).toHaveLength(1);
    const row = sheet.rows[0]!;
    const col = (h: string) => row[EXPORT_COLUMNS.findIndex((c) => c.header === h)];
    expect(col('联系电话')).toBe('138****5678');
    expect(col('反映人')).not.toBe('王小明');
    expect(col('来源渠道')).toBe('12345热线');
    expect(col('状态')).toBe('待分拨');
    expect(sheet.meta).toContain('关键词=导出测试');
  });

  it('a handler exports only their unit’s orders', async () => {
    const sheet = await exported(handler, 'open=true');
    const mine = await listed(handler, 'open=true');
    expect(sheet.rows.map((r) => r[0])).toEqual(mine);
    const all = await listed(dispatcher, 'open=true');
    expect(mine.length).toBeLessThan(all.length);
  });

  it('each export leaves an audit row with its filter and count', async () => {
    const seq = Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    const sheet = await exported(dispatcher, 'state=pending_visit');
    const rows = await app.platform.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('seq', '>', seq)
      .execute();
    const row = rows.find((r) => r.action === 'orders.export');
    expect(JSON.parse(String(row!.after))).toMatchObject({
      count: sheet.rows.length,
      truncated: false,
      filter: '状态=待回访',
    });
  });

  it('a list longer than the limit is cut at it, newest first, and says so', async () => {
    const all = await listed(dispatcher, 'state=closed');
    expect(all.length).toBeGreaterThan(7);
    const principal = await app.orders.deps.p.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'dispatcher')
      .executeTakeFirstOrThrow();
    expect(principal.id).toBeTruthy();
    const cut = await app.orders.queries.collect(
      (await app.identity.auth.principalOf(principal.id))!,
      { state: ['closed'] },
      7,
    );
    expect(cut.truncated).toBe(true);
    expect(cut.items.map((o) => o.number)).toEqual(all.slice(0, 7));
    const whole = await app.orders.queries.collect(
      (await app.identity.auth.principalOf(principal.id))!,
      { state: ['closed'] },
      all.length,
    );
    expect(whole.truncated).toBe(false);
    expect(whole.items).toHaveLength(all.length);
  });

  it('refuses an unknown filter with a 400, and a caller without orders.read with a 403', async () => {
    const bad = await app.http.inject({
      method: 'GET',
      url: '/api/orders/export.xlsx?colour=red',
      headers: { cookie: dispatcher.cookie! },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
    const citizen = await login(app, 'citizen');
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/orders/export.xlsx', headers: { cookie: citizen.cookie! } }))
        .statusCode,
    ).toBe(403);
  });
});
