/**
 * 含反映人信息的导出 and 打印留痕, on both engines: GET /api/orders/export.xlsx?includeReporter=true
 * is for holders of pii.reveal only (others: 403, nothing read, no audit row), writes the
 * reporters unmasked and one `orders.exported_with_reporter` audit row with the filter and the
 * count; a bad value is a 400; without the flag the export is unchanged. POST
 * /api/orders/:id/printed records who printed which sheet (`orders.printed`).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import { EXPORT_COLUMNS } from '../src/modules/orders/export/export-xlsx';

const col = (h: string) => EXPORT_COLUMNS.findIndex((c) => c.header === h);

describe.each(dialects('orders export with reporter'))('export with reporter, printing (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let leader: Client;
  let handler: Client;
  let order: { id: string; number: string };

  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const auditSince = (seq: number) =>
    app.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'entity_type', 'entity_id', 'after'])
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
  const download = (c: Client, query: string) =>
    app.http.inject({ method: 'GET', url: `/api/orders/export.xlsx?${query}`, headers: { cookie: c.cookie! } });
  const sheetOf = async (raw: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw as any);
    const ws = wb.getWorksheet('工单台账')!;
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      if (n > 3)
        rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    return { meta: String(ws.getCell(2, 1).value), header: (ws.getRow(3).values as unknown[]).slice(1), rows };
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 200, orders: 60 });
    [dispatcher, leader, handler] = await Promise.all([
      login(app, 'dispatcher'),
      login(app, 'leader'),
      login(app, 'handler'),
    ]);
    const made = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '反映人导出测试：楼道灯损坏',
      reporter: { name: '李晓梅', phone: '13912345678' },
    });
    expect(made.status).toBe(201);
    order = made.body.order;
  }, 180_000);
  afterAll(() => app?.dispose());

  const q = `q=${encodeURIComponent('反映人导出测试')}`;

  it('refuses a caller without pii.reveal with 403 reveal_not_allowed, and writes no audit row', async () => {
    for (const c of [leader, handler]) {
      const before = await auditSeq();
      const res = await download(c, `${q}&includeReporter=true`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('reveal_not_allowed');
      expect(await auditSeq()).toBe(before);
    }
    // the same caller may still export masked
    const before = await auditSeq();
    const plain = await download(leader, q);
    expect(plain.statusCode).toBe(200);
    expect((await auditSince(before)).map((r) => r.action)).toEqual(['orders.export']);
  });

  it('answers a bad value with 400 and writes nothing', async () => {
    for (const v of ['yes', '2', 'TRUE1', '', 'true&includeReporter=true']) {
      const before = await auditSeq();
      const res = await download(dispatcher, `${q}&includeReporter=${v}`);
      expect(res.statusCode, v).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
      expect(await auditSeq()).toBe(before);
    }
  });

  it('writes the reporter unmasked and one audit row with the filter and the count', async () => {
    const before = await auditSeq();
    const res = await download(dispatcher, `${q}&includeReporter=true`);
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]![col('工单号')]).toBe(order.number);
    expect(sheet.rows[0]![col('反映人')]).toBe('李晓梅');
    expect(sheet.rows[0]![col('联系电话')]).toBe('13912345678');
    expect(sheet.meta).toContain('含反映人信息');
    const rows = await auditSince(before);
    expect(rows.map((r) => r.action)).toEqual(['orders.exported_with_reporter']);
    expect(rows[0]!.actor_name).toBeTruthy();
    expect(JSON.parse(String(rows[0]!.after))).toMatchObject({
      count: 1,
      truncated: false,
      filter: '关键词=反映人导出测试',
      criteria: { q: '反映人导出测试' },
      fields: ['reporter_name', 'reporter_phone'],
    });
    // a wider export counts every row it wrote
    const wide = await auditSeq();
    const open = await download(dispatcher, 'open=true&includeReporter=true');
    expect(open.statusCode).toBe(200);
    const openSheet = await sheetOf(open.rawPayload);
    const [row] = await auditSince(wide);
    expect(JSON.parse(String(row!.after)).count).toBe(openSheet.rows.length);
    expect(openSheet.rows.length).toBeGreaterThan(1);
    const phones = openSheet.rows.map((r) => r[col('联系电话')]).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).not.toContain('*');
  });

  it('without the flag (or with false) the export is unchanged: masked, audited as orders.export', async () => {
    for (const extra of ['', '&includeReporter=false']) {
      const before = await auditSeq();
      const res = await download(dispatcher, `${q}${extra}`);
      expect(res.statusCode).toBe(200);
      const sheet = await sheetOf(res.rawPayload);
      expect(sheet.rows[0]![col('联系电话')]).toBe('139****5678');
      expect(sheet.rows[0]![col('反映人')]).not.toBe('李晓梅');
      expect(sheet.meta).not.toContain('含反映人信息');
      const rows = await auditSince(before);
      expect(rows.map((r) => r.action)).toEqual(['orders.export']);
      expect(JSON.parse(String(rows[0]!.after))).toEqual({
        count: 1,
        truncated: false,
        filter: '关键词=反映人导出测试',
      });
    }
  });

  it('records a printed sheet: who, which sheet, which order', async () => {
    for (const sheet of ['assign', 'order'] as const) {
      const before = await auditSeq();
      const res = await dispatcher.post(`/api/orders/${order.id}/printed`, { sheet });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ ok: true });
      const rows = await auditSince(before);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'orders.printed', entity_type: 'order', entity_id: order.id });
      expect(rows[0]!.actor_name).toBeTruthy();
      expect(JSON.parse(String(rows[0]!.after))).toMatchObject({ sheet, number: order.number });
    }
    // by 工单号 too, as the detail route takes it
    expect((await dispatcher.post(`/api/orders/${order.number}/printed`, { sheet: 'assign' })).status).toBe(200);
  });

  it('refuses a print record for a bad sheet, an unknown order, an order out of scope — writing nothing', async () => {
    const cases: Array<[Client, string, unknown, number]> = [
      [dispatcher, order.id, { sheet: 'poster' }, 400],
      [dispatcher, order.id, {}, 400],
      [dispatcher, order.id, { sheet: 'assign', extra: 1 }, 400],
      [dispatcher, 'no-such-order', { sheet: 'assign' }, 404],
      // not dispatched yet: outside the 城管 handler's units
      [handler, order.id, { sheet: 'assign' }, 403],
    ];
    for (const [c, id, body, status] of cases) {
      const before = await auditSeq();
      const res = await c.post(`/api/orders/${encodeURIComponent(id)}/printed`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(typeof res.body.error.code).toBe('string');
      expect(await auditSeq()).toBe(before);
    }
    const citizen = await login(app, 'citizen');
    expect((await citizen.post(`/api/orders/${order.id}/printed`, { sheet: 'assign' })).status).toBe(403);
  });
});
