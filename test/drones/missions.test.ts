/**
 * Flights the Cloud API way, end to end with a simulated dock on the embedded broker and the
 * embedded S3 store: a route drawn as waypoints becomes a WPML KMZ in the store; the pre-flight
 * checks; the job runner sends flighttask_prepare (the dock downloads the KMZ by its presigned URL
 * and checks the MD5) and flighttask_execute; progress events carry the flight to `ok`. Then a
 * refused prepare (battery), a dock that never answers (retried, then timed out), a failure
 * reported by the dock in flight (heavy rain), and cancel before take-off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SimDock } from '../../src/modules/drones/sim/sim-dock';
import { connectedDock, eventually } from './dock-rig';
import type { ManualClock } from '../../src/platform/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { login, withApiKey, type Client } from '../helpers/client';
import { dialects } from '../helpers/env';

const DOCK = '4TADKAQ000009J';
const AIRCRAFT = '1581F5BKD225D00BP899';
const HOME = { lng: 113.15, lat: 23.03 };
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

const route = (name: string, height = 60) => ({
  name,
  droneEnum: 91,
  droneSubEnum: 0,
  payloadEnum: 80,
  takeOffSecurityHeight: 20,
  globalSpeed: 10,
  globalRthHeight: 80,
  heightMode: 'relativeToStartPoint',
  finishAction: 'goHome',
  exitOnRcLost: 'goContinue',
  waypoints: [
    { lng: 113.152, lat: 23.031, height, actions: [{ kind: 'takePhoto' }] },
    { lng: 113.154, lat: 23.032, height, actions: [{ kind: 'gimbalRotate', pitch: -90 }, { kind: 'takePhoto' }] },
    { lng: 113.153, lat: 23.034, height, actions: [] },
  ],
});

interface Rig {
  a: TestApp;
  admin: Client;
  pilot: Client;
  dock: SimDock;
  routeId: string;
  /** runs the due jobs until none is left (JOBS=off in tests: the test is the job runner) */
  jobs(): Promise<void>;
  clock: ManualClock;
}

async function rig(dialect: 'sqlite' | 'postgres', answer?: (m: string) => number | null): Promise<Rig> {
  const a = await startTestApp(dialect, { mqtt: true, objectStore: true });
  open.push({ close: () => a.dispose() });
  const admin = await login(a, 'admin');
  const pilot = await login(a, 'pilot');
  const dock = await connectedDock(
    a,
    admin,
    pilot,
    {
      sn: DOCK,
      aircraftSn: AIRCRAFT,
      name: '测试机场',
      home: HOME,
      timeScale: 120,
      answer: answer ? (m) => answer(m) : undefined,
    },
    open,
  );
  const created = await pilot.post('/api/drones/routes', { route: route('千灯湖巡查'), scenario: 'park' });
  expect(created.status).toBe(201);
  return {
    a,
    admin,
    pilot,
    dock,
    routeId: created.body.route.id,
    clock: a.clock as ManualClock,
    async jobs() {
      for (let i = 0; i < 10; i++) if ((await a.platform.jobs.drain()) === 0) break;
    },
  };
}

const flight = (c: Client, id: string) => c.get(`/api/drones/flights/${id}`).then((r) => r.body);

