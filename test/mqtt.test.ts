/**
 * The message broker: the embedded Aedes broker (a separate client can use it), an external
 * broker that is down at start or goes away (the app runs degraded and reconnects), the real
 * external broker when TEST_MQTT_URL names one, and /api/health when the database is gone.
 */
import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MqttService } from '../src/platform/mqtt';
import { dialects, MQTT_URL } from './helpers/env';
import { dropPgSchema, startTestApp, type TestApp } from './helpers/app';
import { freePort } from './helpers/child';

const apps: TestApp[] = [];
const clients: MqttClient[] = [];
const brokers: TestBroker[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) await c.endAsync(true).catch(() => {});
  for (const a of apps.splice(0)) await a.dispose();
  for (const b of brokers.splice(0)) await b.close();
});

async function app(dialect: 'sqlite' | 'postgres', env: Record<string, string> = {}): Promise<TestApp> {
  const a = await startTestApp(dialect, { mqtt: true, seed: false, env });
  apps.push(a);
  return a;
}

async function health(a: TestApp): Promise<{ status: number; body: any }> {
  const res = await a.http.inject({ method: 'GET', url: '/api/health' });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

async function eventually<T>(what: string, f: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function testClient(url: string): Promise<MqttClient> {
  const c = await mqtt.connectAsync(url, {
    clientId: `yiwang-test-${Math.random().toString(36).slice(2, 10)}`,
    reconnectPeriod: 0,
    connectTimeout: 5000,
  });
  clients.push(c);
  return c;
}

/** The next message on `topic` that `client` receives. */
function nextMessage(client: MqttClient, topic: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message on ${topic} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (t: string, payload: Buffer) => {
      if (t !== topic) return;
      clearTimeout(timer);
      client.off('message', onMessage);
      resolve(payload.toString());
    };
    client.on('message', onMessage);
  });
}

/** Publishes both ways through the broker: the app's client → the test client, and back. */
async function roundTrip(a: TestApp, other: MqttClient): Promise<void> {
  const base = `yiwang-test/${Math.random().toString(36).slice(2, 10)}`;
  const appClient = a.mqtt!.client!;

  await other.subscribeAsync(`${base}/up`, { qos: 1 });
  const got = nextMessage(other, `${base}/up`);
  await appClient.publishAsync(`${base}/up`, 'from the app', { qos: 1 });
  expect(await got).toBe('from the app');

  await appClient.subscribeAsync(`${base}/down`, { qos: 1 });
  const back = nextMessage(appClient, `${base}/down`);
  await other.publishAsync(`${base}/down`, JSON.stringify({ cmd: 'ping', n: 1 }), { qos: 1 });
  expect(JSON.parse(await back)).toEqual({ cmd: 'ping', n: 1 });
  await appClient.unsubscribeAsync(`${base}/down`);
}

interface TestBroker {
  port: number;
  close(): Promise<void>;
}

/** An Aedes broker the test owns, standing in for an external broker that can be stopped. */
async function startBroker(port: number): Promise<TestBroker> {
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  let closed = false;
  const b: TestBroker = {
    port,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((r) => broker.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  brokers.push(b);
  return b;
}

describe.each(dialects('MQTT embedded broker'))('embedded MQTT broker (%s)', (dialect) => {
  it('listens on a free port; a separate client publishes and subscribes through it; health reports mqtt ok', async () => {
    const a = await app(dialect);
    expect(a.mqtt!.mode).toBe('embedded');
    const port = a.mqtt!.port!;
    expect(port).toBeGreaterThan(0);

    const other = await testClient(`mqtt://127.0.0.1:${port}`);
    await roundTrip(a, other);

    const h = await health(a);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'ok', db: { ok: true, dialect }, mqtt: { ok: true, mode: 'embedded' } });
  });

  it('a stopped broker turns health to 503 with mqtt not ok (the database still ok)', async () => {
    const a = await app(dialect);
    const other = await testClient(`mqtt://127.0.0.1:${a.mqtt!.port}`);
    const lost = new Promise<void>((r) => other.once('close', () => r()));
    await a.mqtt!.stop();
    await lost; // the broker really went away: its clients were disconnected

    const h = await health(a);
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: 'degraded', db: { ok: true }, mqtt: { ok: false, mode: 'embedded' } });
  });
});

