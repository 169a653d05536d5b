/**
 * Duplicate detection at intake (duplicates.ts): open main orders within 50 m and 7 days with
 * similar words are offered for merging — not far ones, not unrelated texts, not old or closed
 * ones, nor anything for an order without a location. Then 合并: the 重复件 follows
 * its 主单 and is no longer offered. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import type { ManualClock } from '../src/platform/clock';
import { MAX_CANDIDATES } from '../src/modules/orders/intake/duplicates';

const BASE = { lng: 113.15, lat: 23.03 };
/** `north` metres north of BASE. */
const near = (north: number) => ({ lng: BASE.lng, lat: BASE.lat + north / 111_320 });
const TEXT = '桂城南海大道人行道上有井盖缺失，行人容易踩空掉下去，非常危险';

describe.each(dialects('orders duplicates'))('duplicate detection and merging (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let main: { id: string; number: string };

  const report = async (
    description: string,
    location?: { lng: number; lat: number },
    extra: Record<string, unknown> = {},
  ) => {
    const res = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description,
      ...(location ? { location } : {}),
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as {
      order: { id: string; number: string; state: string; communityCode: string | null };
      duplicates: Array<{ id: string; distanceMeters: number | null; similarity: number; reason: string }>;
    };
  };
  const offered = (r: Awaited<ReturnType<typeof report>>) => r.duplicates.map((d) => d.id);

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    dispatcher = await login(app, 'dispatcher');
    main = (await report(TEXT, BASE)).order;
  }, 120_000);
  afterAll(() => app?.dispose());

  it('offers an open order 20 m away with similar words, with its distance and similarity', async () => {
    const r = await report('南海大道人行道井盖缺失，行人踩空很危险，请尽快处理', near(20));
    const hit = r.duplicates.find((d) => d.id === main.id);
    expect(hit).toBeDefined();
    expect(hit!.distanceMeters).toBeGreaterThanOrEqual(15);
    expect(hit!.distanceMeters).toBeLessThanOrEqual(25);
    expect(hit!.similarity).toBeGreaterThanOrEqual(0.25);
    expect(hit!.reason).toBe('distance');
  });

  it('does not offer it 200 m away, nor for an unrelated text at the same spot', async () => {
    expect(offered(await report(TEXT, near(200)))).not.toContain(main.id);
    expect(offered(await report('楼下烧烤店油烟很大，晚上十二点还在营业', near(10)))).not.toContain(main.id);
  });

  it('an order without a location has no place to compare by: nothing is offered', async () => {
    const r = await report(TEXT, undefined, { address: '南海大道' });
    expect(r.order.communityCode).toBeNull();
    expect(r.duplicates).toEqual([]);
  });

  it('GET /api/orders/:id/duplicates lists the same candidates for an existing order, never itself', async () => {
    const dup = await report('南海大道人行道有个井盖没了，行人容易踩空', near(5));
    const res = await dispatcher.get(`/api/orders/${dup.order.id}/duplicates`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((d: { id: string }) => d.id);
    expect(ids).toContain(main.id);
    expect(ids).not.toContain(dup.order.id);
  });

  it('a merged order follows its main order and is no longer offered; the main one still is', async () => {
    const dup = await report('南海大道人行道井盖缺失，有老人差点踩空', near(8));
    expect(offered(dup)).toContain(main.id);
    const merged = await dispatcher.post(`/api/orders/${dup.order.id}/actions`, {
      type: 'merge',
      mainOrderId: main.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.order.state).toBe('merged');
    const detail = (await dispatcher.get(`/api/orders/${main.id}`)).body;
    expect(detail.mergedOrders.map((m: { id: string }) => m.id)).toContain(dup.order.id);
    const again = await report('南海大道人行道井盖缺失，路过的人容易踩空', near(6));
    expect(offered(again)).toContain(main.id);
    expect(offered(again)).not.toContain(dup.order.id);
  });

  it('at a hot spot compares with the newest open orders only, and still finds the duplicate among them', async () => {
    const spot = { lng: 113.16, lat: 23.04 };
    const other = '小区里路灯不亮了，晚上出行很不方便，请派人维修';
    for (let i = 0; i < MAX_CANDIDATES + 10; i++) await report(`${other}（第${i}次）`, spot);
    const drain = await report('学校门口积水严重，学生上学要蹚水，排水口被垃圾堵住了', spot);
    const r = await report('学校门口积水很深，排水口堵住了，学生蹚水上学', spot);
    expect(offered(r)).toContain(drain.order.id);
    expect(r.duplicates.length).toBeLessThanOrEqual(5);
  }, 120_000);

  it('offers an order of the same category at the same address text though the pins are 1.5 km apart', async () => {
    const at = { lng: 113.13, lat: 23.05 };
    const first = await report('小区门口路面塌陷出一个大坑，车辆经过很危险', at, {
      categoryCode: '010401',
      address: '佛山市南海区桂城街道怡翠花园十二栋东门',
    });
    (app.clock as ManualClock).advance(12 * 60_000);
    // the second caller's pin is 1.5 km north; the words differ, the address text does not
    const far = { lng: at.lng, lat: at.lat + 1500 / 111_320 };
    const r = await report('有人反映这里地面下沉了，请派人看看', far, {
      categoryCode: '010401',
      address: '怡翠花园12栋 东门',
    });
    const hit = r.duplicates.find((d) => d.id === first.order.id) as
      | { distanceMeters: number; reason: string }
      | undefined;
    expect(hit?.reason).toBe('address');
    expect(hit!.distanceMeters).toBeGreaterThan(1400);
    const listed = await dispatcher.get(`/api/orders/${r.order.id}/duplicates`);
    expect(listed.body.items.find((d: { id: string }) => d.id === first.order.id)?.reason).toBe('address');
    // another category at the same address is not offered, nor the same category elsewhere
    const other = await report('有人反映这里地面下沉了，请派人看看', far, {
      categoryCode: '010101',
      address: '怡翠花园12栋东门',
    });
    expect(offered(other)).not.toContain(first.order.id);
    const elsewhere = await report('有人反映这里地面下沉了，请派人看看', far, {
      categoryCode: '010401',
      address: '怡翠花园13栋东门',
    });
    expect(offered(elsewhere)).not.toContain(first.order.id);
  });

  it('says "both" when the pin is near, the words agree and the address is the same', async () => {
    const a = await report(TEXT, near(30), { categoryCode: '010401', address: '南海大道北38号' });
    const b = await report('南海大道人行道井盖缺失，行人踩空很危险，请尽快处理', near(32), {
      categoryCode: '010401',
      address: '南海大道北三十八号',
    });
    expect(b.duplicates.find((d) => d.id === a.order.id)).toMatchObject({ reason: 'both' });
  });

  it('does not offer orders older than the 7-day window', async () => {
    (app.clock as ManualClock).advance(8 * 86_400_000);
    dispatcher = await login(app, 'dispatcher'); // a week on, the session has ended
    expect(offered(await report(TEXT, near(3)))).not.toContain(main.id);
  });
});
