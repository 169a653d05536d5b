/**
 * 城市大脑 video on both engines: the demo's 7,200 cameras, CRUD with GB/T 28181 codes, the
 * spreadsheet import (xlsx and a GBK CSV; a file with bad rows changes nothing), the channel tree,
 * the wvp-style catalogue sync against a local stub server driven by the job runner, nearest
 * cameras, play through the stub gateway and without one (503).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCameraId } from '../../src/modules/brain/video/gbt28181';
import { startTestApp, type TestApp } from '../helpers/app';
import { type Client, login } from '../helpers/client';
import { dialects } from '../helpers/env';

function multipart(name: string, data: Buffer) {
  const boundary = `----yiwangtest${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { boundary, payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

/** A wvp-GB28181-pro lookalike: login, device and channel pages, play and snapshot. */
interface Stub {
  server: Server;
  url: string;
  online: Map<string, boolean>;
  hits: string[];
}
const DEVICE = '44060501001180000001'; // an NVR
const CH = (n: number) => `4406050100132055${String(n).padStart(4, '0')}`; // serials the demo does not use
const TOKEN = 'stub-token';

async function startStub(): Promise<Stub> {
  const online = new Map([
    [CH(1), true],
    [CH(2), true],
    [CH(3), false],
  ]);
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const u = new URL(req.url!, 'http://stub');
    hits.push(u.pathname);
    const send = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (u.pathname === '/api/user/login') {
      // wvp takes the password MD5-hashed: md5("secret")
      const ok =
        u.searchParams.get('username') === 'admin' &&
        u.searchParams.get('password') === '5ebe2294ecd0e0f08eab7690d2a6ee69';
      return send(ok ? { code: 0, msg: 'success', data: { accessToken: TOKEN } } : { code: -1, msg: 'fail' });
    }
    if (req.headers['access-token'] !== TOKEN) return send({ code: 401, msg: 'no token' }, 401);
    if (u.pathname === '/api/device/query/devices')
      return send({
        code: 0,
        data: { total: 1, list: [{ deviceId: DEVICE, name: '千灯湖 NVR', onLine: true, manufacturer: 'Hikvision' }] },
      });
    if (u.pathname === `/api/device/query/devices/${DEVICE}/channels`) {
      const list = [
        { deviceId: '44060501002150000009', name: '治安业务分组', channelType: 2 },
        {
          deviceId: CH(1),
          name: '千灯湖东门',
          longitude: 113.1482,
          latitude: 23.0365,
          ptzType: 1,
          parentId: '44060501002150000009',
        },
        { deviceId: CH(2), name: '千灯湖西门', longitude: 113.1451, latitude: 23.0362, ptzType: 3, directionType: 1 },
        { deviceId: CH(3), name: '灯湖路口', longitude: 113.1501, latitude: 23.0371, ptzType: 3 },
        { deviceId: '1234', name: '坏编码', longitude: 113.15, latitude: 23.03 },
        { deviceId: CH(9), name: '无坐标', longitude: 0, latitude: 0 },
      ].map((c) => ({
        ...c,
        status: c.deviceId.startsWith('4406050100132') ? (online.get(c.deviceId) ? 'ON' : 'OFF') : 'ON',
      }));
      return send({ code: 0, data: { total: list.length, list } });
    }
    const play = u.pathname.match(/^\/api\/play\/start\/(\d+)\/(\d+)$/);
    if (play)
      return send({
        code: 0,
        data: {
          flv: `http://media/rtp/${play[2]}.live.flv`,
          ws_flv: `ws://media/rtp/${play[2]}.live.flv`,
          hls: `http://media/rtp/${play[2]}/hls.m3u8`,
          rtc: `webrtc://media/rtp/${play[2]}`,
        },
      });
    if (u.pathname.startsWith('/api/device/query/snap/')) {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      return res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    }
    send({ code: -1, msg: 'not found' }, 404);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, online, hits };
}

