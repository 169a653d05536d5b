/**
 * Live video and priority media upload over the Cloud API, with a simulated dock on the embedded
 * broker: the dock's live_capacity (state) gives the video ids; live_start_push goes to the media
 * gateway configured by LIVE_PUSH_URL (a first push that fails is sent once more); quality, lens,
 * stop; bad input refused with nothing sent. Then an emergency flight that ends is followed by
 * upload_flighttask_media_prioritize, and its media are counted uploaded / expected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SimDock } from '../../src/modules/drones/sim/sim-dock';
import { connectedDock, eventually } from './dock-rig';
import type { ManualClock } from '../../src/platform/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { login, type Client } from '../helpers/client';
import { dialects } from '../helpers/env';

const DOCK = '4TADKAQ00000LV';
const AIRCRAFT = '1581F5BKD225D00LV1';
const HOME = { lng: 113.15, lat: 23.03 };
const AIRCRAFT_VIDEO = `${AIRCRAFT}/80-0-0/normal-0`;
const DOCK_VIDEO = `${DOCK}/165-0-7/normal-0`;
const LIVE_ENV = {
  LIVE_PUSH_URL: 'rtmp://media.example:1935/live/{sn}-{camera}',
  LIVE_PLAY_URL: 'https://media.example/live/{sn}-{camera}/hls.m3u8',
};

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

interface Rig {
  a: TestApp;
  pilot: Client;
  dispatcher: Client;
  dock: SimDock;
  clock: ManualClock;
  /** the job runner (JOBS=off in tests): drains due jobs while `p` is pending, so a waiting command goes out */
  driving<T>(p: Promise<T>): Promise<T>;
  liveSent(method?: string): Array<{ method: string | null; data: Record<string, unknown> }>;
}

async function rig(
  dialect: 'sqlite' | 'postgres',
  opts: { env?: Record<string, string>; answer?: (m: string, d: Record<string, unknown>) => number | null } = {},
): Promise<Rig> {
  const a = await startTestApp(dialect, { mqtt: true, objectStore: true, env: opts.env ?? LIVE_ENV });
  open.push({ close: () => a.dispose() });
  const admin = await login(a, 'admin');
  const pilot = await login(a, 'pilot');
  const dispatcher = await login(a, 'dispatcher');
  const dock = await connectedDock(
    a,
    admin,
    pilot,
    { sn: DOCK, aircraftSn: AIRCRAFT, name: '直播机场', home: HOME, timeScale: 120, answer: opts.answer },
    open,
  );
  await eventually(
    'live capacity',
    async () => (await pilot.get(`/api/drones/devices/${DOCK}/live`)).body,
    (b) => b.sources?.length === 2 && b.online === true,
  );
  return {
    a,
    pilot,
    dispatcher,
    dock,
    clock: a.clock as ManualClock,
    async driving(p) {
      let settled = false;
      void p.finally(() => (settled = true)).catch(() => {});
      while (!settled) {
        await a.platform.jobs.drain();
        await new Promise((r) => setTimeout(r, 20));
      }
      return p;
    },
    liveSent: (method) =>
      dock.received.filter(
        (m) => m.topic.endsWith('/services') && (method ? m.method === method : m.method?.startsWith('live_')),
      ),
  };
}

