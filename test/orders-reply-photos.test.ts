/**
 * 处置后照片 on the unit's reply, on both engines: photos uploaded through /api/files go with 提交办结,
 * are stored with the step (order_files, and the timeline step's data) and shown as the detail's
 * afterPhotos beside the intake's attachments; a non-image, someone else's file, a file already
 * attached, ten photos or photos on another action are 400 and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../src/platform/clock';
import { at } from '../src/platform/calendar/test-helpers';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(name: string, type: string, data: Buffer) {
  const boundary = `----yiwangtest${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return { boundary, payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

describe.each(dialects('orders reply photos'))('处置后照片 with the reply (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let handler: Client;

  const upload = async (c: Client, name: string, type: string, data: Buffer): Promise<string> => {
    const { boundary, payload } = multipart(name, type, data);
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: {
        cookie: c.cookie!,
        'x-csrf-token': c.csrf!,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const linked = async (orderId: string) =>
    (
      await app.platform.db
        .selectFrom('order_files')
        .select(['file_id', 'stage'])
        .where('order_id', '=', orderId)
        .orderBy('file_id')
        .execute()
    ).map((r) => `${r.stage}:${r.file_id}`);

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    (app.platform.clock as ManualClock).set(at('2026-03-02 09:00'));
    dispatcher = await login(app, 'dispatcher');
    handler = await login(app, 'handler');
  });
  afterAll(() => app?.dispose());

  /** An order in 办理中 at the handler's unit, with one citizen photo from intake (处置前). */
  async function handlingOrder(): Promise<{ id: string; before: string }> {
    const before = await upload(dispatcher, '现场.png', 'image/png', PNG);
    const r = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '小区门口有人占道经营摆摊，影响行人通行',
      categoryCode: '010101',
      attachments: [before],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.order.id as string;
    expect((await handler.post(`/api/orders/${id}/actions`, { type: 'sign' })).status).toBe(200);
    return { id, before };
  }

  it('a reply with two photos: stored with the step, shown as after-photos beside the intake’s', async () => {
    const o = await handlingOrder();
    const photos = [
      await upload(handler, '处置后1.png', 'image/png', PNG),
      await upload(handler, '处置后2.png', 'image/png', PNG),
    ];
    const r = await handler.post(`/api/orders/${o.id}/actions`, {
      type: 'submit_reply',
      reply: '已劝离摊贩，现场已清理',
      attachments: photos,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.order.state).toBe('pending_review');
    expect(r.body.order.attachments).toEqual([o.before]);
    expect(r.body.afterPhotos).toEqual(photos);
    const step = r.body.timeline.find((e: { type: string }) => e.type === 'order.reply_submitted');
    expect(step.data.photos).toEqual(photos);
    // the centre sees the same, and reads the files (orders.read); a citizen does not
    const seen = await dispatcher.get(`/api/orders/${o.id}`);
    expect(seen.body.afterPhotos).toEqual(photos);
    const get = (c: Client, id: string) =>
      app.http.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: c.cookie! } });
    expect((await get(dispatcher, photos[0])).statusCode).toBe(200);
    expect((await get(await login(app, 'citizen'), photos[0])).statusCode).toBe(404);
    expect(await linked(o.id)).toEqual(photos.map((p) => `after:${p}`).sort());
  });

  it('refuses a non-image, someone else’s file, a file in use, ten photos, photos on another action — and changes nothing', async () => {
    const o = await handlingOrder();
    const mine = await upload(handler, '处置后.png', 'image/png', PNG);
    const pdf = await upload(handler, '说明.pdf', 'application/pdf', PDF);
    const theirs = await upload(dispatcher, '别人的.png', 'image/png', PNG);
    // the handler's own upload, attached to an order the handler registered (orders.attachments)
    const reported = await upload(handler, '巡查.png', 'image/png', PNG);
    const grid = await handler.post('/api/orders', {
      channel: 'grid',
      description: '巡查发现人行道井盖破损，已设置警示',
      attachments: [reported],
    });
    expect(grid.status, JSON.stringify(grid.body)).toBe(201);
    const version = (await handler.get(`/api/orders/${o.id}`)).body.order.version;
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a PDF', { attachments: [mine, pdf] }, 'not_an_image'],
      ['someone else’s file', { attachments: [mine, theirs] }, 'unknown_attachment'],
      ['no such file', { attachments: ['01nosuchfile000000000000'] }, 'unknown_attachment'],
      ['the dispatcher’s intake photo', { attachments: [o.before] }, 'unknown_attachment'],
      ['an own photo already on an order', { attachments: [mine, reported] }, 'attachment_in_use'],
      ['the same photo twice', { attachments: [mine, mine] }, 'duplicate_photo'],
      ['ten photos', { attachments: Array.from({ length: 10 }, () => mine) }, 'invalid_request'],
    ];
    for (const [what, extra, code] of cases) {
      const r = await handler.post(`/api/orders/${o.id}/actions`, { type: 'submit_reply', reply: '已处理', ...extra });
      expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.error.code, what).toBe(code);
    }
    const ext = await handler.post(`/api/orders/${o.id}/actions`, {
      type: 'request_extension',
      reason: '需协调',
      addWorkingDays: 2,
      attachments: [mine],
    });
    expect(ext.status).toBe(400);
    expect(ext.body.error.code).toBe('attachments_not_allowed');
    const after = await handler.get(`/api/orders/${o.id}`);
    expect(after.body.order).toMatchObject({ state: 'handling', version, extensionRequest: null, reply: null });
    expect(after.body.afterPhotos).toEqual([]);
    expect(await linked(o.id)).toEqual([]);

    // a photo already sent with one reply cannot go with another order's
    expect(
      (
        await handler.post(`/api/orders/${o.id}/actions`, {
          type: 'submit_reply',
          reply: '已处理',
          attachments: [mine],
        })
      ).status,
    ).toBe(200);
    const other = await handlingOrder();
    const again = await handler.post(`/api/orders/${other.id}/actions`, {
      type: 'submit_reply',
      reply: '已处理',
      attachments: [mine],
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('attachment_in_use');
  });
});
