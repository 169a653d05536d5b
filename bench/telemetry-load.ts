/**
 * The load side of bench/telemetry.bench.ts, in its own process: one MQTT connection per dock
 * (its own login on the node), each publishing its dock's and its aircraft's OSD at `hz`, and the
 * consumer — a plain MQTT subscriber (bare broker) or the `/api/drones/live` WebSocket (node).
 * Tells the parent (IPC) when the measured phase starts and ends and when the flood starts; prints
 * its figures as JSON.
 */
import { readFileSync } from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import WebSocket from 'ws';

export interface LoadPlan {
  mode: 'bare' | 'node';
  brokerUrl: string;
  wsUrl?: string;
  cookie?: string;
  docks: { sn: string; aircraftSn: string; password: string }[];
  seconds: number;
  hz: number;
  flood: number;
}

export interface LoadResult {
  /** deliveries per second to the consumer at 2 Hz (the parent counts the node's handled messages itself) */
  sustained: number;
  p50: number;
  p99: number;
  /** published messages never delivered (nor superseded by a delivered newer one) */
  lost: number;
  published: number;
  /** bare: received per second flat out (the node's is counted by the parent) */
  flood: number;
  drainMs: number;
}

/** Before measuring: every device's first message brings it online (a transaction each, once per start). */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 12_000);
const tidOf = (() => {
  let n = 0;
  return () => `t${(n++).toString(36)}`;
})();

/** A Dock 2's OSD as DJI documents it (one full message; real docks split it over several). */
export function dockOsd(sn: string, aircraftSn: string, i: number, ts: number): string {
  return JSON.stringify({
    tid: tidOf(),
    bid: tidOf(),
    timestamp: ts,
    gateway: sn,
    data: {
      mode_code: 0,
      flighttask_step_code: 5,
      cover_state: 0,
      drone_in_dock: 1,
      emergency_stop_state: 0,
      rainfall: 0,
      wind_speed: 2 + (i % 10) / 10,
      environment_temperature: 26,
      temperature: 27.4,
      humidity: 71,
      latitude: 23.03 + (i % 100) * 0.001,
      longitude: 113.15 + Math.floor(i / 100) * 0.001,
      height: 31.2,
      heading: 92.5,
      home_position_is_valid: 1,
      network_state: { type: 2, quality: 4, rate: 5.2 },
      drone_charge_state: { state: 0, capacity_percent: 96 },
      sub_device: { device_sn: aircraftSn, device_model_key: '0-91-0', device_online_status: 0, device_paired: 1 },
      storage: { total: 82045336, used: 51772 },
      position_state: { is_fixed: 2, gps_number: 22, rtk_number: 30, is_calibration: 1, quality: 5 },
      media_file_detail: { remain_upload: 0 },
      alternate_land_point: {
        latitude: 23.031,
        longitude: 113.151,
        height: 30,
        safe_land_height: 30,
        is_configured: 1,
      },
      drone_battery_maintenance_info: { maintenance_state: 0, maintenance_time_left: 0 },
      air_conditioner: { air_conditioner_state: 0, switch_time: 0 },
      working_voltage: 24_000,
      working_current: 1500,
      backup_battery: { voltage: 26_000, temperature: 25, switch: 0 },
    },
  });
}

