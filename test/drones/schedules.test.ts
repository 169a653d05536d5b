/**
 * Recurring flight schedules on both engines, with a simulated dock on the embedded broker: the
 * job plans each take-off of the coming day through the flights' own planning, once — however
 * often the job runs, after a crash between the flight and its record, and with two apps on one
 * database; a take-off whose checks fail is recorded as skipped with the reason; an edit or a
 * switch-off cancels what was not sent yet; the calendar shows flights, coming take-offs and skips.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectedDock } from './dock-rig';
import type { ManualClock } from '../../src/platform/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { login, type Client } from '../helpers/client';
import { dialects } from '../helpers/env';

const DOCK = '4TADKAQ000014S';
const AIRCRAFT = '1581F5BKD225D00SC014';
const HOME = { lng: 113.15, lat: 23.03 };
const H = 3600_000;
/** the test clock starts at 2026-03-02 09:00 in Shanghai, a Monday */
const sh = (s: string) => Date.parse(`${s}+08:00`);
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

const route = {
  name: '佛山水道巡河',
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
    { lng: 113.152, lat: 23.031, height: 60, actions: [{ kind: 'takePhoto' }] },
    { lng: 113.154, lat: 23.032, height: 60, actions: [{ kind: 'takePhoto' }] },
  ],
};

interface Rig {
  a: TestApp;
  pilot: Client;
  leader: Client;
  routeId: string;
  clock: ManualClock;
  /** the job runner's due work, then the planning passes it started */
  jobs(): Promise<void>;
}

async function rig(dialect: 'sqlite' | 'postgres'): Promise<Rig> {
  const a = await startTestApp(dialect, { mqtt: true, objectStore: true, trainingSamples: 200 });
  open.push({ close: () => a.dispose() });
  const admin = await login(a, 'admin');
  const pilot = await login(a, 'pilot');
  const dock = await connectedDock(
    a,
    admin,
    pilot,
    { sn: DOCK, aircraftSn: AIRCRAFT, name: '测试机场', home: HOME, timeScale: 120 },
    open,
  );
  const created = await pilot.post('/api/drones/routes', { route, scenario: 'river' });
  expect(created.status).toBe(201);
  return {
    a,
    pilot,
    leader: await login(a, 'leader'),
    routeId: created.body.route.id,
    clock: a.clock as ManualClock,
    async jobs() {
      for (let i = 0; i < 10; i++) if ((await a.platform.jobs.drain()) === 0) break;
      await a.drones.schedules.settled();
    },
  };
}

const schedule = (routeId: string, over: Record<string, unknown> = {}) => ({
  name: '佛山水道定时巡河',
  routeId,
  dockSn: DOCK,
  scenario: 'river',
  purpose: '河涌日常巡查（河长办）',
  cron: '0 8-18/2 * * *',
  startDate: '2026-03-02',
  ...over,
});

async function flightsOf(a: TestApp) {
  return a.platform.db
    .selectFrom('drone_flights')
    .select(['id', 'execute_at', 'state', 'dock_sn'])
    .orderBy('execute_at')
    .execute();
}
async function runsOf(a: TestApp, id: string) {
  return a.platform.db
    .selectFrom('drone_schedule_runs')
    .selectAll()
    .where('schedule_id', '=', id)
    .orderBy('occurrence_at')
    .execute();
}
const times = (xs: Array<{ execute_at: number } | number>) =>
  xs.map((x) =>
    new Date((typeof x === 'number' ? x : Number(x.execute_at)) + 8 * H).toISOString().slice(5, 16).replace('T', ' '),
  );

