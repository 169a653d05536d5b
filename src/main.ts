import { createServer } from 'node:net';
import { loadConfig, ConfigError, type Config } from './config';

// The heavy modules (HTTP, database drivers, geometry, spreadsheets…) load only for the commands
// that use them: `yiwang help` and configuration errors answer at once instead of after seconds.
let createApp!: typeof import('./app').createApp;
let connect!: typeof import('./platform/db/connect').connect;
let migrateAll!: typeof import('./migrations').migrateAll;
let verifyAudit!: typeof import('./platform/audit').verifyAudit;
let seedIfEmpty!: typeof import('./seed').seedIfEmpty;
let createFirstAdmin!: typeof import('./seed').createFirstAdmin;

async function loadCommands(): Promise<void> {
  ({ createApp } = await import('./app'));
  ({ connect } = await import('./platform/db/connect'));
  ({ migrateAll } = await import('./migrations'));
  ({ verifyAudit } = await import('./platform/audit'));
  ({ seedIfEmpty, createFirstAdmin } = await import('./seed'));
}

const HELP = `yiwang — 一网 city operations platform

  yiwang start [--no-demo]      migrate, seed demo data on first start (unless --no-demo), serve
  yiwang migrate                bring the database schema up to date
  yiwang seed [--orders N]      load the Guicheng demo dataset into an empty database, with N orders
                                of history over the last 12 months (default 5000); on a database that
                                already holds the demo, --orders N adds N more
  yiwang seed --service-items N generate service catalogue items until the catalogue holds N (scale tests)
  yiwang audit verify           check the audit log's hash chain; exit 1 at the first bad row
  yiwang user create --username U --password P [--name N] [--roles admin]
                                create a user (the first admin of a --no-demo install)
  yiwang sim docks --broker mqtt://host:1883 [--count 8] [--center lng,lat] [--logins file.json]
                                simulated DJI docks and aircraft speaking the Cloud API to a broker
                                (--logins: [{sn, aircraftSn, password, lng, lat}] for a broker that
                                checks them, like the embedded one; --binding-code C --organization O)

Configuration comes from the environment; see the README's table.`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub] = argv;
  let config: Config;
  try {
    config = loadConfig(process.env, { demo: !argv.includes('--no-demo') });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`configuration error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (['start', 'migrate', 'seed', 'audit', 'user'].includes(cmd)) await loadCommands();
  switch (cmd) {
    case 'start':
      return start(config);
    case 'migrate': {
      const db = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const done = await migrateAll(db.db);
      console.log(done.length ? `applied: ${done.join(', ')}` : 'schema is up to date');
      await db.close();
      return 0;
    }
    case 'seed': {
      const app = await createApp(config, { mqtt: false, web: false });
      const n = Number(flag(argv, '--orders') ?? NaN);
      const items = Number(flag(argv, '--service-items') ?? NaN);
      const result = await seedIfEmpty(app, {
        orders: Number.isFinite(n) ? n : undefined,
        serviceItems: Number.isFinite(items) && items > 0 ? Math.min(items, 20_000) : undefined,
        force: true,
      });
      console.log(result.seeded ? `seeded: ${result.summary}` : `not seeded: ${result.summary}`);
      await app.close();
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const db = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const r = await verifyAudit(db.db);
      await db.close();
      if (r.ok) {
        console.log(`audit chain OK: ${r.checked} rows verified`);
        return 0;
      }
      console.error(
        `audit chain BROKEN at row ${r.firstBad!.seq} (${r.firstBad!.problem}): ${r.firstBad!.message}; ${r.checked} rows before it are intact`,
      );
      return 1;
    }
    case 'user': {
      if (sub !== 'create') break;
      const username = flag(argv, '--username');
      const password = flag(argv, '--password');
      if (!username || !password) {
        console.error('usage: yiwang user create --username U --password P [--name N] [--roles admin,dispatcher]');
        return 2;
      }
      const app = await createApp(config, { mqtt: false, web: false });
      try {
        const id = await createFirstAdmin(app, {
          username,
          password,
          name: flag(argv, '--name') ?? username,
          roles: (flag(argv, '--roles') ?? 'admin').split(','),
        });
        console.log(`created user ${username} (${id})`);
        return 0;
      } catch (e) {
        console.error(`could not create user: ${(e as Error).message}`);
        return 1;
      } finally {
        await app.close();
      }
    }
    case 'sim': {
      if (sub !== 'docks') break;
      return simDocks(argv);
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
  }
  console.error(`unknown command: ${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

/** Fails fast on a taken HTTP port, before minutes of seeding would end in the same error. */
function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A broker URL as it may be printed: without its password. */
function printableUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function start(config: Config): Promise<number> {
  const t0 = Date.now();
  let app;
  try {
    await checkPortFree(config.port, config.host);
    app = await createApp(config);
  } catch (e) {
    return startupFailure(e, config);
  }
  const seeded = config.demo ? await seedIfEmpty(app, {}) : { seeded: false, summary: 'demo data off (--no-demo)' };
  let port: number;
  try {
    port = await app.listen();
  } catch (e) {
    await app.close();
    return startupFailure(e, config);
  }
  const ms = Date.now() - t0;
  const url = `http://localhost:${port}`;
  console.log(
    `\n  一网 Yiwang is running at ${url}  (ready in ${(ms / 1000).toFixed(1)} s, ${app.database.dialect}, MQTT ${app.mqtt?.mode} on ${config.mqttUrl ? printableUrl(config.mqttUrl) : 'port ' + config.mqttPort})`,
  );
  if (app.mqtt && !app.mqtt.connected()) {
    console.log(
      '  warning: the MQTT broker (MQTT_URL) does not answer; running without it (health 503), retrying every 2 s',
    );
  }
  const objects = app.objectStore.settings;
  if (objects)
    console.log(
      `  object store for dock media: ${app.objectStore.mode} at ${objects.publicEndpoint}, bucket ${objects.bucket}`,
    );
  if (seeded.seeded) console.log(`  demo data: ${seeded.summary}`);
  const fleet = config.demo ? await startDemoFleet(app, config) : null;
  if (config.demo) {
    console.log('  demo logins (password yiwang-demo): admin, dispatcher, handler, clerk, pilot, leader, citizen');
  } else {
    console.log('  no demo data: create the first admin with  npx yiwang user create --username admin --password …');
  }
  console.log('  API docs: ' + url + '/api/docs   ·   Ctrl-C stops\n');
  await new Promise<void>((resolve) => {
    const stop = (sig: string) => {
      console.log(`\n  ${sig}: finishing requests and closing the database…`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await fleet?.stop();
  await app.close();
  console.log('  stopped cleanly');
  return 0;
}

/** The demo's simulated docks: separate clients of the embedded broker, logging in as real docks do. */
async function startDemoFleet(app: import('./app').App, config: Config) {
  const { readDemoDocks } = await import('./modules/drones/demo/demo-docks');
  const { SimFleet } = await import('./modules/drones/sim/fleet');
  const list = readDemoDocks(config.dataDir);
  if (!list || !app.mqtt || app.mqtt.mode !== 'embedded') return null;
  const org = await app.drones.connection.organisation();
  const fleet = new SimFleet(`mqtt://127.0.0.1:${app.mqtt.port}`, list, {
    bindingCode: org.bindingCode,
    organizationId: org.id,
  });
  await fleet.start();
  console.log(
    `  drones: ${fleet.docks.length} simulated docks flying the demo (yiwang sim docks runs more against any broker)`,
  );
  return fleet;
}

async function simDocks(argv: string[]): Promise<number> {
  const broker = flag(argv, '--broker');
  if (!broker) {
    console.error(
      'usage: yiwang sim docks --broker mqtt://host:1883 [--count 8] [--center lng,lat] [--logins file.json]',
    );
    return 2;
  }
  const { SimFleet, generatedFleet } = await import('./modules/drones/sim/fleet');
  const { readFileSync } = await import('node:fs');
  const logins = flag(argv, '--logins');
  const count = Number(flag(argv, '--count') ?? 8);
  const [lng, lat] = (flag(argv, '--center') ?? '113.155,23.025').split(',').map(Number);
  if (!Number.isInteger(count) || count < 1 || count > 5000 || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    console.error('--count is 1–5000 and --center is lng,lat');
    return 2;
  }
  const list = logins ? JSON.parse(readFileSync(logins, 'utf8')) : generatedFleet(count, { lng, lat });
  const fleet = new SimFleet(broker, list, {
    bindingCode: flag(argv, '--binding-code'),
    organizationId: flag(argv, '--organization'),
    log: (s) => console.log(`  ${s}`),
  });
  await fleet.start();
  console.log(`  ${fleet.docks.length} simulated docks on ${printableUrl(broker)}; Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await fleet.stop();
  return 0;
}

function startupFailure(e: unknown, config: Config): number {
  const err = e as NodeJS.ErrnoException & { port?: number };
  if (err?.code === 'EADDRINUSE') {
    const isMqtt = err.port === config.mqttPort && !config.mqttUrl;
    const isS3 = err.port === config.s3Port && !config.s3Endpoint && err.port !== config.port;
    console.error(
      isMqtt
        ? `error: MQTT port ${config.mqttPort} is already in use — set MQTT_PORT to a free port (or MQTT_URL to use that broker)`
        : isS3
          ? `error: object store port ${config.s3Port} is already in use — set S3_PORT to a free port (or S3_ENDPOINT to use that store)`
          : `error: port ${config.port} is already in use — set PORT to a free port`,
    );
    return 1;
  }
  console.error(`error: could not start: ${err?.message ?? e}`);
  return 1;
}