/** An M3D's OSD in flight (its own serial's topic). */
export function aircraftOsd(sn: string, gateway: string, i: number, ts: number, k: number): string {
  return JSON.stringify({
    tid: tidOf(),
    bid: tidOf(),
    timestamp: ts,
    gateway,
    data: {
      mode_code: 5,
      latitude: 23.03 + (i % 100) * 0.001 + Math.sin(k / 20) * 0.002,
      longitude: 113.15 + Math.floor(i / 100) * 0.001 + Math.cos(k / 20) * 0.002,
      height: 90.5,
      elevation: 60.2,
      attitude_head: (k * 3) % 360,
      attitude_pitch: -2.1,
      attitude_roll: 0.4,
      horizontal_speed: 10.1,
      vertical_speed: 0,
      home_distance: 420.6,
      wind_speed: 35,
      wind_direction: 3,
      gear: 1,
      battery: {
        capacity_percent: 80 - (k % 50),
        remain_flight_time: 1500,
        return_home_power: 20,
        landing_power: 10,
        batteries: [
          {
            capacity_percent: 80,
            index: 0,
            sn: `${sn}B`,
            type: 0,
            sub_type: 0,
            voltage: 15_800,
            temperature: 35.2,
            loop_times: 55,
          },
        ],
      },
      position_state: { is_fixed: 2, quality: 5, gps_number: 20, rtk_number: 28 },
      storage: { total: 62_000_000, used: 3_000_000 },
      total_flight_time: 360_000 + k,
      total_flight_distance: 900_000 + k * 5,
      total_flight_sorties: 120,
      track_id: `track-${sn}`,
      '99-0-0': { gimbal_pitch: -45, gimbal_roll: 0, gimbal_yaw: 12, zoom_factor: 2, payload_index: '99-0-0' },
    },
  });
}

async function connectAll(plan: LoadPlan): Promise<MqttClient[]> {
  const clients: MqttClient[] = [];
  for (let i = 0; i < plan.docks.length; i += 25) {
    const batch = plan.docks.slice(i, i + 25);
    clients.push(
      ...(await Promise.all(
        batch.map((d) =>
          mqtt.connectAsync(plan.brokerUrl, {
            clientId: `bench-${d.sn}`,
            username: plan.mode === 'node' ? d.sn : undefined,
            password: plan.mode === 'node' ? d.password : undefined,
            reconnectPeriod: 0,
            connectTimeout: 30_000,
          }),
        ),
      )),
    );
  }
  return clients;
}

/** The node learns each dock's aircraft from update_topo (a dock may then publish for it). */
async function topology(plan: LoadPlan, clients: MqttClient[]): Promise<void> {
  await Promise.all(
    plan.docks.map(async (d, i) => {
      const c = clients[i];
      await c.subscribeAsync(`sys/product/${d.sn}/status_reply`, { qos: 1 });
      const replied = new Promise<void>((resolve) => c.on('message', (t) => t.endsWith('status_reply') && resolve()));
      await c.publishAsync(
        `sys/product/${d.sn}/status`,
        JSON.stringify({
          tid: tidOf(),
          bid: tidOf(),
          timestamp: Date.now(),
          method: 'update_topo',
          data: {
            domain: '3',
            type: 2,
            sub_type: 0,
            device_secret: 's',
            nonce: 'n',
            version: 1,
            sub_devices: [
              {
                sn: d.aircraftSn,
                domain: '0',
                type: 91,
                sub_type: 0,
                index: 'A',
                device_secret: 's',
                nonce: 'n',
                version: 1,
              },
            ],
          },
        }),
        { qos: 1 },
      );
      await replied;
    }),
  );
}

