/**
 * What the drone suites share: waiting for what arrives over MQTT, and a registered dock with a
 * SimDock logged in as it, set up the way a dock starts (topology, config, binding, storage) and
 * reporting its OSD until the platform sees it with the aircraft in.
 */
import { expect } from 'vitest';
import { SimDock, type SimDockOptions } from '../../src/modules/drones/sim/sim-dock';
import type { TestApp } from '../helpers/app';
import type { Client } from '../helpers/client';

export async function eventually<T>(what: string, f: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface DockSetup {
  sn: string;
  aircraftSn: string;
  name: string;
  home: { lng: number; lat: number };
  timeScale?: number;
  answer?: SimDockOptions['answer'];
}

/**
 * Registers the dock as `admin` and connects its SimDock, pushed onto `open` for the suite to
 * close; waits, as `watcher`, until the platform has the dock's telemetry with the aircraft in.
 */
export async function connectedDock(
  a: TestApp,
  admin: Client,
  watcher: Client,
  s: DockSetup,
  open: Array<{ close(): Promise<void> }>,
): Promise<SimDock> {
  const reg = await admin.post('/api/drones/docks', {
    sn: s.sn,
    name: s.name,
    modelKey: '3-2-0',
    homeLng: s.home.lng,
    homeLat: s.home.lat,
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const dock = new SimDock({
    brokerUrl: `mqtt://127.0.0.1:${a.mqtt!.port}`,
    dockSn: s.sn,
    aircraftSn: s.aircraftSn,
    password: reg.body.mqtt.password,
    ...s.home,
    timeScale: s.timeScale,
    answer: s.answer,
  });
  await dock.connect();
  open.push(dock);
  await dock.bootstrap(); // topology, config, binding state and the storage credentials, as a dock starts
  await dock.osd();
  await eventually(
    'dock telemetry',
    async () => (await watcher.get(`/api/drones/devices/${s.sn}`)).body.device,
    (d) => d?.online === true && d.dock?.droneInDock === true,
  );
  return dock;
}
