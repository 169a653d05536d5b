/**
 * 城市大脑 物联感知 on both engines, with the embedded broker (always) and Mosquitto (TEST_MQTT_URL):
 * device CRUD, readings in over MQTT (`yiwang/devices/{id}/telemetry`) and over HTTP (a gateway's
 * batch with an API key), malformed and out-of-range readings refused and counted (never stored),
 * the latest state kept (an older reading does not replace a newer one), offline after the type's
 * cadence (ManualClock), list filters and the online rate per type.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineAfterMs } from '../../src/modules/brain/devices/model/presence';
import { telemetryTopic } from '../../src/modules/brain/devices/mqtt-intake';
import type { ManualClock } from '../../src/platform/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { type Client, login, withApiKey } from '../helpers/client';
import { dialects, MQTT_URL, sayOnce } from '../helpers/env';

async function eventually<T>(what: string, f: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

const rejectedOf = (detail: { rejected: Array<{ reason: string; count: number }> }) =>
  Object.fromEntries(detail.rejected.map((r) => [r.reason, r.count]));

/** Publishes the messages to a device's telemetry topic (QoS 1: each is acknowledged by the broker). */
async function publish(client: MqttClient, deviceId: string, ...payloads: Array<string | object>) {
  for (const p of payloads)
    await client.publishAsync(telemetryTopic(deviceId), typeof p === 'string' ? p : JSON.stringify(p), { qos: 1 });
}

