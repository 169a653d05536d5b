/**
 * Geofences end to end on both engines: CRUD with audit and bad input refused without a trace; a route
 * whose leg crosses a no-fly zone (no waypoint inside it) refused by the pre-flight check naming the
 * zone; and the Cloud API push with a simulated dock on the embedded broker and S3 store —
 * flight_areas_update (data null) → flight_areas_get → download by presigned URL → SHA-256 checked →
 * flight_areas_sync_progress shown per dock; a file altered in the store is reported as reason 12.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimDock } from '../../src/modules/drones/sim/sim-dock';
import { connectedDock, eventually } from './dock-rig';
import { flightAreasOf } from '../../src/modules/drones/sim/sim-flight-areas';
import { startTestApp, type TestApp } from '../helpers/app';
import { login, type Client } from '../helpers/client';
import { dialects } from '../helpers/env';

const DOCK = '4TADKAQ00000GF';
const AIRCRAFT = '1581F5BKD225D00GF01';
const HOME = { lng: 113.15, lat: 23.03 };
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

// a 200 m square east of the dock; the route below flies across it with no waypoint inside
const ZONE = [
  [113.153, 23.029],
  [113.155, 23.029],
  [113.155, 23.031],
  [113.153, 23.031],
];
const route = (name: string) => ({
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
    { lng: 113.151, lat: 23.032, height: 60, actions: [] },
    { lng: 113.152, lat: 23.0305, height: 60, actions: [{ kind: 'takePhoto' }] },
    { lng: 113.157, lat: 23.0305, height: 60, actions: [{ kind: 'takePhoto' }] },
  ],
});

interface Rig {
  a: TestApp;
  admin: Client;
  pilot: Client;
  dock: SimDock;
  jobs(): Promise<void>;
  auditSeq(): Promise<number>;
}

async function rig(dialect: 'sqlite' | 'postgres'): Promise<Rig> {
  const a = await startTestApp(dialect, { mqtt: true, objectStore: true });
  open.push({ close: () => a.dispose() });
  const admin = await login(a, 'admin');
  const pilot = await login(a, 'pilot');
  const dock = await connectedDock(
    a,
    admin,
    pilot,
    { sn: DOCK, aircraftSn: AIRCRAFT, name: '灯湖机场', home: HOME },
    open,
  );
  return {
    a,
    admin,
    pilot,
    dock,
    async jobs() {
      for (let i = 0; i < 10; i++) if ((await a.platform.jobs.drain()) === 0) break;
    },
    auditSeq: async () =>
      Number((await a.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq),
  };
}

describe.each(dialects('drone geofences'))('geofences (%s)', (dialect) => {
  it('creates, lists, changes and deletes zones; refuses bad ones without a trace', async () => {
    const r = await rig(dialect);
    const made = await r.admin.post('/api/drones/geofences', {
      name: '冠顺气站禁飞区',
      kind: 'no_fly',
      shape: 'polygon',
      polygon: ZONE,
      notes: '加油站上空',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '冠顺气站禁飞区', kind: 'no_fly', enabled: true, onDocks: true });
    expect(made.body.polygon).toHaveLength(4);
    const circle = await r.admin.post('/api/drones/geofences', {
      name: '街道作业区',
      kind: 'stay_inside',
      shape: 'circle',
      center: HOME,
      radiusM: 3000,
      maxHeightM: 120,
    });
    expect(circle.status).toBe(201);
    expect(circle.body).toMatchObject({ shape: 'circle', radiusM: 3000, center: HOME, maxHeightM: 120, polygon: null });

    const list = await r.pilot.get('/api/drones/geofences');
    expect(list.status).toBe(200);
    expect(list.body.items.map((g: any) => g.name).sort()).toEqual(['冠顺气站禁飞区', '街道作业区']);
    expect((await r.pilot.get('/api/drones/geofences?kind=stay_inside')).body.items).toHaveLength(1);

    const patched = await r.admin.patch(`/api/drones/geofences/${made.body.id}`, { name: '气站', maxHeightM: 50 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: '气站', maxHeightM: 50, onDocks: false });
    // polygon → circle: the ring goes, the centre and radius come
    const reshaped = await r.admin.patch(`/api/drones/geofences/${made.body.id}`, {
      shape: 'circle',
      center: { lng: 113.154, lat: 23.03 },
      radiusM: 120,
    });
    expect(reshaped.body).toMatchObject({ shape: 'circle', polygon: null, radiusM: 120 });

    const audit = await r.admin.get(`/api/audit?entityId=${made.body.id}`);
    expect(audit.body.items.map((x: any) => x.action)).toEqual(
      expect.arrayContaining(['drones.geofence.created', 'drones.geofence.updated']),
    );

    // bad input: 4xx with the reason, nothing changed
    const before = await r.auditSeq();
    const bad: Array<[Client, string, string, unknown, number, string]> = [
      [
        r.admin,
        'POST',
        '/api/drones/geofences',
        {
          name: 'x',
          kind: 'no_fly',
          shape: 'polygon',
          polygon: [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
          ],
        },
        400,
        'invalid_geofence',
      ],
      [
        r.admin,
        'POST',
        '/api/drones/geofences',
        { name: 'x', kind: 'no_fly', shape: 'circle', center: HOME },
        400,
        'invalid_geofence',
      ],
      [
        r.admin,
        'POST',
        '/api/drones/geofences',
        { name: 'x', kind: 'no_fly', shape: 'circle', center: HOME, radiusM: 5 },
        400,
        'invalid_request',
      ],
      [
        r.admin,
        'POST',
        '/api/drones/geofences',
        {
          name: 'x',
          kind: 'no_fly',
          shape: 'polygon',
          polygon: [
            [200, 0],
            [1, 1],
            [1, 0],
          ],
        },
        400,
        'invalid_request',
      ],
      [
        r.admin,
        'POST',
        '/api/drones/geofences',
        { name: 'x', kind: 'no_fly', shape: 'polygon', polygon: ZONE, orgId: 'nope' },
        400,
        'unknown_org',
      ],
      [
        r.admin,
        'PATCH',
        `/api/drones/geofences/${made.body.id}`,
        { minHeightM: 80, maxHeightM: 60 },
        400,
        'invalid_geofence',
      ],
      [r.admin, 'PATCH', '/api/drones/geofences/missing', { name: 'y' }, 404, 'not_found'],
      [
        r.pilot,
        'POST',
        '/api/drones/geofences',
        { name: 'x', kind: 'no_fly', shape: 'polygon', polygon: ZONE },
        403,
        'forbidden',
      ],
    ];
    for (const [c, method, url, body, status, code] of bad) {
      const res = await c.request(method, url, body as object);
      expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect(await r.auditSeq()).toBe(before);

    expect((await r.admin.delete(`/api/drones/geofences/${made.body.id}`)).body).toEqual({ ok: true });
    expect((await r.pilot.get(`/api/drones/geofences/${made.body.id}`)).status).toBe(404);
    expect((await r.admin.delete(`/api/drones/geofences/${made.body.id}`)).status).toBe(404);
  });

  it('refuses a route whose leg crosses a no-fly zone, naming the zone', async () => {
    const r = await rig(dialect);
    const created = await r.pilot.post('/api/drones/routes', { route: route('佛山水道巡查'), scenario: 'river' });
    expect(created.status).toBe(201);
    const routeId = created.body.route.id;
    const clear = await r.pilot.post('/api/drones/flights/check', { routeId });
    expect(clear.body.checks.find((c: any) => c.code === 'geofence_no_fly')).toMatchObject({ ok: true });

    const zone = await r.admin.post('/api/drones/geofences', {
      name: '冠顺气站禁飞区',
      kind: 'no_fly',
      shape: 'polygon',
      polygon: ZONE,
    });
    const check = await r.pilot.post('/api/drones/flights/check', { routeId });
    expect(check.body.ok).toBe(false);
    const nfz = check.body.checks.find((c: any) => c.code === 'geofence_no_fly');
    expect(nfz.ok).toBe(false);
    expect(nfz.message).toContain('冠顺气站禁飞区');
    const plan = await r.pilot.post('/api/drones/flights', { routeId });
    expect(plan.status).toBe(409);
    expect(plan.body.error.code).toBe('preflight_failed');
    expect(plan.body.error.message).toContain('冠顺气站禁飞区');

    // a stay-inside area the dock is outside of: refused with its name too
    await r.admin.patch(`/api/drones/geofences/${zone.body.id}`, { enabled: false });
    await r.admin.post('/api/drones/geofences', {
      name: '三洲水闸作业区',
      kind: 'stay_inside',
      shape: 'circle',
      center: { lng: 113.2, lat: 23.1 },
      radiusM: 500,
    });
    const outside = await r.pilot.post('/api/drones/flights/check', { routeId });
    const dfence = outside.body.checks.find((c: any) => c.code === 'geofence_stay_inside');
    expect(dfence.ok).toBe(false);
    expect(dfence.message).toContain('三洲水闸作业区');
    expect(outside.body.checks.find((c: any) => c.code === 'geofence_no_fly').ok).toBe(true);
  });

  it('pushes the areas the Cloud API way and shows each dock’s sync', async () => {
    const r = await rig(dialect);
    const sim = flightAreasOf(r.dock);
    const zone = await r.admin.post('/api/drones/geofences', {
      name: '二洲河堤禁飞区',
      kind: 'no_fly',
      shape: 'polygon',
      polygon: ZONE,
    });
    expect(zone.status).toBe(201);
    await r.jobs(); // the command job publishes flight_areas_update
    const update = await eventually(
      'flight_areas_update at the dock',
      async () => r.dock.received.find((m) => m.method === 'flight_areas_update'),
      (m) => !!m,
    );
    expect(update!.topic).toBe(`thing/product/${DOCK}/services`);
    const synced = await eventually(
      'the dock synchronized',
      async () => (await r.pilot.get('/api/drones/geofences/sync')).body,
      (b) => b.docks.find((d: any) => d.dockSn === DOCK)?.status === 'synchronized',
    );
    const mine = synced.docks.find((d: any) => d.dockSn === DOCK);
    expect(synced.file).toMatchObject({ areas: 1 });
    expect(synced.file.name).toMatch(/^geofence_[0-9a-f]{32}\.json$/);
    expect(mine).toMatchObject({ current: true, online: true, checksum: synced.file.checksum, reason: 0 });
    expect(mine.servedAt).not.toBeNull();
    // what the dock downloaded is DJI's format, and its SHA-256 is the one the platform announced
    expect(sim.file!.checksum).toBe(synced.file.checksum);
    expect(sim.file!.features).toEqual([
      expect.objectContaining({ id: zone.body.id, type: 'Feature', geofence_type: 'nfz' }),
    ]);
    expect(sim.reports.map((x) => x.status)).toEqual(['synchronizing', 'synchronized']);
    const stored = await r.a.platform.objectStore.get(`geofences/${synced.file.name}`);
    expect(createHash('sha256').update(stored!).digest('hex')).toBe(synced.file.checksum);

    // a rename does not change the dock's file: nothing is pushed
    const updates = () => r.dock.received.filter((m) => m.method === 'flight_areas_update').length;
    await r.admin.patch(`/api/drones/geofences/${zone.body.id}`, { name: '河堤' });
    await r.jobs();
    await new Promise((res) => setTimeout(res, 300));
    expect(updates()).toBe(1);

    // the file altered in the store: the dock's checksum check fails, shown with DJI's reason 12
    await r.a.platform.objectStore.put(
      `geofences/${synced.file.name}`,
      Buffer.from('{"type":"FeatureCollection","features":[]}'),
    );
    const pushed = await r.admin.post('/api/drones/geofences/sync', {});
    expect(pushed.status).toBe(200);
    expect(pushed.body.pushed).toEqual([DOCK]);
    await r.jobs();
    const failed = await eventually(
      'the dock reporting a failed sync',
      async () => (await r.pilot.get('/api/drones/geofences/sync')).body.docks.find((d: any) => d.dockSn === DOCK),
      (d) => d?.status === 'fail',
    );
    expect(failed).toMatchObject({ reason: 12, current: false });
    expect(failed.reasonText).toContain('checksum');
    const audit = await r.admin.get(`/api/audit?entityId=${DOCK}`);
    expect(audit.body.items.map((x: any) => x.action)).toEqual(
      expect.arrayContaining(['drones.geofence.synced', 'drones.geofence.sync_failed']),
    );

    // every area deleted: the docks are told, and an empty list clears theirs
    await r.admin.delete(`/api/drones/geofences/${zone.body.id}`);
    await r.jobs();
    const cleared = await eventually(
      'the dock cleared',
      async () => (await r.pilot.get('/api/drones/geofences/sync')).body,
      (b) => b.docks.find((d: any) => d.dockSn === DOCK)?.status === 'synchronized' && b.file === null,
    );
    expect(cleared.docks.find((d: any) => d.dockSn === DOCK).current).toBe(true);
    expect(sim.file).toBeNull();
  });
});
