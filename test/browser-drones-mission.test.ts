/**
 * A drone mission end to end in a real browser against a real `yiwang start` (demo on, embedded
 * MQTT broker and embedded S3 store on free ports): a pilot draws a route of three waypoints on the
 * 航线 page's map (a click per waypoint, a height and a gimbal pitch typed, one waypoint dragged),
 * saves it and exports its KMZ; a simulated dock (a separate MQTT client, time ×20) is registered
 * near it; the pilot follows the route's 安排飞行 link to the flights page, checks and plans the
 * flight there on that dock; the live map shows the aircraft moving; the dock's pictures appear in the 媒体 gallery; an AI finding is
 * posted with an API key (drones.findings.submit), a repeat of it is merged, and a dispatcher
 * confirms it on the AI 发现 page into a work order — checked through the API: the order has the
 * picture and the place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import {
  announceBrowserSkip,
  chooseOption,
  confirmPopover,
  launchBrowser,
  pageApi,
  roleSessions,
  startRealServer,
  type RunningServer,
  BROWSER_SUITE,
} from './helpers/browser';
import { freePort } from './helpers/child';
import { SimDock } from '../src/modules/drones/sim/sim-dock';

const skip = announceBrowserSkip('browser suite (drone mission)');

const DOCK_SN = '4TADKBR00777MS';
const AIRCRAFT_SN = '1581F6QBR777MS';
const ROUTE_NAME = '浏览器测试·佛山水道巡查';

describe.skipIf(skip)('browser: plan a route, fly it, watch it, confirm an AI finding', BROWSER_SUITE, () => {
  let server: RunningServer;
  let browser: Browser;
  let mqttPort: number;
  let dock: SimDock | null = null;
  let routeId = '';
  let flightId = '';
  let picture: { id: string; lng: number; lat: number } = { id: '', lng: 0, lat: 0 };
  let findingId = '';
  const sessions = roleSessions(
    () => browser,
    () => server.url,
  );
  const failures: string[] = [];

  beforeAll(async () => {
    mqttPort = await freePort();
    server = await startRealServer({ MQTT_PORT: String(mqttPort), S3_PORT: String(await freePort()) });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await dock?.close();
    await sessions.close();
    await browser?.close();
    await server?.stop();
  });

  /** Records every /api/* answer of 403 or 5xx on the page. */
  function watch(page: Page) {
    page.on('response', (r: Response) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/') && (r.status() === 403 || r.status() >= 500))
        failures.push(`${r.status()} ${r.request().method()} ${url.pathname}`);
    });
  }
  const input = (page: Page, testId: string) =>
    page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const center = async (page: Page, testId: string) => {
    const b = (await page.getByTestId(testId).first().boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };

  it('a pilot draws a route on the map (click, type, drag), saves it and exports its KMZ', async () => {
    const page = await sessions.as('pilot');
    watch(page);
    await page.goto(`${server.url}/drones/routes`);
    await page.getByTestId('nav-drones-routes').waitFor({ timeout: 30_000 });
    await page.getByTestId('route-new').click();
    const map = page.getByTestId('route-map');
    await map.waitFor({ timeout: 15_000 });
    // the street's communities are drawn: the view is fitted to the street
    await page.locator('[data-testid="route-map"] path.leaflet-interactive').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await input(page, 'route-name').fill(ROUTE_NAME);

    const box = (await map.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const points = [
      [-50, -30],
      [0, 30],
      [50, -20],
    ];
    for (const [k, [dx, dy]] of points.entries()) {
      await page.mouse.click(cx + dx, cy + dy);
      await page.getByTestId(`route-wp-row-${k + 1}`).waitFor({ timeout: 10_000 });
      // a person's pace: clicks in quick succession would make a double click
      await page.waitForTimeout(600);
    }
    expect(await page.getByTestId('route-summary').innerText()).toMatch(/3 个航点/);

    // waypoint 2: 80 m, gimbal pitched down 45° before its photo
    await page.getByTestId('route-wp-row-2').click();
    await input(page, 'route-wp-height-2').fill('80');
    await input(page, 'route-wp-gimbal-2').fill('-45');
    await input(page, 'route-wp-hover-2').click(); // leave the field: the number is taken
    // waypoint 3 dragged 40 px to the right: its coordinates change
    const before = await page.getByTestId('route-wp-row-3').innerText();
    const at = await center(page, 'route-wp-3');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 20, at.y + 5, { steps: 5 });
    await page.mouse.move(at.x + 40, at.y + 10, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('route-wp-row-3').innerText(), { timeout: 5000 }).not.toBe(before);
    expect(await page.getByTestId('route-wp-row-4').count()).toBe(0); // the drag added no waypoint

    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/drones/routes',
    );
    await page.getByTestId('route-save').click();
    const saved = await answered;
    expect(saved.status()).toBe(201);
    routeId = (await saved.json()).route.id;
    await page.getByTestId('route-editor').waitFor({ state: 'hidden', timeout: 10_000 });
    const row = page.getByTestId(`route-row-${routeId}`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain(ROUTE_NAME);
    expect(await row.innerText()).toContain('80 m');

    // what was stored is what was drawn
    const stored = (await pageApi(page, 'GET', '/api/drones/routes')).body.items.find((r: any) => r.id === routeId);
    expect(stored).toMatchObject({
      waypoints: 3,
      maxHeight: 80,
      scenario: 'river',
      md5: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const wps = stored.route.waypoints;
    expect(wps.map((w: any) => w.height)).toEqual([60, 80, 60]);
    expect(wps[1].actions).toEqual([{ kind: 'gimbalRotate', pitch: -45 }, { kind: 'takePhoto' }]);
    expect(wps[0].lng).toBeGreaterThan(113);
    expect(wps[2].lng).toBeGreaterThan(wps[1].lng);

    // export: a .kmz download; "plan a flight" leads to the flights page with the route
    const download = page.waitForEvent('download');
    await page.getByTestId(`route-export-${routeId}`).click();
    expect((await download).suggestedFilename()).toBe(`${ROUTE_NAME}.kmz`);
    expect(await page.getByTestId(`route-plan-${routeId}`).getAttribute('href')).toBe(
      `/drones/flights?routeId=${routeId}`,
    );
  }, 180_000);

  it('a simulated dock flies it and the live map shows the aircraft moving', async () => {
    const admin = await sessions.as('admin');
    const pilot = await sessions.as('pilot');
    const route = (await pageApi(pilot, 'GET', '/api/drones/routes')).body.items.find((r: any) => r.id === routeId);
    const wps = route.route.waypoints as Array<{ lng: number; lat: number }>;
    const home = {
      lng: Math.round((wps.reduce((s, w) => s + w.lng, 0) / wps.length) * 1e6) / 1e6,
      lat: Math.round((wps.reduce((s, w) => s + w.lat, 0) / wps.length - 0.002) * 1e6) / 1e6,
    };
    const reg = await pageApi(admin, 'POST', '/api/drones/docks', {
      sn: DOCK_SN,
      name: '浏览器任务机场',
      modelKey: '3-2-0',
      homeLng: home.lng,
      homeLat: home.lat,
    });
    expect(reg.status).toBe(201);
    const conn = (await pageApi(admin, 'GET', '/api/drones/connection')).body;
    dock = new SimDock({
      brokerUrl: `mqtt://127.0.0.1:${mqttPort}`,
      dockSn: DOCK_SN,
      aircraftSn: AIRCRAFT_SN,
      password: reg.body.mqtt.password,
      ...home,
      bindingCode: conn.bindingCode,
      organizationId: conn.organizationId,
      timeScale: 20,
    });
    await dock.connect();
    await dock.bootstrap();
    dock.startOsd();
    await expect
      .poll(
        async () => (await pageApi(pilot, 'GET', `/api/drones/devices/${DOCK_SN}`)).body.device?.dock?.droneInDock,
        {
          timeout: 30_000,
        },
      )
      .toBe(true);

    // 安排飞行 from the route: the flights page opens its plan dialog with the route chosen
    await pilot.goto(`${server.url}/drones/routes`);
    await pilot.getByTestId(`route-plan-${routeId}`).click();
    await pilot.waitForURL((u) => u.pathname === '/drones/flights', { timeout: 15_000 });
    await pilot.getByTestId('plan-form').waitFor({ timeout: 15_000 });
    await expect.poll(() => pilot.getByTestId('plan-form').innerText(), { timeout: 10_000 }).toContain(ROUTE_NAME);
    await chooseOption(pilot, pilot.getByTestId('plan-dock').first(), DOCK_SN);
    await pilot.getByTestId('plan-check').click();
    await expect.poll(() => pilot.getByTestId('plan-result').getAttribute('data-ok'), { timeout: 15_000 }).toBe('1');
    const answered = pilot.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/drones/flights',
    );
    await pilot.getByTestId('plan-confirm').click();
    const planned = await answered;
    expect(planned.status()).toBe(201);
    const flight = await planned.json();
    expect(flight).toMatchObject({ routeId, dockSn: DOCK_SN, aircraftSn: AIRCRAFT_SN });
    flightId = flight.id;

    await pilot.goto(`${server.url}/drones`);
    await pilot.getByTestId(`map-aircraft-${AIRCRAFT_SN}`).waitFor({ timeout: 30_000 });

    // the aircraft leaves the dock and moves across the map as its telemetry arrives
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const b = await pilot.getByTestId(`map-aircraft-${AIRCRAFT_SN}`).boundingBox();
          if (b) seen.add(`${Math.round(b.x)},${Math.round(b.y)}`);
          return seen.size;
        },
        { timeout: 90_000, interval: 700 },
      )
      .toBeGreaterThanOrEqual(4);
    await expect
      .poll(async () => (await pageApi(pilot, 'GET', `/api/drones/flights/${flightId}`)).body.state, {
        timeout: 120_000,
        interval: 1000,
      })
      .toBe('ok');
  }, 300_000);

  it('the pictures are in the media gallery, by flight, with a viewer', async () => {
    const pilot = await sessions.as('pilot');
    let items: any[] = [];
    await expect
      .poll(
        async () => {
          items = (await pageApi(pilot, 'GET', `/api/drones/media?flightId=${flightId}`)).body.items;
          return items.length;
        },
        { timeout: 30_000 },
      )
      .toBe(3);
    picture = { id: items[1].id, lng: items[1].lng, lat: items[1].lat };
    await pilot.goto(`${server.url}/drones/media?flightId=${flightId}`);
    await pilot.getByTestId(`media-thumb-${picture.id}`).waitFor({ timeout: 20_000 });
    expect(await pilot.getByTestId('media-count').innerText()).toContain('3');
    await pilot.getByTestId(`media-thumb-${picture.id}`).click();
    const img = pilot.getByTestId('media-viewer-image');
    await img.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await pilot.keyboard.press('Escape');
  }, 120_000);

  let findingTries = 0;
  it('an AI finding posted with an API key is confirmed on the findings page into a work order', async () => {
    const admin = await sessions.as('admin');
    // run again by BROWSER_SUITE's retry: an earlier try's open finding would absorb this one's, and its
    // detection ids would replay it, so the earlier findings are dismissed and this try's ids are its own
    const tryNo = ++findingTries;
    if (tryNo > 1)
      for (const f of (await pageApi(admin, 'GET', '/api/drones/findings?status=pending')).body.items)
        await pageApi(admin, 'POST', `/api/drones/findings/${f.id}/review`, {
          decision: 'dismiss',
          note: '重试前清理',
        });
    const key = (
      await pageApi(admin, 'POST', '/api/api-keys', {
        name: `浏览器测试识别服务 ${tryNo}`,
        permissions: ['drones.findings.submit'],
      })
    ).body.key;
    const post = (body: object) =>
      fetch(`${server.url}/api/drones/findings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const finding = {
      algorithm: 'garbage',
      confidence: 0.74,
      lng: picture.lng,
      lat: picture.lat,
      address: '佛山水道南岸堤段',
      mediaId: picture.id,
      box: [0.2, 0.3, 0.25, 0.2],
      externalId: `browser-det-1-${tryNo}`,
    };
    const first = await post(finding);
    expect(first.status).toBe(201);
    expect(first.body.finding.status).toBe('pending');
    findingId = first.body.finding.id;
    // the same pile seen again 4 m away: merged, counted on the first
    const again = await post({ ...finding, externalId: `browser-det-2-${tryNo}`, lng: picture.lng + 0.00004 });
    expect(again.body).toMatchObject({ merged: true, finding: { mergedInto: findingId } });

    const page = await sessions.as('dispatcher');
    watch(page);
    await page.goto(`${server.url}/drones/findings`);
    const item = page.getByTestId(`finding-item-${findingId}`);
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const detail = page.getByTestId('finding-detail');
    await expect.poll(() => detail.getAttribute('data-finding'), { timeout: 10_000 }).toBe(findingId);
    expect(await detail.innerText()).toContain('垃圾堆放');
    expect(await detail.innerText()).toContain('置信度 74%');
    expect(await page.getByTestId('finding-repeats').innerText()).toContain('重复上报 1 次');
    const img = detail.locator('[data-testid="finding-picture"] img');
    await expect
      .poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('finding-picture-box').count()).toBe(1);
    await page.getByTestId('finding-map').waitFor();

    const reviewed = await confirmPopover(
      page,
      page.getByTestId('finding-confirm'),
      (r) => new URL(r.url()).pathname === `/api/drones/findings/${findingId}/review`,
    );
    expect(reviewed.status()).toBe(200);
    const done = await reviewed.json();
    expect(done).toMatchObject({ status: 'confirmed', repeats: 1, orderNumber: expect.stringMatching(/^GC\d+/) });
    const link = page.getByTestId('finding-order-link');
    await link.waitFor({ timeout: 10_000 });
    expect(await link.innerText()).toBe(done.orderNumber);
    expect(await link.getAttribute('href')).toBe(`/orders/${done.orderId}`);

    // the work order: from the drone channel, with the picture and the place
    const order = (await pageApi(page, 'GET', `/api/orders/${done.orderId}`)).body.order;
    expect(order).toMatchObject({ number: done.orderNumber, channel: 'drone', title: '无人机巡查发现：垃圾堆放' });
    expect(order.attachments).toHaveLength(1);
    expect(order.location.lng).toBeCloseTo(picture.lng, 6);
    expect(order.location.lat).toBeCloseTo(picture.lat, 6);
    const file = await page.evaluate(async (id) => (await fetch(`/api/files/${id}`)).status, order.attachments[0]);
    expect(file).toBe(200);
    await link.click();
    await page.waitForURL((u) => u.pathname === `/orders/${done.orderId}`, { timeout: 15_000 });
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(done.orderNumber);
    // the queue has nothing pending left
    expect((await pageApi(page, 'GET', '/api/drones/findings?status=pending')).body.items).toEqual([]);
  }, 180_000);

  it('the statistics page counts the mission for the dock', async () => {
    const page = await sessions.as('leader');
    watch(page);
    await page.goto(`${server.url}/drones/stats`);
    const table = page.getByTestId('stats-table');
    await expect.poll(() => table.innerText(), { timeout: 20_000 }).toContain('浏览器任务机场');
    await page.locator('[data-testid="stats-chart"] canvas').first().waitFor({ timeout: 15_000 });
    const stats = (await pageApi(page, 'GET', '/api/drones/stats?by=dock')).body;
    const mine = stats.rows.find((r: any) => r.key === DOCK_SN);
    expect(mine).toMatchObject({ missions: 1, sorties: 1, ok: 1 });
    expect(failures).toEqual([]);
  }, 60_000);
});