describe.each(dialects('brain video'))('城市大脑 video (%s)', (dialect) => {
  let app: TestApp;
  let bare: TestApp;
  let stub: Stub;
  let admin: Client;
  let leader: Client;
  let community: { code: string; name: string; orgId: string | null };

  const upload = async (name: string, data: Buffer) => {
    const { boundary, payload } = multipart(name, data);
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/brain/cameras/import',
      payload,
      headers: {
        cookie: admin.cookie!,
        'x-csrf-token': admin.csrf!,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    return { status: res.statusCode, body: res.json() };
  };
  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);

  beforeAll(async () => {
    stub = await startStub();
    app = await startTestApp(dialect, {
      env: {
        VIDEO_GATEWAY_URL: stub.url,
        VIDEO_GATEWAY_USER: 'admin',
        VIDEO_GATEWAY_PASSWORD: 'secret',
        VIDEO_SYNC_INTERVAL_S: '60',
      },
    });
    admin = await login(app, 'admin');
    leader = await login(app, 'leader');
    const f = (await app.geography.layer('community')).features[0]!;
    community = { code: f.properties.code, name: f.properties.name, orgId: f.properties.orgId };
  }, 120_000);
  afterAll(async () => {
    await app?.dispose();
    await bare?.dispose();
    stub?.server.close();
  });

  it('seeds 7,200 demo cameras with valid codes inside the communities', async () => {
    const all = await leader.get('/api/brain/cameras/map');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(7000);
    expect(all.body.items.every((c: { id: string }) => checkCameraId(c.id).ok)).toBe(true);
    const sample = all.body.items.slice(0, 50);
    for (const c of sample) expect((await app.geography.locate(c.lng, c.lat)).community?.code).toBe(c.communityCode);
    const page = await leader.get(`/api/brain/cameras?community=${community.code}&status=online&limit=5`);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThan(100);
    expect(
      page.body.items.every(
        (c: { online: boolean; communityCode: string }) => c.online && c.communityCode === community.code,
      ),
    ).toBe(true);
    const next = await leader.get(
      `/api/brain/cameras?community=${community.code}&status=online&limit=5&after=${page.body.next}`,
    );
    expect(next.body.items[0].id > page.body.items[4].id).toBe(true);
    const area = await leader.get('/api/brain/video/tree?by=area');
    expect(area.body.items.find((n: { id: string }) => n.id === '44060501')).toMatchObject({
      name: '桂城街道',
      cameras: all.body.total,
    });
    const groups = await leader.get('/api/brain/video/tree?by=group');
    expect(groups.body.items.filter((n: { kind: string }) => n.kind === 'virtual_org').length).toBeGreaterThanOrEqual(
      20,
    );
    // a dispatcher reads; a handler does not
    expect((await (await login(app, 'handler')).get('/api/brain/cameras?limit=1')).status).toBe(403);
  });

  it('creates, changes and deletes a camera, each audited; refuses bad codes naming the part', async () => {
    const id = '44060501001320099001';
    const before = await auditSeq();
    const created = await admin.post('/api/brain/cameras', {
      id,
      name: '测试球机',
      lng: 113.1482,
      lat: 23.0365,
      kind: 'ptz',
      orgId: community.orgId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id,
      typeCode: '132',
      industryCode: '00',
      civilCode: '44060501',
      kind: 'ptz',
      online: false,
      source: 'manual',
    });
    expect(created.body.communityCode).not.toBeNull();
    expect(await auditSeq()).toBe(before + 1);
    expect((await admin.post('/api/brain/cameras', { id, name: 'x', lng: 113.1, lat: 23 })).status).toBe(409);

    const changed = await admin.patch(`/api/brain/cameras/${id}`, { online: true, direction: 90, kind: 'fixed' });
    expect(changed.body).toMatchObject({ online: true, direction: 90, kind: 'fixed' });
    expect(changed.body.statusChangedAt).toBe(app.clock.now());
    expect((await leader.get(`/api/brain/cameras/${id}`)).body.name).toBe('测试球机');

    const bad: Array<[object, string, string?]> = [
      [{ id: '99060501001320099002', name: 'x', lng: 113.1, lat: 23 }, 'invalid_camera_id', 'province'],
      [{ id: '44060501301320099002', name: 'x', lng: 113.1, lat: 23 }, 'invalid_camera_id', 'industry'],
      [{ id: '44060501001180099002', name: 'x', lng: 113.1, lat: 23 }, 'invalid_camera_id', 'type'],
      [{ id: '44060501001320099002', name: 'x', lng: 113.1, lat: 23, orgId: 'nope' }, 'unknown_org'],
      [{ id: '44060501001320099002', name: 'x', lng: 113.1, lat: 23, communityCode: 'nope' }, 'unknown_community'],
      [
        { id: '44060501001320099002', name: 'x', lng: 113.1, lat: 23, groupId: '44060501002160099999' },
        'unknown_group',
      ],
      [{ id: '4406050100132009900', name: 'x', lng: 113.1, lat: 23 }, 'invalid_request'],
      [{ id: '44060501001320099002', name: 'x', lng: 200, lat: 23 }, 'invalid_request'],
    ];
    const seq = await auditSeq();
    for (const [body, code, part] of bad) {
      const r = await admin.post('/api/brain/cameras', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe(code);
      if (part) expect(r.body.error.details.part).toBe(part);
    }
    expect(await auditSeq()).toBe(seq);
    expect((await leader.post('/api/brain/cameras', bad[0]![0])).status).toBe(403);

    expect((await admin.delete(`/api/brain/cameras/${id}`)).status).toBe(200);
    expect((await leader.get(`/api/brain/cameras/${id}`)).status).toBe(404);
  });

  it('imports an xlsx and a GBK CSV; a file with bad rows changes nothing and says where', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('cameras');
    ws.addRow(['国标编码', '名称', '经度', '纬度', '类型', '朝向', '权属单位', '状态']);
    ws.addRow(['44060501001320088001', '导入枪机一', 113.1482, 23.0365, '枪机', '东', community.name, '在线']);
    ws.addRow(['44060501001310088002', '导入球机二', 113.1451, 23.0362, '球机', '', '', '离线']);
    const ok = await upload('cams.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ total: 2, created: 2, updated: 0 });
    const one = (await leader.get('/api/brain/cameras/44060501001320088001')).body;
    expect(one).toMatchObject({ kind: 'fixed', direction: 90, online: true, source: 'import' });
    expect(one.communityCode).not.toBeNull();

    // GBK, as Excel saves a CSV on a Chinese Windows: one good row (an update) and four bad ones
    const csv = [
      '国标编码,名称,经度,纬度,社区,类型',
      '44060501001320088001,改名枪机,113.1482,23.0365,,枪机',
      '44060501009990088003,坏类型,113.15,23.03,,',
      '44060501001320088004,,abc,23.03,,',
      '44060501001320088005,无此社区,113.15,23.03,火星社区,转头机',
      '44060501001320088001,重复,113.15,23.03,,',
    ].join('\r\n');
    const gbk = iconv.encode(csv, 'gbk');
    const seq = await auditSeq();
    const bad = await upload('cams.csv', gbk);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_import');
    const errs = bad.body.error.details.errors.map(
      (e: { row: number; column: string; code: string }) => `${e.row}:${e.column}:${e.code}`,
    );
    expect(errs).toEqual([
      '3:id:invalid_id_type',
      '4:name:invalid_name',
      '4:lng:invalid_lng',
      '5:community:unknown_community',
      '5:kind:invalid_kind',
      '6:id:duplicate',
    ]);
    expect(await auditSeq()).toBe(seq);
    expect((await leader.get('/api/brain/cameras/44060501001320088001')).body.name).toBe('导入枪机一');

    const good = await upload('cams.csv', iconv.encode(csv.split('\r\n').slice(0, 2).join('\r\n'), 'gbk'));
    expect(good.body).toEqual({ total: 1, created: 0, updated: 1 });
    expect((await leader.get('/api/brain/cameras/44060501001320088001')).body).toMatchObject({
      name: '改名枪机',
      online: true,
    });
    expect((await upload('x.xlsx', Buffer.from('PK\u0003\u0004garbage'))).body.error.code).toBe('unreadable_file');
  });

  it('syncs devices, channels and status from the wvp-style platform on the job runner', async () => {
    await app.platform.jobs.drain();
    await app.brain.sync.settled();
    const state = (await leader.get('/api/brain/video/sync')).body;
    expect(state).toMatchObject({ configured: true, intervalS: 60, lastError: null });
    expect(state.last).toMatchObject({ devices: 1, channels: 6, created: 3, groups: 1, skipped: 2 });
    expect(stub.hits).toContain('/api/user/login');
    const c1 = (await leader.get(`/api/brain/cameras/${CH(1)}`)).body;
    expect(c1).toMatchObject({
      kind: 'ptz',
      online: true,
      deviceId: DEVICE,
      groupId: '44060501002150000009',
      source: 'wvp',
    });
    expect((await leader.get(`/api/brain/cameras/${CH(2)}`)).body).toMatchObject({ kind: 'fixed', direction: 90 });
    expect((await leader.get(`/api/brain/cameras/${CH(3)}`)).body.online).toBe(false);

    // a camera goes offline, another comes online: the next tick (60 s on) sees it
    stub.online.set(CH(1), false);
    stub.online.set(CH(3), true);
    (app.clock as unknown as { advance(ms: number): void }).advance(61_000);
    await app.platform.jobs.drain();
    await app.brain.sync.settled();
    expect((await leader.get('/api/brain/video/sync')).body.last).toMatchObject({ created: 0, statusChanged: 2 });
    expect((await leader.get(`/api/brain/cameras/${CH(1)}`)).body).toMatchObject({
      online: false,
      statusChangedAt: app.clock.now(),
    });
    const near = await leader.get(
      '/api/brain/cameras/nearest?lng=113.1482&lat=23.0365&limit=3&radius=300&status=online',
    );
    expect(near.body.items.some((c: { id: string }) => c.id === CH(1))).toBe(false);
  });

  it('finds the nearest cameras with their view direction', async () => {
    const r = await leader.get('/api/brain/cameras/nearest?lng=113.1455&lat=23.0362&limit=5&radius=500');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.length).toBeLessThanOrEqual(5);
    const d = r.body.items.map((c: { distanceM: number }) => c.distanceM);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(d.every((m: number) => m <= 500)).toBe(true);
    const west = r.body.items.find((c: { id: string }) => c.id === CH(2));
    expect(west).toMatchObject({ direction: 90 });
    expect(typeof west.facing).toBe('boolean');
    expect((await leader.get('/api/brain/cameras/nearest?lng=113.1455&lat=23.0362&radius=999999')).status).toBe(400);
    expect((await leader.get('/api/brain/cameras/nearest?lat=23')).status).toBe(400);
  });

  it('plays through the gateway, and without one answers 503 video_gateway_not_configured', async () => {
    const played = await leader.post(`/api/brain/cameras/${CH(2)}/play`);
    expect(played.status).toBe(200);
    expect(played.body).toMatchObject({
      cameraId: CH(2),
      flv: `http://media/rtp/${CH(2)}.live.flv`,
      hls: expect.stringContaining('m3u8'),
    });
    expect(stub.hits).toContain(`/api/play/start/${DEVICE}/${CH(2)}`);
    const snap = await app.http.inject({
      method: 'GET',
      url: `/api/brain/cameras/${CH(2)}/snapshot`,
      headers: { cookie: leader.cookie! },
    });
    expect(snap.statusCode).toBe(200);
    expect(snap.headers['content-type']).toBe('image/jpeg');
    expect((await leader.post('/api/brain/cameras/44060501001329999999/play')).status).toBe(404);

    bare = await startTestApp(dialect, { seed: false });
    const c = await bare.brain.cameras.create(
      { actorId: null, actorName: 'test', ip: null },
      { id: '44060501001320077001', name: '无网关', lng: 113.15, lat: 23.03 },
    );
    const res = await bare.http.inject({ method: 'POST', url: `/api/brain/cameras/${c.id}/play`, payload: {} });
    expect(res.statusCode).toBe(401); // no login on a bare install: still a JSON refusal
    const direct = await bare.brain.play.play(c.id).catch((e) => e);
    expect(direct).toMatchObject({ status: 503, code: 'video_gateway_not_configured' });
    expect(direct.message).toMatch(/VIDEO_GATEWAY_URL/);
  }, 60_000);

  it('answers bad input with 4xx and changes nothing', async () => {
    const seq = await auditSeq();
    const cases: Array<[string, string, unknown?]> = [
      ['GET', '/api/brain/cameras?bbox=113.2,23,113.1,23.1'],
      ['GET', '/api/brain/cameras?bbox=1,2,3'],
      ['GET', '/api/brain/cameras?status=maybe'],
      ['GET', '/api/brain/cameras/abc'],
      ['PATCH', `/api/brain/cameras/${CH(2)}`, {}],
      ['PATCH', `/api/brain/cameras/${CH(2)}`, { direction: 400 }],
      ['PUT', '/api/brain/video/groups/44060501002160000099', { name: '孤儿虚拟组织' }],
      ['PUT', '/api/brain/video/groups/44060501002150000099', { name: '分组', parentId: '44060501002150000009' }],
      ['DELETE', '/api/brain/video/groups/44060501002150000009'],
      ['POST', '/api/brain/cameras/import', { file: 'x' }],
    ];
    for (const [method, url, body] of cases) {
      const r = await admin.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${url}`).toBeLessThan(500);
      expect(r.body.error.code).toBeTruthy();
    }
    expect(await auditSeq()).toBe(seq);
  });
});
