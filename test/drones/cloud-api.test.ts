/**
 * The DJI Cloud API as a real dock speaks it, against the embedded broker (always) and Mosquitto
 * (TEST_MQTT_URL, as .ci/run sets): registration and the dock's own MQTT login, update_topo and
 * status_reply, the config and binding requests, flight_areas_get / offline_map_get, split OSD
 * merged into one state, health reports as complete sets, and malformed messages counted without
 * changing anything. Payloads are shaped as in DJI's documentation. The simulated dock
 * (src/modules/drones/sim) is a separate MQTT client, as a real one is.
 */
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { SimDock } from '../../src/modules/drones/sim/sim-dock';
import { startTestApp, type TestApp } from '../helpers/app';
import { login, type Client } from '../helpers/client';
import { dialects, MQTT_URL, sayOnce } from '../helpers/env';

const DOCK = '4TADKAQ000002J';
const AIRCRAFT = '1581F5BKD225D00BP891';
const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

async function app(dialect: 'sqlite' | 'postgres', env: Record<string, string> = {}): Promise<TestApp> {
  const a = await startTestApp(dialect, {
    mqtt: true,
    env: { DJI_APP_ID: '123456', DJI_APP_KEY: 'key', DJI_APP_LICENSE: 'licence', NTP_SERVER: '10.0.0.1', ...env },
  });
  open.push({ close: () => a.dispose() });
  return a;
}

