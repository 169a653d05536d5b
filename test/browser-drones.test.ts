/**
 * 无人机指挥调度 in a real browser against a real `yiwang start` (embedded MQTT broker on a free
 * port): an administrator registers a dock on the Devices page and reads its MQTT login from the
 * dialog that shows it once; a simulated dock logs in with that password, sets itself up with the
 * on-site values the dialog showed, and sends telemetry; the live map shows it online with its
 * aircraft's battery; a payload that is not JSON is listed in the device's drawer. A pilot gets
 * the drones menu and opens its pages without a 403; a handler does not get the menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import {
  announceBrowserSkip,
  chooseOption,
  launchBrowser,
  roleSessions,
  startRealServer,
  type RunningServer,
  BROWSER_SUITE,
} from './helpers/browser';
import { freePort } from './helpers/child';
import { SimDock } from '../src/modules/drones/sim/sim-dock';

const skip = announceBrowserSkip('browser suite (drones)');

const DOCK_SN = '4TADKBR00001TS';
const AIRCRAFT_SN = '1581F6QBR001TS';
const DOCK_NAME = '浏览器测试机场';

describe.skipIf(skip)('browser: drones command centre', BROWSER_SUITE, () => {
  let server: RunningServer;
  let browser: Browser;
  let mqttPort: number;
  let dock: SimDock | null = null;
  let password = '';
  let setup = { bindingCode: '', organizationId: '' };
  const sessions = roleSessions(
    () => browser,
    () => server.url,
  );
  const failures: string[] = [];

  beforeAll(async () => {
    mqttPort = await freePort();
    server = await startRealServer({ MQTT_PORT: String(mqttPort) });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await dock?.close();
    await sessions.close();
    await browser?.close();
    await server?.stop();
  });

  /** Records every /api/* answer of 403 or 5xx on the page. */
  function watch(page: Page, into: string[]) {
    page.on('response', (r: Response) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/') && (r.status() === 403 || r.status() >= 500))
        into.push(`${r.status()} ${r.request().method()} ${url.pathname}`);
    });
  }

  const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().innerText()).trim();
  /** The <input> of an antd field given its test id (on the input itself or on its wrapper). */
  const input = (page: Page, testId: string) =>
    page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

  it('admin registers a dock and is shown its MQTT login once, with the on-site setup values', async () => {
    const page = await sessions.as('admin');
    watch(page, failures);
    await page.goto(`${server.url}/drones/devices`);
    await page.getByTestId('drones-connection').waitFor({ timeout: 30_000 });
    await expect.poll(() => text(page, 'drones-connection'), { timeout: 15_000 }).toContain(String(mqttPort));

    await page.getByTestId('drones-register').click();
    await input(page, 'dock-sn').fill(DOCK_SN);
    await input(page, 'dock-name').fill(DOCK_NAME);
    await chooseOption(page, page.getByTestId('dock-model').first(), 'Dock 2');
    // the home point is picked with a click on the small map
    const map = page.getByTestId('dock-home-map');
    await map.waitFor({ timeout: 15_000 });
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => input(page, 'dock-home-lng').inputValue(), { timeout: 10_000 }).toMatch(/^11\d\.\d+/);
    expect(await input(page, 'dock-home-lat').inputValue()).toMatch(/^2\d\.\d+/);

    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/drones/docks',
    );
    await page.getByTestId('dock-form-submit').click();
    expect((await answered).status()).toBe(201);
    await page.getByTestId('dock-credentials').waitFor({ timeout: 15_000 });
    password = await text(page, 'dock-cred-password');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await text(page, 'dock-cred-username')).toBe(DOCK_SN);
    expect(await text(page, 'dock-cred-port')).toBe(String(mqttPort));
    const modal = page.getByTestId('dock-credentials');
    expect(await modal.innerText()).toMatch(/只显示这一次/);
    setup = {
      bindingCode: (await modal.getByTestId('conn-binding-code').innerText()).trim(),
      organizationId: (await modal.getByTestId('conn-org-id').innerText()).trim(),
    };
    expect(setup.bindingCode).not.toBe('');
    expect(await modal.getByTestId('conn-ntp').count()).toBe(1);
    expect(await modal.getByTestId('conn-dev-app').count()).toBe(1);
    await page.getByTestId('dock-credentials-ok').click();
    await page.getByTestId('dock-credentials').waitFor({ state: 'hidden', timeout: 10_000 });
    // the new dock is in the table, waiting for binding
    const row = page.getByTestId(`device-row-${DOCK_SN}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('待绑定');
    // the password is not shown again anywhere on the page
    expect(await page.locator('body').innerText()).not.toContain(password);
  }, 180_000);

  it('the simulated dock logs in with that password; the live map shows it online with its aircraft battery', async () => {
    dock = new SimDock({
      brokerUrl: `mqtt://127.0.0.1:${mqttPort}`,
      dockSn: DOCK_SN,
      aircraftSn: AIRCRAFT_SN,
      password,
      lng: 113.1482,
      lat: 23.0365,
      bindingCode: setup.bindingCode,
      organizationId: setup.organizationId,
    });
    await dock.connect();
    const { bound } = await dock.bootstrap();
    expect(bound.data.result).toBe(0);
    dock.battery = 87;
    await dock.osd();

    const page = await sessions.as('admin');
    await page.goto(`${server.url}/drones`);
    await expect
      .poll(() => page.getByTestId('drones-live-status').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('live');
    const item = page.getByTestId(`drone-dock-${DOCK_SN}`);
    await item.waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () => {
          await dock!.osd(); // telemetry keeps coming, as from a real dock
          return item.getAttribute('data-online');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('1');
    await expect.poll(() => item.innerText(), { timeout: 20_000 }).toContain('87%');
    expect(await item.innerText()).toContain('在线');
    // on the map: the dock green, its aircraft with its battery
    await expect
      .poll(() => page.getByTestId(`map-dock-${DOCK_SN}`).getAttribute('data-online'), { timeout: 15_000 })
      .toBe('1');
    await expect
      .poll(() => page.getByTestId(`map-aircraft-${AIRCRAFT_SN}`).getAttribute('data-battery'), { timeout: 15_000 })
      .toBe('87');
    // a click on the dock: its state in words
    await item.click();
    const card = page.getByTestId('dock-card');
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain(DOCK_NAME);
    const state = await card.innerText();
    expect(state).toContain('空闲'); // mode_code 0
    expect(state).toContain('关'); // cover_state 0
    expect(state).toContain('无雨');
    expect(state).toContain('2.1 m/s');
    expect(state).toContain('在舱内');
    // the battery changes live, without a reload
    dock.battery = 64;
    await expect
      .poll(
        async () => {
          await dock!.osd();
          return (await page.getByTestId(`dock-battery-${DOCK_SN}`).innerText()).trim();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe('64%');
    // and the Devices table now has it bound
    await page.goto(`${server.url}/drones/devices`);
    await expect
      .poll(() => page.getByTestId(`device-row-${DOCK_SN}`).innerText(), { timeout: 15_000 })
      .toContain('已绑定');
  }, 180_000);

  it('a payload that is not JSON is listed in the device drawer with its reason in words', async () => {
    await dock!.client!.publishAsync(`thing/product/${DOCK_SN}/osd`, '{not json', { qos: 1 });
    const page = await sessions.as('admin');
    await page.goto(`${server.url}/drones/devices`);
    await page.getByTestId(`device-open-${DOCK_SN}`).click();
    const faults = page.getByTestId('device-faults');
    await faults.waitFor({ timeout: 15_000 });
    // refused messages are counted in memory and written every few seconds
    await expect
      .poll(
        async () => {
          await page.getByTestId('device-drawer-refresh').click();
          await page.waitForTimeout(500);
          return faults.innerText();
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toContain('非 JSON');
    const shown = await faults.innerText();
    expect(shown).toContain('osd');
    expect(shown).toContain('{not json');
    expect(failures).toEqual([]);
  }, 120_000);

  it('a pilot has the drones menu and opens its pages without a 403; a handler has no drones menu', async () => {
    const page = await sessions.as('pilot');
    const pilotFailures: string[] = [];
    watch(page, pilotFailures);
    await page.goto(`${server.url}/`);
    await page.getByTestId('nav-drones').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-drones-live').click();
    await page.getByTestId(`drone-dock-${DOCK_SN}`).waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-drones-devices').click();
    await page.getByTestId(`device-row-${DOCK_SN}`).waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    expect(await page.locator('.ant-result-403').count()).toBe(0);
    // the pilot reads; registering and the setup values are the administrator's
    expect(await page.getByTestId('drones-register').count()).toBe(0);
    expect(await page.getByTestId('drones-connection').count()).toBe(0);
    expect(await page.getByTestId(`device-delete-${DOCK_SN}`).count()).toBe(0);
    await page.getByTestId(`device-open-${DOCK_SN}`).click();
    await page.getByTestId('device-faults').waitFor({ timeout: 15_000 });
    expect(pilotFailures).toEqual([]);

    const handler = await sessions.as('handler');
    await handler.goto(`${server.url}/`);
    await handler.getByTestId('home').waitFor({ timeout: 30_000 });
    expect(await handler.getByTestId('nav-drones').count()).toBe(0);
    expect(await handler.getByTestId('nav-drones-live').count()).toBe(0);
  }, 120_000);
});