describe.each(dialects('MQTT broker outage'))('external MQTT broker that goes away (%s)', (dialect) => {
  it('down at start: the app starts degraded (503), connects when the broker comes up, degrades when it goes away', async () => {
    const port = await freePort(); // nothing listens here
    const a = await app(dialect, { MQTT_URL: `mqtt://127.0.0.1:${port}` });
    expect(a.mqtt!.mode).toBe('external');
    const down = await health(a);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', db: { ok: true }, mqtt: { ok: false, mode: 'external' } });

    const broker = await startBroker(port);
    const up = await eventually(
      'health 200 after the broker came up',
      () => health(a),
      (h) => h.status === 200,
    );
    expect(up.body.mqtt).toEqual({ ok: true, mode: 'external' });
    await roundTrip(a, await testClient(`mqtt://127.0.0.1:${port}`));

    await broker.close();
    const gone = await eventually(
      'health 503 after the broker went away',
      () => health(a),
      (h) => h.status === 503,
    );
    expect(gone.body).toMatchObject({ db: { ok: true }, mqtt: { ok: false, mode: 'external' } });

    // …and back again: the client keeps reconnecting for as long as the app runs.
    await startBroker(port);
    await eventually(
      'health 200 after the broker came back',
      () => health(a),
      (h) => h.status === 200,
    );
  }, 30_000);
});

describe('MqttService start with an external broker that refuses', () => {
  it('returns as soon as the connection is refused instead of waiting out the 5 s timeout, and keeps retrying', async () => {
    const port = await freePort();
    const svc = new MqttService({
      url: `mqtt://127.0.0.1:${port}`,
      port: 0,
      logger: pino({ level: 'silent' }),
      clientId: `yiwang-test-${port}`,
    });
    try {
      const t0 = performance.now();
      await svc.start();
      expect(performance.now() - t0).toBeLessThan(4_000);
      expect(svc.connected()).toBe(false);
      const broker = await startBroker(port);
      await eventually(
        'the service to connect',
        async () => svc.connected(),
        (c) => c,
      );
      await broker.close();
    } finally {
      await svc.stop();
    }
    expect(svc.connected()).toBe(false);
  });
});

if (!MQTT_URL) {
  console.log('[skip] MQTT external broker suite: TEST_MQTT_URL is not set');
  describe('MQTT external broker suite', () => {
    it.skip('MQTT external broker suite: TEST_MQTT_URL is not set', () => {});
  });
} else {
  const MQTT_URL_SET: string = MQTT_URL;
  describe.each(dialects('MQTT external broker'))('MQTT external broker at TEST_MQTT_URL (%s)', (dialect) => {
    it('the app uses the external broker: publish/subscribe round trip and health ok', async () => {
      const a = await app(dialect, { MQTT_URL: MQTT_URL_SET });
      expect(a.mqtt!.mode).toBe('external');
      expect(a.mqtt!.port).toBeNull(); // no embedded broker was started
      const h = await health(a);
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: 'ok', db: { ok: true, dialect }, mqtt: { ok: true, mode: 'external' } });
      await roundTrip(a, await testClient(MQTT_URL_SET));
    });

    it('two app nodes on one external broker each get a message they subscribed to', async () => {
      const [a, b] = [await app(dialect, { MQTT_URL: MQTT_URL_SET }), await app(dialect, { MQTT_URL: MQTT_URL_SET })];
      const topic = `yiwang-test/${Math.random().toString(36).slice(2, 10)}/fanout`;
      await a.mqtt!.client!.subscribeAsync(topic, { qos: 1 });
      await b.mqtt!.client!.subscribeAsync(topic, { qos: 1 });
      const got = Promise.all([nextMessage(a.mqtt!.client!, topic), nextMessage(b.mqtt!.client!, topic)]);
      await (await testClient(MQTT_URL_SET)).publishAsync(topic, 'hello', { qos: 1 });
      expect(await got).toEqual(['hello', 'hello']);
    });
  });
}

describe.each(dialects('database health'))('database health (%s)', (dialect) => {
  it('a database closed under a running app turns health to 503 with db not ok', async () => {
    const a = await app(dialect);
    expect((await health(a)).status).toBe(200);
    await a.database.close();
    const h = await health(a);
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: 'degraded', db: { ok: false, dialect }, mqtt: { ok: true } });
  });

  if (dialect === 'postgres') {
    it('a dropped PostgreSQL schema turns health to 503 with db not ok', async () => {
      const a = await app(dialect);
      expect((await health(a)).status).toBe(200);
      await dropPgSchema(a.pgSchema!);
      const h = await health(a);
      expect(h.status).toBe(503);
      expect(h.body).toMatchObject({ status: 'degraded', db: { ok: false, dialect: 'postgres' } });
    });
  }
});