describe.each(dialects('drone missions'))('flights over the Cloud API (%s)', (dialect) => {
  it('flies a drawn route: KMZ in the store, checks, prepare → execute → progress → ok', async () => {
    const r = await rig(dialect);
    const kmz = await r.pilot.get(`/api/drones/routes/${r.routeId}/kmz`);
    expect(kmz.status).toBe(200);
    const check = await r.pilot.post('/api/drones/flights/check', { routeId: r.routeId });
    expect(check.body).toMatchObject({ dockSn: DOCK, ok: true });
    expect(check.body.checks.map((c: any) => c.code)).toEqual(
      expect.arrayContaining([
        'dock_idle',
        'battery',
        'aircraft_in_dock',
        'wind',
        'range',
        'height',
        'airspace_conflict',
      ]),
    );

    const planned = await r.pilot.post('/api/drones/flights', { routeId: r.routeId });
    expect(planned.status).toBe(201);
    const id = planned.body.id;
    expect(planned.body).toMatchObject({ state: 'planned', dockSn: DOCK, aircraftSn: AIRCRAFT });
    // a second flight at the same time on the same dock is refused with the reason
    const clash = await r.pilot.post('/api/drones/flights', { routeId: r.routeId });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('preflight_failed');
    expect(clash.body.error.details.checks.find((c: any) => c.code === 'airspace_conflict').ok).toBe(false);

    await r.jobs();
    const prepare = (await eventually(
      'prepare at the dock',
      async () => r.dock.received.find((m) => m.method === 'flighttask_prepare'),
      (m) => !!m,
    ))!;
    expect(prepare.bid).toBe(id);
    expect(prepare.data).toMatchObject({
      flight_id: id,
      task_type: 0,
      rth_mode: 1,
      file: { fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    await eventually(
      'prepared',
      () => flight(r.pilot, id),
      (f) => f.state === 'prepared',
    );

    r.clock.advance(6000);
    await r.jobs();
    await eventually(
      'in progress',
      () => flight(r.pilot, id),
      (f) => f.state === 'in_progress' || f.state === 'ok',
    );
    const done = await eventually(
      'ok',
      () => flight(r.pilot, id),
      (f) => f.state === 'ok',
      30_000,
    );
    expect(done).toMatchObject({ percent: 100, reason: null });
    expect(done.finishedAt).not.toBeNull();
    // a progress event handled late (out of order) changes nothing of the finished flight
    const replies = () =>
      r.dock.received.filter((m) => m.topic.endsWith('/events_reply') && m.method === 'flighttask_progress').length;
    const repliedBefore = replies();
    await r.dock.publish(
      `thing/product/${DOCK}/events`,
      'flighttask_progress',
      {
        result: 0,
        output: { status: 'in_progress', progress: { current_step: 9, percent: 40 }, ext: { flight_id: id } },
      },
      { bid: id, needReply: true },
    );
    await eventually(
      'the late event answered',
      async () => replies(),
      (n) => n > repliedBefore,
    );
    expect(await flight(r.pilot, id)).toMatchObject({ state: 'ok', percent: 100, finishedAt: done.finishedAt });
    // every progress event asked for a reply and got one
    expect(
      r.dock.received.filter((m) => m.topic.endsWith('/events_reply') && m.method === 'flighttask_progress').length,
    ).toBeGreaterThan(0);
    // statistics from the aircraft's lifetime counters: one mission, one sortie, some time and distance
    const stats = (await r.pilot.get('/api/drones/stats?by=dock')).body;
    expect(stats.total).toMatchObject({ missions: 1, sorties: 1, ok: 1, failed: 0 });
    expect(stats.total.km).toBeGreaterThan(0.3);
    expect(stats.rows[0].key).toBe(DOCK);
    // the pictures went into the S3 store with the granted credentials and were called back once each
    const media = await eventually(
      '3 pictures',
      async () => (await r.pilot.get(`/api/drones/media?flightId=${id}`)).body.items,
      (l: any[]) => l.length === 3,
    );
    expect(r.dock.uploads).toBe(3);
    expect(media[0]).toMatchObject({
      dockSn: DOCK,
      flightId: id,
      lng: expect.any(Number),
      takenAt: expect.any(Number),
    });
    const picture = await fetch(media[0].url);
    expect(picture.status).toBe(200);
    expect((await picture.arrayBuffer()).byteLength).toBeGreaterThan(20);
  }, 60_000);

  it('says why the dock refused, and times out a dock that never answers after retrying', async () => {
    const low = await rig(dialect, (m) => (m === 'flighttask_prepare' ? 316009 : 0));
    const f1 = (await low.pilot.post('/api/drones/flights', { routeId: low.routeId })).body.id;
    await low.jobs();
    const refused = await eventually(
      'rejected',
      () => flight(low.pilot, f1),
      (f) => f.state === 'rejected',
    );
    expect(refused.resultCode).toBe(316009);
    expect(refused.reason).toContain('30%');
    await low.dock.close();
    await low.a.dispose();
    open.length = 0;

    const mute = await rig(dialect, (m) => (m === 'flighttask_prepare' ? null : 0));
    const f2 = (await mute.pilot.post('/api/drones/flights', { routeId: mute.routeId })).body.id;
    await mute.jobs();
    for (let i = 0; i < 3; i++) {
      await eventually(
        'a prepare attempt',
        async () => mute.dock.received.filter((m) => m.method === 'flighttask_prepare').length,
        (n) => n >= i + 1,
      );
      mute.clock.advance(3100);
      await mute.jobs();
    }
    const attempts = mute.dock.received.filter((m) => m.method === 'flighttask_prepare');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((m) => m.tid)).size).toBe(3); // a new tid per attempt, as DJI's cloud does
    const timedOut = await flight(mute.pilot, f2);
    expect(timedOut.state).toBe('timeout');
    expect(timedOut.reason).toContain('flighttask_prepare');
  }, 90_000);

  it('records a failure the dock reports in flight, and cancels a planned flight with undo', async () => {
    const r = await rig(dialect);
    const id = (await r.pilot.post('/api/drones/flights', { routeId: r.routeId })).body.id;
    await r.jobs();
    await eventually(
      'prepared',
      () => flight(r.pilot, id),
      (f) => f.state === 'prepared',
    );
    await r.dock.publish(
      `thing/product/${DOCK}/events`,
      'flighttask_progress',
      {
        result: 514134,
        output: { status: 'failed', progress: { current_step: 3, percent: 0 }, ext: { flight_id: id } },
      },
      { bid: id, needReply: true },
    );
    const failed = await eventually(
      'failed',
      () => flight(r.pilot, id),
      (f) => f.state === 'failed',
    );
    expect(failed.reason).toMatch(/降雨.*heavy rain/);

    const later = r.clock.now() + 3_600_000;
    const planned = await r.pilot.post('/api/drones/flights', {
      routeId: r.routeId,
      executeAt: later,
      name: '夜间巡查',
    });
    expect(planned.status).toBe(201);
    const canceled = await r.pilot.post(`/api/drones/flights/${planned.body.id}/command`, { action: 'cancel' });
    expect(canceled.body.state).toBe('canceled');
    r.clock.set(later + 1000);
    await r.jobs();
    expect(
      r.dock.received.filter((m) => m.method === 'flighttask_prepare' && m.data.flight_id === planned.body.id),
    ).toHaveLength(0);
    // a handler may not fly; bad routes are refused with the reason
    const handler = await login(r.a, 'handler');
    expect((await handler.post('/api/drones/flights', { routeId: r.routeId })).status).toBe(403);
    const bad = await r.pilot.post('/api/drones/routes', {
      route: { ...route('x'), waypoints: [route('x').waypoints[0]] },
      scenario: 'park',
    });
    expect(bad.status).toBe(400);
    // an owner unit identity does not know is refused before anything is stored
    const noOrg = await r.pilot.post('/api/drones/routes', {
      route: route('无主'),
      scenario: 'park',
      orgId: 'no-such-org',
    });
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.error.code).toBe('unknown_org');
    expect((await r.pilot.get('/api/drones/routes')).body.items.some((x: any) => x.name === '无主')).toBe(false);
    const tooHigh = await r.pilot.post('/api/drones/routes', { route: route('高空', 200), scenario: 'park' });
    expect(tooHigh.status).toBe(201);
    // the clock moved an hour: a real dock has sent its OSD every 2 s meanwhile
    await r.dock.osd();
    await eventually(
      'dock online again',
      async () => (await r.pilot.get(`/api/drones/devices/${DOCK}`)).body.device.online,
      (online) => online === true,
    );
    const highCheck = await r.pilot.post('/api/drones/flights/check', {
      routeId: tooHigh.body.route.id,
      executeAt: later + 7_200_000,
    });
    expect(highCheck.body.checks.find((c: any) => c.code === 'height')).toMatchObject({ ok: false, blocking: true });
    // an emergency flight to a work order's place: the nearest dock, a circle of pictures around the point
    const urgent = await r.pilot.post('/api/drones/flights/to-point', {
      lng: 113.155,
      lat: 23.033,
      kind: 'emergency',
      name: '应急：GC2026 火情核实',
      orderId: 'order-1',
    });
    expect(urgent.status).toBe(201);
    expect(urgent.body).toMatchObject({
      kind: 'emergency',
      dockSn: DOCK,
      orderId: 'order-1',
      scenario: 'emergency',
      state: 'planned',
    });
    const around = (await r.pilot.get('/api/drones/routes')).body.items.find((x: any) => x.id === urgent.body.routeId);
    expect(around.waypoints).toBe(4);
  }, 60_000);
});