describe.each(dialects('drone schedules'))('recurring flight schedules (%s)', (dialect) => {
  it('plans each take-off of the coming day once, however often the job runs', async () => {
    const r = await rig(dialect);
    const res = await r.pilot.post('/api/drones/schedules', schedule(r.routeId));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id;
    expect(res.body).toMatchObject({ enabled: true, revision: 1, dockSn: DOCK, routeName: route.name });
    expect(times(res.body.next)).toEqual(['03-02 10:00', '03-02 12:00', '03-02 14:00', '03-02 16:00', '03-02 18:00']);
    // created at 09:00: 10:00 … 18:00 today and 08:00 tomorrow are within the 24 h ahead
    const expected = ['03-02 10:00', '03-02 12:00', '03-02 14:00', '03-02 16:00', '03-02 18:00', '03-03 08:00'];
    expect(times(await flightsOf(r.a))).toEqual(expected);
    expect((await flightsOf(r.a)).every((f) => f.state === 'planned' && f.dock_sn === DOCK)).toBe(true);

    // the job again, twice, and passes racing each other: nothing planned twice
    await r.jobs();
    await r.jobs();
    const s = r.a.drones.schedules;
    await Promise.all([s.kick(), s.materialiseAll(), s.materialiseAll()]);
    expect(times(await flightsOf(r.a))).toEqual(expected);
    expect((await runsOf(r.a, id)).map((x) => x.state)).toEqual(Array(6).fill('planned'));

    // a node that died after planning a flight but before recording it: the flight's key tells the next pass
    const first = (await runsOf(r.a, id))[0];
    await r.a.platform.db.deleteFrom('drone_schedule_runs').where('flight_id', '=', first.flight_id).execute();
    await s.kick();
    expect(times(await flightsOf(r.a))).toEqual(expected);
    expect((await runsOf(r.a, id))[0]).toMatchObject({ state: 'planned', flight_id: first.flight_id });

    // two hours later the job's next tick plans the take-off now within a day (10:00 tomorrow)
    r.clock.advance(2 * H);
    await r.jobs();
    expect(times(await flightsOf(r.a)).filter((t) => t.startsWith('03-03'))).toEqual(['03-03 08:00', '03-03 10:00']);
    const detail = await r.pilot.get(`/api/drones/schedules/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.runs).toHaveLength(7);
    expect(detail.body.runs[0]).toMatchObject({ state: 'planned', flightState: 'planned', revision: 1 });
  }, 60_000);

  it('plans each take-off once with two apps on one database', async () => {
    const r = await rig(dialect);
    const res = await r.pilot.post('/api/drones/schedules', schedule(r.routeId, { enabled: false }));
    expect(res.status).toBe(201);
    expect(await flightsOf(r.a)).toHaveLength(0);
    await r.a.drones.telemetry.flush(); // the second node reads the dock's state from the database
    const b = await startTestApp(dialect, {
      share: { dataDir: r.a.dataDir, pgSchema: r.a.pgSchema },
      seed: false,
      trainingSamples: 200,
    });
    open.push({ close: () => b.dispose() });
    await r.a.platform.db.updateTable('drone_schedules').set({ enabled: 1 }).where('id', '=', res.body.id).execute();
    const [sa, sb] = [r.a.drones.schedules, b.drones.schedules];
    await Promise.all([sa.materialiseAll(), sb.materialiseAll()]);
    // whatever a busy database refused in the race is decided by the next pass, still once
    await sa.materialiseAll();
    await sb.materialiseAll();
    const flights = await flightsOf(r.a);
    expect(times(flights)).toEqual([
      '03-02 10:00',
      '03-02 12:00',
      '03-02 14:00',
      '03-02 16:00',
      '03-02 18:00',
      '03-03 08:00',
    ]);
    expect(new Set(flights.map((f) => f.id)).size).toBe(6);
    const runs = await runsOf(r.a, res.body.id);
    expect(runs.map((x) => [x.state, x.flight_id])).toEqual(flights.map((f) => ['planned', f.id]));
  }, 60_000);

  it('records a take-off whose pre-flight checks fail as skipped, with the reason', async () => {
    const r = await rig(dialect);
    const offline = (await r.pilot.get('/api/drones/devices')).body.items.find(
      (d: any) => d.domain === 'dock' && d.sn !== DOCK && !d.online,
    );
    expect(offline, 'a demo dock that is offline').toBeTruthy();
    const res = await r.pilot.post(
      '/api/drones/schedules',
      schedule(r.routeId, { dockSn: offline.sn, cron: '30 14 * * 1,3,5' }),
    );
    expect(res.status).toBe(201);
    const runs = await runsOf(r.a, res.body.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      state: 'skipped',
      flight_id: null,
      code: 'preflight_failed',
      occurrence_at: sh('2026-03-02T14:30'),
    });
    expect(runs[0].reason).toContain('机场离线');
    expect(runs[0].reason).toContain('the dock is offline');
    const detail = (await r.pilot.get(`/api/drones/schedules/${res.body.id}`)).body;
    expect(detail.runs[0].checks.find((c: any) => c.code === 'dock_online')).toMatchObject({
      ok: false,
      blocking: true,
    });
    const listed = (await r.pilot.get('/api/drones/schedules')).body.items.find((x: any) => x.id === res.body.id);
    expect(listed.lastSkipped).toMatchObject({ at: sh('2026-03-02T14:30'), code: 'preflight_failed' });
    // recorded once: the job again adds neither a flight nor a second record
    await r.jobs();
    expect(await runsOf(r.a, res.body.id)).toHaveLength(1);
    expect(await flightsOf(r.a)).toHaveLength(0);
  }, 60_000);

  it('shows flights, coming take-offs and skipped ones in the calendar, across the docks or for one', async () => {
    const r = await rig(dialect);
    const daily = (
      await r.pilot.post('/api/drones/schedules', schedule(r.routeId, { cron: '0 8 * * *', startDate: '2026-03-03' }))
    ).body;
    const offline = (await r.pilot.get('/api/drones/devices')).body.items.find(
      (d: any) => d.domain === 'dock' && !d.online,
    );
    const failing = (
      await r.pilot.post(
        '/api/drones/schedules',
        schedule(r.routeId, { name: '公园巡查', cron: '0 15 * * *', dockSn: offline.sn, scenario: 'park' }),
      )
    ).body;
    const manual = await r.pilot.post('/api/drones/flights', { routeId: r.routeId, executeAt: sh('2026-03-02T11:00') });
    expect(manual.status, JSON.stringify(manual.body)).toBe(201);
    const from = sh('2026-03-02T00:00');
    const to = from + 7 * 24 * H;
    const cal = await r.pilot.get(`/api/drones/calendar?from=${from}&to=${to}`);
    expect(cal.status).toBe(200);
    expect(cal.body.docks.map((d: any) => d.sn)).toContain(DOCK);
    expect(cal.body.docks.length).toBeGreaterThanOrEqual(9); // the eight demo docks and the test's
    const items = cal.body.items as any[];
    const line = (i: any) => `${i.kind} ${times([i.start])[0]} ${i.name}`;
    expect(items.filter((i) => i.scheduleId === daily.id).map(line)).toEqual([
      `flight 03-03 08:00 ${daily.name}`,
      ...['03-04', '03-05', '03-06', '03-07', '03-08'].map((d) => `occurrence ${d} 08:00 ${daily.name}`),
    ]);
    const skipped = items.filter((i) => i.scheduleId === failing.id);
    expect(skipped.map(line)).toEqual([
      'skipped 03-02 15:00 公园巡查',
      ...['03-03', '03-04', '03-05', '03-06', '03-07', '03-08'].map((d) => `occurrence ${d} 15:00 公园巡查`),
    ]);
    expect(skipped[0].reason).toContain('the dock is offline');
    const one = items.find((i) => i.flightId === manual.body.id);
    expect(one).toMatchObject({ kind: 'flight', state: 'planned', scheduleId: null, dockSn: DOCK });
    expect(one.end).toBeGreaterThan(one.start);
    // one dock: only its own
    const mine = (await r.pilot.get(`/api/drones/calendar?from=${from}&to=${to}&dockSn=${DOCK}`)).body.items as any[];
    expect(mine.length).toBe(items.length - skipped.length);
    expect(mine.every((i) => i.dockSn === DOCK)).toBe(true);
  }, 60_000);

  it('an edit cancels the old form’s flights not sent yet; a switched-off schedule plans nothing', async () => {
    const r = await rig(dialect);
    const s = (
      await r.pilot.post('/api/drones/schedules', schedule(r.routeId, { cron: '0 8 * * *', startDate: '2026-03-03' }))
    ).body;
    expect(times(await flightsOf(r.a))).toEqual(['03-03 08:00']);
    const edited = await r.pilot.patch(`/api/drones/schedules/${s.id}`, {
      cron: '0 10,16 * * *',
      startDate: '2026-03-02',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ revision: 2, cron: '0 10,16 * * *' });
    const after = await flightsOf(r.a);
    expect(after.map((f) => `${times([f])[0]} ${f.state}`)).toEqual([
      '03-02 10:00 planned',
      '03-02 16:00 planned',
      '03-03 08:00 canceled',
    ]);
    const off = await r.pilot.patch(`/api/drones/schedules/${s.id}`, { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, revision: 3, next: [] });
    expect((await flightsOf(r.a)).map((f) => f.state)).toEqual(['canceled', 'canceled', 'canceled']);
    const cal = await r.pilot.get(`/api/drones/calendar?from=${sh('2026-03-02T00:00')}&to=${sh('2026-03-09T00:00')}`);
    expect(cal.body.items, JSON.stringify(cal.body)).toEqual([]); // canceled flights and a switched-off schedule leave the week empty
    r.clock.advance(24 * H);
    await r.jobs();
    expect(await flightsOf(r.a)).toHaveLength(3);
  }, 60_000);

  it('refuses bad schedules and calendar questions with the reason, changing nothing', async () => {
    const r = await rig(dialect);
    const seq = async () =>
      Number((await r.a.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    const before = await seq();
    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ cron: '0 9 * *' }, 400, 'invalid_cron'],
      [{ cron: '0 0 9 * * *' }, 400, 'invalid_cron'],
      [{ cron: 'every day at nine' }, 400, 'invalid_cron'],
      [{ cron: '*/10 * * * *' }, 400, 'cron_too_frequent'],
      [{ startDate: '2026-02-30' }, 400, 'invalid_date'],
      [{ startDate: '2026-3-2' }, 400, 'invalid_request'],
      [{ endDate: '2026-03-01' }, 400, 'end_before_start'],
      [{ startDate: '2025-01-01', endDate: '2025-12-31' }, 400, 'no_occurrence'],
      [{ routeId: 'no-such-route' }, 400, 'unknown_route'],
      [{ dockSn: 'NOSUCHDOCK' }, 400, 'invalid_dock'],
      [{ dockSn: AIRCRAFT }, 400, 'invalid_dock'],
      [{ orgId: 'no-such-org' }, 400, 'unknown_org'],
      [{ scenario: 'picnic' }, 400, 'invalid_request'],
      [{ extra: 1 }, 400, 'invalid_request'],
    ];
    for (const [over, status, code] of bad) {
      const res = await r.pilot.post('/api/drones/schedules', schedule(r.routeId, over));
      expect([res.status, res.body.error?.code], JSON.stringify(over)).toEqual([status, code]);
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    expect((await r.leader.post('/api/drones/schedules', schedule(r.routeId))).status).toBe(403);
    expect((await r.pilot.patch('/api/drones/schedules/nope', { enabled: false })).status).toBe(404);
    expect((await r.pilot.get('/api/drones/schedules/nope')).status).toBe(404);
    const from = sh('2026-03-02T00:00');
    for (const [q, code] of [
      [`from=${from}&to=${from}`, 'invalid_range'],
      [`from=${from}&to=${from + 40 * 24 * H}`, 'range_too_long'],
      [`from=${from}`, 'invalid_request'],
      [`from=${from}&to=1e20`, 'invalid_request'],
    ] as const) {
      const res = await r.pilot.get(`/api/drones/calendar?${q}`);
      expect([res.status, res.body.error?.code], q).toEqual([400, code]);
    }
    expect(await seq()).toBe(before);
    expect((await r.pilot.get('/api/drones/schedules')).body.items).toEqual([]);
    // a real schedule, then an empty or bad edit: refused, unchanged
    const s = (await r.pilot.post('/api/drones/schedules', schedule(r.routeId))).body;
    const mark = await seq();
    expect((await r.pilot.patch(`/api/drones/schedules/${s.id}`, {})).status).toBe(400);
    expect((await r.pilot.patch(`/api/drones/schedules/${s.id}`, { cron: '* * * * *' })).body.error.code).toBe(
      'cron_too_frequent',
    );
    expect(await seq()).toBe(mark);
    expect((await r.pilot.get(`/api/drones/schedules/${s.id}`)).body.schedule.revision).toBe(1);
  }, 60_000);

  it('lists the flights sent to a work order', async () => {
    const r = await rig(dialect);
    const f = await r.pilot.post('/api/drones/flights/to-point', {
      lng: 113.155,
      lat: 23.033,
      kind: 'verify',
      name: '核查：GC20260302001',
      orderId: 'order-42',
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    await r.pilot.post('/api/drones/flights', { routeId: r.routeId, executeAt: sh('2026-03-02T15:00') });
    const mine = (await r.pilot.get('/api/drones/flights?orderId=order-42')).body.items;
    expect(mine.map((x: any) => [x.id, x.kind, x.scenario])).toEqual([[f.body.id, 'verify', 'verification']]);
    expect((await r.pilot.get('/api/drones/flights?orderId=other')).body.items).toEqual([]);
  }, 60_000);
});