describe.each(dialects('drone live video'))('live video over the Cloud API (%s)', (dialect) => {
  it('starts (retrying the failed first push), sets quality and lens, and stops a stream', async () => {
    let pushes = 0;
    // the dock refuses the first push, as real ones often do while the link comes up
    const r = await rig(dialect, { answer: (m) => (m === 'live_start_push' && pushes++ === 0 ? 513010 : 0) });
    const before = (await r.pilot.get(`/api/drones/devices/${AIRCRAFT}/live`)).body;
    expect(before).toMatchObject({ dockSn: DOCK, configured: true, playable: true, pushType: 'rtmp' });
    expect(before.sources.map((s: any) => s.videoId)).toEqual([DOCK_VIDEO, AIRCRAFT_VIDEO]);
    const cam = before.sources.find((s: any) => s.videoId === AIRCRAFT_VIDEO);
    expect(cam).toMatchObject({
      pushing: false,
      switchable: ['wide', 'zoom', 'ir'],
      playUrl: `https://media.example/live/${AIRCRAFT}-80-0-0/hls.m3u8`,
      playKind: 'hls',
    });

    const start = await r.driving(
      r.pilot.post(`/api/drones/devices/${DOCK}/live/start`, { videoId: AIRCRAFT_VIDEO, quality: 2 }),
    );
    expect(start.status).toBe(200);
    expect(start.body.attempts).toBe(2);
    const sent = r.liveSent('live_start_push');
    expect(sent).toHaveLength(2);
    for (const m of sent)
      expect(m.data).toEqual({
        url_type: 1,
        url: `rtmp://media.example:1935/live/${AIRCRAFT}-80-0-0`,
        video_id: AIRCRAFT_VIDEO,
        video_quality: 2,
      });
    expect(r.dock.live.streams.get(AIRCRAFT_VIDEO)).toMatchObject({ urlType: 1, quality: 2 });
    // the dock's live_status (state) says it is pushing
    await eventually(
      'pushing',
      async () => (await r.dispatcher.get(`/api/drones/devices/${DOCK}/live`)).body.sources[1],
      (s: any) => s.pushing === true && s.quality === 2 && s.lastCommand?.status === 'accepted',
    );

    const q = await r.driving(
      r.pilot.post(`/api/drones/devices/${DOCK}/live/quality`, { videoId: AIRCRAFT_VIDEO, quality: 4 }),
    );
    expect(q.status).toBe(200);
    expect(r.dock.live.streams.get(AIRCRAFT_VIDEO)?.quality).toBe(4);
    const lens = await r.driving(
      r.pilot.post(`/api/drones/devices/${DOCK}/live/lens`, { videoId: AIRCRAFT_VIDEO, videoType: 'ir' }),
    );
    expect(lens.status).toBe(200);
    expect(r.liveSent('live_lens_change').at(-1)?.data).toEqual({ video_id: AIRCRAFT_VIDEO, video_type: 'ir' });
    await eventually(
      'lens ir',
      async () => (await r.pilot.get(`/api/drones/devices/${DOCK}/live`)).body.sources[1],
      (s: any) => s.videoType === 'ir' && s.quality === 4,
    );

    const stop = await r.driving(r.pilot.post(`/api/drones/devices/${DOCK}/live/stop`, { videoId: AIRCRAFT_VIDEO }));
    expect(stop.status).toBe(200);
    expect(r.dock.live.streams.size).toBe(0);
    await eventually(
      'stopped',
      async () => (await r.pilot.get(`/api/drones/devices/${DOCK}/live`)).body.sources[1],
      (s: any) => s.pushing === false,
    );
    // every command is on the audit trail of the dock
    const audited = await r.a.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', DOCK)
      .where('action', 'like', 'drones.live.%')
      .execute();
    expect(audited.map((x) => x.action).sort()).toEqual(
      [
        'drones.live.lens',
        'drones.live.quality',
        'drones.live.start',
        'drones.live.start_retry',
        'drones.live.stop',
      ].sort(),
    );
  }, 60_000);

  it('says why when the dock refuses twice, and starts the first camera when none is named', async () => {
    const r = await rig(dialect, { answer: (m) => (m === 'live_start_push' ? 513010 : 0) });
    const refused = await r.driving(r.pilot.post(`/api/drones/devices/${DOCK}/live/start`, {}));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('live_refused');
    expect(refused.body.error.message).toContain('513010');
    // retried once, not more
    expect(r.liveSent('live_start_push')).toHaveLength(2);
    expect(r.liveSent('live_start_push')[0].data.video_id).toBe(DOCK_VIDEO);
    const s = (await r.pilot.get(`/api/drones/devices/${DOCK}/live`)).body.sources[0];
    expect(s).toMatchObject({
      pushing: false,
      lastCommand: { method: 'live_start_push', status: 'refused', resultCode: 513010 },
    });
  }, 60_000);

  it('refuses bad input and a missing media gateway, and sends nothing', async () => {
    const r = await rig(dialect, { env: {} });
    const status = (await r.pilot.get(`/api/drones/devices/${DOCK}/live`)).body;
    expect(status).toMatchObject({ configured: false, playable: false, pushType: null });
    expect(status.sources[0].playUrl).toBeNull();
    const cases: Array<[string, unknown, number, string]> = [
      ['start', {}, 409, 'live_not_configured'],
      ['start', { videoId: 'no-slashes' }, 400, ''],
      ['start', { videoId: `${DOCK}/165-0-7/normal-0`, quality: 9 }, 400, ''],
      ['start', { videoId: `${DOCK}/165-0-7/normal-0`, extra: 1 }, 400, ''],
      ['quality', { videoId: `${DOCK}/9-9-9/normal-0`, quality: 1 }, 400, 'unknown_video'],
      ['quality', {}, 400, ''],
      ['lens', { videoId: DOCK_VIDEO, videoType: 'thermal' }, 400, ''],
      ['lens', { videoId: DOCK_VIDEO, videoType: 'zoom' }, 400, 'lens_not_available'],
      ['stop', { videoId: 5 }, 400, ''],
    ];
    for (const [what, body, code, err] of cases) {
      const res = await r.pilot.post(`/api/drones/devices/${DOCK}/live/${what}`, body);
      expect([what, body, res.status]).toEqual([what, body, code]);
      expect(res.body.error.code).toEqual(err || expect.any(String));
      expect(typeof res.body.error.message).toBe('string');
    }
    expect((await r.pilot.post('/api/drones/devices/NOSUCHDOCK1/live/start', {})).status).toBe(404);
    expect((await r.pilot.get('/api/drones/devices/NOSUCHDOCK1/live')).status).toBe(404);
    // seeing is drones.read; starting is drones.fly
    const forbidden = await r.dispatcher.post(`/api/drones/devices/${DOCK}/live/start`, {});
    expect(forbidden.status).toBe(403);
    await new Promise((res) => setTimeout(res, 200));
    expect(r.liveSent()).toHaveLength(0);
    const queued = await r.a.platform.db
      .selectFrom('drone_commands')
      .select('tid')
      .where('method', 'like', 'live_%')
      .execute();
    expect(queued).toHaveLength(0);
  }, 60_000);
});

