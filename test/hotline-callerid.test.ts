/**
 * 来电弹屏 on both engines: the phone system (an API key holding hotline.callerid) reports a call
 * ringing on an extension; only the user with that extension receives it on their live stream.
 * A key without the permission is refused, a bad number or extension is a 400, one extension
 * belongs to one user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, withApiKey, type Client } from './helpers/client';

interface Received {
  events: Array<{ type: string; entityType?: string; entityId?: string; data?: any }>;
  ws: WebSocket;
}

describe.each(dialects('hotline caller-ID'))('caller-ID hook (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let phoneSystem: Client;
  let otherKey: Client;
  const userId = async (username: string) =>
    (await app.platform.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;

  /** A live stream opened with a user's session, collecting what it is sent. */
  async function stream(client: Client): Promise<Received> {
    const ws = (await app.http.injectWS('/api/stream', {
      headers: { cookie: client.cookie!, host: 'localhost' },
    })) as WebSocket;
    const got: Received = { events: [], ws };
    ws.on('message', (m: Buffer) => got.events.push(JSON.parse(m.toString())));
    return got;
  }

  const until = async (check: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    return check();
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 200 });
    admin = await login(app, 'admin');
    const key = await admin.post('/api/api-keys', { name: '呼叫中心来电弹屏', permissions: ['hotline.callerid'] });
    expect(key.status).toBe(201);
    phoneSystem = withApiKey(app, key.body.key);
    const other = await admin.post('/api/api-keys', { name: '工单对接', permissions: ['orders.create'] });
    otherKey = withApiKey(app, other.body.key);
    const set = await admin.patch(`/api/users/${await userId('dispatcher')}`, { extension: '8001' });
    expect(set.status).toBe(200);
  });
  afterAll(() => app?.dispose());

  it('keeps extensions unique and shows them to administrators', async () => {
    const taken = await admin.patch(`/api/users/${await userId('handler')}`, { extension: '8001' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('duplicate_extension');
    const bad = await admin.patch(`/api/users/${await userId('handler')}`, { extension: '80a1' });
    expect(bad.status).toBe(400);
    const users = await admin.get('/api/users?q=dispatcher');
    expect(users.body.items.find((u: any) => u.username === 'dispatcher').extension).toBe('8001');
  });

  it('refuses a key without hotline.callerid, a bad number and a bad extension', async () => {
    const refused = await otherKey.post('/api/hotline/incoming-call', { number: '13812345678', extension: '8001' });
    expect(refused.status).toBe(403);
    const asUser = await (await login(app, 'dispatcher')).post('/api/hotline/incoming-call', {
      number: '13812345678',
      extension: '8001',
    });
    expect(asUser.status).toBe(403);
    const badNumber = await phoneSystem.post('/api/hotline/incoming-call', { number: '138abc', extension: '8001' });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.error.code).toBe('invalid_phone');
    const short = await phoneSystem.post('/api/hotline/incoming-call', { number: '1381234567', extension: '8001' });
    expect(short.status).toBe(400);
    const badExt = await phoneSystem.post('/api/hotline/incoming-call', { number: '13812345678', extension: 'x' });
    expect(badExt.status).toBe(400);
    const unknown = await phoneSystem.post('/api/hotline/incoming-call', { number: '13812345678', extension: '9999' });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ delivered: false, number: '13812345678' });
  });

  it('delivers the call to the agent on that extension and to nobody else', async () => {
    const agent = await stream(await login(app, 'dispatcher'));
    const streetWide = await stream(admin);
    const handler = await stream(await login(app, 'handler'));
    try {
      // the hello is sent on connect, before a listener can be attached: give the subscriptions a moment
      await new Promise((r) => setTimeout(r, 200));
      const res = await phoneSystem.post('/api/hotline/incoming-call', {
        number: '+86 138 1234 5678',
        extension: '8001',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ delivered: true, number: '13812345678' });
      const calls = (s: Received) => s.events.filter((e) => e.type === 'hotline.incoming_call');
      expect(await until(() => calls(agent).length === 1)).toBe(true);
      expect(calls(agent)[0]).toMatchObject({
        entityType: 'incoming_call',
        entityId: await userId('dispatcher'),
        data: { number: '13812345678', extension: '8001' },
      });
      // an order event after it reaches the admin: had the call been sent to them, it came first
      await admin.post('/api/orders', {
        channel: 'hotline',
        description: '路灯不亮，晚上很黑',
        reporter: { phone: '13700001111' },
      });
      expect(await until(() => streetWide.events.some((e) => e.type === 'order.created'))).toBe(true);
      expect(calls(streetWide)).toEqual([]);
      expect(calls(handler)).toEqual([]);
      // the call is in the audit log, the number masked
      const audit = await admin.get('/api/audit?action=hotline.incoming_call');
      expect(audit.body.items[0].after).toEqual({ number: '138****5678', extension: '8001' });
    } finally {
      for (const s of [agent, streetWide, handler]) s.ws.terminate();
    }
  });
});