describe.each(dialects('drone findings'))('AI findings into work orders (%s)', (dialect) => {
  it('reviews, merges repeats, confirms into an order with the picture, and auto-confirms above the threshold', async () => {
    const r = await rig(dialect);
    const id = (await r.pilot.post('/api/drones/flights', { routeId: r.routeId })).body.id;
    await r.jobs();
    await eventually(
      'prepared',
      () => flight(r.pilot, id),
      (f) => f.state === 'prepared',
    );
    r.clock.advance(6000);
    await r.jobs();
    const [picture] = await eventually(
      'pictures',
      async () => (await r.pilot.get(`/api/drones/media?flightId=${id}`)).body.items,
      (l: any[]) => l.length === 3,
    );

    const key = (await r.admin.post('/api/api-keys', { name: 'AI 识别服务', permissions: ['drones.findings.submit'] }))
      .body.key;
    const ai = withApiKey(r.a, key);
    const body = {
      algorithm: 'garbage',
      confidence: 0.72,
      lng: picture.lng,
      lat: picture.lat,
      address: '千灯湖公园东门',
      mediaId: picture.id,
      externalId: 'det-1',
      box: [0.1, 0.2, 0.3, 0.2],
    };
    const first = await ai.post('/api/drones/findings', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      merged: false,
      finding: { status: 'pending', flightId: id, dockSn: DOCK, source: 'apikey:AI 识别服务' },
    });
    // the same detection again: the first answer; the same pile seen from 5 m away: merged into it
    expect((await ai.post('/api/drones/findings', body)).body).toMatchObject({
      replayed: true,
      finding: { id: first.body.finding.id },
    });
    const repeat = await ai.post('/api/drones/findings', { ...body, externalId: 'det-2', lng: picture.lng + 0.00004 });
    expect(repeat.body).toMatchObject({
      merged: true,
      finding: { status: 'merged', mergedInto: first.body.finding.id },
    });
    // staff may not post findings; a pilot reviews them
    expect((await r.pilot.post('/api/drones/findings', body)).status).toBe(403);
    expect((await ai.post('/api/drones/findings', { ...body, algorithm: 'ufo' })).status).toBe(400);

    const confirmed = await r.pilot.post(`/api/drones/findings/${first.body.finding.id}/review`, {
      decision: 'confirm',
      note: '确认为垃圾堆放',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      repeats: 1,
      orderNumber: expect.stringMatching(/^GC\d{8}\d+/),
    });
    const dispatcher = await login(r.a, 'dispatcher');
    const order = (await dispatcher.get(`/api/orders/${confirmed.body.orderId}`)).body.order;
    expect(order).toMatchObject({ channel: 'drone', title: '无人机巡查发现：垃圾堆放', categoryCode: '010201' });
    // the drone picture came along as the order's 处置前 photo, readable by staff
    expect(order.attachments).toHaveLength(1);
    expect((await dispatcher.get(`/api/files/${order.attachments[0]}`)).status).toBe(200);
    expect(
      (await r.pilot.post(`/api/drones/findings/${first.body.finding.id}/review`, { decision: 'dismiss' })).status,
    ).toBe(409);

    const fire = await ai.post('/api/drones/findings', {
      algorithm: 'smoke_fire',
      confidence: 0.93,
      lng: 113.16,
      lat: 23.02,
      externalId: 'det-3',
    });
    expect(fire.body.finding).toMatchObject({ status: 'confirmed', reviewedBy: 'auto (apikey:AI 识别服务)' });
    const pending = (await r.pilot.get('/api/drones/findings?status=pending')).body.items;
    expect(pending).toHaveLength(0);
  }, 60_000);
});