const tell = (m: string) => process.send?.(m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(plan: LoadPlan): Promise<LoadResult> {
  const clients = await connectAll(plan);
  if (plan.mode === 'node') await topology(plan, clients);
  // deliveries per device: receive time and the newest message instant the frame carries
  const got = new Map<string, { recv: number[]; at: number[] }>();
  let received = 0;
  let lastRecv = 0;
  const record = (sn: string, at: number) => {
    const now = Date.now();
    received++;
    lastRecv = now;
    let g = got.get(sn);
    if (!g) got.set(sn, (g = { recv: [], at: [] }));
    g.recv.push(now);
    g.at.push(at);
  };
  let closeConsumer: () => void;
  if (plan.mode === 'bare') {
    const sub = await mqtt.connectAsync(plan.brokerUrl, { clientId: 'bench-subscriber', reconnectPeriod: 0 });
    await sub.subscribeAsync('thing/product/+/osd', { qos: 0 });
    sub.on('message', (topic, payload) => record(topic.split('/')[2], JSON.parse(payload.toString()).timestamp));
    closeConsumer = () => void sub.endAsync(true);
  } else {
    const ws = new WebSocket(plan.wsUrl!, { headers: { cookie: plan.cookie! } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { sn: string; at: number };
      record(m.sn, m.at);
    });
    closeConsumer = () => ws.close();
  }

  // 2 Hz from every device, each dock on its own phase
  const published: Array<[string, number]> = [];
  const start = Date.now();
  const measureFrom = start + WARMUP_MS;
  const measureTo = measureFrom + plan.seconds * 1000;
  let k = 0;
  const timers: NodeJS.Timeout[] = [];
  let told = false;
  plan.docks.forEach((d, i) => {
    const beat = () => {
      const ts = Date.now();
      if (ts >= measureFrom && !told) {
        told = true;
        tell('sustained-start');
      }
      const keep = ts >= measureFrom && ts < measureTo;
      clients[i].publish(`thing/product/${d.sn}/osd`, dockOsd(d.sn, d.aircraftSn, i, ts), { qos: 0 });
      clients[i].publish(`thing/product/${d.aircraftSn}/osd`, aircraftOsd(d.aircraftSn, d.sn, i, ts, k++), { qos: 0 });
      if (keep) published.push([d.sn, ts], [d.aircraftSn, ts]);
    };
    timers.push(
      setTimeout(() => timers.push(setInterval(beat, 1000 / plan.hz)), Math.floor(Math.random() * (1000 / plan.hz))),
    );
  });
  await sleep(measureTo - Date.now());
  tell('sustained-end');
  for (const t of timers) clearInterval(t);
  const receivedInWindow = [...got.values()].reduce(
    (n, g) => n + g.recv.filter((r) => r >= measureFrom && r < measureTo).length,
    0,
  );
  await sleep(1500);

  // latency of every published message: until the first frame of its device carrying it (or newer)
  const lat: number[] = [];
  let lost = 0;
  const byDevice = new Map<string, number[]>();
  for (const [sn, ts] of published) (byDevice.get(sn) ?? byDevice.set(sn, []).get(sn)!).push(ts);
  for (const [sn, list] of byDevice) {
    const g = got.get(sn) ?? { recv: [], at: [] };
    let j = 0;
    for (const ts of list.sort((a, b) => a - b)) {
      while (j < g.at.length && g.at[j] < ts) j++;
      if (j === g.at.length) lost++;
      else lat.push(g.recv[j] - ts);
    }
  }
  lat.sort((a, b) => a - b);
  const at = (p: number) => lat[Math.min(lat.length - 1, Math.max(0, Math.ceil((p / 100) * lat.length) - 1))] ?? NaN;

  // flat out: every dock publishes its share back to back
  const per = Math.ceil(plan.flood / clients.length);
  const before = received;
  const floodStart = Date.now();
  tell('flood');
  await Promise.all(
    plan.docks.map(async (d, i) => {
      for (let n = 0; n < per; n++) {
        const ts = Date.now();
        const aircraft = n % 2 === 1;
        await clients[i].publishAsync(
          `thing/product/${aircraft ? d.aircraftSn : d.sn}/osd`,
          aircraft ? aircraftOsd(d.aircraftSn, d.sn, i, ts, n) : dockOsd(d.sn, d.aircraftSn, i, ts),
          { qos: 0 },
        );
      }
    }),
  );
  const drainStart = Date.now();
  const total = per * clients.length;
  while (Date.now() - Math.max(lastRecv, drainStart) < 2000 && received - before < total) await sleep(50);
  const flood = plan.mode === 'bare' ? ((received - before) / Math.max(1, lastRecv - floodStart)) * 1000 : NaN;
  closeConsumer();
  await Promise.all(clients.map((c) => c.endAsync(true)));
  return {
    sustained: receivedInWindow / plan.seconds,
    p50: at(50),
    p99: at(99),
    lost,
    published: published.length,
    flood,
    drainMs: Date.now() - drainStart,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const plan = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadPlan;
  const r = await main(plan);
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}