describe.each(dialects('drone priority media upload'))('priority media upload (%s)', (dialect) => {
  it('asks for an emergency flight’s media first when it ends, and counts uploaded / expected', async () => {
    const r = await rig(dialect);
    const planned = await r.pilot.post('/api/drones/flights/to-point', {
      lng: 113.152,
      lat: 23.031,
      kind: 'emergency',
      name: '河涌污水应急核查',
      dockSn: DOCK,
    });
    expect(planned.status).toBe(201);
    const id = planned.body.id;
    const state = async () => (await r.pilot.get(`/api/drones/flights/${id}`)).body;
    const progress = async () => (await r.pilot.get(`/api/drones/media/flights/${id}`)).body;
    expect(await progress()).toMatchObject({ flightId: id, kind: 'emergency', uploaded: 0, prioritize: null });

    await r.a.platform.jobs.drain();
    await eventually('prepared', state, (f) => f.state === 'prepared');
    r.clock.advance(6000);
    await r.a.platform.jobs.drain();
    await eventually('ok', state, (f) => f.state === 'ok', 30_000);
    // the flight's end reaches the media part through the event stream; its job queues the command
    const prioritize = await eventually(
      'prioritize sent',
      async () => {
        await r.a.platform.jobs.drain();
        return r.dock.received.filter((m) => m.method === 'upload_flighttask_media_prioritize');
      },
      (l) => l.length > 0,
      30_000,
    );
    expect(prioritize).toHaveLength(1);
    expect(prioritize[0].data).toEqual({ flight_id: id });
    const p = await eventually('accepted', progress, (x) => x.prioritize?.status === 'accepted');
    expect(p.uploaded).toBeGreaterThan(0);
    expect(p.uploaded).toBe(r.dock.uploads);
    expect(p.expected).toEqual(expect.any(Number));
    // sent once, however often the flight's events are seen
    await r.a.platform.jobs.drain();
    expect(r.dock.received.filter((m) => m.method === 'upload_flighttask_media_prioritize')).toHaveLength(1);
    expect((await r.pilot.get('/api/drones/media/flights/nope')).status).toBe(404);
  }, 90_000);
});
