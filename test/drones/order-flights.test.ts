/**
 * An emergency flight sent to a work order, end to end on both engines: the pilot sends the
 * nearest dock to the order's place (POST /api/drones/flights/to-point with the order's id), the
 * simulated dock flies it and uploads its pictures to the S3 store; each picture is attached to
 * the order as it arrives (a timeline step showing it, the file readable by order readers) — once,
 * even when the dock repeats its callback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectedDock, eventually } from './dock-rig';
import type { ManualClock } from '../../src/platform/clock';
import { startTestApp } from '../helpers/app';
import { login } from '../helpers/client';
import { dialects } from '../helpers/env';

const DOCK = '4TADKAQ000015S';
const AIRCRAFT = '1581F5BKD225D00SC015';
const HOME = { lng: 113.15, lat: 23.03 };
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

describe.each(dialects('drone flights to work orders'))('pictures of a flight sent to a work order (%s)', (dialect) => {
  it('attaches each picture to the order once, as it arrives', async () => {
    const a = await startTestApp(dialect, { mqtt: true, objectStore: true, trainingSamples: 200 });
    open.push({ close: () => a.dispose() });
    const admin = await login(a, 'admin');
    const pilot = await login(a, 'pilot');
    const dispatcher = await login(a, 'dispatcher');
    const dock = await connectedDock(
      a,
      admin,
      pilot,
      { sn: DOCK, aircraftSn: AIRCRAFT, name: '应急机场', home: HOME, timeScale: 120 },
      open,
    );
    const created = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '桂城街道河边堆放大量垃圾，有焚烧冒烟的情况',
      reporter: { phone: '13800002222' },
      location: { lng: 113.152, lat: 23.032 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const order = created.body.order as { id: string; number: string };

    const sent = await pilot.post('/api/drones/flights/to-point', {
      lng: 113.152,
      lat: 23.032,
      kind: 'emergency',
      name: `应急：${order.number}`,
      orderId: order.id,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const id = sent.body.id;
    expect((await pilot.get(`/api/drones/flights?orderId=${order.id}`)).body.items.map((f: any) => f.id)).toEqual([id]);

    const jobs = async () => {
      for (let i = 0; i < 10; i++) if ((await a.platform.jobs.drain()) === 0) break;
    };
    await jobs();
    await eventually(
      'prepared',
      async () => (await pilot.get(`/api/drones/flights/${id}`)).body,
      (f) => f.state === 'prepared',
      30_000,
    );
    (a.clock as ManualClock).advance(6000);
    await jobs();
    await eventually(
      'ok',
      async () => (await pilot.get(`/api/drones/flights/${id}`)).body,
      (f) => f.state === 'ok',
      40_000,
    );
    const media = await eventually(
      'the pictures',
      async () => (await pilot.get(`/api/drones/media?flightId=${id}`)).body.items as any[],
      (l) => l.length > 0 && l.length === dock.uploads,
      30_000,
    );

    const steps = async () =>
      ((await dispatcher.get(`/api/orders/${order.id}`)).body.timeline as any[]).filter(
        (e) => e.type === 'order.drone_photos',
      );
    const attached = await eventually('attached to the order', steps, (s) => s.length === media.length, 30_000);
    expect(attached[0].note).toContain(order.number);
    const files = attached.flatMap((s) => s.data.photos as string[]);
    expect(new Set(files).size).toBe(media.length);
    const picture = await dispatcher.get(`/api/files/${files[0]}`);
    expect(picture.status).toBe(200);

    // the dock repeats a callback (it does when a reply is late): nothing attached twice
    const first = await a.platform.db
      .selectFrom('drone_media')
      .select(['object_key', 'name'])
      .where('flight_id', '=', id)
      .executeTakeFirstOrThrow();
    await dock.publish(
      `thing/product/${DOCK}/events`,
      'file_upload_callback',
      { file: { object_key: first.object_key, name: first.name, ext: { flight_id: id } } },
      { needReply: true },
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(await steps()).toHaveLength(media.length);
    const marks = await a.platform.db
      .selectFrom('drone_order_photos')
      .selectAll()
      .where('order_id', '=', order.id)
      .execute();
    expect(marks).toHaveLength(media.length);
    // a flight not sent to an order attaches nothing anywhere
    expect(await a.platform.db.selectFrom('drone_order_photos').selectAll().execute()).toHaveLength(media.length);
  }, 120_000);
});