async function eventually<T>(what: string, f: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function dock(url: string, o: Partial<ConstructorParameters<typeof SimDock>[0]> = {}): Promise<SimDock> {
  const d = new SimDock({ brokerUrl: url, dockSn: DOCK, aircraftSn: AIRCRAFT, lng: 113.15, lat: 23.03, ...o });
  await d.connect();
  open.push(d);
  return d;
}

const embeddedUrl = (a: TestApp) => `mqtt://127.0.0.1:${a.mqtt!.port}`;

async function registered(a: TestApp, admin: Client): Promise<string> {
  const res = await admin.post('/api/drones/docks', {
    sn: DOCK,
    name: '千灯湖 1 号机场',
    modelKey: '3-2-0',
    homeLng: 113.15,
    homeLat: 23.03,
  });
  expect(res.status).toBe(201);
  expect(res.body.mqtt).toMatchObject({ username: DOCK, port: a.config.mqttPort });
  expect(res.body.mqtt.password.length).toBeGreaterThanOrEqual(12);
  return res.body.mqtt.password;
}

describe.each(dialects('drones cloud api'))('DJI Cloud API on the embedded broker (%s)', (dialect) => {
  it('lets a registered dock in with its own login only, and keeps others off the dock topics', async () => {
    const a = await app(dialect);
    const admin = await login(a, 'admin');
    const password = await registered(a, admin);
    await expect(
      mqtt.connectAsync(embeddedUrl(a), {
        username: DOCK,
        password: 'wrong',
        reconnectPeriod: 0,
        connectTimeout: 3000,
      }),
    ).rejects.toThrow(/Not authorized|Bad username/);
    const d = await dock(embeddedUrl(a), { password });
    expect(d.client!.connected).toBe(true);

    // an anonymous client may use other topics, but not subscribe to the docks' or speak for one
    const other = await mqtt.connectAsync(embeddedUrl(a), { reconnectPeriod: 0 });
    open.push({ close: () => other.endAsync(true) });
    await expect(other.subscribeAsync('thing/product/+/osd')).rejects.toThrow(/Subscribe error/);
    await expect(other.subscribeAsync('#')).rejects.toThrow(/Subscribe error/);
    expect((await other.subscribeAsync('yiwang-test/x')).map((g) => g.qos)).toEqual([0]);
    // a dock may not publish as another device (the broker refuses it and drops the connection)
    void d
      .publish('thing/product/OTHERDOCK0001/status', 'update_topo', { domain: '3', type: 2, sub_type: 0 })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    // the demo seed registers its own docks: only ours matter here
    expect(
      (await admin.get('/api/drones/devices')).body.items
        .map((x: any) => x.sn)
        .filter((sn: string) => !sn.startsWith('7CTDM'))
        .sort(),
    ).toEqual([DOCK]);
  });

  it('answers update_topo, config, binding, flight areas and offline maps as the API requires', async () => {
    const a = await app(dialect);
    const admin = await login(a, 'admin');
    const password = await registered(a, admin);
    const info = (await admin.get('/api/drones/connection')).body;
    expect(info).toMatchObject({ organizationId: 'yiwang', developerAppConfigured: true, ntpServer: '10.0.0.1' });
    expect(info.bindingCode).toMatch(/^\d{6}$/);
    const d = await dock(embeddedUrl(a), {
      password,
      bindingCode: info.bindingCode,
      organizationId: 'yiwang',
      callsign: '千灯湖1号',
    });

    const topo = await d.topology();
    expect(topo.topic).toBe(`sys/product/${DOCK}/status_reply`);
    expect(topo.method).toBe('update_topo');
    expect(topo.data).toEqual({ result: 0 });

    const { config, bound } = await d.bootstrap();
    // the config reply's fields sit directly in data: no result/output wrapper
    expect(config.data).toEqual({
      app_id: '123456',
      app_key: 'key',
      app_license: 'licence',
      ntp_server_host: '10.0.0.1',
      ntp_server_port: 123,
    });
    expect(bound.data).toEqual({ result: 0, output: { err_infos: [] } });
    const again = await d.request('airport_bind_status', { devices: [{ sn: DOCK }, { sn: AIRCRAFT }] });
    expect((again.data.output as any).bind_status).toEqual([
      {
        sn: DOCK,
        is_device_bind_organization: true,
        organization_id: 'yiwang',
        organization_name: '一网',
        device_callsign: '千灯湖1号',
      },
      {
        sn: AIRCRAFT,
        is_device_bind_organization: true,
        organization_id: 'yiwang',
        organization_name: '一网',
        device_callsign: '千灯湖1号-A',
      },
    ]);
    const wrong = await d.request('airport_organization_get', {
      device_binding_code: '000000',
      organization_id: 'yiwang',
    });
    expect(wrong.data.result).not.toBe(0);

    expect((await d.request('flight_areas_get', {})).data).toEqual({ result: 0, output: { files: [] } });
    expect((await d.request('offline_map_get', {})).data).toEqual({
      result: 0,
      output: { offline_map_enable: false, files: [] },
    });

    const list = (await admin.get('/api/drones/devices')).body.items.filter(
      (x: any) => x.sn === DOCK || x.sn === AIRCRAFT,
    );
    expect(list.map((x: any) => [x.sn, x.domain, x.online, x.bound, x.gatewaySn])).toEqual([
      [AIRCRAFT, 'aircraft', true, true, DOCK],
      [DOCK, 'dock', true, true, null],
    ]);
    // the aircraft dropped off the dock's link: an empty sub_devices
    await d.topology(false);
    const detached = (await admin.get(`/api/drones/devices/${AIRCRAFT}`)).body.device;
    expect(detached).toMatchObject({ gatewaySn: null, online: false });
  });

  it('merges split OSD into one state and refuses what it cannot use without changing it', async () => {
    const a = await app(dialect);
    const admin = await login(a, 'admin');
    const password = await registered(a, admin);
    const d = await dock(embeddedUrl(a), { password });
    await d.topology();
    await d.osd();
    const state = await eventually(
      'merged dock state',
      async () => (await admin.get(`/api/drones/devices/${DOCK}`)).body.device,
      (dev) => dev.dock?.subDeviceSn === AIRCRAFT && dev.dock?.taskStep === 5,
    );
    expect(state.dock).toMatchObject({
      modeCode: 0,
      droneInDock: true,
      droneBattery: 96,
      windSpeed: 2.1,
      point: { lng: 113.15, lat: 23.03 },
    });
    const aircraft = await eventually(
      'aircraft state',
      async () => (await admin.get(`/api/drones/devices/${AIRCRAFT}`)).body.device,
      (dev) => dev.aircraft !== null,
    );
    expect(aircraft.aircraft).toMatchObject({ modeCode: 14, battery: 96, totalSorties: 120 });

    // garbage, a wrong type, an unknown request: counted per device, topic and reason
    await d.client!.publishAsync(`thing/product/${DOCK}/osd`, '{not json', { qos: 1 });
    await d.publish(`thing/product/${DOCK}/osd`, null, { wind_speed: 'strong' });
    await d.publish(`thing/product/${DOCK}/requests`, 'no_such_request', {});
    const faults = await eventually(
      'faults recorded',
      async () => (await admin.get(`/api/drones/faults?sn=${DOCK}`)).body.items,
      (f: any[]) => f.length >= 3,
      12_000,
    );
    expect(faults.map((f: any) => `${f.topicKind}:${f.reason}`).sort()).toEqual([
      'osd:bad_field',
      'osd:not_json',
      'requests:unknown_method',
    ]);
    expect(faults.find((f: any) => f.reason === 'not_json').sample).toContain('{not json');
    const after = (await admin.get(`/api/drones/devices/${DOCK}`)).body.device;
    expect(after.dock.windSpeed).toBe(2.1);
    expect(after.online).toBe(true);
  });

  it('keeps the health alerts as the complete set each report gives', async () => {
    const a = await app(dialect);
    const admin = await login(a, 'admin');
    const d = await dock(embeddedUrl(a), { password: await registered(a, admin) });
    await d.topology();
    const alert = (code: string, deviceType: string) => ({
      args: { component_index: 0, sensor_index: 0 },
      code,
      device_type: deviceType,
      imminent: 1,
      in_the_sky: 0,
      level: 2,
      module: 3,
    });
    await d.publish(`thing/product/${DOCK}/events`, 'hms', {
      list: [alert('0x16100083', '0-91-0'), alert('0x1B010001', '3-2-0')],
    });
    const first = await eventually(
      'two alerts',
      async () => (await admin.get(`/api/drones/devices/${DOCK}`)).body.alerts,
      (l: any[]) => l.length === 2,
    );
    expect(first.map((x: any) => x.textKey).sort()).toEqual(['dock_tip_1b010001', 'fpv_tip_16100083']);
    await d.publish(`thing/product/${DOCK}/events`, 'hms', { list: [alert('0x1B010001', '3-2-0')] });
    const second = await eventually(
      'one resolved',
      async () => (await admin.get(`/api/drones/devices/${DOCK}`)).body.alerts,
      (l: any[]) => l.length === 1,
    );
    expect(second[0].code).toBe('0x1B010001');
    // an event with need_reply gets its events_reply
    const reply = await d.ask(`thing/product/${DOCK}/events`, 'hms', { list: [] }, 5000, true);
    expect(reply.topic).toBe(`thing/product/${DOCK}/events_reply`);
    expect(reply.data).toEqual({ result: 0 });
  });
});

describe('DJI Cloud API on an external broker (Mosquitto)', () => {
  if (!MQTT_URL) {
    sayOnce(
      "[skip] drones on an external broker: TEST_MQTT_URL is not set (.ci/run sets it to this machine's Mosquitto)",
    );
    it.skip('needs TEST_MQTT_URL', () => {});
    return;
  }
  it('handles each dock message once with two nodes in a shared subscription', async () => {
    const group = `yw${Math.random().toString(36).slice(2, 8)}`;
    const env = { MQTT_URL: MQTT_URL!, MQTT_SHARE_GROUP: group };
    const first = await app('sqlite', env);
    const second = await startTestApp('sqlite', { mqtt: true, seed: false, env, share: { dataDir: first.dataDir } });
    open.push({ close: () => second.close() });
    // unique serials: the broker is shared with other runs
    const sn = `SIM${Date.now().toString(36).toUpperCase()}`;
    const d = await dock(MQTT_URL!, { dockSn: sn, aircraftSn: `${sn}A`, username: undefined });
    const replies = new Map<string, number>();
    d.onReceive((r) => replies.set(r.tid, (replies.get(r.tid) ?? 0) + 1));
    await d.topology();
    const tids: string[] = [];
    for (let i = 0; i < 20; i++) tids.push(await d.publish(`thing/product/${sn}/requests`, 'flight_areas_get', {}));
    await eventually(
      '20 replies',
      async () => tids.filter((t) => replies.has(t)).length,
      (n) => n === 20,
    );
    await new Promise((r) => setTimeout(r, 500)); // room for a second, duplicate reply to arrive
    expect(tids.map((t) => replies.get(t))).toEqual(tids.map(() => 1));
    const admin = await login(first, 'admin');
    expect((await admin.get(`/api/drones/devices/${sn}`)).body.device).toMatchObject({ online: true, domain: 'dock' });
  });
});