describe.each(dialects('brain devices'))('city brain IoT devices (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let gateway: Client;
  let device: MqttClient;
  const clock = () => app.clock as ManualClock;
  const detail = async (id: string) => (await admin.get(`/api/brain/devices/${id}`)).body;

  beforeAll(async () => {
    app = await startTestApp(dialect, { mqtt: true });
    admin = await login(app, 'admin');
    const key = await admin.post('/api/api-keys', { name: '物联网关', permissions: ['brain.readings.submit'] });
    expect(key.status).toBe(201);
    gateway = withApiKey(app, key.body.key);
    device = await mqtt.connectAsync(`mqtt://127.0.0.1:${app.mqtt!.port}`, { reconnectPeriod: 0 });
  });
  afterAll(async () => {
    await device?.endAsync();
    await app?.dispose();
  });

  it('registers, changes and deletes devices (brain.manage), placing them in their community', async () => {
    const created = await admin.post('/api/brain/devices', {
      id: 'WL-0001',
      type: 'water_level',
      name: '千灯湖水位计 1',
      model: 'HY-WL100',
      lng: 113.15,
      lat: 23.03,
      installedOn: '2025-06-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      id: 'WL-0001',
      type: 'water_level',
      typeName: '水位计',
      status: 'active',
      online: false,
      lastReading: null,
      lastSeen: null,
      installedOn: '2025-06-01',
    });
    expect(created.body.communityCode).toBeTypeOf('string');
    expect(
      (await admin.post('/api/brain/devices', { id: 'WL-0001', type: 'noise', name: 'x', lng: 113.15, lat: 23.03 }))
        .body.error.code,
    ).toBe('device_exists');
    for (const bad of [
      { id: 'a/b', type: 'noise', name: 'x', lng: 113.15, lat: 23.03 },
      { id: 'N-1', type: 'radar', name: 'x', lng: 113.15, lat: 23.03 },
      { id: 'N-1', type: 'noise', name: 'x', lng: 200, lat: 23.03 },
    ]) {
      const r = await admin.post('/api/brain/devices', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe('invalid_request');
    }
    const unknown = await admin.post('/api/brain/devices', {
      id: 'N-1',
      type: 'noise',
      name: 'x',
      lng: 113.15,
      lat: 23.03,
      communityCode: 'NO-SUCH',
    });
    expect(unknown.body.error.code).toBe('unknown_community');

    const changed = await admin.patch('/api/brain/devices/WL-0001', { name: '千灯湖水位计 A', status: 'maintenance' });
    expect(changed.body).toMatchObject({ name: '千灯湖水位计 A', status: 'maintenance', type: 'water_level' });
    expect((await admin.patch('/api/brain/devices/WL-0001', { type: 'noise' })).status).toBe(400);
    expect((await admin.patch('/api/brain/devices/NOPE', { name: 'x' })).status).toBe(404);

    const dispatcher = await login(app, 'dispatcher');
    expect((await dispatcher.get('/api/brain/devices/WL-0001')).status).toBe(200);
    expect(
      (await dispatcher.post('/api/brain/devices', { id: 'X-1', type: 'noise', name: 'x', lng: 113.15, lat: 23.03 }))
        .status,
    ).toBe(403);

    await admin.post('/api/brain/devices', {
      id: 'TMP-1',
      type: 'smoke_detector',
      name: '临时',
      lng: 113.15,
      lat: 23.03,
    });
    expect((await admin.delete('/api/brain/devices/TMP-1')).body).toEqual({ ok: true });
    expect((await admin.get('/api/brain/devices/TMP-1')).status).toBe(404);
  });

  it('takes readings over MQTT, keeps the latest, and refuses and counts bad ones without storing them', async () => {
    expect(
      (
        await admin.post('/api/brain/devices', {
          id: 'NS-0001',
          type: 'noise',
          name: '噪声 1',
          lng: 113.15,
          lat: 23.03,
        })
      ).status,
    ).toBe(201);
    const t0 = clock().now();
    await publish(device, 'NS-0001', { at: t0 - 60_000, values: { laeq: 52.5 } });
    const first = await eventually(
      'the first reading',
      () => detail('NS-0001'),
      (d) => d.readings.length === 1,
    );
    expect(first.device).toMatchObject({
      online: true,
      lastReading: { laeq: 52.5 },
      lastReadingAt: t0 - 60_000,
      lastSeen: t0,
    });
    expect(first.readings[0]).toEqual({ at: t0 - 60_000, values: { laeq: 52.5 }, receivedAt: t0 });

    // bad ones: not JSON, not an object, an unknown field, out of range both ways, a string, the future
    await publish(
      device,
      'NS-0001',
      '{"values":',
      '[1,2]',
      { values: { laeq: 50, temperature: 21 } },
      { values: { laeq: 150 } },
      { values: { laeq: 5 } },
      { values: { laeq: '55' } },
      { at: t0 + 3_600_000, values: { laeq: 50 } },
      Buffer.alloc(20_000, 0x20).toString(),
    );
    // then an older reading (history, not the latest) and a newer one (the latest)
    await publish(device, 'NS-0001', { at: t0 - 120_000, values: { laeq: 40 } }, { values: { laeq: 61 } });
    await eventually(
      'all messages handled',
      () => detail('NS-0001'),
      (x) => x.readings.length === 3,
    );
    await app.brain.deviceIntake!.settled();
    const after = await detail('NS-0001');
    expect(rejectedOf(after)).toEqual({
      malformed: 3,
      unknown_field: 1,
      out_of_range: 2,
      wrong_type: 1,
      future_time: 1,
    });
    expect(after.readings.map((r: { values: { laeq: number } }) => r.values.laeq)).toEqual([61, 52.5, 40]);
    // `after`, not `d`: the detail reads the device row and its readings apart, so `d` may hold the row as it
    // was just before the batch that brought the third reading
    expect(after.device).toMatchObject({ lastReading: { laeq: 61 }, lastReadingAt: t0 });
    expect(after.rejected.find((r: { reason: string }) => r.reason === 'out_of_range').lastMessage).toMatch(
      /laeq 5 outside/,
    );

    // a device nobody registered and a topic that names no device: counted, nothing written, the broker client still fine
    const unknownBefore = app.brain.readings.unknownDevice;
    const badTopicBefore = app.brain.deviceIntake!.dropped.badTopic;
    await publish(device, 'GHOST-1', { values: { laeq: 50 } });
    await device.publishAsync('yiwang/devices/no*such/telemetry', '{}', { qos: 1 });
    await eventually(
      'the ghost counted',
      async () => app.brain.readings.unknownDevice,
      (n) => n === unknownBefore + 1,
    );
    await eventually(
      'the bad topic counted',
      async () => app.brain.deviceIntake!.dropped.badTopic,
      (n) => n === badTopicBefore + 1,
    );
    expect((await admin.get('/api/brain/devices/GHOST-1')).status).toBe(404);
    await publish(device, 'NS-0001', { values: { laeq: 62 } });
    await eventually(
      'still taking readings',
      () => detail('NS-0001'),
      (x) => x.device.lastReading?.laeq === 62,
    );
  });

  it('takes a gateway batch over HTTP with an API key: the good readings, each bad one refused and counted', async () => {
    await admin.post('/api/brain/devices', {
      id: 'AQ-0001',
      type: 'air_quality',
      name: '空气站 1',
      lng: 113.15,
      lat: 23.03,
    });
    await admin.post('/api/brain/devices', {
      id: 'MH-0001',
      type: 'manhole_cover',
      name: '井盖 1',
      lng: 113.15,
      lat: 23.03,
    });
    await admin.post('/api/brain/devices', {
      id: 'OLD-1',
      type: 'gas_leak',
      name: '旧燃气',
      lng: 113.15,
      lat: 23.03,
      status: 'retired',
    });
    const now = clock().now();
    const r = await gateway.post('/api/brain/devices/readings', {
      readings: [
        { deviceId: 'AQ-0001', at: now - 1000, values: { pm25: 35, pm10: 60, aqi: 50 } },
        { deviceId: 'MH-0001', values: { tilt: 2.5, open: false, battery: 88 } },
        { deviceId: 'AQ-0001', values: { pm25: 35, pm10: 60, aqi: 50.5 } },
        { deviceId: 'AQ-0001', values: { pm25: -1, pm10: 60, aqi: 50 } },
        { deviceId: 'MH-0001', values: { tilt: 2.5 } },
        { deviceId: 'MH-0001', values: { tilt: 2.5, open: 'yes' } },
        { deviceId: 'OLD-1', values: { lel: 3 } },
        { deviceId: 'NOBODY', values: { lel: 3 } },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.accepted).toBe(2);
    expect(
      r.body.refused.map((x: { index: number; reason: string; field?: string }) => [x.index, x.reason, x.field]),
    ).toEqual([
      [2, 'wrong_type', 'aqi'],
      [3, 'out_of_range', 'pm25'],
      [4, 'missing_field', 'open'],
      [5, 'wrong_type', 'open'],
      [6, 'retired', undefined],
      [7, 'unknown_device', undefined],
    ]);
    const aq = await detail('AQ-0001');
    expect(aq.readings).toHaveLength(1);
    expect(aq.device).toMatchObject({ online: true, lastReading: { pm25: 35, pm10: 60, aqi: 50 } });
    expect(rejectedOf(aq)).toEqual({ wrong_type: 1, out_of_range: 1 });
    expect(rejectedOf(await detail('MH-0001'))).toEqual({ missing_field: 1, wrong_type: 1 });
    expect((await detail('MH-0001')).device.lastReading).toEqual({ tilt: 2.5, open: false, battery: 88 });
    expect((await detail('OLD-1')).readings).toEqual([]);

    // the envelope itself is checked at the edge: 400, nothing taken
    for (const bad of [
      { readings: [] },
      { readings: [{ deviceId: 'AQ-0001' }] },
      { readings: [{ deviceId: 'AQ-0001', values: 5 }] },
      {},
    ]) {
      const res = await gateway.post('/api/brain/devices/readings', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect((await detail('AQ-0001')).readings).toHaveLength(1);
    // people do not push readings; keys without the permission neither
    expect(
      (await admin.post('/api/brain/devices/readings', { readings: [{ deviceId: 'AQ-0001', values: {} }] })).status,
    ).toBe(403);
  });

  it('goes offline after its type’s cadence, with list filters and the online rate per type', async () => {
    await admin.post('/api/brain/devices', {
      id: 'GL-0001',
      type: 'gas_leak',
      name: '燃气 1',
      lng: 113.15,
      lat: 23.03,
    });
    await admin.post('/api/brain/devices', {
      id: 'OQ-0001',
      type: 'outfall_quality',
      name: '排口 1',
      lng: 113.15,
      lat: 23.03,
    });
    const batch = await gateway.post('/api/brain/devices/readings', {
      readings: [
        { deviceId: 'GL-0001', values: { lel: 2 } },
        { deviceId: 'OQ-0001', values: { cod: 30, ammonia: 1.2, ph: 7.1 } },
      ],
    });
    expect(batch.body.accepted).toBe(2);
    const ids = async (q: string) =>
      (await admin.get(`/api/brain/devices?${q}`)).body.items.map((d: { id: string }) => d.id).sort();
    expect(await ids('type=gas_leak&status=online')).toEqual(['GL-0001']);
    expect((await admin.get('/api/brain/devices/GL-0001')).body.device.online).toBe(true);

    // gas leak detectors report every 5 min: three missed and it is offline; the hourly outfall station is not
    clock().advance(offlineAfterMs('gas_leak'));
    expect((await detail('GL-0001')).device.online).toBe(true);
    clock().advance(1);
    expect((await detail('GL-0001')).device.online).toBe(false);
    expect((await detail('OQ-0001')).device.online).toBe(true);
    // the retired one is never online
    expect(await ids('type=gas_leak&status=offline')).toEqual(['GL-0001', 'OLD-1']);
    expect(await ids('type=gas_leak&status=online')).toEqual([]);
    expect(await ids('type=outfall_quality&status=online')).toEqual(['OQ-0001']);
    const community = (await detail('GL-0001')).device.communityCode;
    expect(await ids(`community=${community}&type=gas_leak`)).toEqual(['GL-0001', 'OLD-1']);
    expect((await admin.get('/api/brain/devices?service=retired')).body.items.map((d: { id: string }) => d.id)).toEqual(
      ['OLD-1'],
    );
    const page = await admin.get('/api/brain/devices?limit=2');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    expect(page.body.next).toBe(page.body.items[1].id);

    const rate = (await admin.get('/api/brain/devices/online-rate')).body;
    const of = (t: string) => rate.items.find((i: { type: string }) => i.type === t);
    expect(of('gas_leak')).toEqual({ type: 'gas_leak', total: 1, online: 0, rate: 0 }); // OLD-1 is retired
    expect(of('outfall_quality')).toEqual({ type: 'outfall_quality', total: 1, online: 1, rate: 1 });
    expect((await admin.get('/api/brain/devices/online-rate?community=NO-SUCH')).body.total).toBe(0);

    // a reading brings it back
    await publish(device, 'GL-0001', { values: { lel: 3 } });
    await eventually(
      'back online',
      () => detail('GL-0001'),
      (d) => d.device.online === true,
    );

    const types = (await admin.get('/api/brain/devices/types')).body.items;
    expect(types.find((t: { type: string }) => t.type === 'gas_leak')).toMatchObject({
      cadenceS: 300,
      offlineAfterS: 900,
    });
  });
});

describe('city brain IoT devices on an external broker (Mosquitto)', () => {
  if (!MQTT_URL) {
    sayOnce(
      "[skip] brain devices on an external broker: needs TEST_MQTT_URL (.ci/run sets it to this machine's Mosquitto)",
    );
    it.skip('needs TEST_MQTT_URL', () => {});
    return;
  }
  it('handles each reading once with two nodes in a shared subscription; bad ones counted once', async () => {
    const group = `yw${Math.random().toString(36).slice(2, 8)}`;
    const env = { MQTT_URL: MQTT_URL!, MQTT_SHARE_GROUP: group };
    const first = await startTestApp('sqlite', { mqtt: true, env });
    const second = await startTestApp('sqlite', { mqtt: true, seed: false, env, share: { dataDir: first.dataDir } });
    const client = await mqtt.connectAsync(MQTT_URL!, { reconnectPeriod: 0 });
    try {
      const admin = await login(first, 'admin');
      // unique ids: the broker is shared with other runs
      const id = `RG-${Date.now().toString(36)}`;
      expect(
        (await admin.post('/api/brain/devices', { id, type: 'rain_gauge', name: '雨量 1', lng: 113.15, lat: 23.03 }))
          .status,
      ).toBe(201);
      const t0 = first.clock.now();
      for (let i = 0; i < 10; i++) await publish(client, id, { at: t0 - 60_000 * (10 - i), values: { rainfall: i } });
      for (let i = 0; i < 5; i++) await publish(client, id, { values: { rainfall: 301 } });
      await publish(client, id, 'not json');
      const get = async () => (await admin.get(`/api/brain/devices/${id}`)).body;
      await eventually('10 readings', get, (d) => d.readings.length === 10);
      await eventually(
        '6 refused',
        get,
        (d) => d.rejected.reduce((s: number, r: { count: number }) => s + r.count, 0) >= 6,
      );
      await new Promise((r) => setTimeout(r, 500)); // room for a duplicate delivery to show
      await first.brain.deviceIntake!.settled();
      await second.brain.deviceIntake!.settled();
      const d = await get();
      expect(rejectedOf(d)).toEqual({ out_of_range: 5, malformed: 1 });
      expect(d.device).toMatchObject({ online: true, lastReading: { rainfall: 9 } });
    } finally {
      await client.endAsync();
      await second.close();
      await first.dispose();
    }
  }, 60_000);
});
