/**
 * 航班 in a real browser against a real `yiwang start`: a pilot opens the flights page, plans a
 * flight from a route on the best dock (a simulated dock online on the embedded broker), reads the
 * pre-flight checks with their reasons before confirming, sees the flight in the list, and finds
 * it in the week view of the flights calendar. No request of theirs is refused or fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { announceBrowserSkip, browserSuite, chooseOption, pageApi, BROWSER_SUITE } from './helpers/browser';
import { freePort } from './helpers/child';
import { SimDock } from '../src/modules/drones/sim/sim-dock';

const skip = announceBrowserSkip('browser suite (drone flights)');
const DOCK_SN = '4TADKBR00002FL';
const AIRCRAFT_SN = '1581F6QBR002FL';
const ROUTE = '千灯湖浏览器巡查';

describe.skipIf(skip)('browser: flights and the flights calendar', BROWSER_SUITE, () => {
  let mqttPort = 0;
  // registered before the suite's own hook, so the server starts on this broker port
  beforeAll(async () => {
    mqttPort = await freePort();
  });
  const suite = browserSuite(() => ({ MQTT_PORT: String(mqttPort) }));
  let dock: SimDock | null = null;
  const failures: string[] = [];
  afterAll(async () => {
    await dock?.close();
  });

  function watch(page: Page) {
    page.on('response', (r: Response) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/') && (r.status() === 403 || r.status() >= 500))
        failures.push(`${r.status()} ${r.request().method()} ${url.pathname}`);
    });
  }

  it('a pilot plans a flight from the flights page, with the checks shown, and sees it in the calendar', async () => {
    const admin = await suite.as('admin');
    const reg = await pageApi(admin, 'POST', '/api/drones/docks', {
      sn: DOCK_SN,
      name: '浏览器航班机场',
      modelKey: '3-2-0',
      homeLng: 113.15,
      homeLat: 23.03,
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    dock = new SimDock({
      brokerUrl: `mqtt://127.0.0.1:${mqttPort}`,
      dockSn: DOCK_SN,
      aircraftSn: AIRCRAFT_SN,
      password: reg.body.mqtt.password,
      lng: 113.15,
      lat: 23.03,
      timeScale: 60,
    });
    await dock.connect();
    await dock.bootstrap();
    await dock.osd();
    dock.startOsd();

    const pilot = await suite.as('pilot');
    watch(pilot);
    const route = await pageApi(pilot, 'POST', '/api/drones/routes', {
      scenario: 'park',
      route: {
        name: ROUTE,
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
          { lng: 113.154, lat: 23.032, height: 60, actions: [] },
        ],
      },
    });
    expect(route.status, JSON.stringify(route.body)).toBe(201);
    // the dock's telemetry has reached the server
    await expect
      .poll(
        async () => (await pageApi(pilot, 'GET', `/api/drones/devices/${DOCK_SN}`)).body.device?.dock?.droneInDock,
        {
          timeout: 30_000,
        },
      )
      .toBe(true);

    await pilot.goto(`${suite.url}/drones/flights`);
    await pilot.getByTestId('flights-table').waitFor({ timeout: 30_000 });
    await pilot.getByTestId('flights-plan').click();
    await chooseOption(pilot, pilot.getByTestId('plan-route').first(), ROUTE);
    // not confirmable before the checks
    expect(await pilot.getByTestId('plan-confirm').isDisabled()).toBe(true);
    // the route is chosen before the checks run (a busy machine renders the select late)
    await expect.poll(() => pilot.getByTestId('plan-route').first().innerText(), { timeout: 15_000 }).toContain(ROUTE);
    const checked = pilot.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/drones/flights/check',
      { timeout: 30_000 },
    );
    await pilot.getByTestId('plan-check').click();
    const answer = await checked;
    expect(answer.status(), await answer.text()).toBe(200);
    const result = pilot.getByTestId('plan-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('data-ok')).toBe('1');
    const checks = await pilot.getByTestId('plan-checks').innerText();
    expect(checks).toContain('机场在线');
    expect(await result.innerText()).toContain('浏览器航班机场');
    expect(await pilot.getByTestId('check-dock_online').getAttribute('data-ok')).toBe('1');
    await pilot.getByTestId('plan-confirm').click();
    await result.waitFor({ state: 'detached', timeout: 20_000 });

    const flights = (await pageApi(pilot, 'GET', `/api/drones/flights?dockSn=${DOCK_SN}`)).body.items as any[];
    expect(flights).toHaveLength(1);
    const f = flights[0];
    expect(f).toMatchObject({ name: ROUTE, dockSn: DOCK_SN, kind: 'patrol' });
    const row = pilot.getByTestId(`flight-row-${f.id}`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain(ROUTE);
    expect(await row.innerText()).toContain('浏览器航班机场');
    // the list follows the flight (the dock takes the task at once)
    await expect
      .poll(() => pilot.getByTestId(`flight-state-${f.id}`).getAttribute('data-state'), { timeout: 60_000 })
      .not.toBe('planned');

    await pilot.goto(`${suite.url}/drones/calendar`);
    await pilot.getByTestId('flights-calendar').waitFor({ timeout: 30_000 });
    const entry = pilot.getByTestId(`cal-flight-${f.id}`);
    await entry.waitFor({ timeout: 20_000 });
    expect(await entry.innerText()).toContain(ROUTE);
    // in the row of its dock, among the eight demo docks' rows
    const cells = pilot.locator(`[data-testid^="cal-cell-${DOCK_SN}-"]`);
    expect(await cells.count()).toBe(7);
    expect(await cells.locator(`[data-testid="cal-flight-${f.id}"]`).count()).toBe(1);
    expect(await pilot.locator('[data-testid^="cal-cell-"][data-testid$="-0"]').count()).toBeGreaterThanOrEqual(9);
    expect(failures).toEqual([]);
  }, 240_000);
});
