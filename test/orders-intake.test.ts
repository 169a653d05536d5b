/**
 * Intake from each channel, on both engines: the WeChat relay (GCJ-02 in, WGS-84 stored, the
 * openid never in clear, WeChat's MsgId retry → one order), the citizen page without login
 * (tracking by number + phone, nothing told to a wrong phone, per-address limits), a logged-in
 * citizen (own channels only; their category is a hint, not a dispatch), a grid inspector's photo,
 * a drone finding by API key, and the hotline's caller history.
 */
import gcoord from 'gcoord';
import pino from 'pino';
import { pointOnFeature } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, withApiKey, anonymous, type Client } from './helpers/client';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

function multipart(name: string, type: string, data: Buffer) {
  const boundary = '----yiwangtest' + Math.random().toString(36).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return { boundary, payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

describe.each(dialects('orders intake'))('intake channels (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let dispatcher: Client;
  let handler: Client;
  let machine: Client;
  let community: { code: string; wgs: [number, number] };

  const orderCount = async () =>
    Number(
      (
        await app.platform.db
          .selectFrom('orders')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    app = await startTestApp(dialect);
    [admin, dispatcher, handler] = await Promise.all([
      login(app, 'admin'),
      login(app, 'dispatcher'),
      login(app, 'handler'),
    ]);
    const key = await admin.post('/api/api-keys', { name: '公众号与无人机对接', permissions: ['orders.create'] });
    expect(key.status).toBe(201);
    machine = withApiKey(app, key.body.key);
    const f = (await dispatcher.get('/api/geo/communities')).body.features[3];
    community = { code: f.properties.code, wgs: pointOnFeature(f).geometry.coordinates as [number, number] };
  }, 120_000);
  afterAll(() => app?.dispose());

  describe('WeChat relay', () => {
    const openid = 'oWx_test_openid_123456';
    const message = (msgId: string) => {
      const [lng, lat] = gcoord.transform(community.wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
      return {
        openid,
        content: '小区门口的井盖松动了，车开过去哐哐响',
        location: { latitude: lat, longitude: lng, label: '桂城某小区门口' },
        phone: '13912345678',
        msgId,
      };
    };

    it('takes GCJ-02 in and stores WGS-84, in the community the point lies in; the openid is kept hashed', async () => {
      const res = await machine.post('/api/wechat/messages', message('m-1'));
      expect(res.status).toBe(201);
      expect(res.body.number).toMatch(/^GC\d{8}\d+$/);
      expect(res.body.replyText).toContain(res.body.number);
      expect(res.body.community).toBe(community.code);
      const row = await app.platform.db
        .selectFrom('orders')
        .selectAll()
        .where('number', '=', res.body.number)
        .executeTakeFirstOrThrow();
      expect(row.channel).toBe('wechat');
      // GCJ-02 is offset by hundreds of metres here; back in WGS-84 it is within a metre of the point
      expect(Math.abs(Number(row.lng) - community.wgs[0]) * 102_000).toBeLessThan(1);
      expect(Math.abs(Number(row.lat) - community.wgs[1]) * 111_000).toBeLessThan(1);
      expect(JSON.stringify(row)).not.toContain(openid);
      expect(row.source_ref).toMatch(/^wx:[0-9a-f]{24}$/);
    });

    it('a message WeChat sends again (same MsgId) is the same order, not a second one', async () => {
      const before = await orderCount();
      const first = await machine.post('/api/wechat/messages', message('m-2'));
      const again = await machine.post('/api/wechat/messages', message('m-2'));
      expect(first.status).toBe(201);
      expect(again.body.number).toBe(first.body.number);
      expect(await orderCount()).toBe(before + 1);
    });

    it('refuses a relay without a key, or a key without orders.create', async () => {
      expect((await anonymous(app).post('/api/wechat/messages', message('m-3'))).status).toBe(401);
      const readOnly = await admin.post('/api/api-keys', { name: '只读', permissions: ['orders.read'] });
      expect((await withApiKey(app, readOnly.body.key).post('/api/wechat/messages', message('m-3'))).status).toBe(403);
    });
  });

  describe('citizen page, no login', () => {
    const phone = '13800138000';
    let number: string;

    it('registers a request and answers only the number and the state, not who reported', async () => {
      const res = await anonymous(app).post('/api/public/orders', {
        description: '公园里的路灯晚上一直不亮，很不安全',
        phone,
        name: '张三',
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['number', 'state', 'stateLabel']);
      number = res.body.number;
      const row = await app.platform.db
        .selectFrom('orders')
        .select(['channel', 'reporter_phone', 'reporter_user_id'])
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ channel: 'web', reporter_phone: phone, reporter_user_id: null });
    });

    it('tracks by number + phone; a wrong phone or number learns nothing, with one answer for both', async () => {
      const ok = await anonymous(app).get(`/api/public/orders/track?number=${number}&phone=${phone}`);
      expect(ok.status).toBe(200);
      expect(ok.body.number).toBe(number);
      expect(ok.body.progress.map((p: { step: string }) => p.step)).toContain('登记受理');
      expect(JSON.stringify(ok.body)).not.toContain(phone);
      const wrongPhone = await anonymous(app).get(`/api/public/orders/track?number=${number}&phone=13800138001`);
      const wrongNumber = await anonymous(app).get(`/api/public/orders/track?number=GC20990101999&phone=${phone}`);
      expect(wrongPhone.status).toBe(404);
      expect(wrongNumber.status).toBe(404);
      expect(wrongPhone.body).toEqual(wrongNumber.body);
    });

    it('tracks by POST too, the number and phone in the body (out of URLs and logs); same answers', async () => {
      const ok = await anonymous(app).post('/api/public/orders/track', { number, phone });
      expect(ok.status).toBe(200);
      expect(ok.body.number).toBe(number);
      const wrong = await anonymous(app).post('/api/public/orders/track', { number, phone: '13800138001' });
      expect(wrong.status).toBe(404);
      const bad = await anonymous(app).post('/api/public/orders/track', { number, phone: 'abc' });
      expect(bad.status).toBe(400);
    });
  });

  describe('logged-in citizen', () => {
    let citizen: Client;
    beforeAll(async () => {
      citizen = await login(app, 'citizen');
    });

    it('reports through web or WeChat only: another channel is a 400 and nothing is stored', async () => {
      const before = await orderCount();
      for (const channel of ['hotline', 'drone', 'grid', 'open311']) {
        const res = await citizen.post('/api/orders', { channel, description: '楼下商铺占道经营，行人只能走机动车道' });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('invalid_channel');
      }
      expect(await orderCount()).toBe(before);
    });

    it('a category the citizen picks is a hint: a rule that auto-dispatches it waits for the centre', async () => {
      // 010101 (市容秩序) has a demo rule that dispatches to 城管 at once; the text is about noise
      const res = await citizen.post('/api/orders', {
        channel: 'web',
        description: '楼上邻居每天半夜敲敲打打，吵得睡不着',
        categoryCode: '010101',
      });
      expect(res.status).toBe(201);
      expect(res.body.order.categoryCode).toBe('010101');
      expect(res.body.route?.autoDispatch).toBe(false);
      expect(res.body.order.state).toBe('pending_dispatch');
      // the same pick by a dispatcher is certain, and dispatched
      const staff = await dispatcher.post('/api/orders', {
        channel: 'hotline',
        description: '楼上邻居每天半夜敲敲打打，吵得睡不着',
        categoryCode: '010101',
      });
      expect(staff.body.order.state).toBe('pending_sign');
      const mine = await citizen.get('/api/orders/mine');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((o: { id: string }) => o.id)).toContain(res.body.order.id);
      expect(mine.body.items.map((o: { id: string }) => o.id)).not.toContain(staff.body.order.id);
    });
  });

  describe('grid inspector with a photo', () => {
    const upload = (c: Client, name: string, type: string, data: Buffer) => {
      const { boundary, payload } = multipart(name, type, data);
      return app.http.inject({
        method: 'POST',
        url: '/api/files',
        payload,
        headers: {
          cookie: c.cookie!,
          'x-csrf-token': c.csrf!,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
    };

    it('uploads the photo, then reports with it; the order carries it and it downloads intact', async () => {
      const up = await upload(handler, '井盖.png', 'image/png', PNG);
      expect(up.statusCode).toBe(201);
      const file = up.json();
      expect(file).toMatchObject({ contentType: 'image/png', size: PNG.length });
      const res = await handler.post('/api/orders', {
        channel: 'grid',
        description: '巡查发现人行道井盖破损，已设置警示',
        attachments: [file.id],
        location: { lng: community.wgs[0], lat: community.wgs[1] },
      });
      expect(res.status).toBe(201);
      expect(res.body.order.attachments).toEqual([file.id]);
      expect(res.body.order.gridCode).toBeTruthy();
      const down = await app.http.inject({ method: 'GET', url: file.url, headers: { cookie: handler.cookie! } });
      expect(down.statusCode).toBe(200);
      expect(Buffer.compare(down.rawPayload, PNG)).toBe(0);
    });

    it('a citizen sees and attaches only their own uploads; staff see every attachment', async () => {
      const citizen = await login(app, 'citizen');
      const staffFile = (await upload(handler, '现场.png', 'image/png', PNG)).json();
      const ownFile = (await upload(citizen, '我拍的.png', 'image/png', PNG)).json();
      const get = (c: Client, url: string) => app.http.inject({ method: 'GET', url, headers: { cookie: c.cookie! } });
      expect((await get(citizen, ownFile.url)).statusCode).toBe(200);
      expect((await get(citizen, staffFile.url)).statusCode).toBe(404);
      expect((await get(dispatcher, ownFile.url)).statusCode).toBe(200);
      const before = await orderCount();
      const foreign = await citizen.post('/api/orders', {
        channel: 'web',
        description: '小区门口路面有坑，请修补',
        attachments: [staffFile.id],
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.code).toBe('unknown_attachment');
      expect(await orderCount()).toBe(before);
      const own = await citizen.post('/api/orders', {
        channel: 'web',
        description: '小区门口路面有坑，请修补',
        attachments: [ownFile.id],
      });
      expect(own.status).toBe(201);
      expect(own.body.order.attachments).toEqual([ownFile.id]);
    });

    it('refuses a file that is not a photo or document, and a report naming an unknown attachment; nothing is stored', async () => {
      const bad = await upload(handler, 'photo.png', 'image/png', Buffer.from('#!/bin/sh\necho not an image\n'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('unsupported_file');
      const before = await orderCount();
      const res = await handler.post('/api/orders', {
        channel: 'grid',
        description: '巡查发现路面坑洼',
        attachments: ['0000000000000000000000'],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('unknown_attachment');
      expect(await orderCount()).toBe(before);
    });
  });

  it('a drone finding by API key is an order of the drone channel, audited as the key', async () => {
    const res = await machine.post('/api/orders', {
      channel: 'drone',
      description: 'AI识别：河道漂浮物聚集，面积约20平方米',
      location: { lng: community.wgs[0], lat: community.wgs[1] },
      needsVisit: false,
    });
    expect(res.status).toBe(201);
    expect(res.body.order.channel).toBe('drone');
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .select(['actor_name', 'action'])
      .where('entity_id', '=', res.body.order.id)
      .execute();
    expect(audit.find((a) => a.action === 'order.create')?.actor_name).toBe('apikey:公众号与无人机对接');
  });

  it('the hotline sees a caller’s earlier orders, newest first; a unit handler may not look', async () => {
    const phone = '13711112222';
    const made: string[] = [];
    for (const d of ['小区垃圾三天没人清运', '垃圾清运后又堆满了']) {
      const res = await dispatcher.post('/api/orders', { channel: 'hotline', description: d, reporter: { phone } });
      made.push(res.body.order.id);
      (app.clock as { advance?: (ms: number) => void }).advance?.(60_000);
    }
    const history = await dispatcher.get(`/api/callers/${phone}/orders`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((o: { id: string }) => o.id)).toEqual([...made].reverse());
    expect((await handler.get(`/api/callers/${phone}/orders`)).status).toBe(403);
  });
});

describe.each(dialects('orders intake limits'))('per-address limits on the citizen routes (%s)', (dialect) => {
  let app: TestApp;
  const logged: Array<{ level: number; msg: string }> = [];
  beforeAll(async () => {
    const logger = pino(
      { level: 'warn' },
      {
        write: (line: string) => {
          logged.push(JSON.parse(line));
        },
      },
    );
    app = await startTestApp(dialect, {
      trainingSamples: 300,
      logger,
      env: { PUBLIC_SUBMIT_LIMIT: '3', PUBLIC_TRACK_LIMIT: '5' },
    });
  }, 120_000);
  afterAll(() => app?.dispose());

  const from = (remoteAddress: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.http.inject({ method, url, remoteAddress, ...(payload ? { payload } : {}) });
  const submit = (ip: string) =>
    from(ip, 'POST', '/api/public/orders', { description: '小区路灯坏了好几天，晚上很黑', phone: '13600001111' });

  it('past the submission limit an address gets 429 with a Retry-After, and nothing is stored; another address is not held up', async () => {
    for (let i = 0; i < 3; i++) expect((await submit('10.0.0.1')).statusCode).toBe(201);
    const count = async () =>
      Number(
        (
          await app.platform.db
            .selectFrom('orders')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = await submit('10.0.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await count()).toBe(before);
    expect((await submit('10.0.0.2')).statusCode).toBe(201);
  });

  it('warns once when a proxy forwards addresses that TRUST_PROXY=off ignores', async () => {
    const proxied = () =>
      app.http.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': '203.0.113.7' } });
    await proxied();
    await proxied();
    const warnings = logged.filter((l) => l.msg.includes('TRUST_PROXY is off'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe(40);
  });

  it('tracking guesses are bounded per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push(
        (await from('10.0.0.3', 'GET', `/api/public/orders/track?number=GC20260302${i}&phone=13600001111`)).statusCode,
      );
    expect(codes.slice(0, 5).every((c) => c === 404)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429]);
  });
});
